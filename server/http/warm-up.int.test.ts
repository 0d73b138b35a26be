/**
 * The warm-up against the run's Neo4j and its demo: every operation answers, nothing reaches the
 * audit log, /readyz says how it stands, and it waits while requests are being answered.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../db/gateway.ts';
import type { Context } from '../graphql/context.ts';
import { buildSchema } from '../graphql/schema.ts';
import { search as searchAudit } from '../modules/audit/audit.repository.ts';
import { AuditLog } from '../modules/audit/audit.service.ts';
import { TEST_AUDIT_KEY, testGateway, testLog } from '../testing/harness.ts';
import { createApp, type App } from './app.ts';
import { WARM_UP_PRINCIPAL, warmUp } from './warm-up.ts';

const pseudonymKey = Buffer.from('test pseudonym key, not a secret');

describe('the warm-up after a start', () => {
  let gateway: Gateway;
  let apollo: ApolloServer<Context>;

  beforeAll(async () => {
    gateway = testGateway();
    apollo = new ApolloServer<Context>({ schema: buildSchema() });
    await apollo.start();
  });
  afterAll(async () => {
    await apollo?.stop();
    await gateway?.close();
  });

  const none = { count: 0, idle: () => Promise.resolve() };
  const run = (o: { seconds: number; busy?: { readonly count: number; idle(): Promise<void> }; signal?: AbortSignal; credentials?: () => Promise<unknown> }) =>
    warmUp({ apollo, gateway, pseudonymKey, log: testLog, seconds: o.seconds, busy: o.busy ?? none, signal: o.signal, credentials: o.credentials });

  it('runs every operation on the demo without an error, round after round', async () => {
    let lookUps = 0;
    // A cold Neo4j plans every statement in the first round: seconds each on this machine. The
    // warm-up stops well before the budget once its rounds stop getting faster.
    const r = await run({ seconds: 30, credentials: async () => (lookUps += 1) });
    expect(lookUps).toBeGreaterThanOrEqual(r.rounds);
    expect(r.errors).toEqual([]);
    expect(r.state).toBe('done');
    expect(r.rounds).toBeGreaterThanOrEqual(1);
    // Nine operations a round; the last round may have been cut by the budget.
    expect(r.answered).toBeGreaterThanOrEqual(9 * r.rounds);
    expect(r.seconds).toBeLessThan(30 + 15);
  });

  it('starts nothing while a caller’s operation runs, and goes on once it is over', async () => {
    const forever = { count: 1, idle: () => new Promise<void>(() => undefined) };
    const t = performance.now();
    expect(await run({ seconds: 1, busy: forever })).toMatchObject({ state: 'out of time', rounds: 0, answered: 0 });
    // It ends at its budget, not at a caller's pace.
    expect(performance.now() - t).toBeLessThan(1000 + 500);
    let running = 1;
    const caller = {
      get count() {
        return running;
      },
      idle: () => new Promise<void>((resolve) => setTimeout(() => ((running = 0), resolve()), 1000)),
    };
    const r = await run({ seconds: 8, busy: caller });
    expect(r.errors).toEqual([]);
    expect(r.answered).toBeGreaterThan(0);
  });

  it('stops when asked, and does nothing with a budget of 0', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const r = await run({ seconds: 60, signal: stop.signal });
    expect(r.state).toBe('stopped');
    expect(r.seconds).toBeLessThan(20);
    expect(await run({ seconds: 0 })).toMatchObject({ state: 'off', answered: 0 });
  });

  describe('in the app', () => {
    let app: App;
    let server: http.Server;
    let url: string;
    let audit: AuditLog;

    beforeAll(async () => {
      audit = new AuditLog({ gateway, key: Buffer.from(TEST_AUDIT_KEY), log: testLog, flushMs: 20 });
      // Validation timed at 5 s, not 100 ms: on a busy machine the warm-up's own queries were refused (run seed 101).
      app = await createApp({ gateway, log: testLog, development: false, pseudonymKey, audit, limits: { maxValidationMs: 5_000 } });
      server = http.createServer(app.app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server?.closeAllConnections();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await app?.stop();
      await audit?.close();
    });

    const warmUpState = async () => ((await (await fetch(`${url}/readyz`)).json()) as { warmUp: string }).warmUp;

    it('says on /readyz whether it is running, and leaves no audit record', async () => {
      expect(await warmUpState()).toBe('off');
      // Run on its own, the first round plans every statement: seconds each on a cold Neo4j.
      const warming = app.warmUp(30);
      // /readyz caches its Neo4j check for a second, but not the warm-up's state.
      expect(await warmUpState()).toBe('running');
      const r = await warming;
      expect(r.errors).toEqual([]);
      expect(r.answered).toBeGreaterThanOrEqual(9);
      expect(await warmUpState()).toBe('done');
      await audit.flush();
      const mine = await searchAudit(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 10, actor: WARM_UP_PRINCIPAL.name, operation: null, from: null, to: null });
      expect(mine).toEqual([]);
    });
  });
});
