import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../testing/harness.ts';
import { SEARCH } from '../kernel/documents.ts';

/** A chain of n fragments, each spreading the next twice: 2^n copies of the last when expanded. */
function fragmentChain(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { about { version } ...F${i + 1} ...F${i + 1} }`);
  return ['query Chain { ...F0 }', ...fragments, `fragment F${n} on Query { about { version } }`].join('\n');
}
const aliases = (n: number, field: string) => `query Many { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('queries that would cost the server more than they are worth', () => {
  let server: TestServer;
  let viewer: TestClient;
  beforeAll(async () => {
    server = await startTestServer();
    viewer = await server.as('viewer');
    await viewer.graphql('{ me { role } }'); // the server's first request pays for its JIT
  });
  afterAll(() => server.close());

  async function refusedQuickly(query: string) {
    const started = performance.now();
    const res = await viewer.graphql(query);
    const ms = performance.now() - started;
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
    // The aim is under 50 ms (bench/query-limits.ts measures it); generous here for a busy machine.
    expect(ms).toBeLessThan(1000);
    return res.errors![0]!.message;
  }

  it('refuses a chain of 40 fragments that each spread the next twice, at once', async () => {
    expect(await refusedQuickly(fragmentChain(40))).toMatch(/could return about \d+ records; at most 50000|One selection in the query asks for \d+ fields/);
  });

  it('refuses 1,000 aliases of search unread, and a hundred by their count', async () => {
    expect(await refusedQuickly(aliases(1000, 'search(text: "a", first: 1) { edges { node { id } } }'))).toMatch(/more than 3000 tokens/);
    expect(await refusedQuickly(aliases(100, 'search(text: "a", first: 1) { edges { node { id } } }'))).toMatch(/uses 100 aliases .*at most 30/);
  });

  it('refuses 100 aliases of __schema, naming introspection', async () => {
    const res = await viewer.graphql(aliases(100, '__schema { types { name fields { name type { name ofType { name } } } } }'));
    expect(res.errors?.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/asks for the schema \(__schema or __type\) 100 times; at most 2/)]));
    expect(await refusedQuickly(aliases(100, '__schema { types { name } }'))).toMatch(/__schema/);
  });

  it('keeps /healthz answering while such queries arrive', async () => {
    const flood = Array.from({ length: 10 }, () => viewer.graphql(fragmentChain(40)));
    const started = performance.now();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    await Promise.all(flood);
  });

  it('still answers the workspace and introspection tools', async () => {
    const res = await viewer.graphql(String(SEARCH), { text: 'massage', first: 3 });
    expect(res.errors).toBeUndefined();
    const schema = await viewer.graphql('query Introspect { __schema { queryType { name } types { name kind } } }');
    expect(schema.errors).toBeUndefined();
  });
});
