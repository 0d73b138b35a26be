/**
 * Load benchmark: rows per second of `lantern seed scale` (the scale generator through the bulk
 * loader) against a minimal baseline that writes the same nodes and links with batched
 * UNWIND ... MERGE through neo4j-driver, in the same run, each into a fresh local Neo4j with the
 * same schema and memory settings.
 *
 *   tsx bench/load.ts [--people 100k,1m] [--runs 1] [--skip-baseline]
 *
 * Both sides generate and shape the same rows (the generator and the loader's pure `prepare`,
 * which computes labels, search text and grading: without them the nodes would not be the same),
 * so the ratio compares the write paths. The client-only rate (generate + prepare, no database)
 * is measured too, to show how much of the time is the client's.
 * The Lantern store is kept in .data/bench-scale-<size> for the api benchmarks.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../server/db/cypher.ts';
import { LABEL, type EntityType, type LinkType } from '../server/model/model.ts';
import { prepare } from '../server/modules/load/load.service.ts';
import { generateScale, seedScale } from '../seed/scale/index.ts';
import { arg, machine, median, memoryFor, openBenchDb, printMachine, removeDataDir, round, sizeName, sizes, writeResult } from './lib.ts';

const BATCH = 1000;

function toDriverValues(o: { props: Record<string, unknown>; dates?: Record<string, string>; datetimes?: Record<string, string>; recordedAt?: string }) {
  const props: Record<string, unknown> = { ...o.props };
  for (const [k, v] of Object.entries(o.dates ?? {})) {
    const [y, m, d] = v.split('-').map(Number);
    props[k] = new neo4j.types.Date(y!, m!, d!);
  }
  for (const [k, v] of Object.entries(o.datetimes ?? {})) props[k] = neo4j.types.DateTime.fromStandardDate(new Date(v));
  if (o.recordedAt) props.recordedAt = neo4j.types.DateTime.fromStandardDate(new Date(o.recordedAt));
  return props;
}

async function writeBatches(driver: Driver, name: string, rows: unknown[], extra: Record<string, unknown>) {
  const text = cypher(name);
  for (let i = 0; i < rows.length; i += BATCH) {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(text, { ...extra, rows: rows.slice(i, i + BATCH) }), { timeout: 120_000 });
    } finally {
      await session.close();
    }
  }
}

/** The baseline: the same rows, written with the simplest batched UNWIND ... MERGE per type. */
async function baseline(driver: Driver, people: number): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  let rows = 0;
  for await (const chunk of generateScale({ people })) {
    const p = prepare(chunk.data, { synthetic: true });
    await writeBatches(driver, 'bench/baseline-sources', p.sources.map((s) => ({ id: s.id, props: toDriverValues(s) })), {});
    rows += p.sources.length;
    for (const [type, list] of p.entities) {
      await writeBatches(driver, 'bench/baseline-entities', list.map((e) => ({ id: e.id, props: { ...toDriverValues(e), id: e.id } })), { label: LABEL[type as EntityType] });
      rows += list.length;
    }
    for (const [type, list] of p.links) {
      await writeBatches(driver, 'bench/baseline-links', list.map((l) => ({ id: l.id, from: l.from, to: l.to, props: { ...toDriverValues(l), id: l.id } })), { type: type as LinkType });
      rows += list.length;
    }
  }
  return { rows, ms: performance.now() - started };
}

/** Generation and shaping alone, without a database: the client's share of the work. */
async function clientOnly(people: number): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  let rows = 0;
  for await (const chunk of generateScale({ people })) {
    prepare(chunk.data, { synthetic: true });
    rows += chunk.data.sources.length + chunk.data.entities.length + chunk.data.links.length;
  }
  return { rows, ms: performance.now() - started };
}

const runs = Number(arg('runs', '1'));
const skipBaseline = process.argv.includes('--skip-baseline');
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;

for (const people of sizes('100k')) {
  const size = sizeName(people);
  const mem = memoryFor(people);
  const lantern: number[] = [];
  const base: number[] = [];
  const ratios: number[] = [];
  let seconds = NaN;
  for (let run = 0; run < runs; run++) {
    process.stdout.write(`load ${size}, run ${run + 1}/${runs}: seed scale...\n`);
    const db = await openBenchDb(`scale-${size}`, { ...mem, fresh: true });
    version = db.neo4jVersion;
    const r = await seedScale(db.gateway, {
      people,
      onProgress: (p) => {
        if (p.people % 10_000 < 1000) process.stdout.write(`  ${p.people} people, ${p.rows} rows, ${Math.round(p.rows / (p.ms / 1000))} rows/s\n`);
      },
    });
    await db.close();
    const lRate = r.rows / (r.ms / 1000);
    lantern.push(lRate);
    seconds = r.ms / 1000;
    process.stdout.write(`  seed scale: ${r.rows} rows in ${round(r.ms / 1000, 1)} s = ${Math.round(lRate)} rows/s\n`);
    notes[`rows_${size}`] = r.rows;
    if (!skipBaseline) {
      process.stdout.write(`load ${size}, run ${run + 1}/${runs}: baseline...\n`);
      const bdb = await openBenchDb(`baseline-${size}`, { ...mem, fresh: true });
      const b = await baseline(bdb.gateway.driver, people);
      await bdb.close();
      removeDataDir(bdb.dataDir);
      const bRate = b.rows / (b.ms / 1000);
      base.push(bRate);
      ratios.push(lRate / bRate);
      process.stdout.write(`  baseline: ${b.rows} rows in ${round(b.ms / 1000, 1)} s = ${Math.round(bRate)} rows/s; ratio ${round(lRate / bRate)}\n`);
    }
  }
  figures[`seed_scale_rows_per_s_${size}`] = Math.round(median(lantern));
  figures[`seed_scale_seconds_${size}`] = round(seconds, 1);
  if (base.length) {
    figures[`baseline_rows_per_s_${size}`] = Math.round(median(base));
    figures[`ratio_to_baseline_${size}`] = round(median(ratios));
  }
  if (people <= 100_000) {
    const c = await clientOnly(people);
    figures[`client_only_rows_per_s_${size}`] = Math.round(c.rows / (c.ms / 1000));
    process.stdout.write(`  client only (generate + prepare): ${Math.round(c.rows / (c.ms / 1000))} rows/s\n`);
  }
  notes[`neo4j_memory_${size}`] = mem;
  notes[`runs_${size}`] = runs;
  notes[`batch_size`] = BATCH;
}

const m = machine(version);
printMachine(m);
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
process.stdout.write(`wrote ${writeResult({ name: 'load', machine: m, figures, notes })}\n`);
