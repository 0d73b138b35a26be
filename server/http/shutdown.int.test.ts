/**
 * Stopping while an operation runs whose caller has hung up: the operation finishes first, so its
 * audit record reaches the log's chain rather than arriving after the log was closed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Gateway, type Tx } from '../db/gateway.ts';
import { SYSTEM_SCOPE } from '../db/scope.ts';
import { search as searchAudit } from '../modules/audit/audit.repository.ts';
import { AuditLog } from '../modules/audit/audit.service.ts';
import { TEST_AUDIT_KEY, testGateway, testLog, testToken } from '../testing/harness.ts';
import { createApp } from './app.ts';

/** Resolves when a caller's read has begun (the operation is inside Apollo by then). */
let readBegun: () => void = () => undefined;

/** The run's Neo4j, with callers' read transactions starting a second late: a slow query. Signing
 * in (the system's scope) is not slowed. */
class SlowGateway extends Gateway {
  override async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.scope !== SYSTEM_SCOPE) {
      readBegun();
      await new Promise((r) => setTimeout(r, 1000));
    }
    return super.readTx(work);
  }
}

describe('stopping the app', () => {
  it('lets operations whose callers hung up finish, and audits them', async () => {
    const base = testGateway();
    const gateway = new SlowGateway(base.driver, { queryTimeoutMs: 15_000, log: testLog });
    const audit = new AuditLog({ gateway: base, key: Buffer.from(TEST_AUDIT_KEY), log: testLog, flushMs: 20 });
    const app = await createApp({ gateway, log: testLog, development: false, audit });
    const server = http.createServer(app.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const token = await testToken(base, 'analyst');
    const operation = `Shutdown${process.pid}x${Date.now()}`;
    try {
      const body = JSON.stringify({ query: `query ${operation} { about { version neo4jVersion } }` });
      const req = http.request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
      });
      req.on('error', () => undefined);
      const begun = new Promise<void>((resolve) => (readBegun = resolve));
      req.end(body);
      // Once the operation is in its slow read, the caller hangs up and the server stops.
      await begun;
      req.destroy();
      const t = performance.now();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await audit.close();
      expect(performance.now() - t).toBeGreaterThan(300);
      const recorded = await searchAudit(base, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 5, actor: null, operation, from: null, to: null });
      expect(recorded.map((e) => [e.operation, e.outcome])).toEqual([[operation, 'ok']]);
    } finally {
      server.closeAllConnections();
      await base.close();
    }
  });
});
