/**
 * Circuits benchmark: the rotations the circuits finder (server/modules/stays) finds, through the
 * real service (scoped gateway read + the pure finder, system scope), against the rotations
 * planted in the ground truth (truth.rotations: every network worker's stays at the parlours).
 *
 *   npx tsx bench/analytics/circuits.ts [--runs 5]                       the demo, in a Neo4j of its own
 *   npx tsx bench/analytics/circuits.ts --store DIR --truth FILE [--runs 3] a scale store
 *
 * A scale store is one `lantern seed scale --people N --truth FILE` built (LANTERN_DATA_DIR=DIR);
 * its premises and operations are listed by running the (deterministic) generator again in
 * process. `circuits(ids)` takes at most 1,000 ids, so every premises of a scale store is read in
 * requests of 1,000 (circuits found twice across requests counted once); timed besides: one
 * request of 1,000 premises, and what an analyst runs, the premises one operation visited.
 *
 * Matching rule (docs/analytics.md#circuits): a found PERSON circuit is right when its person is a planted
 * rotating worker and every one of its stays is one of that worker's planted stays (same premises,
 * same first day). Precision: right circuits / circuits found. Recall: planted rotations with at
 * least one right circuit / planted rotations. Stay coverage: planted stays inside a right circuit.
 * GROUP circuits are counted beside (no group moving together is planted).
 * Adds its own figures to bench/results/analytics.json, keeping the others and their machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { arg, machine, median, openBenchDb, printMachine, round, sizeName } from '../lib.ts';
import type { RotationTruth } from '../../seed/demo/generate.ts';
import { generateScale } from '../../seed/scale/generate.ts';
import { circuitsOf } from '../../server/modules/stays/stays.service.ts';
import { operationDashboard } from '../../server/modules/operations/operations.service.ts';
import { openDemoBench, systemContext, timed } from './demo-bench.ts';

type Found = Awaited<ReturnType<typeof circuitsOf>>;

/** Precision, recall and stay coverage of the PERSON circuits found against the planted rotations. */
function score(found: Found, rotations: RotationTruth[]) {
  const planted = new Map(rotations.map((r) => [r.personId, new Set(r.stays.map((s) => `${s.premisesId}|${s.from}`))]));
  const persons = found.filter((c) => c.kind === 'PERSON');
  const right = persons.filter((c) => {
    const stays = planted.get(c.people[0]!.id);
    return stays !== undefined && c.stays.every((s) => stays.has(`${s.premisesId}|${s.validFrom}`));
  });
  const recalled = new Set(right.map((c) => c.people[0]!.id));
  const covered = new Set(right.flatMap((c) => c.stays.map((s) => `${c.people[0]!.id}|${s.premisesId}|${s.validFrom}`)));
  const plantedStays = rotations.reduce((n, r) => n + r.stays.length, 0);
  for (const c of persons.filter((c) => !right.includes(c)).slice(0, 20)) process.stdout.write(`not planted: ${c.people[0]!.id} ${c.premises.map((p) => p.id).join(' > ')} ${c.from}..${c.to ?? 'open'}\n`);
  for (const r of rotations.filter((r) => !recalled.has(r.personId)).slice(0, 20)) process.stdout.write(`missed: ${r.personId} ${r.premisesIds.join(' > ')}\n`);
  return {
    precision: round(persons.length ? right.length / persons.length : 0, 4),
    recall: round(rotations.length ? recalled.size / rotations.length : 0, 4),
    coverage: round(plantedStays ? covered.size / plantedStays : 0, 4),
    found: persons.length,
    planted: rotations.length,
    groups: found.length - persons.length,
  };
}

/** Only this bench's keys change; the machine recorded is the one the other figures were taken on. */
function merge(figures: Record<string, number>, noteKey: string, note: string): void {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const file = path.resolve(import.meta.dirname, '../results/analytics.json');
  const old = JSON.parse(fs.readFileSync(file, 'utf8')) as { figures: Record<string, number>; notes?: Record<string, unknown> };
  old.figures = { ...old.figures, ...figures };
  old.notes = { ...(old.notes ?? {}), [noteKey]: note };
  fs.writeFileSync(file, `${JSON.stringify(old, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}

const SETTINGS = 'windowDays 120, minPremises 2, minTogether 3';

async function demoRun(runs: number): Promise<void> {
  const { db, m, ctx, truth, premises } = await openDemoBench('circuits');
  try {
    const t = await timed(runs, () => circuitsOf(ctx, { ids: premises }));
    const s = score(t.last, truth.rotations);
    merge(
      {
        demo_circuits_precision: s.precision,
        demo_circuits_recall: s.recall,
        demo_circuits_stay_coverage: s.coverage,
        demo_circuits_found: s.found,
        demo_circuits_planted: s.planted,
        demo_circuit_groups_found: s.groups,
        demo_circuits_ms_median: round(median(t.ms), 1),
      },
      'circuits',
      `bench/analytics/circuits.ts: circuits(ids: every premises of the demo, ${premises.length}; ${SETTINGS}) through the service, system scope, against truth.rotations; matching rule in docs/analytics.md#circuits. Timing: median of ${runs} runs after one warm-up, load average ${m.loadAverage.join(' ')}.`,
    );
  } finally {
    await db.close();
  }
}

async function scaleRun(store: string, truthFile: string, runs: number): Promise<void> {
  const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as { people: number; seed: number; rotations?: RotationTruth[] };
  if (!truth.rotations) throw new Error(`${truthFile} has no rotations: seed the store again with this generator (lantern seed scale --truth).`);
  const premises: string[] = [];
  const operations: string[] = [];
  for await (const c of generateScale({ people: truth.people, seed: truth.seed }))
    for (const e of c.data.entities) {
      if (e.type === 'PREMISES') premises.push(e.id);
      else if (e.type === 'OPERATION') operations.push(e.id);
    }
  const size = sizeName(truth.people);
  process.stdout.write(`${size} people: ${premises.length} premises, ${operations.length} operations, ${truth.rotations.length} planted rotations\n`);
  const db = await openBenchDb(`circuits-${size}`, { heap: '2g', pageCache: '2g', dataDir: store, migrate: false, queryTimeoutMs: 600_000 });
  try {
    const m = machine(db.neo4jVersion);
    printMachine(m);
    const ctx = systemContext(db);
    // Every premises, in requests of 1,000 (the most circuits(ids) takes).
    const started = performance.now();
    const all = new Map<string, Found[number]>();
    const batchMs: number[] = [];
    for (let i = 0; i < premises.length; i += 1000) {
      const t = performance.now();
      for (const c of await circuitsOf(ctx, { ids: premises.slice(i, i + 1000), first: 1000 })) all.set(`${c.kind}|${c.stays.map((s) => s.id).join()}`, c);
      batchMs.push(performance.now() - t);
    }
    const allMs = performance.now() - started;
    const s = score([...all.values()], truth.rotations);
    // What an analyst runs: the premises one operation visited, and one full request.
    const op = (await operationDashboard(ctx, { operationId: operations[0]!, bucket: 'DAY' }))!;
    const area = await timed(runs, () => circuitsOf(ctx, { ids: op.premisesIds }));
    const full = await timed(runs, () => circuitsOf(ctx, { ids: premises.slice(0, 1000), first: 1000 }));
    merge(
      {
        [`circuits_precision_${size}`]: s.precision,
        [`circuits_recall_${size}`]: s.recall,
        [`circuits_stay_coverage_${size}`]: s.coverage,
        [`circuits_found_${size}`]: s.found,
        [`circuits_planted_${size}`]: s.planted,
        [`circuit_groups_found_${size}`]: s.groups,
        [`circuits_all_premises_ms_${size}`]: Math.round(allMs),
        [`circuits_all_premises_requests_${size}`]: batchMs.length,
        [`circuits_1000_premises_ms_median_${size}`]: round(median(full.ms), 1),
        [`circuits_operation_premises_${size}`]: op.premisesIds.length,
        [`circuits_operation_ms_median_${size}`]: round(median(area.ms), 1),
      },
      `circuits_${size}`,
      `bench/analytics/circuits.ts --store: a ${size}-people scale store (lantern seed scale, import), circuits(${SETTINGS}) through the service, system scope, against truth.rotations of the scale generator. ` +
        `All ${premises.length} premises in ${batchMs.length} requests of 1,000 ids (the most one takes), once; timed besides, median of ${runs} after one warm-up: one request of 1,000 premises, and the ${op.premisesIds.length} premises operation ${operations[0]} visited (what an analyst runs). Heap 2g, page cache 2g, load average ${m.loadAverage.join(' ')}.`,
    );
  } finally {
    await db.close();
  }
}

const store = arg('store', '');
if (store) await scaleRun(path.resolve(store), path.resolve(arg('truth', path.join(store, '..', 'truth.json'))), Number(arg('runs', '3')));
else await demoRun(Number(arg('runs', '5')));
