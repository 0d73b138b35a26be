/**
 * Readers: a file's bytes to rows of named values, each with the line it starts on. CSV with
 * any delimiter (sniffed), with or without a header row, UTF-8 or Latin-1 (detected), LF, CRLF
 * or CR line endings (csv-parse finds them); JSON (an array, or an array at a path); NDJSON;
 * FollowTheMoney entities (NDJSON of {id, schema, properties}).
 */
import { parse } from 'csv-parse/sync';
import type { Mapping } from './mapping.ts';

export interface Row {
  /** 1-based line the row starts on (JSON arrays: the element's index + 1). */
  line: number;
  values: Record<string, unknown>;
}

export type Format = 'csv' | 'json' | 'ndjson' | 'ftm';

/** A file that cannot be read at all (as opposed to a bad row). */
export class ReadError extends Error {
  override name = 'ReadError';
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Latin-1 (Windows-1252). */
export function decode(bytes: Uint8Array, encoding: 'auto' | 'utf-8' | 'latin1' = 'auto'): { text: string; encoding: 'utf-8' | 'latin1' } {
  if (encoding !== 'latin1') {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
    } catch (e) {
      if (encoding === 'utf-8') throw new ReadError(`not valid UTF-8 (${(e as Error).message}); set csv.encoding: latin1 or auto`);
    }
  }
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'latin1' };
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter that splits the first lines into the same number (> 0) of fields most consistently. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => {
      let n = 0;
      let quoted = false;
      for (const c of l) {
        if (c === '"') quoted = !quoted;
        else if (c === d && !quoted) n++;
      }
      return n;
    });
    if (counts.length === 0 || Math.min(...counts) === 0) continue;
    const mode = counts.sort((a, b) => a - b)[Math.floor(counts.length / 2)]!;
    const consistent = counts.filter((c) => c === mode).length / counts.length;
    const score = consistent * 100 + mode;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Column names a mapping refers to by name (to tell a header row from data, and to check a file's columns). */
export function namedColumns(m: Mapping): string[] {
  const out = new Set<string>();
  const template = (t: string) => {
    for (const x of t.matchAll(/\{([^}]+)\}/g)) out.add(x[1]!);
  };
  /** A value spec, or a column named in shorthand. */
  const value = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else walk(v);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'column' && typeof x === 'string') out.add(x);
        else if (k === 'template' && typeof x === 'string') template(x);
        else walk(x);
      }
    }
  };
  for (const e of Object.values(m.entities)) {
    for (const v of Object.values(e.properties)) value(v);
    if (e.id !== undefined) value(e.id);
    for (const k of e.key ?? []) if (typeof k === 'string') out.add(k);
    walk(e.when);
  }
  for (const l of m.links) {
    for (const k of ['role', 'validFrom', 'validTo', 'weight', 'count', 'firstAt', 'lastAt'] as const) if (l[k] !== undefined) value(l[k]);
    walk(l.when);
  }
  for (const v of Object.values(m.calls ?? {})) value(v);
  if (m.recordedAt !== undefined) value(m.recordedAt);
  if (m.summary) template(m.summary);
  walk(m.when);
  for (const c of Object.values(m.grading.fromColumns ?? {})) if (typeof c === 'string') out.add(c);
  for (const k of m.recordKey ?? []) if (typeof k === 'string') out.add(k);
  return [...out];
}

/** A row the reader could not split into fields: the line it starts on and why. */
export interface BrokenRow {
  line: number;
  reason: string;
}

interface CsvRecord {
  line: number;
  record: string[];
}

/**
 * Splits CSV text into records with the physical line each starts on, surviving malformed rows.
 * A quote that opens a field and is never closed (or closes only lines later, giving the row a
 * different number of fields than its neighbours) would swallow the rest of the file: that row
 * is reported at the line it starts on and reading resumes on the next line. Records csv-parse
 * itself cannot read are skipped and reported (`skip_records_with_error`).
 */
export function splitCsv(text: string, delimiter: string): { records: CsvRecord[]; broken: BrokenRow[] } {
  // Line endings are made LF first: csv-parse counts a CRLF inside a quoted field as two lines.
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const records: CsvRecord[] = [];
  const broken: BrokenRow[] = [];
  let width: number | undefined;
  let offset = 0; // lines before the part being read
  for (;;) {
    const part: { start: number; end: number; record: string[] }[] = [];
    let failure: { message: string; start: number } | undefined;
    let previousEnd = 0;
    try {
      parse(lines.slice(offset).join('\n'), {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        bom: true,
        skip_records_with_error: true,
        on_skip: (err) => {
          // csv-parse's `lines` is where it noticed; the record began after the previous one.
          if (err?.code === 'CSV_QUOTE_NOT_CLOSED') failure = { message: 'a quoted field opened on this line is never closed', start: previousEnd + 1 };
          else if (err) broken.push({ line: offset + previousEnd + 1, reason: `${err.message.replace(/ at line \d+/, '')}; this row is not imported` });
          previousEnd = Number(err?.lines ?? previousEnd);
          return undefined;
        },
        on_record: (record: string[], info) => {
          const end = Number((info as { lines: number }).lines);
          part.push({ start: previousEnd + 1, end, record });
          previousEnd = end;
          return record;
        },
      });
    } catch (e) {
      failure ??= { message: (e as Error).message.replace(/ at line \d+/, ''), start: previousEnd + 1 };
    }
    // The usual number of fields: that of the rows on one line each.
    if (width === undefined) {
      const counts = new Map<number, number>();
      for (const r of part) if (r.end === r.start && r.record.length > 1) counts.set(r.record.length, (counts.get(r.record.length) ?? 0) + 1);
      width = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    }
    let resumeAt: number | undefined;
    for (const r of part) {
      if (r.end > r.start && width !== undefined && r.record.length !== width && r.record.some((v) => v.includes('\n'))) {
        broken.push({ line: offset + r.start, reason: `a quoted field opened on this line is not closed on it (read to line ${offset + r.end} as ${r.record.length} fields, not ${width}); this row is not imported` });
        resumeAt = r.start;
        break;
      }
      records.push({ line: offset + r.start, record: r.record });
    }
    if (resumeAt === undefined && failure) {
      broken.push({ line: offset + failure.start, reason: `${failure.message}; this row is not imported` });
      resumeAt = failure.start;
    }
    if (resumeAt === undefined) break;
    offset += resumeAt; // the line after the broken row's first
    if (offset >= lines.length) break;
  }
  return { records, broken };
}

export function readCsv(bytes: Uint8Array, m: Mapping): { rows: Row[]; broken: BrokenRow[]; names: string[]; delimiter: string; header: boolean; encoding: string } {
  const { text, encoding } = decode(bytes, m.csv?.encoding ?? 'auto');
  const delimiter = m.csv?.delimiter && m.csv.delimiter !== 'auto' ? m.csv.delimiter.replace('\\t', '\t') : sniffDelimiter(text);
  // A line break inside a field is stored as LF, whatever the file used.
  const { records: withLines, broken } = splitCsv(text, delimiter);
  const data = withLines.filter((r) => r.record.some((v) => v.trim() !== ''));
  let header: boolean;
  const setting = m.csv?.header ?? 'auto';
  if (setting === 'auto') {
    // A header row holds the column names the mapping uses (the record key's at least: other
    // columns may be missing from a file); a data row does not.
    const first = new Set((data[0]?.record ?? []).map((v) => v.trim()));
    const keys = (m.recordKey ?? []).filter((k): k is string => typeof k === 'string');
    const named = namedColumns(m);
    const found = named.filter((c) => first.has(c)).length;
    header = !m.csv?.columns && named.length > 0 && (keys.length > 0 ? keys.every((k) => first.has(k)) : found * 2 >= named.length);
  } else header = setting;
  let names: string[];
  if (header) {
    names = (data.shift()?.record ?? []).map((v) => v.trim());
  } else names = m.csv?.columns ?? [];
  const rows = data.map(({ line, record }) => {
    const values: Record<string, unknown> = {};
    record.forEach((v, i) => {
      values[String(i + 1)] = v;
      if (names[i]) values[names[i]!] = v;
    });
    return { line, values };
  });
  return { rows, broken, names, delimiter, header, encoding };
}

function atPath(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  let v = value;
  for (const part of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** Flattens nested objects into dotted names ("address.postcode"), so that mappings can name them. */
function flatten(o: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(o)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, name, out);
    else out[name] = v;
  }
  return out;
}

export function readJson(bytes: Uint8Array, m: Mapping): Row[] {
  const { text } = decode(bytes, 'utf-8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ReadError(`not valid JSON: ${(e as Error).message}`);
  }
  const list = atPath(doc, m.json?.records);
  if (!Array.isArray(list)) throw new ReadError(`expected an array of records${m.json?.records ? ` at ${m.json.records}` : ''}`);
  return list.map((v, i) => ({ line: i + 1, values: v && typeof v === 'object' ? flatten(v as Record<string, unknown>) : { value: v } }));
}

/** One JSON object a line; a line that is not JSON becomes a row with a parse error for the mapper to report. */
export function readNdjson(bytes: Uint8Array): Row[] {
  const { text } = decode(bytes, 'utf-8');
  const rows: Row[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      const v = JSON.parse(l) as unknown;
      rows.push({ line: i + 1, values: v && typeof v === 'object' && !Array.isArray(v) ? flatten(v as Record<string, unknown>) : { value: v } });
    } catch (e) {
      rows.push({ line: i + 1, values: { __error: `not valid JSON: ${(e as Error).message}` } });
    }
  });
  return rows;
}

/** FtM entities keep their nested `properties` (lists of strings) for the FtM mapper. */
export function readFtm(bytes: Uint8Array): Row[] {
  const { text } = decode(bytes, 'utf-8');
  const rows: Row[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      rows.push({ line: i + 1, values: JSON.parse(l) as Record<string, unknown> });
    } catch (e) {
      rows.push({ line: i + 1, values: { __error: `not valid JSON: ${(e as Error).message}` } });
    }
  });
  return rows;
}

export function formatOf(file: string, m: Mapping): Format {
  if (m.format) return m.format;
  if (/\.(ndjson|jsonl|ijson)$/i.test(file)) return 'ndjson';
  if (/\.json$/i.test(file)) return 'json';
  return 'csv';
}

/** A file's rows, the rows it could not split (CSV), and its column names where it has them (null: FtM). */
export function readRows(file: string, bytes: Uint8Array, m: Mapping): { rows: Row[]; broken: BrokenRow[]; columns: string[] | null } {
  const format = formatOf(file, m);
  if (format === 'csv') {
    const r = readCsv(bytes, m);
    return { rows: r.rows, broken: r.broken, columns: r.names };
  }
  if (format === 'ftm') return { rows: readFtm(bytes), broken: [], columns: null };
  const rows = format === 'json' ? readJson(bytes, m) : readNdjson(bytes);
  const columns = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.values)) if (k !== '__error') columns.add(k);
  return { rows, broken: [], columns: [...columns] };
}
