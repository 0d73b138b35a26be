import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A write that logs when it starts and ends, and finishes when told. */
function write(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const work = async () => {
    log.push(`${name} start`);
    await done;
    log.push(`${name} end`);
  };
  return { work, finish };
}

/** One request in the gate's scope: `run` does work inside it (as its resolvers would), `end()` finishes its response. */
function request(gate: WriteGate) {
  const res = new EventEmitter();
  const tasks: { work: () => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  let wake: (() => void) | undefined;
  gate.requestScope()({} as Request, res as unknown as Response, () => {
    void (async () => {
      for (;;) {
        while (tasks.length === 0) await new Promise<void>((r) => (wake = r));
        const t = tasks.shift()!;
        t.work().then(t.resolve, t.reject);
      }
    })();
  });
  const run = (work: () => Promise<unknown>) =>
    new Promise((resolve, reject) => {
      tasks.push({ work, resolve, reject });
      wake?.();
    });
  return { run, end: () => res.emit('finish') };
}

describe('the write gate', () => {
  it('waits for writes under way before the backup reads, and holds new ones until it is done', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const a = write(log, 'a');
    const running = gate.pass(a.work);
    await tick();
    const held = gate.hold(5_000, async () => {
      log.push('backup');
      await tick();
      log.push('backup done');
    });
    await tick();
    const b = write(log, 'b');
    const waiting = gate.pass(b.work);
    await tick();
    expect(log).toEqual(['a start']);
    a.finish();
    await held;
    await tick();
    b.finish();
    await Promise.all([running, waiting]);
    expect(log).toEqual(['a start', 'a end', 'backup', 'backup done', 'b start', 'b end']);
  });

  it('lets a request that has written hold the backup back until its response has been sent, and writes again without waiting', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const req = request(gate);
    await req.run(() => gate.pass(async () => void log.push('first write')));
    const held = gate.hold(5_000, async () => void log.push('backup'));
    await tick();
    // The gate is closing, but this request holds it: its second write goes through.
    await req.run(() => gate.pass(async () => void log.push('second write')));
    await tick();
    expect(log).toEqual(['first write', 'second write']);
    req.end();
    await held;
    expect(log).toEqual(['first write', 'second write', 'backup']);
    expect(gate.writing).toBe(0);
  });

  it('gives up after the drain time with a message naming the writes, and opens again', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const a = write(log, 'a');
    const running = gate.pass(a.work);
    await expect(gate.hold(20, async () => void log.push('backup'))).rejects.toThrow(/1 writes were still under way after 0 s .*nothing was backed up/);
    await gate.pass(async () => void log.push('b'));
    a.finish();
    await running;
    expect(log).toEqual(['a start', 'b', 'a end']);
  });
});
