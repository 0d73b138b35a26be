import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { resolveGraph } from '../modules/resolve/resolve.service.ts';
import { UserError, type CliEnv } from './main.ts';

export function registerResolve(program: Command, env: CliEnv): void {
  program
    .command('resolve')
    .description(
      'Entity resolution for people: scores pairs of person records (blocking, field comparisons, Fellegi-Sunter weights estimated from the data), ' +
        'merges those above the merge threshold and queues those above the review threshold. Incremental: only records not seen before are compared, unless --all. ' +
        'Records are never edited; every merge keeps its evidence and can be undone (docs/decisions/0005-entity-resolution.md).',
    )
    .option('--all', 'compare every pair again, not only pairs with new records')
    .option('--source <names...>', 'resolve the person records of these sources only')
    .option('--merge <p>', 'probability at or above which a pair is merged', '0.95')
    .option('--review <p>', 'probability at or above which a pair goes to the review queue', '0.5')
    .action(async (opts: { all?: boolean; source?: string[]; merge: string; review: string }) => {
      const merge = Number(opts.merge);
      const review = Number(opts.review);
      if (!(merge > 0 && merge <= 1)) throw new UserError(`--merge must be a probability above 0 and at most 1, got ${opts.merge}`);
      if (!(review > 0 && review <= merge)) throw new UserError(`--review must be a probability above 0 and at most --merge (${merge}), got ${opts.review}`);
      const config = env.config();
      const log = env.logger(config);
      const db = await openDatabase(config, log);
      try {
        process.stderr.write('Resolving people...\n');
        const r = await resolveGraph(db.gateway, { incremental: !opts.all, thresholds: { merge, review }, ...(opts.source ? { sources: opts.source } : {}) });
        process.stdout.write(
          `Compared ${r.candidatePairs} candidate pairs among ${r.records} person records (${r.newRecords} new) in ${(r.ms / 1000).toFixed(1)} s, ${r.recordsPerSecond} records/s: ` +
            `${r.merged} pairs merged, ${r.review} for review. ${r.recordsInClusters} records now form ${r.clusters} resolved people.\n`,
        );
      } finally {
        await db.close();
      }
    });
}
