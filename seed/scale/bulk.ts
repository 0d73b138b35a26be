/**
 * The bulk path of `lantern seed scale` for a fresh store (docs/decisions/0006-bulk-load.md):
 * the scale graph is prepared by the loader's own `prepare` and written as CSV by worker threads
 * (one part of the chunks each), then `neo4j-admin database import full` builds the store, which
 * has to be stopped and empty. The caller then starts Neo4j as usual, and the schema migrations
 * build the constraints and indexes, full-text included, over the loaded data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runNeo4jAdmin, type Log } from '../../neo4j/local.ts';
import type { Logger } from '../../server/config/logger.ts';
import type { Gateway } from '../../server/db/gateway.ts';
import { loadMigrations, migrate, type MigrationResult } from '../../server/db/migrations.ts';
import { IMPORT_OPTIONS, type CsvGroups } from '../../server/modules/load/load.csv.ts';
import { LoadError } from '../../server/modules/load/load.service.ts';
import { writePart, type PartChunk, type PartJob } from './csv-part.ts';
import { cellCount, SCALE_SEED } from './generate.ts';
import { TruthWriter } from './truth.ts';

export interface BulkProgress {
  phase: 'generate' | 'import';
  people: number;
  totalPeople: number;
  rows: number;
  ms: number;
  /** The importer's own progress line, during `import`. */
  line?: string;
}

export interface BulkResult {
  people: number;
  sources: number;
  entities: number;
  links: number;
  rows: number;
  /** Generating and writing the CSV files; running the importer. */
  generateMs: number;
  importMs: number;
  /** Peak resident memory of the importer's JVM, sampled. */
  importerPeakRssMb: number;
}

/** The store of the default database under a local Neo4j home. */
export const storeDir = (home: string) => path.join(home, 'data', 'databases', 'neo4j');

/** True when the local Neo4j at `home` has never held a database (so the bulk import may build one). */
export function freshStore(home: string): boolean {
  return !fs.existsSync(storeDir(home)) && !fs.existsSync(path.join(home, 'data', 'databases', 'system'));
}

function peakRss(pid: number | undefined, peak: number): number {
  if (!pid) return peak;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.max(peak, Math.round(Number(m[1]) / 1024)) : peak;
  } catch {
    return peak;
  }
}

export async function bulkScale(o: {
  home: string;
  people: number;
  seed?: number;
  /** Worker threads writing CSV (default: the number of cores, at most 4); 1 writes in this thread. */
  workers?: number;
  /** Heap and off-heap memory of the importer. */
  importerHeap?: string;
  importerOffHeap?: string;
  truthFile?: string;
  cellsPerChunk?: number;
  log: Log;
  onProgress?: (p: BulkProgress) => void;
}): Promise<BulkResult> {
  if (!freshStore(o.home)) {
    throw new LoadError(`The bulk import builds a new store, and ${o.home} already holds one. Load into a new data directory, or use --method online to add to this one.`);
  }
  const started = performance.now();
  const seed = o.seed ?? SCALE_SEED;
  const dir = path.join(o.home, 'import', 'scale-csv');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const parts = Math.max(1, o.workers ?? Math.min(4, os.availableParallelism()));
  const job = (part: number): PartJob => ({ people: o.people, seed, dir, part, parts, importedAt: new Date().toISOString(), ...(o.cellsPerChunk ? { cellsPerChunk: o.cellsPerChunk } : {}) });
  const truth = o.truthFile
    ? new TruthWriter(o.truthFile, { scenario: 'lantern-scale', version: 1, seed, synthetic: true, people: o.people, cells: cellCount(o.people) })
    : undefined;
  // Chunks arrive out of order from the parts; the truth is written in chunk order, as online.
  const pending = new Map<number, PartChunk['truth']>();
  let nextTruth = 0;
  let people = 0;
  let rows = 0;
  const onChunk = (c: PartChunk) => {
    people += c.people;
    rows += c.rows;
    if (truth) {
      pending.set(c.index, c.truth);
      for (let t; (t = pending.get(nextTruth)); nextTruth++) {
        truth.add(t);
        pending.delete(nextTruth);
      }
    }
    o.onProgress?.({ phase: 'generate', people, totalPeople: o.people, rows, ms: performance.now() - started });
  };

  let groups: CsvGroups[];
  try {
    if (parts === 1) {
      groups = [await writePart(job(0), onChunk)];
    } else {
      groups = await Promise.all(
        Array.from({ length: parts }, (_, part) =>
          new Promise<CsvGroups>((resolve, reject) => {
            const w = new Worker(new URL('./csv-worker.js', import.meta.url), { workerData: job(part) });
            let done: CsvGroups | undefined;
            w.on('message', (m: { kind: 'chunk'; chunk: PartChunk } | { kind: 'done'; groups: CsvGroups }) => {
              if (m.kind === 'chunk') onChunk(m.chunk);
              else done = m.groups;
            });
            w.once('error', reject);
            w.once('exit', (code) => (done ? resolve(done) : reject(new LoadError(`a CSV writer stopped (exit ${code})`))));
          }),
        ),
      );
    }
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  truth?.close();
  const generateMs = performance.now() - started;
  const counts = { sources: 0, entities: 0, links: 0 };
  for (const g of groups) {
    counts.sources += g.sources;
    counts.entities += g.entities;
    counts.links += g.links;
  }

  const importStarted = performance.now();
  const tail: string[] = [];
  let importerPeakRssMb = 0;
  let pid: number | undefined;
  const sampler = setInterval(() => (importerPeakRssMb = peakRss(pid, importerPeakRssMb)), 1000);
  let code: number | null;
  try {
    code = await runNeo4jAdmin({
      home: o.home,
      heap: o.importerHeap ?? '1g',
      log: o.log,
      onStart: (p) => (pid = p),
      args: [
        'database',
        'import',
        'full',
        'neo4j',
        ...IMPORT_OPTIONS,
        '--threads=2',
        `--max-off-heap-memory=${o.importerOffHeap ?? '2g'}`,
        `--report-file=${path.join(o.home, 'logs', 'import.report')}`,
        ...groups.flatMap((g) => g.args),
      ],
      onLine: (line) => {
        importerPeakRssMb = peakRss(pid, importerPeakRssMb);
        tail.push(line);
        if (tail.length > 40) tail.shift();
        o.onProgress?.({ phase: 'import', people, totalPeople: o.people, rows, ms: performance.now() - started, line });
      },
    });
  } finally {
    clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (code !== 0) {
    fs.rmSync(storeDir(o.home), { recursive: true, force: true });
    fs.rmSync(path.join(o.home, 'data', 'transactions', 'neo4j'), { recursive: true, force: true });
    throw new LoadError(`neo4j-admin database import failed (exit ${code}); nothing was loaded. Its last lines:\n${tail.slice(-15).join('\n')}`);
  }
  return {
    people,
    ...counts,
    rows: counts.sources + counts.entities + counts.links,
    generateMs: Math.round(generateMs),
    importMs: Math.round(performance.now() - importStarted),
    importerPeakRssMb,
  };
}

const timedOut = (e: unknown) => (e as { extensions?: { code?: unknown } } | null)?.extensions?.code === 'TIMEOUT';
const INDEX = /^CREATE\s+(?:\w+\s+)?INDEX\b/i;

/**
 * The schema migrations over a store the importer has just built. Run one by one, each waits for
 * its indexes before the next starts, and each statement is an ordinary transaction under the
 * server's 60 s limit, which a constraint's population over millions of rows outlasts. So first
 * every statement of every migration runs here with a limit of `maxMs`, the indexes (full-text
 * included) before the constraints, so that their populations run in the background beside the
 * constraints' (a constraint's creation waits for its own); then one wait for all; then the
 * migrations themselves, which now find everything in place and record themselves. A wait that
 * still times out is run again while the population goes on.
 */
export async function migrateImported(gateway: Gateway, log: Logger, o: { maxMs?: number } = {}): Promise<MigrationResult> {
  const maxMs = o.maxMs ?? 6 * 3_600_000;
  const until = performance.now() + maxMs;
  const statements = loadMigrations().flatMap((m) => m.statements);
  const session = gateway.driver.session({ defaultAccessMode: 'WRITE' });
  try {
    for (const s of [...statements.filter((x) => INDEX.test(x)), ...statements.filter((x) => !INDEX.test(x))]) await session.run(s, {}, { timeout: maxMs });
    await session.run('CALL db.awaitIndexes($seconds)', { seconds: Math.ceil(maxMs / 1000) }, { timeout: maxMs });
  } finally {
    await session.close();
  }
  for (;;) {
    try {
      return await migrate(gateway, log);
    } catch (e) {
      if (!timedOut(e) || performance.now() > until) throw e;
      log.info('Indexes still being built over the imported store; waiting again');
    }
  }
}
