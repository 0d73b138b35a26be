import { describe, expect, it } from 'vitest';
import { readAhead } from './readAhead.ts';

describe('a read started ahead of its view', () => {
  it('is taken by the view that asks for the same thing, which then asks nothing itself', async () => {
    let clock = 0;
    const ahead = readAhead<string>(10_000, () => clock);
    const asked: string[] = [];
    ahead.start('57 premises', async () => (asked.push('ahead'), 'places'));
    clock = 400;
    expect(await ahead.take('57 premises', async () => (asked.push('view'), 'again'))).toBe(
      'places',
    );
    expect(asked).toEqual(['ahead']);
  });

  it('is taken once: the next opening reads afresh', async () => {
    const ahead = readAhead<number>(10_000, () => 0);
    let n = 0;
    const read = async () => (n += 1);
    ahead.start('k', read);
    expect(await ahead.take('k', read)).toBe(1);
    expect(await ahead.take('k', read)).toBe(2);
  });

  it('is not taken for other entities, nor once it is older than its freshness', async () => {
    let clock = 0;
    const ahead = readAhead<string>(10_000, () => clock);
    ahead.start('a', async () => 'for a');
    expect(await ahead.take('b', async () => 'for b')).toBe('for b');
    ahead.start('a', async () => 'for a');
    clock = 10_001;
    expect(await ahead.take('a', async () => 'read now')).toBe('read now');
  });

  it('starts no second read for the same thing while the first is fresh, and gives its failure to the view', async () => {
    const ahead = readAhead<string>(10_000, () => 0);
    let reads = 0;
    const failing = () => {
      reads += 1;
      return Promise.reject(new Error('the server answered 503'));
    };
    ahead.start('k', failing);
    ahead.start('k', failing);
    expect(reads).toBe(1);
    await expect(ahead.take('k', async () => 'unused')).rejects.toThrow('the server answered 503');
  });
});
