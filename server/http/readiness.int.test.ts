/**
 * Stops a local Neo4j under a running Lantern server: /readyz says 503 with the reason, and
 * 200 again once the same Neo4j is back, without restarting Lantern. This suite runs its own
 * local Neo4j (not the run's shared one), started by the same code as `npm start`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Gateway } from '../db/gateway.ts';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';
import { startTestServer, testLog, type TestServer } from '../testing/harness.ts';

async function readyz(server: TestServer): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${server.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** Polls /readyz (cached for 1 s server-side) until it gives `status`, for up to `ms`. */
async function untilReady(server: TestServer, status: number, ms: number) {
  const deadline = Date.now() + ms;
  let last = await readyz(server);
  while (last.status !== status && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    last = await readyz(server);
  }
  return last;
}

describe('readiness while Neo4j goes away and comes back', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-outage-'));
  const log = { info: () => {}, warn: () => {} };
  let port: number;
  let neo4j: LocalNeo4j;
  let server: TestServer;
  let gateway: Gateway;

  const start = () => startLocalNeo4j({ home, boltPort: port, heap: '512m', pageCache: '128m', startTimeoutMs: 120_000, log });

  beforeAll(async () => {
    port = await freePort();
    neo4j = await start();
    gateway = new Gateway(createDriver({ uri: neo4j.uri }), { queryTimeoutMs: 30_000, log: testLog });
    server = await startTestServer({ gateway });
  });

  afterAll(async () => {
    await server?.close();
    await gateway?.close();
    await neo4j?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('is 200 with Neo4j up, 503 with a reason while it is down, and 200 again after it restarts', async () => {
    expect((await readyz(server)).status).toBe(200);

    await neo4j.stop();
    const down = await untilReady(server, 503, 15_000);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.reason).toMatch(/Neo4j is not answering/);

    // The process is still alive and says so.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    neo4j = await start();
    const up = await untilReady(server, 200, 30_000);
    expect(up.status).toBe(200);
    const about = await server.graphql<{ about: { neo4jVersion: string } }>('{ about { neo4jVersion } }');
    expect(about.data?.about.neo4jVersion).toMatch(/^5\./);
  }, 240_000);

  it('answers GraphQL during the outage with SERVICE_UNAVAILABLE, not an internal error', async () => {
    await neo4j.stop();
    const res = await server.graphql('{ about { neo4jVersion } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    neo4j = await start();
  }, 240_000);
});
