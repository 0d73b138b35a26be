/**
 * Helpers for integration tests: a gateway on the run's Neo4j, and a real Lantern HTTP server
 * on an ephemeral port with a small GraphQL client.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { inject } from 'vitest';
import { pino } from 'pino';
import { createDriver, Gateway } from '../db/gateway.ts';
import { pseudonymKeyFrom } from '../db/scope.ts';
import { createApp } from '../http/app.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';
import type { Role } from '../graphql/context.ts';
import { createApiToken } from '../modules/auth/auth.service.ts';
import type { AppOptions } from '../http/app.ts';

export const testLog = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

/**
 * The audit chain's key for every writer in a test run (suites, and `lantern serve` started by
 * tests): they all append to the run's one chain, which verifies only if they share the key.
 */
export const TEST_AUDIT_KEY = 'test-audit-key-for-this-run-only-not-a-secret';

/**
 * A gateway to the run's Neo4j. Its default timeout is generous: a statement's first planning takes
 * seconds on a busy 2-core machine, and suites test what is answered, not how fast (bench/ does).
 */
export function testGateway(o: { queryTimeoutMs?: number } = {}): Gateway {
  const driver = createDriver({ uri: inject('neo4jUri'), username: inject('neo4jUsername') || undefined, password: inject('neo4jPassword') || undefined });
  return new Gateway(driver, { queryTimeoutMs: o.queryTimeoutMs ?? 60_000, log: testLog });
}

/** The environment of a `lantern` child process that talks to the run's Neo4j (add its own settings beside). */
export function cliEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'warn',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USERNAME: inject('neo4jUsername') || 'neo4j',
    NEO4J_PASSWORD: inject('neo4jPassword'),
  };
}

/**
 * Runs `fn` holding the run's lock `name`, across the test processes (a directory made
 * atomically beside the run's Neo4j port). For the one test that breaks, for a moment, what
 * every suite shares (the audit chain, edited and put back to show that verify finds it) and
 * the tests elsewhere that read that whole: each holds the lock, so none reads it broken.
 */
export async function exclusive<T>(name: 'audit-chain' | 'demo-analysis', fn: () => Promise<T>): Promise<T> {
  const dir = path.join(os.tmpdir(), `lantern-test-lock-${inject('neo4jUri').replace(/\W+/g, '-')}-${name}`);
  for (;;) {
    try {
      fs.mkdirSync(dir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Left by a process killed while holding it: no test holds it for ten minutes.
      const since = fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 600_000) fs.rmSync(dir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestClient {
  /** The Authorization header this client sends. */
  authorization: string;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
}

export interface TestServer extends TestClient {
  url: string;
  gateway: Gateway;
  /** The test pseudonym key, so that tests can predict pseudonyms. */
  pseudonymKey: Buffer;
  /**
   * A client acting with `role` through an API token made for this run (the default client is an
   * analyst without need-to-know). `unmask` sends X-Lantern-Unmask with that reason.
   */
  as(role: Role, o?: { needToKnow?: boolean; unmask?: string }): Promise<TestClient>;
  close(): Promise<void>;
}

let tokens = 0;

/** An API token for a test: made directly in the run's Neo4j, as `lantern token create` would. */
export async function testToken(gateway: Gateway, role: Role, needToKnow = false): Promise<string> {
  tokens += 1;
  const { secret } = await createApiToken(gateway, { name: `test-${role}-${process.pid}-${tokens}-${Date.now()}`, role, needToKnow, createdBy: 'test' });
  return secret;
}

/**
 * An identity provider for tests: `auth` configures a server to trust it (issuer
 * https://idp.example.org, audience lantern, roles in lantern_roles, names in preferred_username),
 * and `sign` issues its JWTs (subject u-123 unless given), valid for 5 minutes.
 */
export async function testIdentityProvider(): Promise<{
  auth: Required<Pick<NonNullable<AppOptions['auth']>, 'oidc' | 'jwtKeys'>>;
  sign(claims: Record<string, unknown>, o?: { subject?: string; audience?: string; issuer?: string }): Promise<string>;
}> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
  return {
    auth: {
      oidc: { issuer: 'https://idp.example.org', audience: 'lantern', jwksUri: undefined, roleClaim: 'lantern_roles', nameClaim: 'preferred_username' },
      jwtKeys: createLocalJWKSet({ keys: [jwk] }),
    },
    sign: (claims, o = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(o.issuer ?? 'https://idp.example.org')
        .setAudience(o.audience ?? 'lantern')
        .setSubject(o.subject ?? 'u-123')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey),
  };
}

export async function startTestServer(
  o: { gateway?: Gateway; development?: boolean; audit?: AuditLog; auth?: AppOptions['auth']; limits?: AppOptions['limits']; neo4jHealth?: AppOptions['neo4jHealth']; trustProxy?: AppOptions['trustProxy']; map?: AppOptions['map']; alerts?: AppOptions['alerts']; subscriptionLimits?: AppOptions['subscriptionLimits'] } = {},
): Promise<TestServer> {
  const gateway = o.gateway ?? testGateway();
  // As serve derives it, so the command line run with LANTERN_AUDIT_KEY=TEST_AUDIT_KEY names victims the same way.
  const pseudonymKey = pseudonymKeyFrom(Buffer.from(TEST_AUDIT_KEY, 'utf8'));
  const { app, stop, subscriptions } = await createApp({
    gateway,
    log: testLog,
    development: o.development ?? false,
    pseudonymKey,
    ...(o.audit ? { audit: o.audit } : {}),
    ...(o.auth ? { auth: o.auth } : {}),
    // Validation is timed (100 ms by default): on a busy shared machine a small query's check can
    // take longer, and suites test what is answered, not how fast (as for the gateway's timeout).
    limits: { maxValidationMs: 5_000, ...o.limits },
    ...(o.neo4jHealth ? { neo4jHealth: o.neo4jHealth } : {}),
    ...(o.trustProxy !== undefined ? { trustProxy: o.trustProxy } : {}),
    ...(o.map ? { map: o.map } : {}),
    ...(o.alerts ? { alerts: o.alerts } : {}),
    ...(o.subscriptionLimits ? { subscriptionLimits: o.subscriptionLimits } : {}),
  });
  const server = http.createServer(app);
  const sockets = subscriptions(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = (authorization: string, extra: Record<string, string> = {}): TestClient => ({
    authorization,
    async graphql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization, ...extra, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: res.status, ...body } as GraphQLResponse<never>;
    },
  });
  const analyst = client(`Bearer ${await testToken(gateway, 'analyst')}`);
  return {
    url,
    gateway,
    pseudonymKey,
    ...analyst,
    async as(role, a = {}) {
      return client(`Bearer ${await testToken(gateway, role, a.needToKnow ?? false)}`, a.unmask ? { 'x-lantern-unmask': a.unmask } : {});
    },
    async close() {
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
      if (!o.gateway) await gateway.close();
    },
  };
}
