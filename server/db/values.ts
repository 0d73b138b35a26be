/**
 * Neo4j values to plain JSON-friendly values: integers to numbers (or strings past 2^53),
 * temporals to ISO strings, nodes and relationships to their properties.
 */
import neo4j, { isInt, isDate, isDateTime, isLocalDateTime, isDuration, isTime, isLocalTime, isPoint } from 'neo4j-driver';

/**
 * A value as read from the driver, in place: maps and lists are the driver's own fresh objects,
 * so they are converted where they stand rather than copied (every row of every answer comes
 * through here, and a copy of each map was most of the garbage a request made). Pass only what
 * the driver returned, nothing the caller keeps using.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans (most of a row) need none of the checks below.
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  // Then lists and maps, the rest of a row: plain loops, and only values that change are written.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (needsPlain(v)) value[i] = toPlain(v);
    }
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (isDate(value) || isDuration(value)) return value.toString();
  if (isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value)) return isoText(value.toString());
  if (isPoint(value)) return { x: value.x, y: value.y, srid: toPlain(value.srid) };
  const v = value as { properties?: unknown; labels?: unknown; type?: unknown; elementId?: unknown };
  if (v.elementId !== undefined && v.properties !== undefined) return toPlain(v.properties);
  return plainMap({ ...(value as Record<string, unknown>) });
}

/** Whether toPlain would return something else than the value itself (objects are walked). */
function needsPlain(v: unknown): boolean {
  return v === undefined || (v !== null && (typeof v === 'object' || typeof v === 'bigint'));
}

/** A fraction of a second with the zeros the driver pads it to nine digits with. */
const PADDED_FRACTION = /\.(\d*?)0+(?!\d)/;

/**
 * The driver's text of a time or datetime as Cypher's toString writes it, which the chart queries
 * return (CHART_TEMPORAL_PROPERTIES): the fraction without trailing zeros, and none when it is
 * zero ("10:30:00.120000000Z" -> "10:30:00.12Z"), so a property reads the same by either path.
 */
function isoText(text: string): string {
  return text.replace(PADDED_FRACTION, (_, digits: string) => (digits ? `.${digits}` : ''));
}

function plainMap(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (!needsPlain(v)) continue;
    // A key named __proto__ stays a property (assigning it would set the prototype).
    if (k === '__proto__') Object.defineProperty(o, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    else o[k] = toPlain(v);
  }
  return o;
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
 * An ISO 8601 date and time with its offset (2025-06-23T10:15:00Z, ...+01:00) as a Cypher
 * datetime parameter, the offset kept, so that it is stored as Cypher's datetime() would store it.
 */
export function dateTime(iso: string): InstanceType<typeof neo4j.types.DateTime> {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i.exec(iso.trim());
  if (!m) throw new Error(`${JSON.stringify(iso)} is not an ISO 8601 date and time with an offset`);
  const zone = m[8]!.toUpperCase();
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(-2)) * 60);
  const nanos = Number((m[7] ?? '').padEnd(9, '0'));
  return new neo4j.types.DateTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), nanos, offset);
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
