/**
 * Reads a postcode-centroid file: the ONS Postcode Directory's CSV (pcd/pcds, lat, long) or the
 * common open layout (postcode, latitude, longitude), columns recognised by name. Streamed with
 * csv-parse, so a 1 GB directory is never held whole: only the postcodes asked for are kept
 * (all of them when none are named), keyed by the compact postcode (parsePostcode).
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parsePostcode } from '../../model/normalise.ts';

export interface Centroid {
  latitude: number;
  longitude: number;
  line: number;
}

export interface FileProblem {
  line: number;
  reason: string;
}

export class PostcodeFileError extends Error {
  override name = 'PostcodeFileError';
}

/** Column names, lower case, in order of preference: pcds (spaced) before pcd, pcd2, pcd8 and pcd7. */
const POSTCODE_COLUMNS = ['pcds', 'postcode', 'pcd', 'pcd2', 'pcd8', 'pcd7', 'post_code', 'post code'];
const LATITUDE_COLUMNS = ['lat', 'latitude'];
const LONGITUDE_COLUMNS = ['long', 'longitude', 'lng', 'lon'];

/** The problems kept to report; the rest are counted. */
const MAX_PROBLEMS = 1000;

export interface ReadResult {
  centroids: Map<string, Centroid>;
  rows: number;
  columns: { postcode: string; latitude: string; longitude: string };
  problems: FileProblem[];
  problemCount: number;
}

function pick(header: string[], names: string[]): number {
  for (const n of names) {
    const i = header.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Streams `input` (named `file` in errors). `want`: the compact postcodes to keep (all when
 * absent). A row whose postcode is not one, or whose coordinates are missing, not numbers, out
 * of range or the directory's "no grid reference" mark (99.999999, 0), is a problem named by line.
 */
export async function readCentroids(
  input: Readable,
  o: { file: string; want?: ReadonlySet<string>; onProgress?: (rows: number) => void },
): Promise<ReadResult> {
  const centroids = new Map<string, Centroid>();
  const problems: FileProblem[] = [];
  let problemCount = 0;
  const problem = (line: number, reason: string) => {
    problemCount += 1;
    if (problems.length < MAX_PROBLEMS) problems.push({ line, reason });
  };
  const parser = input.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  let cols: { p: number; lat: number; lng: number } | undefined;
  let columns: ReadResult['columns'] | undefined;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!cols) {
        const header = record.map((h) => h.toLowerCase().trim());
        cols = { p: pick(header, POSTCODE_COLUMNS), lat: pick(header, LATITUDE_COLUMNS), lng: pick(header, LONGITUDE_COLUMNS) };
        const missing = [cols.p < 0 ? `postcode column (${POSTCODE_COLUMNS.slice(0, 3).join(', ')})` : '', cols.lat < 0 ? 'latitude column (lat, latitude)' : '', cols.lng < 0 ? 'longitude column (long, longitude)' : ''].filter(Boolean);
        if (missing.length) throw new PostcodeFileError(`${o.file}: line ${line} has no ${missing.join(', no ')}; its columns are ${record.slice(0, 12).map((h) => JSON.stringify(h)).join(', ')}${record.length > 12 ? ', ...' : ''}`);
        columns = { postcode: record[cols.p]!, latitude: record[cols.lat]!, longitude: record[cols.lng]! };
        continue;
      }
      rows += 1;
      if (rows % 100_000 === 0) o.onProgress?.(rows);
      const text = (record[cols.p] ?? '').trim();
      const pc = parsePostcode(text);
      if (!pc) {
        problem(line, `${JSON.stringify(text)} is not a UK postcode`);
        continue;
      }
      if (o.want && !o.want.has(pc.compact)) continue;
      const latText = (record[cols.lat] ?? '').trim();
      const lngText = (record[cols.lng] ?? '').trim();
      const latitude = latText === '' ? NaN : Number(latText);
      const longitude = lngText === '' ? NaN : Number(lngText);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
        problem(line, `${pc.formatted}: latitude ${JSON.stringify(latText)} and longitude ${JSON.stringify(lngText)} are not both numbers`);
        continue;
      }
      // The directory marks a postcode with no grid reference 99.999999, 0.
      if (latitude === 99.999999) {
        problem(line, `${pc.formatted} has no coordinates in the file (latitude 99.999999)`);
        continue;
      }
      if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
        problem(line, `${pc.formatted}: latitude ${latText}, longitude ${lngText} is not a place on Earth`);
        continue;
      }
      centroids.set(pc.compact, { latitude, longitude, line });
    }
  } catch (e) {
    if (e instanceof PostcodeFileError) throw e;
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code?.startsWith('CSV_')) throw new PostcodeFileError(`${o.file}: line ${err.lines ?? '?'}: ${err.message}`);
    throw e;
  }
  if (!columns) throw new PostcodeFileError(`${o.file} is empty: it needs a header line naming its postcode, latitude and longitude columns`);
  o.onProgress?.(rows);
  return { centroids, rows, columns, problems, problemCount };
}
