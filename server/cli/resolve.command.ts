import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { GraphQLError } from 'graphql';
import { DEFAULT_IDENTIFIERS, type IdentifierProperty } from '../modules/resolve/resolve.repository.ts';
import { RESOLVABLE_TYPES, resolveGraph, resolvedCluster, resolvedClusters, reviewQueue, unmerge, type MatchDecision, type MatchRecord, type ResolvedCluster } from '../modules/resolve/resolve.service.ts';
import type { ResolvableType } from '../modules/resolve/scheme.ts';
import { UserError, type CliEnv } from './cli-env.ts';

const recordLine = (r: MatchRecord) =>
  `  ${r.id}  ${r.label}${r.dateOfBirth ? `  born ${r.dateOfBirth}` : ''}${r.identifiers.length ? `  ${r.identifiers.join(' ')}` : ''}${r.sources.length ? `  [${r.sources.join(', ')}]` : ''}\n`;

/** A merge as evidence: who decided, the rule if one decided, and field by field what agreed and how much it counted. */
export function formatMerge(d: MatchDecision): string {
  const lines = [
    `  ${d.id}: ${d.a.id} + ${d.b.id}, ${d.status} by ${d.decidedBy} at ${d.decidedAt}, probability ${d.probability.toFixed(4)}, weight ${d.weight.toFixed(2)} bits${d.swapped ? ', names compared crossed over' : ''}`,
    ...(d.rule ? [`    rule: ${d.rule}`] : []),
    ...d.evidence.map((e) => `    ${e.field.padEnd(12)} ${e.level.padEnd(28)} ${(e.weight >= 0 ? '+' : '') + e.weight.toFixed(2)}  ${e.a ?? '-'} | ${e.b ?? '-'}`),
    ...(d.note ? [`    note: ${d.note}`] : []),
    ...d.history.map((h) => `    earlier: ${h}`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * A pair waiting for review, and why it waits: a hard rule (a far date of birth, a conflict
 * within the cluster, a name and a date of birth alone) holds back pairs whose probability is
 * at or above the merge threshold; without a rule the score alone put it between the thresholds.
 */
export function formatReviewPair(d: MatchDecision): string {
  const who = (r: MatchRecord) => `${r.label}${r.dateOfBirth ? ` (born ${r.dateOfBirth})` : ''}`;
  return `${d.id}  ${d.entityType.toLowerCase()}  probability ${d.probability.toFixed(4)}: ${d.a.id} ${who(d.a)} / ${d.b.id} ${who(d.b)}\n    why: ${d.rule ?? 'the score is between the review and merge thresholds'}\n`;
}

export function formatCluster(c: ResolvedCluster): string {
  return `Resolved ${c.entityType.toLowerCase()} ${c.id}: ${c.records.length} records, ${c.merges.length} merges\n${c.records.map(recordLine).join('')}Merges:\n${c.merges.map(formatMerge).join('')}`;
}

/** `kind=property` pairs (nhs=nhsNumber) as identifier declarations. */
function identifiersOf(values: string[] | undefined): IdentifierProperty[] | undefined {
  if (!values) return undefined;
  return values.map((v) => {
    const m = /^([a-z][a-z0-9_-]*)=([A-Za-z][A-Za-z0-9_]*)$/.exec(v);
    if (!m) throw new UserError(`--match-key must be kind=property (e.g. nhs=nhsNumber), got ${v}`);
    return { kind: m[1]!, property: m[2]! };
  });
}

async function withGateway<T>(env: CliEnv, work: (g: Awaited<ReturnType<typeof openDatabase>>['gateway']) => Promise<T>): Promise<T> {
  const config = env.config();
  const db = await openDatabase(config, env.logger(config));
  try {
    return await work(db.gateway);
  } catch (e) {
    // Not found, bad input: the service's message says what to fix.
    if (e instanceof GraphQLError) throw new UserError(e.message);
    throw e;
  } finally {
    await db.close();
  }
}

export function registerResolve(program: Command, env: CliEnv): void {
  const resolve = program
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
    .option(
      '--match-key <kind=property...>',
      `person identifier properties that decide a match when shared and veto one when different (default ${DEFAULT_IDENTIFIERS.map((i) => `${i.kind}=${i.property}`).join(' ')})`,
    )
    .action(async (opts: { all?: boolean; source?: string[]; type?: string[]; merge: string; review: string; matchKey?: string[] }) => {
      const identifiers = identifiersOf(opts.matchKey);
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
        const r = await resolveGraph(db.gateway, {
          incremental: !opts.all,
          thresholds: { merge, review },
          ...(opts.source ? { sources: opts.source } : {}),
          ...(types ? { types } : {}),
          ...(identifiers ? { identifiers } : {}),
        });
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

  resolve
    .command('list')
    .description('Resolved entities (records merged into one), biggest first: their records and how many merges join them. With --pending: the pairs waiting for review instead, highest probability first, each with why it waits.')
    .option('--type <type>', `only this kind of record (${RESOLVABLE_TYPES.map((t) => t.toLowerCase()).join(', ')})`)
    .option('--pending', 'list the pairs waiting for review instead, with the rule that held each back from a merge')
    .option('--first <n>', 'how many', '20')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts: { type?: string; pending?: boolean; first: string; offset: string }) => {
      await withGateway(env, async (g) => {
        if (opts.pending) {
          const queue = await reviewQueue(g, Number(opts.first), Number(opts.offset), opts.type ? opts.type.toUpperCase() : null);
          for (const d of queue.items) process.stdout.write(formatReviewPair(d));
          process.stdout.write(`${queue.items.length} of ${queue.total} pairs waiting for review. Decide them on the review page or with acceptMatch / rejectMatch.\n`);
          return;
        }
        const page = await resolvedClusters(g, Number(opts.first), Number(opts.offset), opts.type ? opts.type.toUpperCase() : null);
        for (const c of page.items) process.stdout.write(`${c.id}  ${c.entityType.toLowerCase()}  ${c.records.length} records, ${c.merges.length} merges: ${c.records.map((r) => r.label).join(' / ')}\n`);
        process.stdout.write(`${page.items.length} of ${page.total} resolved entities. \`lantern resolve explain ID\` shows one with its evidence.\n`);
      });
    });

  resolve
    .command('explain')
    .argument('<id>', 'the id of any record of the resolved entity')
    .description('One resolved entity: its records, and for each merge which fields matched, at what level, how much each counted, and the rule that decided.')
    .action(async (id: string) => {
      await withGateway(env, async (g) => {
        const c = await resolvedCluster(g, id);
        if (!c) throw new UserError(`${id} is not merged with any record (or there is no record with that id)`);
        process.stdout.write(formatCluster(c));
      });
    });

  resolve
    .command('unmerge')
    .argument('<id>', 'a merge decision id (that merge is undone) or a record id (every merge joining it to others is undone)')
    .option('--note <text>', 'why, kept with the decision')
    .description('Takes merges back exactly: resolved ids become what they would be without them. Records are not edited; the decisions keep their history.')
    .action(async (id: string, opts: { note?: string }) => {
      await withGateway(env, async (g) => {
        const undone = await unmerge(g, id, process.env.USER ? `${process.env.USER} (command line)` : 'command line', opts.note ?? null);
        for (const d of undone) process.stdout.write(`Undone ${d.id}: ${d.a.id} and ${d.b.id} are no longer merged.\n`);
      });
    });
}
