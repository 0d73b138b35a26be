import { describe, expect, it } from 'vitest';
import { shuffled } from './sequencer.ts';

describe('the integration suites’ shuffled order', () => {
  const files = Array.from({ length: 40 }, (_, i) => `suite-${i}`);

  it('is a permutation of the files, the same for the same seed and another for another seed', () => {
    const a = shuffled(files, 7);
    expect([...a].sort()).toEqual([...files].sort());
    expect(shuffled(files, 7)).toEqual(a);
    expect(a).not.toEqual(files);
    expect(shuffled(files, 8)).not.toEqual(a);
  });

  it('puts each file first under some seed', () => {
    const firsts = new Set(Array.from({ length: 2000 }, (_, seed) => shuffled(files, seed)[0]));
    expect(firsts.size).toBe(files.length);
  });
});
