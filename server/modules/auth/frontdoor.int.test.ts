/**
 * The front door through HTTP: failed credentials limited per address before they are looked up,
 * X-Forwarded-For believed only from configured proxies, a username locked after wrong passwords
 * whatever the address, weak passwords refused, and every error answered in JSON.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './auth.service.ts';
import { AuditLog } from '../audit/audit.service.ts';
import * as auditRepo from '../audit/audit.repository.ts';
import { startTestServer, testGateway, testLog, TEST_AUDIT_KEY, type TestServer } from '../../testing/harness.ts';

interface ErrorBody {
  errors: { message: string; extensions: { code: string } }[];
}

const signIn = (url: string, username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });

describe('random bearer tokens from one address', () => {
  const gateway = testGateway();
  const audit = new AuditLog({ gateway, key: Buffer.from(TEST_AUDIT_KEY), log: testLog, flushMs: 20 });
  let lookUps = 0;
  let server: TestServer;
  let closed = false;

  beforeAll(async () => {
    // Counts the statement that looks a token up: the cost an attacker's guesses put on Neo4j.
    const read = gateway.read.bind(gateway);
    gateway.read = (name, params) => {
      if (name === 'auth/token-by-hash') lookUps += 1;
      return read(name, params);
    };
    server = await startTestServer({ gateway, audit, auth: { failuresPerMinute: 30 } });
  });
  afterAll(async () => {
    if (!closed) await server.close();
    await gateway.close();
  });

  it('are answered 429 with Retry-After after 30 refusals, and most are never looked up', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let body: ErrorBody | undefined;
    // 1,000 requests, 50 at a time, as a scripted guesser would send them.
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer lt_${randomBytes(32).toString('base64url')}` },
            body: '{"query":"{ me { role } }"}',
          }),
        ),
      );
      for (const r of answers) {
        statuses.push(r.status);
        if (r.status === 429 && !body) {
          retryAfter = r.headers.get('retry-after');
          body = (await r.json()) as ErrorBody;
        } else await r.arrayBuffer();
      }
    }
    const count = (s: number) => statuses.filter((x) => x === s).length;
    console.info(`1,000 random tokens: ${count(401)} answered 401, ${count(429)} answered 429, ${lookUps} token look-ups in Neo4j`);
    expect(count(401) + count(429)).toBe(1000);
    expect(count(401)).toBeLessThanOrEqual(30);
    expect(count(429)).toBeGreaterThanOrEqual(970);
    expect(lookUps).toBeLessThanOrEqual(30);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(body?.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(body?.errors[0]?.message).toMatch(/invalid credentials from this address/);
  });

  it('records the refusals as one audit entry per address and reason, not one per request', async () => {
    // Stopping writes the last minute's counts, as `lantern serve` does before closing the audit log.
    await server.close();
    closed = true;
    await audit.flush();
    const entries = await auditRepo.search(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 20, actor: 'anonymous', operation: null, from: null, to: null });
    const limited = entries.find((e) => e.kind === 'refused' && e.outcome === 'RATE_LIMITED');
    const unauthenticated = entries.find((e) => e.kind === 'refused' && e.outcome === 'UNAUTHENTICATED');
    expect(JSON.parse(limited!.variables)).toMatchObject({ address: '127.0.0.1', paths: ['/graphql'] });
    expect(JSON.parse(limited!.variables).count).toBeGreaterThanOrEqual(970);
    expect(JSON.parse(unauthenticated!.variables).count).toBeLessThanOrEqual(30);
  });
});

describe('an address over its limit of invalid credentials', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ auth: { failuresPerMinute: 10 } });
  });
  afterAll(() => server.close());

  const ask = (authorization?: string) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: '{"query":"{ me { role } }"}' });

  it('still lets in a caller verified seconds ago, refuses one it would have to look up, and answers no credentials 401', async () => {
    expect((await ask(server.authorization)).status).toBe(200);
    const newcomer = await server.as('viewer');
    const guesses = await Promise.all(Array.from({ length: 20 }, () => ask(`Bearer lt_${randomBytes(32).toString('base64url')}`)));
    expect(guesses.map((r) => r.status).filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect((await ask(server.authorization)).status).toBe(200);
    // The trade-off of limiting by address: a valid token not seen lately waits with the guesser.
    expect((await newcomer.graphql('{ me { role } }')).status).toBe(429);
    // Sending no credentials costs no look-up: a plain 401, however many.
    expect((await ask()).status).toBe(401);
  });
});

describe('X-Forwarded-For', () => {
  it('does not let a local client rotate its address past the sign-in limit by default', async () => {
    const server = await startTestServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        statuses.push((await signIn(server.url, `nobody-${i}`, 'wrong password here', { 'x-forwarded-for': `203.0.113.${i + 1}` })).status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
      const last = await signIn(server.url, 'nobody-else', 'wrong password here', { 'x-forwarded-for': '203.0.113.250' });
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await last.json()) as ErrorBody).errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/Too many sign-in attempts from this address/) });
    } finally {
      await server.close();
    }
  });

  it('is believed from the proxies LANTERN_TRUST_PROXY names', async () => {
    const server = await startTestServer({ trustProxy: ['loopback'] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        statuses.push((await signIn(server.url, `nobody-${i}`, 'wrong password here', { 'x-forwarded-for': `203.0.113.${i + 1}` })).status);
      }
      // Each forwarded address has its own allowance.
      expect(statuses.every((s) => s === 401)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('per-account lockout', () => {
  const gateway = testGateway();
  let server: TestServer;
  const username = `locked-${Date.now()}`;
  const password = 'lantern lockout test phrase';

  beforeAll(async () => {
    server = await startTestServer({ gateway, trustProxy: ['loopback'], auth: { lockout: { after: 3, maxMinutes: 15 } } });
    await createUser(gateway, { username, password, role: 'viewer' });
  });
  afterAll(async () => {
    await server.close();
    await gateway.close();
  });

  it('locks a username after wrong passwords from different addresses, refusing even the right one, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await signIn(server.url, username, `wrong guess number ${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` })).status).toBe(401);
    }
    const r = await signIn(server.url, username, password, { 'x-forwarded-for': '198.51.100.200' });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const body = (await r.json()) as ErrorBody;
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(body.errors[0]!.message).toMatch(/locked/);
  });

  it('locks an unknown username the same way, so the answer does not tell which exist', async () => {
    const ghost = `ghost-${Date.now()}`;
    for (let i = 0; i < 3; i++) expect((await signIn(server.url, ghost, `wrong guess ${i}`, { 'x-forwarded-for': `192.0.2.${i + 1}` })).status).toBe(401);
    expect((await signIn(server.url, ghost, 'anything at all', { 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
  });

  it('leaves other accounts alone', async () => {
    const other = `unlocked-${Date.now()}`;
    await createUser(gateway, { username: other, password, role: 'viewer' });
    expect((await signIn(server.url, other, password)).status).toBe(200);
  });
});

describe('passwords', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('refuses guessable passwords of 12 characters or more, saying why, on creation and change', async () => {
    const admin = await server.as('admin');
    for (const weak of ['password1234', ' '.repeat(12), 'qwertyuiop12']) {
      const r = await admin.graphql('mutation ($p: String!) { createUser(input: { username: "weak-pw-user", password: $p, role: viewer }) { id } }', { p: weak });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/^password: is too easy to guess/);
    }
    const short = await admin.graphql('mutation { createUser(input: { username: "weak-pw-user", password: "Xy9#short", role: viewer }) { id } }');
    expect(short.errors?.[0]?.message).toMatch(/12 to 200 characters/);
    const made = await admin.graphql<{ createUser: { id: string } }>(
      `mutation { createUser(input: { username: "strong-${Date.now()}", password: "tin kettle orbit marmalade", role: viewer }) { id } }`,
    );
    expect(made.errors).toBeUndefined();
    const change = await admin.graphql('mutation ($id: ID!) { updateUser(id: $id, input: { password: "password1234" }) { id } }', { id: made.data!.createUser.id });
    expect(change.errors?.[0]?.message).toMatch(/^password: is too easy to guess/);
  });
});

describe('error bodies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const json = async (r: Response) => {
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    return (await r.json()) as ErrorBody;
  };

  it('answers malformed JSON on /graphql with a JSON 400 in GraphQL error shape', async () => {
    const r = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: server.authorization }, body: '{"query": ' });
    expect(r.status).toBe(400);
    const body = await json(r);
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('answers malformed JSON, a bad body and unknown routes under /auth in the same shape', async () => {
    const bad = await fetch(`${server.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": ' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    const missing = await fetch(`${server.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(400);
    expect((await json(missing)).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    const wrong = await signIn(server.url, 'nobody-here', 'not the password at all');
    expect((await json(wrong)).errors[0]).toEqual({ message: 'Wrong username or password.', extensions: { code: 'UNAUTHENTICATED' } });
    const session = await fetch(`${server.url}/auth/session`);
    expect((await json(session)).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await fetch(`${server.url}/auth/nowhere`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('answers unknown API routes and too-large bodies in JSON', async () => {
    const put = await fetch(`${server.url}/nowhere`, { method: 'PUT' });
    expect(put.status).toBe(404);
    expect((await json(put)).errors[0]!.message).toMatch(/No such route: PUT \/nowhere/);
    const big = await fetch(`${server.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x', password: 'y'.repeat(10_000) }) });
    expect(big.status).toBe(413);
    expect((await json(big)).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
