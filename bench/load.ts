/**
 * Load benchmark: rows per second of `lantern seed scale` against a minimal baseline that writes
 * the same nodes and links with batched UNWIND ... MERGE through neo4j-driver, in the same run,
 * each into a fresh local Neo4j with the same schema and memory settings.
 *
 *   tsx bench/load.ts [--people 100k,1m] [--runs 1] [--baseline-rows 100000] [--skip-baseline] [--stores NAME]
 *
 * `seed scale` into a fresh store is the bulk path (docs/decisions/0006-bulk-load.md): generate
 * and shape the rows (the loader's own `prepare`) into CSV in worker threads, run
 * `neo4j-admin database import full`, start Neo4j and build the constraints and indexes
 * (full-text included) by the schema migrations. Its time is all of that, end to end, until the
 * store answers with every index online.
 *
 * The baseline generates and shapes the same rows (generator and `prepare`: without them the
 * nodes would not be the same) and writes them with UNWIND ... MERGE in batches of 1,000 into a
 * store whose schema is already applied. At about a thousand rows a second it cannot write
 * millions of rows in a session, so it runs on the first `--baseline-rows` rows (whole chunks) of
 * the same stream, into an empty store, which favours it (its rate falls as the store grows); the
 * figures' notes say how many rows it wrote.
 *
 * The Lantern store is kept, stopped, in .data/bench-scale-<size> for the api benchmarks, with a
 * file READY in it (one JSON line: people, rows, seconds, neo4jHeap, pageCache) once complete.
 * `--stores NAME` puts the stores in .data/NAME-scale-<size> and .data/NAME-baseline-<size>
 * instead, leaving the api benchmarks' stores alone while they use them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { offlineCypher, type OfflineStatement } from '../server/testing/statements.ts';
import { LABEL, type EntityType, type LinkType } from '../server/model/model.ts';
import { graphCounts } from '../server/modules/load/load.repository.ts';
import { prepare } from '../server/modules/load/load.service.ts';
import { generateScale } from '../seed/scale/index.ts';
import { bulkScale, migrateImported } from '../seed/scale/bulk.ts';
import { arg, log, machine, median, memoryFor, openBenchDb, printMachine, removeDataDir, root, round, sizeName, sizes, writeResult } from './lib.ts';

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

async function writeBatches(driver: Driver, name: OfflineStatement, rows: unknown[], extra: Record<string, unknown>) {
  const text = offlineCypher(name);
  for (let i = 0; i < rows.length; i += BATCH) {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(text, { ...extra, rows: rows.slice(i, i + BATCH) }), { timeout: 120_000 });
    } finally {
      await session.close();
    }
  }
}

/** The baseline: the same rows, written with the simplest batched UNWIND ... MERGE per type, up to `maxRows`. */
async function baseline(driver: Driver, people: number, maxRows: number): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  let rows = 0;
  for await (const chunk of generateScale({ people })) {
    if (rows >= maxRows) break;
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

/** Load average (1 minute) sampled every 5 s while `work` runs: median and maximum. */
async function withLoad<T>(work: () => Promise<T>): Promise<{ value: T; load: { median: number; max: number } }> {
  const samples = [os.loadavg()[0]!];
  const timer = setInterval(() => samples.push(os.loadavg()[0]!), 5000);
  try {
    const value = await work();
    return { value, load: { median: round(median(samples)), max: round(Math.max(...samples)) } };
  } finally {
    clearInterval(timer);
  }
}

/** Where the running load is, so that a stopped run (SIGINT, SIGTERM) still leaves its figures. */
const progress: { size?: string; phase?: string; people?: number; rows?: number; ms?: number; startedAt?: number; dataDir?: string; importerPeakRssMb?: number } = {};

/** Resident memory (MB) of the importer JVM working in `dataDir`, found in /proc; 0 if none. */
function importerRssMb(dataDir: string): number {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(dataDir) && cmd.includes('import')) return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return 0;
}

function writeStopped(signal: string): void {
  if (!progress.size || progress.startedAt === undefined) process.exit(1);
  const size = progress.size;
  const elapsedS = round((performance.now() - progress.startedAt) / 1000, 1);
  const stopped = {
    signal,
    at: new Date().toISOString(),
    phase: progress.phase,
    people: progress.people,
    rows: progress.rows,
    elapsedS,
    filesRowsPerS: progress.phase === 'generate' && progress.ms ? Math.round(progress.rows! / (progress.ms / 1000)) : undefined,
    nodeRssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    nodePeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    importerPeakRssMb: progress.importerPeakRssMb,
    loadAverage: os.loadavg().map((x) => round(x)),
  };
  process.stdout.write(`stopped: ${JSON.stringify(stopped)}\n`);
  writeResult({ name: 'load', machine: machine(version), figures: { ...figures, [`seed_scale_stopped_people_${size}`]: progress.people ?? 0, [`seed_scale_stopped_rows_${size}`]: progress.rows ?? 0 }, notes: { ...notes, [`stopped_${size}`]: stopped } });
  process.exit(1);
}
process.once('SIGINT', () => writeStopped('SIGINT'));
process.once('SIGTERM', () => writeStopped('SIGTERM'));

const runs = Number(arg('runs', '1'));
const baselineRows = Number(arg('baseline-rows', '100000'));
const skipBaseline = process.argv.includes('--skip-baseline');
const stores = arg('stores', '');
const storeDir = (what: string, size: string) => (stores ? path.join(root, '.data', `${stores}-${what}-${size}`) : path.join(root, '.data', `bench-${what}-${size}`));
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;

for (const people of sizes('100k')) {
  const size = sizeName(people);
  const mem = memoryFor(people);
  const lantern: number[] = [];
  const base: number[] = [];
  const ratios: number[] = [];
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    process.stdout.write(`load ${size}, run ${run + 1}/${runs}: seed scale (bulk import)...\n`);
    const dataDir = storeDir('scale', size);
    removeDataDir(dataDir);
    const { value: r, load } = await withLoad(async () => {
      const started = performance.now();
      Object.assign(progress, { size, phase: 'generate', people: 0, rows: 0, ms: 0, startedAt: started, dataDir, importerPeakRssMb: 0 });
      let lastPrint = 0;
      const bulk = await bulkScale({
        home: path.join(dataDir, 'neo4j'),
        people,
        importerHeap: people > 200_000 ? '2g' : '1g',
        importerOffHeap: people > 200_000 ? '4g' : '2g',
        log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
        onProgress: (p) => {
          Object.assign(progress, { phase: p.phase, people: p.people, rows: p.rows, ms: p.ms });
          if (p.phase === 'import') progress.importerPeakRssMb = Math.max(progress.importerPeakRssMb ?? 0, importerRssMb(dataDir));
          if (p.phase === 'generate' && p.ms - lastPrint > 15_000) {
            lastPrint = p.ms;
            process.stdout.write(`  ${p.people} people, ${p.rows} rows, ${Math.round(p.rows / (p.ms / 1000))} rows/s\n`);
          } else if (p.line && /(COMPLETED|IMPORT DONE|Peak memory)/.test(p.line)) process.stdout.write(`  import: ${p.line.trim()}\n`);
        },
      });
      const indexStarted = performance.now();
      Object.assign(progress, { phase: 'start and indexes', importerPeakRssMb: bulk.importerPeakRssMb });
      // Building the constraints and indexes over a full store takes minutes: migrations run until
      // every index is online (a wait that times out is run again while the population goes on).
      const db = await openBenchDb(`scale-${size}`, { ...mem, queryTimeoutMs: 3_600_000, startTimeoutMs: 3_600_000, migrate: false, dataDir });
      await migrateImported(db.gateway, log);
      version = db.neo4jVersion;
      const indexMs = performance.now() - indexStarted;
      const counts = await graphCounts(db.gateway);
      await db.close();
      return { ...bulk, indexMs, ms: performance.now() - started, counts };
    });
    const stored = Object.values(r.counts.entities).reduce((a, n) => a + n, 0) + Object.values(r.counts.links).reduce((a, n) => a + n, 0) + r.counts.sourceRecords;
    if (stored !== r.rows) throw new Error(`the store holds ${stored} rows, not the ${r.rows} written`);
    const lRate = r.rows / (r.ms / 1000);
    lantern.push(lRate);
    const seconds = r.ms / 1000;
    times.push(seconds);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(
      `  seed scale: ${r.rows} rows in ${round(seconds, 1)} s = ${Math.round(lRate)} rows/s (files ${round(r.generateMs / 1000, 1)} s, import ${round(r.importMs / 1000, 1)} s, ` +
        `start + indexes ${round(r.indexMs / 1000, 1)} s); peak RSS: Node ${peakRssMb} MB, importer ${r.importerPeakRssMb} MB; load average ${load.median} (max ${load.max})\n`,
    );
    fs.writeFileSync(path.join(dataDir, 'READY'), `${JSON.stringify({ people, rows: r.rows, seconds: round(seconds, 1), neo4jHeap: mem.heap, pageCache: mem.pageCache })}\n`);
    notes[`rows_${size}`] = r.rows;
    notes[`phases_${size}`] = { filesS: round(r.generateMs / 1000, 1), importS: round(r.importMs / 1000, 1), startAndIndexesS: round(r.indexMs / 1000, 1) };
    notes[`load_average_${size}`] = load;
    figures[`seed_scale_files_s_${size}`] = round(r.generateMs / 1000, 1);
    figures[`seed_scale_import_s_${size}`] = round(r.importMs / 1000, 1);
    figures[`seed_scale_indexes_s_${size}`] = round(r.indexMs / 1000, 1);
    figures[`seed_scale_node_peak_rss_mb_${size}`] = peakRssMb;
    figures[`seed_scale_importer_peak_rss_mb_${size}`] = r.importerPeakRssMb;
    figures[`load_average_${size}`] = load.median;
    if (!skipBaseline) {
      process.stdout.write(`load ${size}, run ${run + 1}/${runs}: baseline (first ${baselineRows} rows)...\n`);
      const bdb = await openBenchDb(`baseline-${size}`, { ...mem, fresh: true, dataDir: storeDir('baseline', size) });
      const { value: b, load: bLoad } = await withLoad(() => baseline(bdb.gateway.driver, people, baselineRows));
      await bdb.close();
      removeDataDir(bdb.dataDir);
      const bRate = b.rows / (b.ms / 1000);
      base.push(bRate);
      ratios.push(lRate / bRate);
      notes[`baseline_rows_${size}`] = b.rows;
      notes[`baseline_load_average_${size}`] = bLoad;
      process.stdout.write(`  baseline: ${b.rows} rows in ${round(b.ms / 1000, 1)} s = ${Math.round(bRate)} rows/s; ratio ${round(lRate / bRate)}; load average ${bLoad.median}\n`);
    }
  }
  figures[`seed_scale_rows_per_s_${size}`] = Math.round(median(lantern));
  figures[`seed_scale_seconds_${size}`] = round(median(times), 1);
  if (base.length) {
    figures[`baseline_rows_per_s_${size}`] = Math.round(median(base));
    figures[`ratio_to_baseline_${size}`] = round(median(ratios));
  }
  notes[`neo4j_memory_${size}`] = mem;
  notes[`runs_${size}`] = runs;
  notes[`baseline_batch_size`] = BATCH;
  notes.method = 'seed scale: bulk import (CSV by worker threads, neo4j-admin database import full, then start and schema migrations); baseline: UNWIND ... MERGE batches of 1,000 on the first rows of the same stream';
}

const m = machine(version);
printMachine(m);
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
process.stdout.write(`wrote ${writeResult({ name: 'load', machine: m, figures, notes })}\n`);
