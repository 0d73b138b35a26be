/**
 * Circuits benchmark on the demo scenario, in a Neo4j of its own: the rotations the circuits
 * finder (server/modules/stays) finds from every premises of the demo, through the real service
 * (scoped gateway read + the pure finder), against the rotations the scenario planted
 * (truth.rotations: every network worker moved through two or more parlours).
 *
 *   npx tsx bench/analytics/circuits.ts [--runs 5]
 *
 * Matching rule (docs/analytics.md#circuits): a found PERSON circuit is right when its person is a planted
 * rotating worker and every one of its stays is one of that worker's planted stays (same premises,
 * same first day). Precision: right circuits / circuits found. Recall: planted rotations with at
 * least one right circuit / planted rotations. Stay coverage: planted stays inside a right circuit.
 * GROUP circuits are counted beside (the demo plants no group moving together).
 * Adds its own figures to bench/results/analytics.json, keeping the others and their machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { arg, machine, median, openBenchDb, printMachine, round } from '../lib.ts';
import { demo, seedDemoIfEmpty } from '../../seed/demo/index.ts';
import type { Context } from '../../server/graphql/context.ts';
import { SYSTEM_PRINCIPAL } from '../../server/graphql/context.ts';
import { circuitsOf } from '../../server/modules/stays/stays.service.ts';

const runs = Number(arg('runs', '5'));
const db = await openBenchDb('circuits', { heap: '1g', pageCache: '512m' });
try {
  await seedDemoIfEmpty(db, { info: (m: string) => process.stdout.write(`${m}\n`) });
  const m = machine(db.neo4jVersion);
  printMachine(m);
  const ctx = { gateway: db.gateway, principal: SYSTEM_PRINCIPAL } as unknown as Context;
  const { truth, data } = demo();
  const premises = data.entities.filter((e) => e.type === 'PREMISES').map((e) => e.id);

  await circuitsOf(ctx, { ids: premises }); // warm-up
  const ms: number[] = [];
  let found: Awaited<ReturnType<typeof circuitsOf>> = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    found = await circuitsOf(ctx, { ids: premises });
    ms.push(performance.now() - t);
  }
  const planted = new Map(truth.rotations.map((r) => [r.personId, new Set(r.stays.map((s) => `${s.premisesId}|${s.from}`))]));
  const persons = found.filter((c) => c.kind === 'PERSON');
  const right = persons.filter((c) => {
    const stays = planted.get(c.people[0]!.id);
    return stays !== undefined && c.stays.every((s) => stays.has(`${s.premisesId}|${s.validFrom}`));
  });
  const recalled = new Set(right.map((c) => c.people[0]!.id));
  const covered = new Set(right.flatMap((c) => c.stays.map((s) => `${c.people[0]!.id}|${s.premisesId}|${s.validFrom}`)));
  const plantedStays = truth.rotations.reduce((n, r) => n + r.stays.length, 0);
  for (const c of persons.filter((c) => !right.includes(c))) process.stdout.write(`not planted: ${c.people[0]!.id} ${c.premises.map((p) => p.id).join(' > ')} ${c.from}..${c.to ?? 'open'}\n`);
  for (const r of truth.rotations.filter((r) => !recalled.has(r.personId))) process.stdout.write(`missed: ${r.personId} ${r.premisesIds.join(' > ')}\n`);
  const figures = {
    demo_circuits_precision: round(persons.length ? right.length / persons.length : 0, 4),
    demo_circuits_recall: round(truth.rotations.length ? recalled.size / truth.rotations.length : 0, 4),
    demo_circuits_stay_coverage: round(plantedStays ? covered.size / plantedStays : 0, 4),
    demo_circuits_found: persons.length,
    demo_circuits_planted: truth.rotations.length,
    demo_circuit_groups_found: found.length - persons.length,
    demo_circuits_ms_median: round(median(ms), 1),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  // Only this bench's keys change; the machine recorded is the one the other figures were taken on.
  const file = path.resolve(import.meta.dirname, '../results/analytics.json');
  const old = JSON.parse(fs.readFileSync(file, 'utf8')) as { figures: Record<string, number>; notes?: Record<string, unknown> };
  old.figures = { ...old.figures, ...figures };
  old.notes = { ...(old.notes ?? {}), circuits: `bench/analytics/circuits.ts: circuits(ids: every premises of the demo, ${premises.length}; windowDays 120, minPremises 2, minTogether 3) through the service, system scope, against truth.rotations; matching rule in docs/analytics.md#circuits. Timing: median of ${runs} runs after one warm-up, load average ${m.loadAverage.join(' ')}.` };
  fs.writeFileSync(file, `${JSON.stringify(old, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
} finally {
  await db.close();
}
