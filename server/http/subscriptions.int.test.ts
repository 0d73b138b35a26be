/**
 * Red-team (docs/security.md, "Attacks tried"): the WebSocket on /graphql is a second way in.
 * It ran any query or mutation sent over it (graphql-ws executes every operation type) past the
 * query limits, the parser's token limit, the per-principal rate limit and the audit of disclosed
 * ids, and its connection_init credentials were checked without the per-address guard, so
 * guessing tokens over sockets was never slowed. Now the socket passes the same door (auth.http.ts
 * `admit`) and the same document checks, and serves subscriptions only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../testing/harness.ts';

type Outcome = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[]; closed?: number };

describe('the WebSocket on /graphql', () => {
  let server: TestServer;
  const clients: Client[] = [];

  const connect = (s: TestServer, authorization: string, on: { closed?: (code: number) => void } = {}) => {
    const c = createClient({
      url: `${s.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization },
      lazy: false,
      retryAttempts: 0,
      on: { closed: (e) => on.closed?.((e as { code: number }).code) },
    });
    clients.push(c);
    return c;
  };

  /** The first answer to an operation over the socket: its result, its errors, or the close. */
  const first = (c: Client, query: string, ms = 5_000) =>
    new Promise<Outcome>((done) => {
      const timer = setTimeout(() => done({}), ms);
      c.subscribe(
        { query },
        {
          next: (r) => (clearTimeout(timer), done(r as Outcome)),
          error: (e) => (clearTimeout(timer), done(Array.isArray(e) ? { errors: e as Outcome['errors'] } : { closed: (e as { code?: number }).code ?? -1 })),
          complete: () => undefined,
        },
      );
    });

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await server?.close();
  });

  it('refuses queries and mutations, which go by POST through the rate limit and the audit', async () => {
    const c = connect(server, server.authorization);
    const query = await first(c, '{ me { name role } }');
    expect(query.data).toBeUndefined();
    expect(query.errors?.[0]?.message).toMatch(/only subscriptions/);
    const mutation = await first(c, 'mutation { chartPresence(chartId: "chart-none") { version } }');
    expect(mutation.data).toBeUndefined();
    expect(mutation.errors?.[0]?.message).toMatch(/only subscriptions/);
  });

  it('checks a subscription against the query limits before it runs', async () => {
    const c = connect(server, server.authorization);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ');
    const r = await first(c, `subscription { alertRaised { ${aliases} } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
  });

  it('counts credentials refused at connection_init against the address, as POST /graphql does', async () => {
    const guarded = await startTestServer({ auth: { failuresPerMinute: 5 } });
    try {
      const codes = await Promise.all(
        Array.from({ length: 8 }, (_, i) => new Promise<number>((done) => connect(guarded, `Bearer lt_guess${i}`, { closed: done }))),
      );
      // Each is refused: 4403 for a bad token looked up, 4429 once the address is over its refusals (subscription-limits.int.test.ts).
      expect(codes.every((code) => code === 4403 || code === 4429)).toBe(true);
      // The address has had its refusals this minute: the next bad token is not even looked up.
      const res = await fetch(`${guarded.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer lt_another' }, body: JSON.stringify({ query: '{ me { name } }' }) });
      expect(res.status).toBe(429);
    } finally {
      await guarded.close();
    }
  });
});
