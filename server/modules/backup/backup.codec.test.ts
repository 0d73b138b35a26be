import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { decode, encode } from './backup.codec.ts';
import { ifNotExists } from './backup.service.ts';

const T = neo4j.types;
const roundTrip = (v: unknown) => decode(JSON.parse(JSON.stringify(encode(v))) as never);

describe('dump values', () => {
  it('keep their Neo4j type through JSON', () => {
    expect(roundTrip(neo4j.int('9007199254740993'))).toEqual(neo4j.int('9007199254740993'));
    // A float that happens to be whole stays a float (a JS number, which the driver sends as a float).
    expect(roundTrip(1)).toBe(1);
    expect(encode(1)).toEqual({ $f: '1' });
    expect(roundTrip(0.25)).toBe(0.25);
    expect(roundTrip(Number.NaN)).toBeNaN();
    expect(roundTrip(['a', 'b'])).toEqual(['a', 'b']);
    expect(roundTrip([neo4j.int(1), neo4j.int(2)])).toEqual([neo4j.int(1), neo4j.int(2)]);
    expect(roundTrip(Int8Array.from([1, -2, 3]))).toEqual(Int8Array.from([1, -2, 3]));
    expect(roundTrip(new T.DateTime(2026, 12, 7, 17, 4, 5, 123456789, 3600))).toEqual(new T.DateTime(2026, 12, 7, 17, 4, 5, 123456789, 3600));
    expect(String(roundTrip(new T.DateTime(2026, 12, 7, 17, 4, 5, 0, undefined, 'Europe/London')))).toBe('2026-12-07T17:04:05[Europe/London]');
    expect(String(roundTrip(new T.Date(2026, 2, 28)))).toBe('2026-02-28');
    expect(String(roundTrip(new T.LocalDateTime(2026, 2, 28, 1, 2, 3, 4)))).toBe('2026-02-28T01:02:03.000000004');
    expect(String(roundTrip(new T.Duration(1, 2, 3, 4)))).toBe(String(new T.Duration(1, 2, 3, 4)));
    expect(String(roundTrip(new T.Point(4326, 1.5, 52.25)))).toBe(String(new T.Point(4326, 1.5, 52.25)));
  });

  it('schema statements are made again only where they are missing', () => {
    expect(ifNotExists('CREATE CONSTRAINT `entity_id` FOR (n:`Entity`) REQUIRE (n.`id`) IS UNIQUE')).toBe('CREATE CONSTRAINT `entity_id` IF NOT EXISTS FOR (n:`Entity`) REQUIRE (n.`id`) IS UNIQUE');
    expect(ifNotExists('CREATE FULLTEXT INDEX `search` FOR (n:`Entity`) ON EACH [n.`name`]')).toBe('CREATE FULLTEXT INDEX `search` IF NOT EXISTS FOR (n:`Entity`) ON EACH [n.`name`]');
    expect(ifNotExists('CREATE RANGE INDEX `a` IF NOT EXISTS FOR (n:`A`) ON (n.`b`)')).toBe('CREATE RANGE INDEX `a` IF NOT EXISTS FOR (n:`A`) ON (n.`b`)');
  });
});
