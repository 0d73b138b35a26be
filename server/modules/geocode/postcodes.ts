/**
 * Reads a postcode-centroid file: the ONS Postcode Directory's CSV (pcd/pcds, lat, long), the
 * common open layout (postcode, latitude, longitude), columns recognised by name, or a file that
 * places postcodes on the British National Grid: named grid columns (oseast1m/osnrth1m,
 * eastings/northings) when there is no latitude and longitude, or OS Code-Point Open's CSV, which
 * has no header (postcode, positional quality, eastings, northings, ...). Grid references are
 * converted to WGS84 as imports convert them (model/grid.ts). Streamed with
 * csv-parse, so a 1 GB directory is never held whole: only the postcodes asked for are kept
 * (all of them when none are named), keyed by the compact postcode (parsePostcode).
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { GridError, gridMetres, gridToLatLon } from '../../model/grid.ts';
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
const EASTING_COLUMNS = ['oseast1m', 'eastings', 'easting', 'x_coordinate'];
const NORTHING_COLUMNS = ['osnrth1m', 'northings', 'northing', 'y_coordinate'];

/** The columns a file was read by: latitude and longitude, or grid eastings and northings. */
export type CentroidColumns = { postcode: string; latitude: string; longitude: string } | { postcode: string; easting: string; northing: string };

/** "pcds, lat, long" or "pcd, oseast1m, osnrth1m (British National Grid)", for reports. */
export function describeColumns(c: CentroidColumns): string {
  return 'latitude' in c ? `${c.postcode}, ${c.latitude}, ${c.longitude}` : `${c.postcode}, ${c.easting}, ${c.northing} (British National Grid)`;
}

/** Code-Point Open's fields, which its CSV files list without a header line. */
const CODE_POINT_OPEN = { postcode: 'Postcode', easting: 'Eastings', northing: 'Northings' } as const;

/** The problems kept to report; the rest are counted. */
const MAX_PROBLEMS = 1000;

export interface ReadResult {
  centroids: Map<string, Centroid>;
  rows: number;
  columns: CentroidColumns;
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
  // Where the postcode and the place are: x and y are latitude and longitude, or easting and northing.
  let cols: { p: number; x: number; y: number; grid: boolean } | undefined;
  let columns: CentroidColumns | undefined;
  let rows = 0;
  const place = (record: string[], line: number, formatted: string): { latitude: number; longitude: number } | null => {
    const xText = (record[cols!.x] ?? '').trim();
    const yText = (record[cols!.y] ?? '').trim();
    if (cols!.grid) {
      // The directory leaves a postcode with no grid reference blank; Code-Point Open gives it 0, 0.
      if ((xText === '' && yText === '') || (Number(xText) === 0 && Number(yText) === 0)) {
        problem(line, `${formatted} has no grid reference in the file`);
        return null;
      }
      try {
        return gridToLatLon(gridMetres(xText, 'easting'), gridMetres(yText, 'northing'));
      } catch (e) {
        if (!(e instanceof GridError)) throw e;
        problem(line, `${formatted}: ${e.message}`);
        return null;
      }
    }
    const latitude = yText === '' ? NaN : Number(yText);
    const longitude = xText === '' ? NaN : Number(xText);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      problem(line, `${formatted}: latitude ${JSON.stringify(yText)} and longitude ${JSON.stringify(xText)} are not both numbers`);
      return null;
    }
    // The directory marks a postcode with no grid reference 99.999999, 0.
    if (latitude === 99.999999) {
      problem(line, `${formatted} has no coordinates in the file (latitude 99.999999)`);
      return null;
    }
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      problem(line, `${formatted}: latitude ${yText}, longitude ${xText} is not a place on Earth`);
      return null;
    }
    return { latitude, longitude };
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!cols) {
        if (parsePostcode((record[0] ?? '').trim()) && /^\s*\d+(\.\d+)?\s*$/.test(record[2] ?? '') && /^\s*\d+(\.\d+)?\s*$/.test(record[3] ?? '')) {
          // No header: a postcode, then two numbers after one field: Code-Point Open's layout. This line is data.
          cols = { p: 0, x: 2, y: 3, grid: true };
          columns = { ...CODE_POINT_OPEN };
        } else {
          const header = record.map((h) => h.toLowerCase().trim());
          const p = pick(header, POSTCODE_COLUMNS);
          const lat = pick(header, LATITUDE_COLUMNS);
          const lng = pick(header, LONGITUDE_COLUMNS);
          const east = pick(header, EASTING_COLUMNS);
          const north = pick(header, NORTHING_COLUMNS);
          const grid = (lat < 0 || lng < 0) && east >= 0 && north >= 0;
          const missing = [
            p < 0 ? `postcode column (${POSTCODE_COLUMNS.slice(0, 3).join(', ')})` : '',
            !grid && lat < 0 ? 'latitude column (lat, latitude)' : '',
            !grid && lng < 0 ? 'longitude column (long, longitude)' : '',
          ].filter(Boolean);
          if (missing.length) {
            throw new PostcodeFileError(
              `${o.file}: line ${line} has no ${missing.join(', no ')} (nor grid columns: oseast1m and osnrth1m, or eastings and northings); its columns are ${record.slice(0, 12).map((h) => JSON.stringify(h)).join(', ')}${record.length > 12 ? ', ...' : ''}`,
            );
          }
          cols = grid ? { p, x: east, y: north, grid } : { p, x: lng, y: lat, grid };
          columns = grid ? { postcode: record[p]!, easting: record[east]!, northing: record[north]! } : { postcode: record[p]!, latitude: record[lat]!, longitude: record[lng]! };
          continue;
        }
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
      const at = place(record, line, pc.formatted);
      if (at) centroids.set(pc.compact, { ...at, line });
    }
  } catch (e) {
    if (e instanceof PostcodeFileError) throw e;
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code?.startsWith('CSV_')) throw new PostcodeFileError(`${o.file}: line ${err.lines ?? '?'}: ${err.message}`);
    throw e;
  }
  if (!columns) throw new PostcodeFileError(`${o.file} is empty: it needs a header line naming its postcode, latitude and longitude (or easting and northing) columns, or Code-Point Open's rows`);
  o.onProgress?.(rows);
  return { centroids, rows, columns, problems, problemCount };
}
