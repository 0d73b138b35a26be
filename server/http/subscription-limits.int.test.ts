/**
 * GraphQL subscriptions (graphql-ws) are held to the front door's limits: a connection holds a
 * bounded number of subscriptions, a user or token and a client address a bounded number of open
 * connections, each subscription started counts against the same per-principal request rate as
 * /graphql, and failed credentials at connection_init count against the same per-address guard.
 * Each refusal says which bound it met.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertHub } from '../modules/alerts/index.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

const SUBSCRIPTION = 'subscription Raised { alertRaised { id } }';

let server: TestServer | undefined;
let hub: AlertHub | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
  await server?.close();
  hub?.close();
  server = undefined;
  hub = undefined;
});

async function start(o: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  hub = new AlertHub();
  server = await startTestServer({ alerts: hub, ...o });
  return server;
}

interface Opened {
  client: Client;
  /** Resolves 'connected', or the close code and reason when the server closed it first. */
  outcome: Promise<'connected' | { code: number; reason: string }>;
}

function open(authorization: string): Opened {
  let settle!: (v: 'connected' | { code: number; reason: string }) => void;
  const outcome = new Promise<'connected' | { code: number; reason: string }>((r) => (settle = r));
  const client = createClient({
    url: `${server!.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => settle('connected'),
      closed: (e) => settle({ code: (e as { code: number }).code, reason: String((e as { reason?: string }).reason) }),
    },
  });
  clients.push(client);
  return { client, outcome };
}

/** Subscribes; `errors` resolves with the error the server answered the subscription with, if any. */
function subscribe(client: Client): { stop: () => void; errors: Promise<{ message: string; extensions?: { code?: string } }[]> } {
  let failed!: (e: { message: string; extensions?: { code?: string } }[]) => void;
  const errors = new Promise<{ message: string; extensions?: { code?: string } }[]>((r) => (failed = r));
  const stop = client.subscribe(
    { query: SUBSCRIPTION },
    { next: () => undefined, error: (e) => failed(e as never), complete: () => undefined },
  );
  return { stop, errors };
}

async function until(what: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(what()).toBe(true);
}

describe('GraphQL subscriptions over WebSocket', () => {
  it('bounds the subscriptions one connection may hold open, and frees a place when one completes', async () => {
    await start({ subscriptionLimits: { perConnection: 2 } });
    const { client, outcome } = open(server!.authorization);
    expect(await outcome).toBe('connected');
    const a = subscribe(client);
    subscribe(client);
    await until(() => hub!.listening === 2);
    const third = await subscribe(client).errors;
    expect(third[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(third[0]!.message).toContain('At most 2 subscriptions may be open on one connection');
    expect(hub!.listening).toBe(2);
    a.stop();
    await until(() => hub!.listening === 1);
    subscribe(client);
    await until(() => hub!.listening === 2);
  });

  it("bounds a user's or token's open connections, closing the one over with 4429 and why", async () => {
    await start({ subscriptionLimits: { connectionsPerPrincipal: 2 } });
    const first = open(server!.authorization);
    expect(await first.outcome).toBe('connected');
    expect(await open(server!.authorization).outcome).toBe('connected');
    const over = await open(server!.authorization).outcome;
    expect(over).toMatchObject({ code: 4429 });
    expect((over as { reason: string }).reason).toMatch(/Too many open subscription connections for token:.* \(at most 2\)/);
    // Someone else is not held back by it.
    expect(await open((await server!.as('viewer')).authorization).outcome).toBe('connected');
    // Closing one frees its place.
    await first.client.dispose();
    await new Promise((r) => setTimeout(r, 200));
    expect(await open(server!.authorization).outcome).toBe('connected');
  });

  it('bounds the open connections from one address, signed in or not', async () => {
    await start({ subscriptionLimits: { connectionsPerAddress: 2 } });
    expect(await open(server!.authorization).outcome).toBe('connected');
    expect(await open((await server!.as('viewer')).authorization).outcome).toBe('connected');
    const over = await open((await server!.as('analyst')).authorization).outcome;
    expect(over).toMatchObject({ code: 4429, reason: 'Too many open connections from this address (at most 2).' });
  });

  it('counts each subscription started as a request against the rate /graphql keeps per principal', async () => {
    await start({ limits: { ratePerMinute: 3 } });
    const me = await server!.as('analyst');
    expect((await me.graphql('{ me { name } }')).status).toBe(200);
    expect((await me.graphql('{ me { name } }')).status).toBe(200);
    const { client, outcome } = open(me.authorization);
    expect(await outcome).toBe('connected');
    subscribe(client);
    await until(() => hub!.listening === 1);
    const over = await subscribe(client).errors;
    expect(over[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(over[0]!.message).toMatch(/More than 3 requests a minute \(subscriptions count as requests\); retry in \d+ s\./);
    // And the subscriptions were counted by /graphql's limiter too.
    expect((await me.graphql('{ me { name } }')).status).toBe(429);
  });

  it('counts failed credentials at connection_init against the address, as the HTTP door does', async () => {
    await start({ auth: { failuresPerMinute: 2 } });
    expect(await open('Bearer lt_wrong1').outcome).toMatchObject({ code: 4403 });
    expect(await open('Bearer lt_wrong2').outcome).toMatchObject({ code: 4403 });
    const third = await open('Bearer lt_wrong3').outcome;
    expect(third).toMatchObject({ code: 4429 });
    expect((third as { reason: string }).reason).toMatch(/^Too many requests with invalid credentials from this address\. Retry in \d+ s\.$/);
    // The same guard as /graphql's: an HTTP request with a wrong token from here is refused unchecked.
    const r = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer lt_wrong4' },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(r.status).toBe(429);
  });
});
