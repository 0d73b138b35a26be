/**
 * `lantern backup` and `lantern restore` as an operator runs them, on a local Neo4j of their own
 * (not the run's shared one, which they would have to stop): a Lantern with chart saves and
 * their audit entries, stopped, backed up, restored into another data directory, starts with
 * the same charts and an audit chain that verifies against the restored checkpoints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../neo4j/local.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-backup-'));
const KEY = 'backup-test-audit-key-0123456789abcdef';
const children: ChildProcess[] = [];

const env = (dataDir: string, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  LOG_LEVEL: 'warn',
  LANTERN_DATA_DIR: dataDir,
  LANTERN_AUDIT_KEY: KEY,
  LANTERN_SEED_DEMO: 'never',
  LANTERN_WARM_UP_SECONDS: '0',
  LANTERN_NEO4J_HEAP: '512m',
  LANTERN_NEO4J_PAGECACHE: '128m',
  LANTERN_ADMIN_PASSWORD: 'a-long-test-password',
  ...extra,
});

function run(args: string[], e: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lantern.js', ...args], { env: e });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

function serve(e: Record<string, string>): Promise<{ stop: () => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lantern.js', 'serve'], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/running at/.test(out)) resolve({ stop: () => (child.kill('SIGTERM'), exited) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`lantern serve exited (${code}):\n${out}`)));
  });
}

async function graphql(port: number, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('lantern backup and restore', () => {
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('restores a stopped Lantern into another data directory with the same charts and a verifying audit chain', async () => {
    const a = path.join(root, 'a');
    const port = await freePort();
    const envA = env(a, { PORT: String(port), LANTERN_NEO4J_BOLT_PORT: String(await freePort()) });
    const first = await serve(envA);
    // A command beside serve uses the local Neo4j serve started.
    const token = (await run(['token', 'create', '--role', 'analyst', '--name', 'backup-test'], envA)).out.trim();
    for (let i = 0; i < 12; i++) {
      const saved = await graphql(port, token, 'mutation($n: String!, $d: JSON!) { saveChart(name: $n, document: $d) { id } }', { n: `chart-${i}`, d: { version: 1, elements: { nodes: [{ id: `n${i}` }], edges: [] } } });
      expect(saved.errors).toBeUndefined();
    }
    const charts = async (p: number) => ((await graphql(p, token, '{ charts { name } }')).data!.charts as { name: string }[]).map((c) => c.name).sort();
    const before = await charts(port);
    expect(before).toHaveLength(12);
    // Refused while the database runs.
    const running = await run(['backup', '--out', path.join(root, 'early')], envA);
    expect(running.code).toBe(1);
    expect(running.err).toMatch(/The local Neo4j is running .* Stop lantern serve first/);
    // Counted beside the server, once its last batch is in (the audit flushes within 200 ms).
    await new Promise((r) => setTimeout(r, 1_000));
    const verifiedA = await run(['audit', 'verify'], envA);
    expect(verifiedA.code, verifiedA.err).toBe(0);
    const entries = Number(/intact: (\d+) entries/.exec(verifiedA.out)![1]);
    expect(entries).toBeGreaterThan(12);
    expect(await first.stop()).toBe(0);

    const out = path.join(root, 'backup');
    const made = await run(['backup', '--out', out], envA);
    expect(made.code, made.err).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: Record<string, string>; audit: { key: { source: string }; latestCheckpoint: number } };
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['neo4j/neo4j.dump', 'audit-checkpoints.jsonl']));
    expect(manifest.audit.key.source).toBe('environment');
    expect(manifest.audit.latestCheckpoint).toBeGreaterThan(0);

    // Into another data directory: first with the wrong key, refused; then with the backup's.
    const b = path.join(root, 'b');
    const portB = await freePort();
    const envB = env(b, { PORT: String(portB), LANTERN_NEO4J_BOLT_PORT: String(await freePort()) });
    const wrongKey = await run(['restore', out], { ...envB, LANTERN_AUDIT_KEY: 'another-key-0123456789abcdef-0123456789' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(/not the key of this backup's chain \(it came from LANTERN_AUDIT_KEY\)/);
    const restored = await run(['restore', out], envB);
    expect(restored.code, restored.err).toBe(0);

    const second = await serve(envB);
    const verifiedB = await run(['audit', 'verify'], envB);
    expect(verifiedB.code, verifiedB.err).toBe(0);
    expect(verifiedB.out).toContain(`intact: ${entries} entries, chain verified against`);
    expect(await charts(portB)).toEqual(before);
    expect(await second.stop()).toBe(0);

    // A changed file in the backup is refused.
    fs.appendFileSync(path.join(out, 'audit-checkpoints.jsonl'), '\n');
    const damaged = await run(['restore', '--force', out], envB);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/audit-checkpoints.jsonl does not match its SHA-256/);
  }, 600_000);
});
