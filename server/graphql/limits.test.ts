import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildSchema } from './schema.ts';
import { DEFAULT_LIMITS, measureDocument, queryLimitsRule } from './limits.ts';
import * as documents from '../kernel/documents.ts';
import * as generated from '../kernel/__generated__/graphql.ts';

// The schema is built by @graphql-tools, which loads graphql's CommonJS build; validate with the
// same build (the ESM one refuses its objects as "from another realm").
const { parse, validate, specifiedRules } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema();
const validated = (query: string, limits: Parameters<typeof queryLimitsRule>[0] = { maxDepth: 15, maxCost: 50_000 }) =>
  validate(schema, parse(query), [...specifiedRules, queryLimitsRule(limits)]).map((e) => e.message);
/** The refusals, without the "Validation aborted." graphql-js adds when the rule stops it. */
const check = (...a: Parameters<typeof validated>) => validated(...a).filter((m) => m !== 'Validation aborted.');

/** A chain of n fragments, each spreading the next twice: 2^n copies of the last when expanded. */
export function fragmentChain(n: number, leaf = 'about { version }'): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ${leaf} ...F${i + 1} ...F${i + 1} }`);
  return ['query Chain { ...F0 }', ...fragments, `fragment F${n} on Query { ${leaf} }`].join('\n');
}
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('query depth and cost limits', () => {
  it('passes every query the workspace sends', () => {
    // Every operation written in the workspace's source and the shared kernel: the client preset
    // generates one document per operation, with the fragments it spreads.
    const queries = Object.entries(generated)
      .filter(([name]) => name.endsWith('Document'))
      .map(([, document]) => String(document));
    expect(queries.length).toBeGreaterThan(35);
    for (const q of queries) {
      expect(() => parse(q, { maxTokens: DEFAULT_LIMITS.maxTokens }), q).not.toThrow();
      expect(validate(schema, parse(q)).map((e) => e.message), q).toEqual([]);
      expect(validate(schema, parse(q), [queryLimitsRule({ maxDepth: 15, maxCost: 50_000 })]).map((e) => e.message), q).toEqual([]);
    }
    // The everyday reads (the warm-up runs them too) are among them.
    expect(queries).toContain(String(documents.NEIGHBOURHOOD));
  });

  it('refuses a query nested deeper than the limit, and counts fragments', () => {
    const deep = '{ entity(id: "x") { links { edges { other { links { edges { other { id } } } } } } } }';
    expect(check(deep, { maxDepth: 6, maxCost: 1e9 })).toEqual([expect.stringMatching(/nested 8 levels deep; at most 6/)]);
    const viaFragment = 'fragment F on Entity { links { edges { other { links { edges { other { id } } } } } } } { entity(id: "x") { ...F } }';
    expect(check(viaFragment, { maxDepth: 6, maxCost: 1e9 })).toEqual([expect.stringMatching(/nested 8 levels deep/)]);
  });

  it('multiplies list sizes: first/limit literal, variables assumed large, limits on an object apply to its lists', () => {
    expect(check('{ search(text: "a", first: 10) { edges { node { id } } } }', { maxDepth: 15, maxCost: 100 })).toEqual([]);
    expect(check('{ neighbourhood(ids: ["a"], limit: 5000) { nodes { id label } } }', { maxDepth: 15, maxCost: 5000 })).toEqual([
      expect.stringMatching(/could return about 1000\d records/),
    ]);
    expect(check('{ entity(id: "a") { links(first: 200) { edges { other { links(first: 200) { edges { node { id } } } } } } } }')).toEqual([
      expect.stringMatching(/could return about \d+ records; at most 50000/),
    ]);
  });

  it('does not count introspection, so tools can introspect', () => {
    expect(check('{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }', { maxDepth: 3, maxCost: 10 })).toEqual([]);
  });

  it('measures a fragment once however often it is spread: a chain of 40 is refused in milliseconds', () => {
    const started = performance.now();
    const errors = check(fragmentChain(40), { maxDepth: 15, maxCost: 50_000 });
    const ms = performance.now() - started;
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/could return about \d+ records; at most 50000/)]));
    // The cost is the expanded document's: 2^40 copies of `about { version }`.
    const measure = measureDocument(schema, parse(fragmentChain(40)))[0]?.measure;
    expect(measure!.cost).toBeGreaterThan(2 ** 40);
    expect(ms).toBeLessThan(1000);
  });

  it('counts aliases, every spread of a fragment included', () => {
    expect(check(aliases(31, 'about { version }'))).toEqual([expect.stringMatching(/uses 31 aliases .*; at most 30 are allowed/)]);
    expect(check(aliases(30, 'about { version }'))).toEqual([]);
    const viaFragment = `fragment A on Query { x: about { version } y: about { version } } { ...A ${Array.from({ length: 15 }, (_, i) => `f${i}: about { version }`).join(' ')} }`;
    expect(check(viaFragment, { maxDepth: 15, maxCost: 50_000, maxAliases: 16 })).toEqual([expect.stringMatching(/uses 17 aliases/)]);
    // __typename under an alias is what clients write to tell union members apart: free.
    expect(check(aliases(40, '__typename'))).toEqual([]);
  });

  it('counts introspection: one or two __schema are fine, a hundred are refused', () => {
    const one = '{ __schema { types { name } } }';
    expect(check(one)).toEqual([]);
    expect(check(aliases(100, '__schema { types { name } }'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/asks for the schema \(__schema or __type\) 100 times; at most 2/), expect.stringMatching(/uses 100 aliases/)]),
    );
  });

  it('refuses a selection of more fields than one may have, fragments merged in', () => {
    const copies = `{ ${Array.from({ length: 250 }, () => 'about { version }').join(' ')} }`;
    expect(check(copies)).toEqual([expect.stringMatching(/One selection in the query asks for 250 fields .*at most 200/)]);
  });

  it('stops graphql-js validation at once when it refuses, before the rules that compare fields', () => {
    // 700 copies of one field kept graphql-js's overlapping-fields rule busy for about half a second.
    const copies = parse(`{ ${Array.from({ length: 700 }, () => 'about { version }').join(' ')} }`);
    const started = performance.now();
    const errors = validate(schema, copies, [...specifiedRules, queryLimitsRule({ maxDepth: 15, maxCost: 50_000 })]).map((e) => e.message);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors[0]).toMatch(/asks for 700 fields/);
    expect(errors.at(-1)).toBe('Validation aborted.');
  });
});
