import fs from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase } from '../db/database.ts';
import { graphCounts } from '../modules/load/load.repository.ts';
import { seedDemo } from '../../seed/demo/index.ts';
import { seedScale, SCALE_SEED } from '../../seed/scale/index.ts';
import { LoadError } from '../modules/load/load.service.ts';
import { UserError, type CliEnv } from './main.ts';

export function registerSeed(program: Command, env: CliEnv): void {
  const seed = program.command('seed').description('Load synthetic data.');
  seed
    .command('demo')
    .description('Load the demo scenario (synthetic, fictional; idempotent: loading it again changes nothing).')
    .option('--truth <file>', 'write the ground truth (planted networks, victims, duplicates, operation counts) as JSON')
    .option('--batch-size <n>', 'rows per transaction', '1000')
    .action(async (opts: { truth?: string; batchSize: string }) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a whole number above 0, got ${opts.batchSize}`);
      const config = env.config();
      const log = env.logger(config);
      const db = await openDatabase(config, log);
      const bar = new SingleBar({ format: ' {phase} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      let phase = '';
      try {
        const { demo, result } = await seedDemo(db.gateway, {
          batchSize,
          onProgress: (p) => {
            if (!process.stderr.isTTY) return;
            if (p.phase !== phase) {
              if (phase) bar.stop();
              phase = p.phase;
              bar.start(p.total, 0, { phase: p.phase.padEnd(8) });
            }
            bar.update(p.done);
          },
        });
        if (phase) bar.stop();
        const counts = await graphCounts(db.gateway);
        const out = process.stdout;
        out.write(`Loaded the demo scenario (synthetic data) in ${(result.ms / 1000).toFixed(1)} s.\n`);
        out.write(`Source records: ${counts.sourceRecords}\nEntities in the database:\n`);
        for (const [k, n] of Object.entries(counts.entities)) out.write(`  ${k.padEnd(20)} ${n}\n`);
        out.write('Links in the database:\n');
        for (const [k, n] of Object.entries(counts.links)) out.write(`  ${k.padEnd(20)} ${n}\n`);
        for (const op of demo.truth.operations) {
          out.write(
            `${op.name} (${op.startDate} to ${op.endDate}): ${op.premisesVisited} premises visited, ${op.peopleEncountered} people encountered, ` +
              `${op.potentialVictimsIdentified} potential victims identified, ${op.safeguarded} safeguarded.\n`,
          );
        }
        if (opts.truth) {
          fs.writeFileSync(opts.truth, `${JSON.stringify(demo.truth, null, 2)}\n`);
          out.write(`Wrote the ground truth to ${opts.truth}\n`);
        }
      } catch (e) {
        if (e instanceof LoadError) throw new UserError(e.message);
        throw e;
      } finally {
        await db.close();
      }
    });

  seed
    .command('scale')
    .description('Load a larger synthetic graph of the demo’s shape, for benchmarks (deterministic; streamed, so memory stays flat).')
    .requiredOption('--people <n>', 'number of people (1 to 10,000,000); the rest is in the demo’s proportions')
    .option('--truth <file>', 'write the ground truth (planted networks, potential victims, duplicates, noise) as JSON')
    .option('--seed <n>', 'seed of the generator', String(SCALE_SEED))
    .option('--batch-size <n>', 'rows per transaction', '1000')
    .action(async (opts: { people: string; truth?: string; seed: string; batchSize: string }) => {
      const people = Number(opts.people);
      if (!Number.isInteger(people) || people < 1 || people > 10_000_000) throw new UserError(`--people must be a whole number from 1 to 10000000, got ${opts.people}`);
      const seedValue = Number(opts.seed);
      if (!Number.isInteger(seedValue) || seedValue < 0) throw new UserError(`--seed must be a whole number, got ${opts.seed}`);
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a whole number above 0, got ${opts.batchSize}`);
      const config = env.config();
      const log = env.logger(config);
      const db = await openDatabase(config, log);
      const tty = process.stderr.isTTY;
      const bar = new SingleBar({ format: ' people [{bar}] {value}/{total} | {rows} rows | {rate} rows/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      if (tty) bar.start(people, 0, { rows: 0, rate: 0 });
      let lastLine = 0;
      try {
        const r = await seedScale(db.gateway, {
          people,
          seed: seedValue,
          batchSize,
          ...(opts.truth ? { truthFile: opts.truth } : {}),
          onProgress: (p) => {
            const rate = Math.round(p.rows / (p.ms / 1000));
            if (tty) bar.update(p.people, { rows: p.rows, rate });
            else if (p.ms - lastLine > 10_000 || p.people === p.totalPeople) {
              lastLine = p.ms;
              process.stderr.write(`${p.people}/${p.totalPeople} people, ${p.rows} rows, ${rate} rows/s\n`);
            }
          },
        });
        if (tty) bar.stop();
        const out = process.stdout;
        out.write(
          `Loaded ${r.people} people of scale data (synthetic) in ${(r.ms / 1000).toFixed(1)} s: ${r.entities} entities, ${r.links} links, ` +
            `${r.sources} source records; ${r.rows} rows, ${Math.round(r.rows / (r.ms / 1000))} rows/s.\n`,
        );
        if (opts.truth) out.write(`Wrote the ground truth to ${opts.truth}\n`);
      } catch (e) {
        if (tty) bar.stop();
        if (e instanceof LoadError) throw new UserError(e.message);
        throw e;
      } finally {
        await db.close();
      }
    });
}
