/**
 * Property-based fuzzing of GraphQL arguments through the real HTTP pipeline: whatever a caller
 * sends, the answer is a Lantern error code or data, never a 500 or an internal detail, and
 * Cypher-injection strings in every text argument are inert (the graph is unchanged).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

const INJECTIONS = [
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "x' OR 1=1 //",
  '`) CALL db.clearQueryCaches() //',
  'person-1"}) WITH 1 AS x MATCH (n:User) RETURN n.passwordHash //',
  '*:* OR fullName:*',
  '\\"; CALL apoc.cypher.runWrite("MATCH (n) DETACH DELETE n", {}) //',
  '<script>alert(1)</script>',
];
const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 50 }), fc.constantFrom(...INJECTIONS));
const int = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, 2 ** 53), fc.double().filter(Number.isFinite));
const date = fc.oneof(text, fc.constantFrom('2025-06-23', '2025-02-30', '99999-01-01', '2025-06-23T10:00:00Z'));

const QUERIES: { query: string; vars: fc.Arbitrary<Record<string, unknown>> }[] = [
  { query: 'query($t: String!, $n: Int, $a: String) { search(text: $t, first: $n, after: $a) { edges { node { id label } } } }', vars: fc.record({ t: text, n: int, a: fc.oneof(text, fc.constant(null)) }) },
  { query: 'query($id: ID!) { entity(id: $id) { id label } link(id: $id) { id } }', vars: fc.record({ id: text }) },
  { query: 'query($ids: [ID!]!, $h: Int, $l: Int) { neighbourhood(ids: $ids, hops: $h, limit: $l) { nodes { id } truncated } }', vars: fc.record({ ids: fc.array(text, { maxLength: 4 }), h: int, l: int }) },
  { query: 'query($f: ID!, $t: ID!, $m: Int) { paths(from: $f, to: $t, maxLength: $m) { nodes { id } } }', vars: fc.record({ f: text, t: text, m: int }) },
  { query: 'query($ids: [ID!]!, $from: Date, $to: Date, $k: Date) { timeline(ids: $ids, from: $from, to: $to, asKnownOn: $k) { id } }', vars: fc.record({ ids: fc.array(text, { minLength: 1, maxLength: 3 }), from: date, to: date, k: date }) },
  { query: 'query($ids: [ID!]!, $f: LinkFilter) { subgraph(ids: $ids, filter: $f) { nodes { id } } }', vars: fc.record({ ids: fc.array(text, { maxLength: 3 }), f: fc.record({ linkTypes: fc.array(fc.constantFrom('WORKS_AT', 'USES_PHONE', 'CALLED'), { maxLength: 2 }), from: date, to: date, asKnownOn: date }, { requiredKeys: [] }) }) },
  { query: 'query($ids: [ID!]!, $m: Int) { commonNeighbours(ids: $ids, minShared: $m) { node { id } } }', vars: fc.record({ ids: fc.array(text, { maxLength: 3 }), m: int }) },
  { query: 'query($a: String, $o: String, $from: String) { auditLog(filter: { actor: $a, operation: $o, from: $from }, after: $o) { entries { seq } } }', vars: fc.record({ a: text, o: text, from: date }) },
];

describe('fuzzing GraphQL arguments', () => {
  let server: TestServer;
  // What an injection would destroy or reveal: demo entities, their links, the caller's own token.
  // (Totals are no use here: other suites add and remove their fixtures meanwhile.)
  const state = async () => {
    const r = await server.graphql<{ a: { id: string; degree: number } | null; b: { id: string; degree: number } | null; me: { role: string } }>(
      '{ a: entity(id: "premises-000001") { id degree } b: entity(id: "person-000003") { id degree } me { role } }',
    );
    return r.data;
  };
  let before: Awaited<ReturnType<typeof state>>;

  beforeAll(async () => {
    server = await startTestServer();
    before = await state();
  });
  afterAll(() => server.close());

  it('answers every argument with data or a Lantern error code, never a 500 or internals', async () => {
    const admin = await server.as('admin');
    for (const q of QUERIES) {
      await fc.assert(
        fc.asyncProperty(q.vars, async (vars) => {
          const r = await admin.graphql(q.query, vars);
          expect(r.status, JSON.stringify({ q: q.query, vars, r })).toBeLessThan(500);
          const body = JSON.stringify(r);
          expect(body).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|Neo4jError|Cypher|at \w+ \(/);
        }),
        { numRuns: 12 },
      );
    }
  }, 300_000);

  it('leaves the graph as it was after every injection string in every text argument', async () => {
    for (const s of INJECTIONS) {
      await server.graphql('query($t: String!) { search(text: $t) { edges { node { id } } } entity(id: $t) { id } neighbourhood(ids: [$t]) { nodes { id } } }', { t: s });
    }
    expect(before?.a?.id).toBe('premises-000001');
    expect(await state()).toEqual(before);
  });
});
