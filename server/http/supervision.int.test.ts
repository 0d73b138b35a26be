/**
 * The local Neo4j under supervision, killed as a crash would kill it: Lantern starts it again by
 * itself, /readyz returns to 200 without anyone restarting Lantern, and what was committed before
 * the kill is still there. When it cannot be started again, /healthz fails so that an orchestrator
 * restarts Lantern. This suite runs its own local Neo4j, started by the same code as `npm start`.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, Gateway } from '../db/gateway.ts';
import { freePort, superviseLocalNeo4j, type SupervisedNeo4j } from '../../neo4j/local.ts';
import { startTestServer, testLog, type TestServer } from '../testing/harness.ts';

async function status(server: TestServer, route: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}${route}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until(server: TestServer, route: string, want: number, ms: number) {
  const deadline = Date.now() + ms;
  let last = await status(server, route);
  while (last.status !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    last = await status(server, route);
  }
  return last;
}

const killed = (neo4j: SupervisedNeo4j) =>
  new Promise<void>((resolve) => {
    const jvm = neo4j.child;
    if (jvm.exitCode !== null || jvm.signalCode !== null) return resolve();
    jvm.once('exit', () => resolve());
    jvm.kill('SIGKILL');
  });

/** Waits for the supervisor to say it runs Neo4j again (it notices a moment after Bolt answers). */
async function untilRunning(neo4j: SupervisedNeo4j, ms: number) {
  const deadline = Date.now() + ms;
  while (neo4j.health().state !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  return neo4j.health();
}

describe('a supervised local Neo4j that dies', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-supervised-'));
  const log = { info: () => {}, warn: () => {} };
  let port: number;
  let neo4j: SupervisedNeo4j;
  let server: TestServer;
  let gateway: Gateway;

  beforeAll(async () => {
    port = await freePort();
    neo4j = await superviseLocalNeo4j({ home, boltPort: port, heap: '512m', pageCache: '128m', startTimeoutMs: 120_000, log, backoffMs: [200], maxFailedStarts: 2 });
    gateway = new Gateway(createDriver({ uri: neo4j.uri }), { queryTimeoutMs: 30_000, log: testLog });
    server = await startTestServer({ gateway, neo4jHealth: () => neo4j.health() });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await gateway?.close();
    await neo4j?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('is started again after kill -9, /readyz returns to 200 by itself, and committed writes are kept', async () => {
    await gateway.runScript('UNWIND range(1, 500) AS i CREATE (:SupervisionProbe {i: i})');
    const before = neo4j.child.pid;

    await killed(neo4j);
    expect(neo4j.health().state).toBe('restarting');
    expect((await status(server, '/healthz')).status).toBe(200);

    const up = await until(server, '/readyz', 200, 180_000);
    expect(up.status).toBe(200);
    expect(await untilRunning(neo4j, 30_000)).toMatchObject({ state: 'running', restarts: 1, lastExit: 'SIGKILL' });
    expect(neo4j.child.pid).not.toBe(before);
    const [row] = await gateway.runScript('MATCH (n:SupervisionProbe) RETURN count(n) AS n');
    expect(row!.n).toBe(500);
    const health = await status(server, '/healthz');
    expect(health.status).toBe(200);
    expect(health.body.neo4j).toMatchObject({ state: 'running', restarts: 1 });
  }, 240_000);

  it('fails /healthz with the reason once it cannot be started again', async () => {
    expect((await untilRunning(neo4j, 120_000)).state).toBe('running');
    await killed(neo4j);
    // Something else takes its port before the restart: every attempt is refused.
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const down = await until(server, '/healthz', 503, 30_000);
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('failed');
      expect(String(down.body.reason)).toMatch(/2 attempts to start it again failed: Port \d+ on 127\.0\.0\.1 is already in use/);
      expect(neo4j.health().state).toBe('failed');
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  }, 240_000);
});
