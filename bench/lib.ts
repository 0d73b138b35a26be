/**
 * Shared parts of the benchmarks: the machine they ran on, a local Neo4j of their own (started
 * by the project's own openDatabase, in its own data directory on a free Bolt port), statistics,
 * and the result files bench/results/<name>.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../server/config/config.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { freePort } from '../neo4j/local.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = path.join(root, 'bench', 'results');
export const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  neo4j: string | null;
  chromium: string | null;
  loadAverage: number[];
  /**
   * The kernel's file cache and the memory it could give programs, in GB, when the figures were
   * taken: a store bigger than the cache is read from disk, and the machine's reclaim has been
   * seen to shrink it mid-session (bench/ANALYSIS.md, session 11). Null where /proc is missing.
   */
  fileCacheGb?: number | null;
  availableGb?: number | null;
}

/** `Cached` and `MemAvailable` from /proc/meminfo, in GB (one decimal). */
export function memoryState(): { fileCacheGb: number | null; availableGb: number | null } {
  let text = '';
  try {
    text = fs.readFileSync('/proc/meminfo', 'utf8');
  } catch {
    return { fileCacheGb: null, availableGb: null };
  }
  const gb = (key: string) => {
    const kb = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1];
    return kb === undefined ? null : Math.round((Number(kb) / 2 ** 20) * 10) / 10;
  };
  return { fileCacheGb: gb('Cached'), availableGb: gb('MemAvailable') };
}

export function machine(neo4jVersion: string | null = null): Machine {
  let chromium: string | null = null;
  try {
    // Debian's launcher script complains on stderr about /dev/shm here; only the version is wanted.
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromium = null;
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    neo4j: neo4jVersion,
    chromium,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    ...memoryState(),
  };
}

export function printMachine(m: Machine): void {
  process.stdout.write(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.os}; Node ${m.node}; Neo4j ${m.neo4j ?? '?'}; ${m.chromium ?? 'no Chromium'}; load ${m.loadAverage.join(' ')}${memoryText(m)}\n`,
  );
}

/** "; file cache X GB, available Y GB", or nothing for results written before it was recorded. */
export function memoryText(m: Machine): string {
  return m.fileCacheGb == null ? '' : `; file cache ${m.fileCacheGb} GB, available ${m.availableGb ?? '?'} GB`;
}

export interface Result {
  name: string;
  machine: Machine;
  figures: Record<string, number>;
  /** How the figures were taken (sizes, runs, memory settings); not part of the table. */
  notes?: Record<string, unknown>;
}

/** Writes bench/results/<name>.json, merging figures into what earlier runs of other sizes wrote. */
export function writeResult(r: Result): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${r.name}.json`);
  let old: Result | undefined;
  try {
    old = JSON.parse(fs.readFileSync(file, 'utf8')) as Result;
  } catch {
    old = undefined;
  }
  const merged: Result = {
    name: r.name,
    machine: r.machine,
    figures: { ...(old?.figures ?? {}), ...r.figures },
    notes: { ...(old?.notes ?? {}), ...(r.notes ?? {}) },
  };
  fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  return file;
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}
/** The middle value; for an even count, the mean of the two middle ones (quantile gives the lower). */
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Whether a warm-up has settled: at least `minSteps` steps, and the last (a time or a cost, lower
 * is better) no longer 5% below the best before it.
 */
export function settled(steps: number[], minSteps: number): boolean {
  return steps.length >= Math.max(2, minSteps) && steps.at(-1)! > 0.95 * Math.min(...steps.slice(0, -1));
}

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** `--people 100000,1000000` (also 100k, 1m). */
export function sizes(fallback: string): number[] {
  return arg('people', fallback)
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .map((s) => (s.endsWith('m') ? Number(s.slice(0, -1)) * 1e6 : s.endsWith('k') ? Number(s.slice(0, -1)) * 1e3 : Number(s)));
}

export const sizeName = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}m` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));

/**
 * Page cache by size, so that the store fits as Neo4j's sizing advice has it: at 100k people the
 * store is 1.1 GB; at 1M 11 GB, of which record stores 9.3 GB and indexes 1.6 GB (until session 6
 * the 1M runs had 4g, so most reads of properties went through the OS cache). Heap 2g. Stated
 * in every result.
 */
export function memoryFor(people: number): { heap: string; pageCache: string } {
  return { heap: process.env.BENCH_NEO4J_HEAP ?? '2g', pageCache: process.env.BENCH_NEO4J_PAGECACHE ?? (people > 200_000 ? '12g' : '1g') };
}

export interface BenchDb extends Database {
  dataDir: string;
  heap: string;
  pageCache: string;
  neo4jVersion: string;
}

/** Starts a local Neo4j in .data/bench-<tag> or `dataDir` (kept unless `fresh`), schema applied. */
export async function openBenchDb(tag: string, o: { heap: string; pageCache: string; fresh?: boolean; queryTimeoutMs?: number; startTimeoutMs?: number; migrate?: boolean; dataDir?: string }): Promise<BenchDb> {
  const dataDir = o.dataDir ?? path.join(root, '.data', `bench-${tag}`);
  if (o.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: undefined,
    LANTERN_DATA_DIR: dataDir,
    LANTERN_NEO4J_BOLT_PORT: String(await freePort()),
    LANTERN_NEO4J_HEAP: o.heap,
    LANTERN_NEO4J_PAGECACHE: o.pageCache,
    LANTERN_QUERY_TIMEOUT_MS: String(o.queryTimeoutMs ?? 120_000),
    LANTERN_NEO4J_START_TIMEOUT_MS: String(o.startTimeoutMs ?? 300_000),
    LOG_LEVEL: 'warn',
  });
  const db = await openDatabase(config, log, { migrate: o.migrate !== false });
  const [about] = await db.gateway.read('system/about');
  return { ...db, dataDir, heap: o.heap, pageCache: o.pageCache, neo4jVersion: String(about?.version ?? '?') };
}

export function removeDataDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}
