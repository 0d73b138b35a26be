import { describe, expect, it } from 'vitest';
import { skipClearsOfCleanLayers } from './cleanLayers.ts';

/** A 2D context as far as the layer logic sees it: the clears that reach the canvas are counted. */
function fakeLayer(width = 200, height = 100) {
  const canvas = { width, height, style: { visibility: '' } };
  let identity = true;
  const calls = { clears: 0, fills: 0 };
  const ctx = {
    canvas,
    clearRect: () => {
      calls.clears += 1;
    },
    fill: () => {
      calls.fills += 1;
    },
    fillRect: () => {
      calls.fills += 1;
    },
    getTransform: () => ({ isIdentity: identity }),
    setIdentity: (value: boolean) => {
      identity = value;
    },
  };
  skipClearsOfCleanLayers(ctx as unknown as CanvasRenderingContext2D);
  return { ctx: ctx as unknown as CanvasRenderingContext2D & { setIdentity(v: boolean): void }, canvas, calls };
}

describe('clean 2D layers over the WebGL canvas', () => {
  it('are hidden once cleared whole, and repeated clears of them do not reach the canvas', () => {
    const { ctx, canvas, calls } = fakeLayer();
    expect(canvas.style.visibility).toBe('');
    ctx.clearRect(0, 0, 200, 100);
    expect(canvas.style.visibility).toBe('hidden');
    ctx.clearRect(0, 0, 200, 100);
    ctx.clearRect(0, 0, 200, 100);
    expect(calls.clears).toBe(1);
  });

  it('are shown as soon as something is drawn on them (a selection box), and cleared and hidden again after', () => {
    const { ctx, canvas, calls } = fakeLayer();
    ctx.clearRect(0, 0, 200, 100);
    ctx.fillRect(10, 10, 50, 20);
    expect(canvas.style.visibility).toBe('');
    expect(calls.fills).toBe(1);
    ctx.clearRect(0, 0, 200, 100);
    expect(calls.clears).toBe(2);
    expect(canvas.style.visibility).toBe('hidden');
  });

  it('stay shown after a partial clear or a clear under a transform, which may leave drawing behind', () => {
    const { ctx, canvas, calls } = fakeLayer();
    ctx.fill();
    ctx.clearRect(0, 0, 100, 100);
    expect(canvas.style.visibility).toBe('');
    ctx.setIdentity(false);
    ctx.clearRect(0, 0, 200, 100);
    expect(canvas.style.visibility).toBe('');
    expect(calls.clears).toBe(2);
  });
});
