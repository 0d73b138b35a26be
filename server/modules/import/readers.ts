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

/** Column names a mapping refers to by name (used to tell a header row from data). */
export function namedColumns(m: Mapping): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'column' && typeof x === 'string') out.add(x);
        else if (k === 'template' && typeof x === 'string') for (const t of x.matchAll(/\{([^}]+)\}/g)) out.add(t[1]!);
        else walk(x);
      }
    }
  };
  walk({ ...m.entities, links: m.links, recordedAt: m.recordedAt, when: m.when, fromColumns: m.grading.fromColumns });
  for (const v of Object.values(m.entities).flatMap((e) => Object.values(e.properties))) if (typeof v === 'string') out.add(v);
  for (const k of m.recordKey) if (typeof k === 'string') out.add(k);
  return [...out];
}

export function readCsv(bytes: Uint8Array, m: Mapping): { rows: Row[]; delimiter: string; header: boolean; encoding: string } {
  const { text, encoding } = decode(bytes, m.csv?.encoding ?? 'auto');
  const delimiter = m.csv?.delimiter && m.csv.delimiter !== 'auto' ? m.csv.delimiter.replace('\\t', '\t') : sniffDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Line endings are made LF first: csv-parse counts a CRLF inside a quoted field as two
    // lines, which would put the reported line numbers out. (A line break inside a field is
    // therefore stored as LF, whatever the file used.)
    records = parse(text.replace(/\r\n?/g, '\n'), { delimiter, info: true, relax_column_count: true, relax_quotes: true, bom: true }) as never;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new ReadError(`line ${err.lines ?? '?'}: ${err.message}`);
  }
  const withLines: { line: number; record: string[] }[] = [];
  let previousEnd = 0;
  for (const r of records) {
    withLines.push({ line: previousEnd + 1, record: r.record });
    previousEnd = r.info.lines;
  }
  const data = withLines.filter((r) => r.record.some((v) => v.trim() !== ''));
  let header: boolean;
  const setting = m.csv?.header ?? 'auto';
  if (setting === 'auto') {
    // A header row holds the column names the mapping uses (the record key's at least: other
    // columns may be missing from a file); a data row does not.
    const first = new Set((data[0]?.record ?? []).map((v) => v.trim()));
    const keys = m.recordKey.filter((k): k is string => typeof k === 'string');
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
  return { rows, delimiter, header, encoding };
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

export function readRows(file: string, bytes: Uint8Array, m: Mapping): Row[] {
  const format = formatOf(file, m);
  if (format === 'csv') return readCsv(bytes, m).rows;
  if (format === 'json') return readJson(bytes, m);
  if (format === 'ftm') return readFtm(bytes);
  return readNdjson(bytes);
}
