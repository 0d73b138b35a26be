import { describe, expect, it } from 'vitest';
import { median, settled } from './lib.ts';

describe('settled', () => {
  it('waits for the minimum number of steps, then for a step no longer 5% below the best before it', () => {
    expect(settled([20, 20], 6)).toBe(false);
    expect(settled([25, 20, 19, 16, 15, 14], 6)).toBe(false);
    expect(settled([25, 20, 19, 16, 15, 14.5], 6)).toBe(true);
    expect(settled([20.7, 20.7], 2)).toBe(true);
    expect(settled([30, 24], 2)).toBe(false);
    expect(settled([30], 1)).toBe(false);
  });
});

describe('median', () => {
  it('takes the mean of the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });
});
