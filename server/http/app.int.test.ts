import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

describe('the HTTP server on a real Neo4j', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers /healthz while the process runs', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when Neo4j answers', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready' });
  });

  it('reports the Neo4j 5.26 server and APOC through GraphQL', async () => {
    const res = await server.graphql<{ about: { neo4jVersion: string; apoc: boolean } }>(
      '{ about { version neo4jVersion neo4jEdition apoc } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.about.neo4jVersion).toMatch(/^5\.2[6-9]|^20\d\d\./);
    expect(res.data?.about.apoc).toBe(true);
  });

  it('answers a malformed query with a 400 naming the problem, not a stack trace', async () => {
    const res = await server.graphql('{ about { nope } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/nope/);
    expect(JSON.stringify(res)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('marks GraphQL answers, errors included, as not to be stored, without an ETag', async () => {
    for (const query of ['{ about { version } }', '{ about { nope } }']) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: server.authorization },
        body: JSON.stringify({ query }),
      });
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('etag')).toBeNull();
    }
  });

  it('answers a /graphql body that is not JSON with a 400 and no stack trace', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: server.authorization },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/node_modules|at \w+ \(|SyntaxError: /);
  });

  it('tags each response with a request id', async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });
});
