/**
 * What the benchmarks that write to a scale store share (bench/analytics/stored.ts,
 * bench/alerts/alerts.ts): a copy of .data/bench-scale-<size> (left by bench/load.ts; `--stores
 * NAME` reads .data/NAME-scale-<size>) to write on, a Neo4j on the copy with a system gateway, a
 * timer that prints the load average beside each time, and the person rows they import (a person
 * working at a premises and using a phone).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { arg, log, machine, memoryFor, openBenchDb, printMachine, root, round, sizeName, sizes, type BenchDb, type Machine } from './lib.ts';
import { Gateway } from '../server/db/gateway.ts';
import { Random } from '../server/kernel/random.ts';
import { parseMapping } from '../server/modules/import/mapping.ts';

export interface ScaleCopy {
  people: number;
  size: string;
  /** The copy's data directory. */
  copy: string;
  /** The copy a stopped run left was kept (`reuse`). */
  reused: boolean;
  db: BenchDb;
  machine: Machine;
  /** Sees everything, with a query timeout of an hour. */
  system: Gateway;
}

/**
 * Copies the scale store of `--people` (default 100k) to .data/bench-<name>-<size> and opens it.
 * A fresh copy each run, since the run writes to it; `reuse`: the copy a stopped run left, if any.
 * Exits (2) naming the missing store when bench/load.ts has not made it.
 */
export async function openScaleCopy(name: string, o: { reuse?: boolean } = {}): Promise<ScaleCopy> {
  const [people] = sizes('100k') as [number];
  const size = sizeName(people);
  const source = path.join(root, '.data', `${arg('stores', 'bench')}-scale-${size}`);
  const copy = path.join(root, '.data', `bench-${name}-${size}`);
  if (!fs.existsSync(path.join(source, 'READY'))) {
    process.stderr.write(`${source}/READY does not exist yet: run the load benchmark (bench/load.ts --people ${size}) first, or copy it from a checkout that ran it.\n`);
    process.exit(2);
  }
  const reused = o.reuse === true && fs.existsSync(copy);
  if (!reused) {
    fs.rmSync(copy, { recursive: true, force: true });
    process.stdout.write(`copying ${source} to ${copy}\n`);
    execFileSync('cp', ['-a', source, copy]);
  }
  const db = await openBenchDb(`${name}-${size}`, { ...memoryFor(people), dataDir: copy });
  const m = machine(db.neo4jVersion);
  printMachine(m);
  const system = new Gateway(db.gateway.driver, { queryTimeoutMs: 3_600_000, log });
  return { people, size, copy, reused, db, machine: m, system };
}

const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Runs `f` once and prints its time with the load average. */
export async function timed<T>(label: string, f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  const ms = performance.now() - t;
  process.stdout.write(`${label}: ${round(ms / 1000, 2)} s (load ${loadAverage()})\n`);
  return { ms, value };
}

/** How the person rows are imported: a person working at a premises and using a phone (GB numbers). */
export const PERSON_ROWS_MAPPING = parseMapping(`
version: 1
recordKey: [ref]
grading: { sourceEvaluation: 2, intelligenceAssessment: C, handlingCode: P, classification: OFFICIAL }
entities:
  person: { type: PERSON, properties: { givenName: given, familyName: family } }
  phone: { type: PHONE, properties: { number: phone } }
  site: { type: PREMISES, properties: { name: site, town: town } }
links:
  - { type: USES_PHONE, from: person, to: phone }
  - { type: WORKS_AT, from: person, to: site }
`);

export interface PersonRow {
  ref: string;
  given: string;
  family: string;
  phone: string;
  site: string;
}

/** A CSV file of person rows for PERSON_ROWS_MAPPING (all in Reading). */
export function personRowsFile(name: string, rows: readonly PersonRow[]): { name: string; bytes: Uint8Array } {
  const lines = ['ref;given;family;phone;site;town', ...rows.map((r) => `${r.ref};${r.given};${r.family};${r.phone};${r.site};Reading`)];
  return { name, bytes: new TextEncoder().encode(lines.join('\n')) };
}

/** Throws when an import of person rows made fewer than two links a row: some rows' phones (or premises) were left out. */
export function checkLinked(imported: { links: number }, rows: number): void {
  if (imported.links < 2 * rows) throw new Error(`the import made ${imported.links} links for ${rows} rows: not every row's phone joined the graph`);
}

/**
 * The phone of each of `rows` imported rows: a share `joinShare` of the rows (drawn by a seeded
 * generator, so the same on every run against the same store) uses one of `existing`, the store's
 * own numbers, picked at random, so that the row joins the graph where it already is, as a real
 * import partly does; the others each a new number of their own (04 99, a part of the scale
 * generator's unallocated 04 range that it uses only past 49 million people).
 */
export function rowPhones(rows: number, existing: readonly string[], joinShare: number, seed = 7): { phones: string[]; joined: number } {
  if (joinShare > 0 && existing.length === 0) throw new Error('the store has no phone numbers for the imported rows to use');
  const random = new Random(seed);
  let joined = 0;
  const phones = Array.from({ length: rows }, (_, i) => {
    if (random.chance(joinShare)) {
      joined++;
      return random.pick(existing);
    }
    return `0499${String(i).padStart(7, '0')}`;
  });
  return { phones, joined };
}
