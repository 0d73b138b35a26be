/**
 * British National Grid (EPSG:27700) eastings and northings to WGS84 latitude and longitude,
 * for sources that place things on the grid (police systems, councils, OS products). proj4 with
 * the OSGB36 datum and its published seven-parameter shift to WGS84: good to a few metres (the
 * shift is the approximation; OSTN15 would give centimetres), ample for a premises on a map.
 */
import proj4 from 'proj4';

/** A value that is not a British National Grid coordinate; the message says why. */
export class GridError extends Error {
  override name = 'GridError';
}

const EPSG_27700 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toWgs84 = proj4(EPSG_27700, 'WGS84');

/** The grid's extent (with a margin): a value outside it is not a British National Grid coordinate. */
const RANGE = { easting: [-10_000, 710_000], northing: [-10_000, 1_260_000] } as const;

/** A grid coordinate in metres, from a cell: a number (or numeric text, "651409.9" or "651,410"). */
export function gridMetres(value: unknown, axis: 'easting' | 'northing'): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?[\d,]+(\.\d+)?\s*$/.test(value) ? Number(value.replace(/[,\s]/g, '')) : Number.NaN;
  if (!Number.isFinite(n)) throw new GridError(`${JSON.stringify(value)} is not a British National Grid ${axis} in metres`);
  const [lo, hi] = RANGE[axis];
  if (n < lo || n > hi) throw new GridError(`${n} is outside the British National Grid's ${axis}s (0 to ${hi - 10_000} m)`);
  return n;
}

/** WGS84 latitude and longitude (to 6 decimals, about 0.1 m) of a British National Grid point. */
export function gridToLatLon(easting: number, northing: number): { latitude: number; longitude: number } {
  const [lon, lat] = toWgs84.forward([easting, northing]) as [number, number];
  return { latitude: Math.round(lat * 1e6) / 1e6, longitude: Math.round(lon * 1e6) / 1e6 };
}

/**
 * The latitude and longitude of a row's grid columns (a mapping's `grid`), or null when both are
 * empty. One empty, or a value that is not a grid coordinate, is a bad value: `bad` is told which
 * column and why, and nothing is placed.
 */
export function placeFromGrid(
  easting: unknown,
  northing: unknown,
  columns: { easting: string | number; northing: string | number },
  bad: (column: string, value: string, reason: string) => void,
): { latitude: number; longitude: number } | null {
  if (easting === null && northing === null) return null;
  if (easting === null || northing === null) {
    const missing = easting === null ? 'easting' : 'northing';
    bad(String(columns[missing]), '', `the ${missing} is empty but the ${missing === 'easting' ? 'northing' : 'easting'} is given; the place is left out`);
    return null;
  }
  try {
    return gridToLatLon(gridMetres(easting, 'easting'), gridMetres(northing, 'northing'));
  } catch (e) {
    if (!(e instanceof GridError)) throw e;
    const column = /easting/.test(e.message) ? columns.easting : columns.northing;
    bad(String(column), String(/easting/.test(e.message) ? easting : northing), e.message);
    return null;
  }
}
