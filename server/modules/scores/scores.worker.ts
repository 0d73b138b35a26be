/**
 * The analysis worker in the server: every few seconds, a full recompute when the kept results
 * need one (none yet, other rules, another day, a job left unfinished), else an incremental round
 * over the entities writes marked dirty. One run at a time across processes (the lease); a run
 * another process holds is left to it.
 */
import type { Gateway } from '../../db/gateway.ts';
import type { Logger } from '../../config/logger.ts';
import { Busy, needsFull, runFull, runIncremental } from './scores.jobs.ts';

export interface Worker {
  /** Runs one pass now (tests, benchmarks): resolves when it is done. */
  pass(): Promise<void>;
  stop(): Promise<void>;
}

export function startWorker(gateway: Gateway, log: Logger, o: { intervalMs?: number } = {}): Worker {
  // Whole-graph reads outlast a request's timeout.
  const gw = gateway.withTimeout(3_600_000);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const once = async () => {
    try {
      const why = await needsFull(gw);
      if (why) {
        log.info({ why }, 'Stored analysis: full recompute');
        const r = await runFull(gw);
        log.info({ ms: Math.round(r.ms), resumed: r.resumed }, 'Stored analysis: full recompute done');
      } else {
        const r = await runIncremental(gw);
        if (r.marks > 0) log.info({ marks: r.marks, rescored: r.rescored, full: r.full, ms: Math.round(r.ms) }, 'Stored analysis: incremental round done');
      }
    } catch (e) {
      if (e instanceof Busy) return;
      log.error({ err: e }, 'Stored analysis: a run failed; it is tried again on the next pass');
    }
  };
  const pass = () => (running = running.then(once));
  const loop = () => {
    if (stopped) return;
    void pass().then(() => {
      if (!stopped) timer = setTimeout(loop, o.intervalMs ?? 5000);
    });
  };
  timer = setTimeout(loop, 0);
  return {
    pass,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
