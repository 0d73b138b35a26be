/**
 * The importer: files through a mapping into source records, entities and links, in batches.
 *
 * - Every row becomes a source record (source, record key, file, line, imported at, grading)
 *   with a stable id from its source and key, so importing the same file again changes nothing,
 *   and a changed row updates its record and keeps the earlier version (import/sources).
 * - Bad rows are reported with file, line, column and reason; the good rows land.
 * - Each batch is one transaction, retried as a whole when it fails; every write is an
 *   idempotent MERGE on stable ids, so an import killed part-way and run again ends with
 *   exactly the counts of one clean run.
 * - Entities with a natural key (a phone's number, ...) join the entity already in the graph.
 */
import { markDirty } from '../scores/index.ts';
import type { Gateway } from '../../db/gateway.ts';
import { ENTITY_TYPES, LINK_TYPE_NAMES, type EntityType, type LinkType } from '../../model/model.ts';
import { LoadError, prepare, type Dataset, type EntityInput, type LinkInput } from '../load/index.ts';
import { mapFtmRow, ftmIndex } from './ftm.ts';
import { naturalIds, writeCallLinks, writeEntities, writeLinks, writeSources } from './import.repository.ts';
import type { Mapping } from './mapping.ts';
import { formatOf, namedColumns, readRows, ReadError, type BrokenRow, type Row } from './readers.ts';
import { linkId, mapRow, type MappedRow, type RowContext, type RowError } from './rows.ts';

export interface ImportFile {
  /** As reported in errors and stored on source records (the path as given). */
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgress {
  phase: 'reading' | 'records' | 'links';
  done: number;
  total: number;
  ms: number;
}

export interface ImportOptions {
  source: string;
  mapping: Mapping;
  files: ImportFile[];
  /** Rows per transaction (default 500). */
  batchSize?: number;
  /** Further attempts of a failed batch (default 3). */
  retries?: number;
  /** ISO datetime used where a row gives no recordedAt (default: now). */
  importedAt?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Waits between attempts; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /** Every bad value refuses its row (otherwise only required values do, and the rest are left out and reported). */
  strict?: boolean;
}

export interface ImportReport {
  source: string;
  files: string[];
  rows: number;
  imported: number;
  skipped: number;
  bad: number;
  sourceRecords: { created: number; changed: number; unchanged: number };
  entities: number;
  links: number;
  retries: number;
  /** Rows refused (not imported): file, line, column, value and reason. */
  errors: RowError[];
  /** What imported rows lost: values left out, links not made, references to nothing, relations with no link type. */
  warnings: RowError[];
  /** Counts of every kind of loss, for the summary and the exit code. */
  lost: LossCounts;
  /** Columns of the files that the mapping does not read, with how many rows have a value in them. */
  unmappedColumns: { file: string; column: string; values: number }[];
  /** Fields the mapping names that no record of a JSON or NDJSON file has (a CSV file lacking a column is refused). */
  absentColumns: { file: string; column: string }[];
  /** Rows the mapping's conditions (or FtM schemata Lantern does not import) left out, and why. */
  skippedRows: { file: string; line: number; reason: string }[];
  ms: number;
}

export interface LossCounts {
  /** Rows refused (bad rows), malformed ones included. */
  rowsRefused: number;
  /** Rows kept without one or more of their values. */
  rowsWithValuesLeftOut: number;
  valuesLeftOut: number;
  /** Links not made: an end left out, missing from the graph or not in the file. */
  linksNotMade: number;
  /** References to entities not in the file (FtM). */
  referencesMissing: number;
  /** Relations kept as text because Lantern has no link type for them (an organisation's FtM address). */
  notLinked: number;
  /** Rows the mapping's conditions (or FtM schemata Lantern does not import) left out. */
  skipped: number;
}

/** Counts the losses in errors and warnings. */
export function lossCounts(errors: RowError[], warnings: RowError[], skipped: number): LossCounts {
  const values = warnings.filter((w) => w.code === 'VALUE_LEFT_OUT' && !/^link .* not made/.test(w.reason));
  return {
    rowsRefused: new Set(errors.map((e) => `${e.file}:${e.line}`)).size,
    rowsWithValuesLeftOut: new Set(values.map((e) => `${e.file}:${e.line}`)).size,
    valuesLeftOut: values.length,
    linksNotMade: warnings.filter((w) => w.code === 'LINK_END_MISSING' || w.code === 'REFERENCE_MISSING' || /^link .* not made/.test(w.reason)).length,
    referencesMissing: warnings.filter((w) => w.code === 'REFERENCE_MISSING').length,
    notLinked: warnings.filter((w) => w.code === 'NOT_LINKED').length,
    skipped,
  };
}

/**
 * What the exit code of `lantern import` says (docs/import.md): 0 nothing was lost, 2 every row
 * landed but values or links were left out, 3 rows were refused. (1: nothing was imported.)
 */
export function exitCodeOf(l: LossCounts): 0 | 2 | 3 {
  if (l.rowsRefused > 0) return 3;
  if (l.valuesLeftOut + l.linksNotMade + l.notLinked > 0) return 2;
  return 0;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** A mapping that names columns a file does not have: nothing is imported. */
export class ColumnsError extends ImportError {
  override name = 'ColumnsError';
}

type GatewayLike = Pick<Gateway, 'read' | 'writeTx'>;

/** The columns a mapping names that a file does not have (names only: numbered columns are not checked). */
function missingColumns(m: Mapping, columns: string[]): string[] {
  const have = new Set(columns);
  return namedColumns(m).filter((c) => !/^\d+$/.test(c) && !have.has(c));
}

/** Reads and maps every row of the files (pure but for reading); nothing is written. */
export function mapFiles(o: Pick<ImportOptions, 'source' | 'mapping' | 'files' | 'importedAt' | 'strict'>) {
  const importedAt = o.importedAt ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const mapped: MappedRow[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const unmappedColumns: ImportReport['unmappedColumns'] = [];
  const absentColumns: ImportReport['absentColumns'] = [];
  const skippedRows: ImportReport['skippedRows'] = [];
  let rows = 0;
  let skipped = 0;
  const seen = new Map<string, { file: string; line: number }>();
  // Every file is read and its columns checked before any row is mapped: a mapping that names a
  // column a file lacks stops the import before anything is written.
  const read: { f: ImportFile; rows: Row[]; broken: BrokenRow[] }[] = [];
  const missing: string[] = [];
  for (const f of o.files) {
    try {
      const r = readRows(f.name, f.bytes, o.mapping);
      if (r.columns) {
        const lacking = missingColumns(o.mapping, r.columns);
        // JSON leaves out empty fields, so a name no record has is reported, not refused; a CSV
        // file's header says which columns it has.
        if (lacking.length > 0 && formatOf(f.name, o.mapping) !== 'csv') absentColumns.push(...lacking.map((column) => ({ file: f.name, column })));
        else if (lacking.length > 0) missing.push(`${f.name}: the mapping names ${lacking.length === 1 ? 'a column' : 'columns'} the file does not have: ${lacking.join(', ')} (its columns: ${r.columns.filter((c) => !/^\d+$/.test(c)).join(', ') || 'none named'})`);
        const used = new Set(namedColumns(o.mapping));
        for (const c of r.columns) {
          if (used.has(c) || /^\d+$/.test(c) || c.includes('.') && [...used].some((u) => u.startsWith(`${c}.`))) continue;
          const values = r.rows.filter((row) => row.values[c] !== undefined && row.values[c] !== null && String(row.values[c]).trim() !== '').length;
          if (values > 0) unmappedColumns.push({ file: f.name, column: c, values });
        }
      }
      read.push({ f, rows: r.rows, broken: r.broken });
    } catch (e) {
      if (e instanceof ReadError) {
        errors.push({ file: f.name, line: 0, column: null, reason: e.message });
        continue;
      }
      throw e;
    }
  }
  if (missing.length > 0) throw new ColumnsError(`${missing.join('\n')}\nNothing was imported; fix the mapping or the file.`);
  for (const { f, rows: fileRows, broken } of read) {
    rows += broken.length;
    for (const b of broken) errors.push({ file: f.name, line: b.line, column: null, reason: b.reason });
    const ctx: RowContext = { source: o.source, file: f.name, importedAt, strict: o.strict === true };
    const ftm = formatOf(f.name, o.mapping) === 'ftm';
    const index = ftm ? ftmIndex(fileRows) : undefined;
    for (const row of fileRows) {
      rows++;
      const r = ftm ? mapFtmRow(row, o.mapping, ctx, index!) : mapRow(row, o.mapping, ctx);
      if (r.skipped) {
        skipped++;
        skippedRows.push({ file: f.name, line: row.line, reason: r.skipped });
      }
      errors.push(...r.errors);
      if (!r.row) continue;
      const earlier = seen.get(r.row.source.id);
      if (earlier) {
        errors.push({ file: f.name, line: row.line, column: null, reason: `record key ${r.row.source.recordKey} already used at ${earlier.file}:${earlier.line}` });
        continue;
      }
      warnings.push(...r.warnings);
      seen.set(r.row.source.id, { file: f.name, line: row.line });
      mapped.push(r.row);
    }
  }
  // Reports read in file order, line by line.
  const order = new Map(o.files.map((f, i) => [f.name, i]));
  const byLine = (a: RowError, b: RowError) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line;
  errors.sort(byLine);
  warnings.sort(byLine);
  return { mapped, errors, warnings, rows, skipped, skippedRows, importedAt, unmappedColumns, absentColumns };
}

/** One entity per id within a batch: sourceIds gathered, later rows' properties winning. */
function mergeById<T extends { id: string; sourceIds: string[]; props?: Record<string, unknown> }>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const x of items) {
    const had = byId.get(x.id);
    if (!had) byId.set(x.id, { ...x, sourceIds: [...x.sourceIds] });
    else {
      had.sourceIds = [...new Set([...had.sourceIds, ...x.sourceIds])];
      if (had.props && x.props) had.props = { ...had.props, ...x.props };
    }
  }
  return [...byId.values()];
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function importFiles(gateway: GatewayLike, o: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const batchSize = o.batchSize ?? 500;
  const retries = o.retries ?? 3;
  const sleep = o.sleep ?? defaultSleep;
  const progress = (phase: ImportProgress['phase'], done: number, total: number) => o.onProgress?.({ phase, done, total, ms: performance.now() - started });
  const { mapped, errors, warnings, rows, skipped, skippedRows, unmappedColumns, absentColumns } = mapFiles(o);
  progress('reading', rows, rows);
  const report: ImportReport = {
    source: o.source,
    files: o.files.map((f) => f.name),
    rows,
    imported: 0,
    skipped,
    bad: 0,
    sourceRecords: { created: 0, changed: 0, unchanged: 0 },
    entities: 0,
    links: 0,
    retries: 0,
    errors,
    warnings,
    lost: lossCounts([], [], skipped),
    unmappedColumns,
    absentColumns,
    skippedRows,
    ms: 0,
  };
  const synthetic = o.mapping.synthetic === true;
  // Provisional ids of natural-key entities to the ids they have in the graph.
  const actual = new Map<string, string>();
  const idOf = (id: string) => actual.get(id) ?? id;
  const grading = new Map(mapped.map((r) => [r.source.id, r.source]));

  const attempt = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    for (let k = 0; ; k++) {
      try {
        return await work();
      } catch (e) {
        if (e instanceof LoadError || k >= retries) {
          throw new ImportError(`${what} failed${k > 0 ? ` after ${k + 1} attempts` : ''}: ${(e as Error).message}. Nothing of that batch was written; run the import again to resume.`);
        }
        report.retries++;
        await sleep(200 * 2 ** k);
      }
    }
  };

  // Phase 1: source records and entities, batch by batch.
  const batches = chunks(mapped, batchSize);
  let done = 0;
  for (const batch of batches) {
    const entities = mergeById(batch.flatMap((r) => r.entities));
    const keys = entities.flatMap((e) => ('naturalKey' in e && e.naturalKey ? [e.naturalKey] : []));
    await attempt(`rows ${batch[0]!.source.file}:${batch[0]!.line} to ${batch[batch.length - 1]!.line}`, async () => {
      const found = keys.length ? await naturalIds(gateway as Gateway, keys) : new Map<string, string>();
      for (const e of entities) {
        const nk = (e as { naturalKey?: { type: EntityType; value: string } }).naturalKey;
        const existing = nk ? found.get(`${nk.type} ${nk.value}`) : undefined;
        if (existing) actual.set(e.id, existing);
      }
      const dataset: Dataset = {
        sources: batch.map((r) => r.source),
        entities: mergeById(entities.map((e): EntityInput => ({ type: e.type, id: idOf(e.id), props: e.props, sourceIds: e.sourceIds }))),
        links: [],
      };
      const prepared = prepare(dataset, { synthetic });
      const counts = await gateway.writeTx(async (tx) => {
        const s = await writeSources(
          tx,
          // unparsed: null clears the values an earlier version of a changed row lost.
          prepared.sources.map((x, i) => ({ id: x.id, props: { ...x.props, unparsed: x.props.unparsed ?? null, recordedAt: x.recordedAt, contentHash: batch[i]!.source.contentHash } })),
        );
        let n = 0;
        for (const type of ENTITY_TYPES) {
          const list = prepared.entities.get(type);
          if (list?.length) n += (await writeEntities(tx, type, list)).written;
        }
        await markDirty(tx, [...prepared.entities.values()].flatMap((list) => list.map((e) => e.id)));
        return { s, n };
      });
      report.sourceRecords.created += counts.s.created;
      report.sourceRecords.changed += counts.s.changed;
      report.sourceRecords.unchanged += counts.s.unchanged;
      report.entities += counts.n;
    });
    done += batch.length;
    progress('records', done, mapped.length);
  }

  // Phase 2: links, once every entity of the import exists (FtM links point across rows).
  // A call row's CALLED link is written by import/call-links (merged by its phones, its totals
  // recomputed from the call records citing it); the key tells the two kinds apart.
  const linkRows = mapped.flatMap((r) => [
    ...r.links.map((l) => ({ l: { ...l, from: idOf(l.from), to: idOf(l.to) }, row: r, call: false })),
    ...(r.callLinks ?? []).map((l) => ({ l: { ...l, from: idOf(l.from), to: idOf(l.to), id: linkId('CALLED', idOf(l.from), idOf(l.to), '', '') }, row: r, call: true })),
  ]);
  const keyOf = (x: { l: { type: string; id: string }; call: boolean }) => `${x.call ? 'call:' : ''}${x.l.type}/${x.l.id}`;
  done = 0;
  for (const batch of chunks(linkRows, batchSize)) {
    const links = mergeById(batch.filter((x) => !x.call).map((x) => x.l as LinkInput & { props?: never }));
    const calls = mergeById(batch.filter((x) => x.call).map((x) => x.l as LinkInput & { props?: never }));
    await attempt(`links of rows ${batch[0]!.row.source.file}:${batch[0]!.row.line} to ${batch[batch.length - 1]!.row.line}`, async () => {
      const known = new Map([...new Set([...links, ...calls].flatMap((l) => l.sourceIds))].map((id) => [id, grading.get(id)!]));
      const prepared = prepare({ sources: [], entities: [], links }, { synthetic, knownSources: known });
      const preparedCalls = calls.length ? prepare({ sources: [], entities: [], links: calls }, { synthetic, knownSources: known }).links.get('CALLED') ?? [] : [];
      const written = await gateway.writeTx(async (tx) => {
        const ok = new Set<string>();
        for (const type of LINK_TYPE_NAMES) {
          const list = prepared.links.get(type as LinkType);
          if (list?.length) for (const id of await writeLinks(tx, type as LinkType, list)) ok.add(`${type}/${id}`);
        }
        if (preparedCalls.length) for (const id of await writeCallLinks(tx, preparedCalls)) ok.add(`call:CALLED/${id}`);
        await markDirty(tx, [...links, ...calls].flatMap((l) => [l.from, l.to]));
        return ok;
      });
      report.links += written.size;
      // A link whose end is not in the graph is not made; the row is kept, and the link reported.
      for (const x of batch) {
        const { l, row } = x;
        if (written.has(keyOf(x))) continue;
        warnings.push({ file: row.source.file!, line: row.line, column: null, reason: `link ${l.type} ${l.from} -> ${l.to} not made: an end is not in the graph or is of the wrong type`, code: 'LINK_END_MISSING' });
      }
    });
    done += batch.length;
    progress('links', done, linkRows.length);
  }

  report.lost = lossCounts(errors, warnings, skipped);
  report.bad = report.lost.rowsRefused;
  report.imported = mapped.length;
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** The first rows of a file as the mapping reads them, for the workspace's upload preview. */
export function previewImport(o: Pick<ImportOptions, 'source' | 'mapping' | 'strict'> & { file: ImportFile; rows?: number }) {
  const { mapped, errors, warnings, rows } = mapFiles({ source: o.source, mapping: o.mapping, files: [o.file], ...(o.strict ? { strict: true } : {}) });
  const n = o.rows ?? 20;
  const firstLines = new Set(mapped.slice(0, n).map((r) => r.line));
  const shown = (e: RowError) => e.line <= Math.max(0, ...firstLines) || firstLines.size < n;
  return {
    rows,
    records: mapped.slice(0, n),
    errors: errors.filter(shown),
    warnings: warnings.filter(shown),
  };
}
