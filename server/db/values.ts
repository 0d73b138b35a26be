/**
 * Neo4j values to plain JSON-friendly values: integers to numbers (or strings past 2^53),
 * temporals to ISO strings, nodes and relationships to their properties.
 */
import neo4j, { isInt, isDate, isDateTime, isLocalDateTime, isDuration, isTime, isLocalTime, isPoint } from 'neo4j-driver';

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans (most of a row) need none of the checks below.
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) return { x: value.x, y: value.y, srid: toPlain(value.srid) };
  if (Array.isArray(value)) return value.map(toPlain);
  const v = value as { properties?: unknown; labels?: unknown; type?: unknown; elementId?: unknown };
  if (v.elementId !== undefined && v.properties !== undefined) return toPlain(v.properties);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, x]) => [k, toPlain(x)]));
}

/**
 * A whole number as a Cypher integer parameter. JavaScript numbers travel as floats, which
 * SKIP, LIMIT and list slices refuse; counts and offsets go through this.
 */
export function int(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(n));
}

/** An ISO date (YYYY-MM-DD) as a Cypher date parameter, so that it is stored as a date, not text. */
export function date(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new neo4j.types.Date(y!, m!, d!);
}

/**
 * Parameters for Neo4j: JavaScript numbers that are whole become Neo4j integers (otherwise they
 * travel as floats, which LIMIT, SKIP and range bounds refuse), recursively through lists and maps.
 * Neo4j values (integers, temporals) pass through untouched.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toParams(v)]));
  }
  return value;
}
