/**
 * No audit entry lost: `lantern serve` killed with SIGKILL while callers save charts; after a
 * restart on the same spool, every save the server acknowledged has its audit entry, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../neo4j/local.ts';
import { exclusive, testGateway, testToken, TEST_AUDIT_KEY, cliEnv } from '../../testing/harness.ts';
import { runOffline } from '../../testing/statements.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-audit-fault-'));
const env = (port: number) => ({
  ...cliEnv(),
  LANTERN_SEED_DEMO: 'never',
  LANTERN_WARM_UP_SECONDS: '0',
  LANTERN_AUDIT_KEY: TEST_AUDIT_KEY,
  LANTERN_DATA_DIR: path.join(dir, 'data'),
  LANTERN_AUDIT_SPOOL: path.join(dir, 'spool'),
  LANTERN_AUDIT_CHECKPOINTS: path.join(dir, 'checkpoints.jsonl'),
  PORT: String(port),
});

function start(port: number): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lantern.js', 'serve'], { env: env(port), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/running at/.test(out)) resolve({ child, output: () => out, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`lantern serve exited (${code}) before it was running:\n${out}`)));
  });
}

function cli(args: string[], port: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lantern.js', ...args], { env: env(port) });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const SAVE = 'mutation Save($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id } }';

describe('the audit log across a kill -9 of the server', () => {
  const gateway = testGateway({ queryTimeoutMs: 60_000 });
  afterAll(async () => {
    await gateway.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has an entry for every acknowledged chart save after a restart', async () => {
    const port = await freePort();
    const first = await start(port);
    const token = await testToken(gateway, 'analyst');
    const prefix = `fault-${process.pid}-${Date.now()}-`;
    const acknowledged: string[] = [];
    let n = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const id = `${prefix}${n++}`;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': id },
            body: JSON.stringify({ query: SAVE, variables: { name: id, document: { version: 1, elements: { nodes: [{ id: 'a' }], edges: [] } } } }),
          });
          const body = (await res.json()) as { data?: { saveChart?: { id: string } } };
          if (res.status === 200 && body.data?.saveChart?.id) acknowledged.push(id);
        } catch {
          // The server is gone: this save was not acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    // Kill while saves are in flight, with some acknowledged in the last batching window.
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(workers);
    const spoolDir = path.join(dir, 'spool');
    const spooled = fs.existsSync(spoolDir) ? fs.readdirSync(spoolDir).filter((f) => f.startsWith('segment-')).length : 0;

    const second = await start(port);
    const counts = async () =>
      new Map((await runOffline(gateway, 'testing/audit-by-request', { requestIds: acknowledged })).map((r) => [String(r.requestId), Number(r.entries)]));
    let found = await counts();
    for (let i = 0; i < 100 && found.size < acknowledged.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      found = await counts();
    }
    const missing = acknowledged.filter((id) => !found.has(id));
    expect(missing, `${spooled} spool segments were left by the kill`).toEqual([]);
    // Each once: a record replayed from the spool is not appended again.
    expect([...found.values()].every((c) => c === 1)).toBe(true);
    // And the saves themselves committed.
    const charts = new Set((await runOffline(gateway, 'testing/charts-by-name', { prefix })).map((r) => String(r.name)));
    expect(acknowledged.filter((id) => !charts.has(id))).toEqual([]);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    // A clean stop leaves no spool behind, and writes a checkpoint the chain verifies against.
    expect(fs.readdirSync(path.join(dir, 'spool'))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'checkpoints.jsonl'), 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(1);
    // Not while the audit suite shows verify an edited entry (it puts it back after).
    const verified = await exclusive('audit-chain', () => cli(['audit', 'verify'], port));
    expect(verified.out).toMatch(/intact: \d+ entries, chain verified against \d+ checkpoints/);
    expect(verified.code).toBe(0);
    console.log(`audit fault test: ${acknowledged.length} acknowledged saves, ${n} sent, ${spooled} spool segments left by the kill; all found after the restart`);
  }, 180_000);
});
