/**
 * The demo through the front door: the source systems' export files in seed/demo/sources/
 * (written by export.ts) imported with their mappings, as `lantern import` would, then
 * `lantern resolve`. What `npm start` and `lantern seed demo` do on an empty database.
 *
 * Rows of one system link entities that another system's rows describe (an intelligence report
 * links a person from the risk register to a licensed parlour), and the systems cite each other
 * both ways, so no order of files has every link's ends in place. Each file is imported in
 * turn; a file whose links met an end not yet imported is imported once more at the end, which
 * (the importer being idempotent) writes only those links.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gateway } from '../../server/db/gateway.ts';
import { parseMapping } from '../../server/modules/import/mapping.ts';
import { importFiles, type ImportProgress, type ImportReport } from '../../server/modules/import/import.service.ts';
import { resolveGraph, type ResolveRun } from '../../server/modules/resolve/resolve.service.ts';
import { CONVENTIONS, SYSTEM_ORDER } from './export.ts';
import { SOURCE_SYSTEMS, type SourceCode } from './sources.ts';

export const SOURCES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sources');

export interface DemoSourceFile {
  code: SourceCode;
  file: string;
  mappingFile: string;
  bytes: Uint8Array;
  mapping: string;
}

/** The committed export files and their mappings, in import order. */
export function readDemoSources(dir = SOURCES_DIR): DemoSourceFile[] {
  return SYSTEM_ORDER.map((code) => {
    const file = SOURCE_SYSTEMS[code].file;
    const mappingFile = `${code.toLowerCase()}.mapping.yaml`;
    return { code, file, mappingFile, bytes: new Uint8Array(fs.readFileSync(path.join(dir, file))), mapping: fs.readFileSync(path.join(dir, mappingFile), 'utf8') };
  });
}

export interface FrontDoorResult {
  /** One report per file (for a file imported twice, the first pass's counts with both passes' links). */
  imports: ImportReport[];
  /** Files imported a second time for links whose ends came from later files. */
  secondPass: SourceCode[];
  /** Null when not asked to resolve. */
  resolution: ResolveRun | null;
  ms: number;
}

export interface FrontDoorOptions {
  batchSize?: number;
  onProgress?: (code: SourceCode, p: ImportProgress | { phase: 'resolving'; done: number; total: number; ms: number }) => void;
  /** Fixed import time (tests); default now. */
  importedAt?: string;
  /** Resolve afterwards (default true); `all` compares every pair of the demo's records, not only new ones. */
  resolve?: boolean | { all: boolean };
}


/** Imports the demo's source files and resolves what they hold. Idempotent. */
export async function importDemo(gateway: Pick<Gateway, 'read' | 'write' | 'writeTx'>, o: FrontDoorOptions = {}): Promise<FrontDoorResult> {
  const started = performance.now();
  const files = readDemoSources();
  const run = (f: DemoSourceFile) =>
    importFiles(gateway, {
      source: f.code,
      mapping: parseMapping(f.mapping, f.mappingFile),
      files: [{ name: f.file, bytes: f.bytes }],
      ...(o.batchSize ? { batchSize: o.batchSize } : {}),
      ...(o.importedAt ? { importedAt: o.importedAt } : {}),
      onProgress: (p) => o.onProgress?.(f.code, p),
    });
  const reports = new Map<SourceCode, ImportReport>();
  const again: SourceCode[] = [];
  for (const f of files) {
    const r = await run(f);
    reports.set(f.code, r);
    // Links to entities of files imported later are made on a second pass; nothing else may be lost.
    const other = [...r.errors, ...r.warnings.filter((e) => e.code !== 'LINK_END_MISSING')];
    if (other.length > 0) throw new Error(`the demo's ${f.file} did not import cleanly: ${other.slice(0, 3).map((e) => `${e.file}:${e.line} ${e.reason}`).join('; ')}`);
    if (r.warnings.length > 0) again.push(f.code);
  }
  for (const code of again) {
    const r = await run(files.find((f) => f.code === code)!);
    const lost = [...r.errors, ...r.warnings];
    if (lost.length > 0) throw new Error(`the demo's ${r.files[0]} left links without their ends: ${lost.slice(0, 3).map((e) => `${e.file}:${e.line} ${e.reason}`).join('; ')}`);
    const first = reports.get(code)!;
    reports.set(code, { ...first, errors: [], warnings: [], lost: r.lost, bad: 0, links: first.links + r.links, retries: first.retries + r.retries, ms: first.ms + r.ms });
  }
  let resolution: ResolveRun | null = null;
  if (o.resolve !== false) {
    o.onProgress?.(SYSTEM_ORDER[SYSTEM_ORDER.length - 1]!, { phase: 'resolving', done: 0, total: 1, ms: performance.now() - started });
    // The demo's records only: anything else in the database is not the demo's to resolve.
    const all = typeof o.resolve === 'object' && o.resolve.all;
    resolution = await resolveGraph(gateway, { sources: [...SYSTEM_ORDER], incremental: !all });
  }
  return { imports: files.map((f) => reports.get(f.code)!), secondPass: again, resolution, ms: Math.round(performance.now() - started) };
}

/** What a run of importDemo did, a line a file and a line for resolution. */
export function describeFrontDoor(r: FrontDoorResult): string[] {
  const lines = r.imports.map((x) => {
    const c = x.source as SourceCode;
    return (
      `${x.source.padEnd(9)} ${x.files[0]} (${CONVENTIONS[c].format}${CONVENTIONS[c].encoding === 'latin1' ? ', Latin-1' : ''}): ${x.rows} rows, ` +
      `${x.sourceRecords.created} new records, ${x.sourceRecords.changed} changed, ${x.sourceRecords.unchanged} unchanged${r.secondPass.includes(c) ? ' (imported twice: links to later files)' : ''}`
    );
  });
  const res = r.resolution;
  if (!res) {
    lines.push(`${(r.ms / 1000).toFixed(1)} s in all; not resolved`);
    return lines;
  }
  for (const t of res.byType) lines.push(`resolve ${t.type.toLowerCase()}: ${t.records} records (${t.newRecords} new), ${t.candidatePairs} candidate pairs, ${t.merged} merged, ${t.review} for review`);
  lines.push(`${res.recordsInClusters} records form ${res.clusters} resolved entities; ${(r.ms / 1000).toFixed(1)} s in all`);
  return lines;
}
