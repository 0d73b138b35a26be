/**
 * Stored analysis at scale (docs/analytics.md, decisions/0018), beside today's
 * recompute-everything path in the same run, on a copy of the scale store (.data/bench-scale-<size>,
 * left by bench/load.ts; bench/scale-copy.ts):
 * - the full recompute (`lantern analyse --all`: both views, risk, indicators, networks, metrics);
 * - the flagged list's first page and suspectedNetworks' first page read from the kept results (p95 of --reads);
 * - importing --rows new rows (a person working at a new premises and using a phone: for a share
 *   --join-share of the rows, drawn with a seeded generator, a phone already in the graph, so that
 *   those rows join it; a new number for the others) and the incremental round that follows;
 * - last, the baseline: the flagged list's first page (50 rows) and suspectedNetworks' first page
 *   computed over the whole graph per request, as the services do when nothing is kept (once
 *   each: minutes).
 * Merges its figures into bench/results/analytics.json.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx bench/analytics/stored.ts [--people 100k] [--rows 10000] [--join-share 0.25] [--reads 30] [--baseline yes] [--reuse no] [--stores bench]
 */
import { arg, quantile, round, writeResult } from '../lib.ts';
import { checkLinked, openScaleCopy, PERSON_ROWS_MAPPING, personRowsFile, rowPhones, timed } from '../scale-copy.ts';
import type { Context } from '../../server/graphql/context.ts';
import { flagged } from '../../server/modules/indicators/indicators.service.ts';
import { suspectedNetworks } from '../../server/modules/analytics/analytics.service.ts';
import { needsFull, runFull, runIncremental } from '../../server/modules/scores/scores.jobs.ts';
import { importFiles } from '../../server/modules/import/import.service.ts';
import { runOffline } from '../../server/testing/statements.ts';
import * as scoresRepo from '../../server/modules/scores/scores.repository.ts';
import { int } from '../../server/db/values.ts';
import { readKeptResults } from '../../server/modules/scores/scores.service.ts';
import { keptResults } from '../../server/modules/scores/index.ts';

const rows = Number(arg('rows', '10000'));
const joinShare = Number(arg('join-share', '0.25'));
const reads = Number(arg('reads', '30'));
const baseline = arg('baseline', 'yes') !== 'no';
if (!(joinShare >= 0 && joinShare <= 1)) throw new Error(`--join-share must be a share from 0 to 1, got ${arg('join-share', '')}`);

// --reuse yes: the copy a stopped run left, with its kept results (the full recompute is skipped when they are complete).
const { size, reused: reuse, db, machine: m, system } = await openScaleCopy('stored', { reuse: arg('reuse', 'no') === 'yes' });
try {
  // An analyst's view: everything, victims masked (as the workspace reads it).
  const analyst = system.forScope({ shareAll: true, mask: true, pseudonymKey: Buffer.alloc(32, 7) });
  const ctx = { gateway: analyst, services: { kept: keptResults } } as unknown as Context;
  const p95 = async (label: string, f: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < reads; i++) times.push((await timed(`${label} ${i + 1}`, f)).ms);
    return quantile(times, 0.95);
  };
  // The first page (50) of suspectedNetworks with every field of each network read, as the
  // workspace asks for it (ties and evidence are parsed only when read).
  const networksFirstPage = async () => {
    const c = await suspectedNetworks(ctx, {});
    return c.edges.reduce((a, e) => a + e.node.ties.length + e.node.evidence.length, 0);
  };
  const figures: Record<string, number> = {};
  // Where a run's time went, by phase ("all: rules" -> full_phase_all_rules_s_100k), printed and kept.
  const phasesInto = (run: string, phases: Record<string, number>) => {
    for (const [k, ms] of Object.entries(phases)) {
      const key = `${run}_phase_${k.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_s_${size}`;
      figures[key] = round((figures[key] ?? 0) + ms / 1000, 1);
      process.stdout.write(`  ${run} phase ${k}: ${round(ms / 1000, 1)} s\n`);
    }
  };
  const note = () =>
    `bench/analytics/stored.ts on a fresh copy of .data/bench-scale-${size} (heap ${db.heap}, page cache ${db.pageCache}), one run, load averages printed in the log. ` +
    `Baseline (same run, once each, last, on the graph with the imported rows, unless --baseline no): flagged first page and suspectedNetworks first page computed over the whole graph per request (what the services do with nothing kept). ` +
    `full_recompute_s: runFull (lantern analyse --all): both views (all, partner), risk profiles + indicator hits in batches of 5000 with checkpoints, then suspected networks; full_phase_*: its time by view and phase (read graph/evidence/operations, rules, rows, write, networks, networks write, metrics). ` +
    `flagged_first_page_p95_ms / suspected_networks_p95_ms: p95 of ${reads} sequential reads of the first page (50 rows; networks with their ties and evidence) through the services from the kept results, as an analyst (victims masked); suspected_networks_total: how many networks the pages hold. ` +
    `incremental_10k_rows_s: after importing ${rows} rows (a new person working at a new premises and using a phone: for ${Math.round(joinShare * 100)}% of the rows, drawn with a seeded generator, one of the store's own phones, so that they join the graph, import_joined_rows saying how many; a new number for the rest), the incremental rounds until no mark is left (both views, plus suspected networks recomputed whole per view); incremental_phase_*: its time by phase (reach, read around, rules, rows, write, networks read, networks); import_10k_rows_s is the import itself. ` +
    `Figures are written after each stage: a figure missing was not reached.`;
  // After each stage, so that a run stopped part-way keeps what it measured.
  const save = () => writeResult({ name: 'analytics', machine: m, figures, notes: { [`stored_${size}`]: note() } });

  readKeptResults(true);
  if (!(reuse && (await needsFull(system)) === null)) {
  const full = await timed('full recompute (both views)', () => runFull(system, { progress: (p) => process.stdout.write(`  ${new Date().toISOString().slice(11, 19)} ${p.phase} ${p.done}/${p.total}\n`) }));
  figures[`full_recompute_s_${size}`] = round(full.ms / 1000, 1);
  phasesInto('full', full.value.phases);
  const kept = await scoresRepo.results(system, 'all');
  figures[`stored_results_${size}`] = kept.length;
  figures[`stored_flagged_${size}`] = kept.filter((r) => r.flagged).length;
  save();
  }

  const page = await flagged(ctx, { first: 50 });
  if (page.freshness.source !== 'STORED') throw new Error('the flagged list did not read the kept results');
  figures[`flagged_first_page_p95_ms_${size}`] = round(await p95('stored: flagged first page', () => flagged(ctx, { first: 50 })), 1);
  const nets = await suspectedNetworks(ctx, {});
  if (nets.freshness.source !== 'STORED') throw new Error('suspectedNetworks did not read the kept results');
  figures[`suspected_networks_total_${size}`] = nets.totalCount;
  figures[`suspected_networks_p95_ms_${size}`] = round(await p95('stored: suspectedNetworks first page', () => networksFirstPage()), 1);
  save();

  // Import rows of which a share join the graph through phone numbers it already holds (the
  // store's phones, picked by a seeded generator: the same rows on every run against one store).
  const existing = (await runOffline(system, 'bench/phone-numbers', { limit: int(1_000_000) })).map((r) => String(r.number));
  const { phones, joined } = rowPhones(rows, existing, joinShare);
  const rowsFile = personRowsFile('rows.csv', phones.map((phone, i) => ({ ref: `S${i}`, given: `Bench${i}`, family: 'Stored', phone, site: `Bench Site ${i % 1000}` })));
  const imported = await timed(`import ${rows} rows (${joined} of them with a phone already in the graph)`, () =>
    importFiles(system, { source: `BENCH_STORED_${Date.now()}`, mapping: PERSON_ROWS_MAPPING, files: [rowsFile] }),
  );
  checkLinked(imported.value, rows);
  figures[`import_joined_rows_${size}`] = joined;
  figures[`import_10k_rows_s_${size}`] = round(imported.ms / 1000, 1);
  figures[`dirty_after_import_${size}`] = await scoresRepo.dirtyCount(system);
  let rescored = 0;
  let rounds = 0;
  const inc = await timed('incremental rounds until nothing is marked', async () => {
    for (;;) {
      const r = await runIncremental(system);
      if (r.marks === 0) break;
      rounds++;
      rescored += r.full ? -1e9 : r.rescored;
      phasesInto('incremental', r.phases);
      process.stdout.write(`  round ${rounds}: ${r.marks} marks, ${r.full ? 'full recompute' : `${r.rescored} rescored`} in ${round(r.ms / 1000, 1)} s\n`);
    }
  });
  figures[`incremental_10k_rows_s_${size}`] = round(inc.ms / 1000, 1);
  figures[`incremental_10k_rows_rescored_${size}`] = rescored;
  figures[`incremental_10k_rows_rounds_${size}`] = rounds;
  save();
  // Baseline, last (so that a run stopped by the clock keeps the stored figures): the services
  // told not to read kept results compute over the whole graph per request, as with nothing kept.
  if (baseline) {
    readKeptResults(false);
    const f = await timed('baseline: flagged first page, recompute everything', () => flagged(ctx, { first: 50 }));
    if (f.value.freshness.source !== 'COMPUTED') throw new Error('the baseline read the kept results');
    figures[`flagged_first_page_recompute_ms_${size}`] = round(f.ms, 0);
    const n = await timed('baseline: suspectedNetworks first page, recompute everything', () => networksFirstPage());
    figures[`suspected_networks_recompute_ms_${size}`] = round(n.ms, 0);
    save();
  }
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const file = save();
  process.stdout.write(`wrote ${file}\n`);
} finally {
  await db.close();
}
