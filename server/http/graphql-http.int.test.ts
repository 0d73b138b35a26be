/**
 * GraphQL over HTTP compliance: graphql-http's server audits against the running server.
 * Every MUST and SHOULD passes; some MAY items are notices (GETs need Apollo's CSRF header).
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

describe('GraphQL over HTTP audits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('passes every MUST and SHOULD audit', async () => {
    const audits = serverAudits({
      url: `${server.url}/graphql`,
      // Signed in, as every /graphql caller must be.
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
        fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), authorization: server.authorization } }),
    });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error' || result.status === 'warn') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(audits.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('answers GET queries that carry a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ about { version } }')}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json', authorization: server.authorization },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { about: { version: string } } }).data.about.version).toMatch(/^\d+\.\d+/);
  });

  it('refuses a simple cross-site GET without one', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ about { version } }')}`, { headers: { authorization: server.authorization } });
    expect(res.status).toBe(400);
  });
});
