import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { dateTime, toPlain } from './values.ts';

describe('toPlain', () => {
  it('keeps strings, numbers and booleans, and turns null, undefined and bigints into JSON values', () => {
    expect(toPlain('a')).toBe('a');
    expect(toPlain(1.5)).toBe(1.5);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(12n)).toBe(12);
  });

  it('turns integers into numbers, or strings past 2^53, and temporals into ISO strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(new neo4j.types.Date(2025, 1, 10))).toBe('2025-01-10');
    expect(toPlain(neo4j.types.DateTime.fromStandardDate(new Date('2025-01-10T12:30:00Z')))).toMatch(/^2025-01-10T\d\d:30:00/);
  });

  it('writes a fraction of a second without the driver’s padding, as Cypher’s toString does', () => {
    const at = (nanos: number) => new neo4j.types.DateTime(2025, 1, 10, 12, 30, 5, nanos, 0);
    expect(toPlain(at(120_000_000))).toBe('2025-01-10T12:30:05.12Z');
    expect(toPlain(at(1))).toBe('2025-01-10T12:30:05.000000001Z');
    expect(toPlain(at(0))).toBe('2025-01-10T12:30:05Z');
    expect(toPlain(new neo4j.types.LocalTime(9, 0, 0, 500_000_000))).toBe('09:00:00.5');
    expect(toPlain(new neo4j.types.DateTime(2025, 1, 10, 12, 30, 5, 100_000_000, undefined, 'Europe/London'))).toBe('2025-01-10T12:30:05.1[Europe/London]');
  });

  it('converts maps and lists all the way down, and nodes to their properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { id: 'person-1', degree: neo4j.int(3) }, 'e1');
    expect(toPlain({ n: node, list: [neo4j.int(1), 'x', { d: new neo4j.types.Date(2024, 12, 31) }] })).toEqual({
      n: { id: 'person-1', degree: 3 },
      list: [1, 'x', { d: '2024-12-31' }],
    });
  });

  it('converts the driver’s maps and lists where they stand, without copying them', () => {
    const inner = { degree: neo4j.int(3), label: 'x' };
    const row = { node: inner, ids: ['a', neo4j.int(7)] };
    const out = toPlain(row) as typeof row;
    expect(out).toBe(row);
    expect(out.node).toBe(inner);
    expect(out).toEqual({ node: { degree: 3, label: 'x' }, ids: ['a', 7] });
  });

  it('keeps a map key named __proto__ as a property, never as the prototype', () => {
    const out = toPlain(JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect((out as { polluted?: number }).polluted).toBeUndefined();
  });

  it('turns relationships into their properties', () => {
    const rel = new neo4j.types.Relationship(neo4j.int(5), neo4j.int(1), neo4j.int(2), 'USES', { id: 'link-1', weight: neo4j.int(2) }, 'r5', 'e1', 'e2');
    expect(toPlain([rel])).toEqual([{ id: 'link-1', weight: 2 }]);
  });
});

describe('dateTime', () => {
  it('makes a Cypher datetime parameter of an ISO date and time, keeping its offset and fraction', () => {
    expect(toPlain(dateTime('2025-06-23T10:15:00Z'))).toBe('2025-06-23T10:15:00Z');
    const d = dateTime('2025-06-23T10:15:30.25+01:00');
    expect([d.hour, d.second, d.nanosecond, d.timeZoneOffsetSeconds].map(Number)).toEqual([10, 30, 250_000_000, 3600]);
    expect(Number(dateTime('2025-06-23T10:15-05:30').timeZoneOffsetSeconds)).toBe(-19800);
    expect(() => dateTime('2025-06-23 10:15')).toThrow(/not an ISO 8601 date and time with an offset/);
  });
});
