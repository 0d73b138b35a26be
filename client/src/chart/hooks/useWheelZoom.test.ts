import { describe, expect, it } from 'vitest';
import { wheelZoomFactor } from './useWheelZoom.ts';

describe('wheelZoomFactor', () => {
  it('zooms in about 15% for a mouse notch up, and back out for the notch down', () => {
    const up = wheelZoomFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false });
    expect(up).toBeCloseTo(1.1487, 3);
    expect(up * wheelZoomFactor({ deltaY: 100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(1);
  });
  it('takes a touchpad’s small deltas smoothly, line deltas per line, and a pinch (ctrl) faster', () => {
    expect(wheelZoomFactor({ deltaY: -4, deltaMode: 0, ctrlKey: false })).toBeCloseTo(1.0056, 3);
    expect(wheelZoomFactor({ deltaY: -3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(2 ** 0.15, 5);
    expect(wheelZoomFactor({ deltaY: -4, deltaMode: 0, ctrlKey: true })).toBeCloseTo(2 ** 0.08, 5);
  });
});
