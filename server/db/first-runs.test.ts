import { describe, expect, it } from 'vitest';
import { FirstRuns } from './first-runs.ts';

/** A piece of work that logs when it starts and ends, and finishes when told. */
function gate(log: string[], name: string) {
  let finish!: (ok: boolean) => void;
  const done = new Promise<boolean>((r) => (finish = r));
  const work = async () => {
    log.push(`${name} start`);
    const ok = await done;
    log.push(`${name} end`);
    if (!ok) throw new Error(`${name} failed`);
    return name;
  };
  return { work, finish };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Three gated pieces of work a, b and c started in that order for one statement. */
function threeRuns() {
  const runs = new FirstRuns();
  const log: string[] = [];
  const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n)) as [ReturnType<typeof gate>, ReturnType<typeof gate>, ReturnType<typeof gate>];
  const started = [a, b, c].map((g) => runs.run('graph/x', g.work));
  return { log, a, b, c, started };
}

describe('first runs of a statement', () => {
  it('runs the first alone; the others start once it has finished, then run together', async () => {
    const { log, a, b, c, started } = threeRuns();
    await tick();
    expect(log).toEqual(['a start']);
    a.finish(true);
    await tick();
    expect(log).toEqual(['a start', 'a end', 'b start', 'c start']);
    b.finish(true);
    c.finish(true);
    expect(await Promise.all(started)).toEqual(['a', 'b', 'c']);
  });

  it('does not hold back other statements, or later runs of one that has run', async () => {
    const runs = new FirstRuns();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n));
    const pa = runs.run('graph/x', a!.work);
    const pb = runs.run('search/y', b!.work);
    await tick();
    expect(log).toEqual(['a start', 'b start']);
    a!.finish(true);
    b!.finish(true);
    await Promise.all([pa, pb]);
    const pc = runs.run('graph/x', c!.work);
    await tick();
    expect(log.at(-1)).toBe('c start');
    c!.finish(true);
    await pc;
  });

  it('lets the next run go first when the first one fails, and still gives each caller its own outcome', async () => {
    const { log, a, b, c, started } = threeRuns();
    a.finish(false);
    await expect(started[0]).rejects.toThrow('a failed');
    await tick();
    // b became the first; c waits for it.
    expect(log).toEqual(['a start', 'a end', 'b start']);
    b.finish(true);
    await tick();
    expect(log.at(-1)).toBe('c start');
    c.finish(true);
    expect(await Promise.all(started.slice(1))).toEqual(['b', 'c']);
  });
});
