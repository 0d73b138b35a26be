/**
 * Signing in and out, CSRF, API tokens, identity-provider JWTs, and the hardening around /graphql:
 * query depth and cost limits, per-principal rate limits, security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser, revokeApiToken, VERIFIED_TTL_MS } from './auth.service.ts';
import { startTestServer, testGateway, testIdentityProvider, type TestServer } from '../../testing/harness.ts';

const gql = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('signing in', () => {
  const gateway = testGateway();
  let server: TestServer;
  const username = `alice-${Date.now()}`;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    server = await startTestServer({ gateway });
    await createUser(gateway, { username, password, role: 'viewer' });
  });
  afterAll(async () => {
    await server.close();
    await gateway.close();
  });

  const signIn = (u: string, p: string) =>
    fetch(`${server.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: p }) });

  it('refuses GraphQL without credentials, with 401 UNAUTHENTICATED, but /healthz and /readyz stay open', async () => {
    const r = await gql(server.url, '{ about { version } }');
    expect(r.status).toBe(401);
    expect(((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('refuses introspection to callers who are not signed in, and answers it for those who are', async () => {
    expect((await gql(server.url, '{ __schema { queryType { name } } }')).status).toBe(401);
    const r = await server.graphql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(r.data?.__schema.queryType.name).toBe('Query');
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await signIn(username, 'not the password at all');
    const unknown = await signIn('nobody-at-all', 'not the password at all');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('signs in with an HttpOnly SameSite cookie; GraphQL needs its CSRF token; sign-out ends it', async () => {
    const res = await signIn(username, password);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string; user: { username: string; role: string } };
    expect(body.user).toMatchObject({ username, role: 'viewer' });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^lantern_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;

    expect((await gql(server.url, '{ me { name } }', { cookie })).status).toBe(403);
    expect((await gql(server.url, '{ me { name } }', { cookie, 'x-csrf-token': 'guessed' })).status).toBe(403);
    const ok = await gql(server.url, '{ me { name role via } }', { cookie, 'x-csrf-token': body.csrfToken });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: unknown }).data).toEqual({ me: { name: username, role: 'viewer', via: 'session' } });

    const session = await fetch(`${server.url}/auth/session`, { headers: { cookie } });
    expect(await session.json()).toMatchObject({ user: { username, role: 'viewer' }, csrfToken: body.csrfToken });

    expect((await fetch(`${server.url}/auth/sign-out`, { method: 'POST', headers: { cookie } })).status).toBe(204);
    expect((await gql(server.url, '{ me { name } }', { cookie, 'x-csrf-token': body.csrfToken })).status).toBe(401);
    expect((await fetch(`${server.url}/auth/session`, { headers: { cookie } })).status).toBe(401);
  });

  it('accepts an API token until it is revoked; stores only its hash', async () => {
    const { token, secret } = await createApiToken(gateway, { name: `tool-${Date.now()}`, role: 'viewer' });
    expect(secret).toMatch(/^lt_/);
    const auth = { authorization: `Bearer ${secret}` };
    expect((await gql(server.url, '{ me { role } }', auth)).status).toBe(200);
    const admin = await server.as('admin');
    const listed = await admin.graphql<{ apiTokens: Record<string, unknown>[] }>('{ apiTokens { id name revokedAt } }');
    expect(listed.data!.apiTokens.find((t) => t.id === token.id)).toMatchObject({ name: token.name, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(secret);
    await revokeApiToken(gateway, token.id);
    expect((await gql(server.url, '{ me { role } }', auth)).status).toBe(401);
  });

  it('a token revoked elsewhere (another instance, the CLI) is refused here within the verification cache time', async () => {
    const { token, secret } = await createApiToken(gateway, { name: `elsewhere-${Date.now()}`, role: 'viewer' });
    const auth = { authorization: `Bearer ${secret}` };
    expect((await gql(server.url, '{ me { role } }', auth)).status).toBe(200);
    // What another process's revocation does: the stored token changes, this process is not told.
    await gateway.write('auth/revoke-token', { idOrName: token.id });
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < VERIFIED_TTL_MS + 3000) {
      status = (await gql(server.url, '{ me { role } }', auth)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(VERIFIED_TTL_MS + 3000);
  });

  it('lets an admin make users and tokens through GraphQL, and refuses weak passwords', async () => {
    const admin = await server.as('admin');
    const weak = await admin.graphql('mutation { createUser(input: { username: "bob-weak", password: "short", role: viewer }) { id } }');
    expect(weak.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const t = await admin.graphql<{ createApiToken: { secret: string; token: { role: string } } }>(
      `mutation { createApiToken(name: "gql-${Date.now()}", role: partner) { secret token { role createdBy } } }`,
    );
    expect(t.data!.createApiToken.token.role).toBe('partner');
    expect((await gql(server.url, '{ me { role } }', { authorization: `Bearer ${t.data!.createApiToken.secret}` })).status).toBe(200);
  });
});

describe('identity-provider JWTs', () => {
  let server: TestServer;
  let sign: (claims: Record<string, unknown>, o?: { audience?: string; issuer?: string }) => Promise<string>;

  beforeAll(async () => {
    const idp = await testIdentityProvider();
    sign = idp.sign;
    server = await startTestServer({ auth: idp.auth });
  });
  afterAll(() => server.close());

  it('accepts a verified token and takes the role from the configured claim', async () => {
    const token = await sign({ lantern_roles: ['viewer', 'need-to-know'], preferred_username: 'carol' });
    const r = await gql(server.url, '{ me { name role needToKnow via } }', { authorization: `Bearer ${token}` });
    expect(((await r.json()) as { data: unknown }).data).toEqual({ me: { name: 'carol', role: 'viewer', needToKnow: true, via: 'jwt' } });
  });

  it('refuses a token for another audience or issuer, or naming no Lantern role', async () => {
    for (const token of [
      await sign({ lantern_roles: 'analyst' }, { audience: 'someone-else' }),
      await sign({ lantern_roles: 'analyst' }, { issuer: 'https://evil.example.org' }),
      await sign({ lantern_roles: ['superuser'] }),
    ]) {
      expect((await gql(server.url, '{ me { role } }', { authorization: `Bearer ${token}` })).status).toBe(401);
    }
  });
});

describe('hardening', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: { ratePerMinute: 5, maxDepth: 8, maxCost: 5000 } });
  });
  afterAll(() => server.close());

  it('refuses queries nested too deep, and too costly ones, before running them', async () => {
    const deep = await server.graphql('{ entity(id: "x") { links { edges { other { links { edges { other { links { edges { other { id } } } } } } } } } } }');
    expect(deep.errors?.[0]?.message).toMatch(/nested \d+ levels deep; at most 8/);
    const costly = await server.graphql('{ search(text: "a", first: 100) { edges { node { id } } } n: neighbourhood(ids: ["a"], limit: 5000) { nodes { id label type degree } edges { id source target type } } }');
    expect(costly.errors?.[0]?.message).toMatch(/could return about \d+ records; at most 5000/);
  });

  it('limits requests per principal per minute, with 429', async () => {
    const c = await server.as('viewer');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await c.graphql('{ me { role } }')).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another principal has its own allowance.
    expect((await (await server.as('viewer')).graphql('{ me { role } }')).status).toBe(200);
  });

  it('sends security headers and a Content Security Policy', async () => {
    const r = await fetch(`${server.url}/healthz`);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
