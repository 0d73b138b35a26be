import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { RESOLVABLE_TYPES, resolveGraph } from '../modules/resolve/resolve.service.ts';
import type { ResolvableType } from '../modules/resolve/scheme.ts';
import { UserError, type CliEnv } from './main.ts';

export function registerResolve(program: Command, env: CliEnv): void {
  program
    .command('resolve')
    .description(
      'Entity resolution for people, organisations and premises: scores pairs of records (blocking, field comparisons, Fellegi-Sunter weights estimated from the data, ' +
        'exact agreements weighed by how common the value is), ' +
        'merges those above the merge threshold and queues those above the review threshold. Incremental: only records not seen before are compared, unless --all. ' +
        'Records are never edited; every merge keeps its evidence and can be undone (docs/decisions/0005-entity-resolution.md).',
    )
    .option('--all', 'compare every pair again, not only pairs with new records')
    .option('--source <names...>', 'resolve the records of these sources only')
    .option('--type <types...>', `resolve these kinds of record only (${RESOLVABLE_TYPES.map((t) => t.toLowerCase()).join(', ')})`)
    .option('--merge <p>', 'probability at or above which a pair is merged', '0.95')
    .option('--review <p>', 'probability at or above which a pair goes to the review queue', '0.5')
    .action(async (opts: { all?: boolean; source?: string[]; type?: string[]; merge: string; review: string }) => {
      const types = opts.type?.map((t) => t.toUpperCase() as ResolvableType);
      const unknown = types?.find((t) => !RESOLVABLE_TYPES.includes(t));
      if (unknown) throw new UserError(`--type must be one of ${RESOLVABLE_TYPES.map((t) => t.toLowerCase()).join(', ')}, got ${unknown.toLowerCase()}`);
      const merge = Number(opts.merge);
      const review = Number(opts.review);
      if (!(merge > 0 && merge <= 1)) throw new UserError(`--merge must be a probability above 0 and at most 1, got ${opts.merge}`);
      if (!(review > 0 && review <= merge)) throw new UserError(`--review must be a probability above 0 and at most --merge (${merge}), got ${opts.review}`);
      const config = env.config();
      const log = env.logger(config);
      const db = await openDatabase(config, log);
      try {
        process.stderr.write('Resolving...\n');
        const r = await resolveGraph(db.gateway, { incremental: !opts.all, thresholds: { merge, review }, ...(opts.source ? { sources: opts.source } : {}), ...(types ? { types } : {}) });
        const noun = { PERSON: 'person', ORGANISATION: 'organisation', PREMISES: 'premises' } as const;
        for (const t of r.byType) {
          process.stdout.write(
            `Compared ${t.candidatePairs} candidate pairs among ${t.records} ${noun[t.type]} records (${t.newRecords} new) in ${(t.ms / 1000).toFixed(1)} s: ` +
              `${t.merged} pairs merged, ${t.review} for review.\n`,
          );
        }
        process.stdout.write(`${r.records} records in ${(r.ms / 1000).toFixed(1)} s, ${r.recordsPerSecond} records/s. ${r.recordsInClusters} records now form ${r.clusters} resolved entities.\n`);
      } finally {
        await db.close();
      }
    });
}
