import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildSchema } from './schema.ts';
import { queryLimitsRule } from './limits.ts';
import * as documents from '../../client/src/api/documents.ts';

// The schema is built by @graphql-tools, which loads graphql's CommonJS build; validate with the
// same build (the ESM one refuses its objects as "from another realm").
const { parse, validate, specifiedRules } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema();
const check = (query: string, limits = { maxDepth: 15, maxCost: 50_000 }) =>
  validate(schema, parse(query), [...specifiedRules, queryLimitsRule(limits)]).map((e) => e.message);

describe('query depth and cost limits', () => {
  it('passes every query the workspace sends', () => {
    const source = fs.readFileSync('client/src/api/operations.ts', 'utf8');
    const inline = [...source.matchAll(/`((?:query|mutation)[\s\S]*?)`/g)].map((m) => m[1]!.replace(/\$\{[^}]*\}/g, 'id'));
    // The everyday reads' documents, as sent (the warm-up runs them too).
    const shared = Object.values(documents).filter((d) => /^(query|mutation)\b/.test(d));
    expect(shared.length).toBeGreaterThanOrEqual(8);
    const queries = [...inline, ...shared];
    let checked = 0;
    for (const q of queries) {
      let doc;
      try {
        doc = parse(q);
      } catch {
        continue; // fragments spliced in at run time
      }
      expect(validate(schema, doc, [queryLimitsRule({ maxDepth: 15, maxCost: 50_000 })]).map((e) => e.message), q).toEqual([]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
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
});
