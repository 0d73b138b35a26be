/**
 * Neo4j property values as JSON and back, without losing their type: an integer stays an
 * integer (64-bit, as text), a float a float (1.0 too), temporal values keep their fields, zone
 * and nanoseconds, points their SRID, byte arrays their bytes. Lines of the logical dump
 * (backup.service.ts) hold values written by `encode`; `decode` gives what the driver sends back.
 */
import neo4j, { isInt } from 'neo4j-driver';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const n = (v: unknown): number => (isInt(v) ? v.toNumber() : Number(v));

export function encode(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) && !Number.isInteger(v) ? v : { $f: String(v) };
  if (isInt(v)) return { $i: v.toString() };
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof Int8Array || v instanceof Uint8Array) return { $b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (neo4j.isDateTime(v)) {
    return { $t: 'DateTime', v: [v.year, v.month, v.day, v.hour, v.minute, v.second, v.nanosecond].map(n), z: v.timeZoneId ?? null, o: v.timeZoneId ? null : n(v.timeZoneOffsetSeconds) };
  }
  if (neo4j.isLocalDateTime(v)) return { $t: 'LocalDateTime', v: [v.year, v.month, v.day, v.hour, v.minute, v.second, v.nanosecond].map(n) };
  if (neo4j.isDate(v)) return { $t: 'Date', v: [v.year, v.month, v.day].map(n) };
  if (neo4j.isTime(v)) return { $t: 'Time', v: [v.hour, v.minute, v.second, v.nanosecond, v.timeZoneOffsetSeconds].map(n) };
  if (neo4j.isLocalTime(v)) return { $t: 'LocalTime', v: [v.hour, v.minute, v.second, v.nanosecond].map(n) };
  if (neo4j.isDuration(v)) return { $t: 'Duration', v: [v.months, v.days, v.seconds, v.nanoseconds].map(n) };
  if (neo4j.isPoint(v)) return { $t: 'Point', v: [n(v.srid), v.x, v.y, ...(v.z === undefined ? [] : [v.z])] };
  if (typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, encode(x)]));
  }
  throw new Error(`A value of type ${typeof v} cannot be backed up`);
}

const T = neo4j.types;

export function decode(j: Json): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(decode);
  if (typeof j.$i === 'string') return neo4j.int(j.$i);
  if (typeof j.$f === 'string') return Number(j.$f);
  if (typeof j.$b === 'string') return Int8Array.from(Buffer.from(j.$b, 'base64'));
  if (typeof j.$t === 'string') {
    const v = j.v as number[];
    switch (j.$t) {
      case 'DateTime': {
        const [y, mo, d, h, mi, s, ns] = v as [number, number, number, number, number, number, number];
        return typeof j.z === 'string' ? new T.DateTime(y, mo, d, h, mi, s, ns, undefined, j.z) : new T.DateTime(y, mo, d, h, mi, s, ns, j.o as number);
      }
      case 'LocalDateTime':
        return new T.LocalDateTime(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!, v[6]!);
      case 'Date':
        return new T.Date(v[0]!, v[1]!, v[2]!);
      case 'Time':
        return new T.Time(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!);
      case 'LocalTime':
        return new T.LocalTime(v[0]!, v[1]!, v[2]!, v[3]!);
      case 'Duration':
        return new T.Duration(v[0]!, v[1]!, v[2]!, v[3]!);
      case 'Point':
        return new T.Point(v[0]!, v[1]!, v[2]!, v[3]);
      default:
        throw new Error(`Unknown value type ${j.$t} in the dump`);
    }
  }
  return Object.fromEntries(Object.entries(j).map(([k, x]) => [k, decode(x)]));
}
