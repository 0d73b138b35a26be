import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { openDatabase } from '../db/database.ts';
import { Busy, runFull, runIncremental } from '../modules/scores/scores.jobs.ts';
import { UserError, type CliEnv } from './cli-env.ts';

export function registerAnalyse(program: Command, env: CliEnv): void {
  program
    .command('analyse')
    .description(
      'Recomputes the stored risk scores, indicator hits and suspected networks (docs/analytics.md). --all: everything, as a job with a progress bar, ' +
        'resumable: run it again after a kill and it goes on from its last written batch. Without --all: one incremental round over the entities writes marked.',
    )
    .option('--all', 'recompute everything (resumes an unfinished run)')
    .option('--batch <n>', 'entities scored and written per checkpointed batch (default 5000 for --all, 1000 otherwise)')
    .action(async (opts: { all?: boolean; batch?: string }) => {
      const batch = opts.batch === undefined ? undefined : Number(opts.batch);
      if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1 && batch <= 100_000)) throw new UserError(`--batch must be a whole number from 1 to 100000 (got ${opts.batch}).`);
      const config = env.config();
      const log = env.logger(config);
      const db = await openDatabase(config, log);
      const gw = db.gateway.withTimeout(3_600_000);
      const bar = new SingleBar({ format: '{phase} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
      let phase = '';
      let started = false;
      const progress = (p: { phase: string; done: number; total: number }) => {
        if (!started) {
          bar.start(Math.max(p.total, 1), p.done, { phase: p.phase });
          started = true;
        }
        if (p.phase !== phase) {
          phase = p.phase;
          bar.setTotal(Math.max(p.total, 1));
        }
        bar.update(p.done, { phase: p.phase });
      };
      try {
        if (opts.all) {
          const r = await runFull(gw, { by: `lantern analyse ${process.pid}`, batch, progress });
          bar.stop();
          process.stdout.write(`${r.resumed ? 'Resumed and finished' : 'Finished'} the full recompute in ${(r.ms / 1000).toFixed(1)} s (job ${r.job}).\n`);
        } else {
          const r = await runIncremental(gw, { by: `lantern analyse ${process.pid}`, batch, progress });
          bar.stop();
          process.stdout.write(r.marks === 0 ? 'Nothing marked: the stored analysis is up to date.\n' : `Rescored ${r.full ? 'everything' : `${r.rescored} entities`} for ${r.marks} marks in ${(r.ms / 1000).toFixed(1)} s.\n`);
        }
      } catch (e) {
        bar.stop();
        if (e instanceof Busy) throw new UserError(e.message);
        throw e;
      } finally {
        await db.close();
      }
    });
}
