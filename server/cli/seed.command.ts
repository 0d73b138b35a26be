import fs from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase } from '../db/database.ts';
import { graphCounts } from '../modules/load/load.repository.ts';
import { seedDemo } from '../../seed/demo/index.ts';
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
}
