/**
 * `lantern backup` and `lantern restore` as an operator runs them, on a local Neo4j of their own
 * (not the run's shared one): a running Lantern takes chart saves without pause while
 * `lantern backup` runs beside it; the backup, restored into another data directory, starts with
 * every chart answered before the backup's cut (and no chart without its audit entry), and an
 * audit chain that verifies against the restored checkpoints.
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
  // On a loaded machine; the test is about what the backup holds, not about latency.
  LANTERN_QUERY_TIMEOUT_MS: '60000',
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

function serve(e: Record<string, string>): Promise<{ stop: () => Promise<number | null>; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lantern.js', 'serve'], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/running at/.test(out)) resolve({ stop: () => (child.kill('SIGTERM'), exited), output: () => out });
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

  it('backs up a running Lantern under writes; the restore has every write answered before the cut, each with its audit entry, and a verifying chain', async () => {
    const a = path.join(root, 'a');
    const port = await freePort();
    const envA = env(a, { PORT: String(port), LANTERN_NEO4J_BOLT_PORT: String(await freePort()) });
    const first = await serve(envA);
    // A command beside serve uses the local Neo4j serve started.
    const token = (await run(['token', 'create', '--role', 'analyst', '--name', 'backup-test'], envA)).out.trim();
    const save = (p: number, name: string) =>
      graphql(p, token, 'mutation($n: String!, $d: JSON!) { saveChart(name: $n, document: $d) { id } }', { n: name, d: { version: 1, elements: { nodes: [{ id: name }], edges: [] } } });
    const charts = async (p: number) => ((await graphql(p, token, '{ charts { name } }')).data!.charts as { name: string }[]).map((c) => c.name);

    // Writers and a reader, without pause, until told to stop.
    const acked = new Map<string, number>();
    const sent = new Map<string, number>();
    const failures: { at: number; errors: unknown }[] = [];
    const pause = () => new Promise((r) => setTimeout(r, 20));
    const reads: number[] = [];
    let going = true;
    let n = 0;
    const writer = async () => {
      while (going) {
        const name = `load-${n++}`;
        sent.set(name, Date.now());
        const r = await save(port, name);
        if (r.errors) failures.push({ at: Date.now(), errors: r.errors });
        else acked.set(name, Date.now());
        await pause();
      }
    };
    const reader = async () => {
      while (going) {
        const r = await graphql(port, token, '{ charts { name } }');
        if (r.errors) failures.push({ at: Date.now(), errors: r.errors });
        else reads.push(Date.now());
        await pause();
      }
    };
    const load = Promise.all([writer(), writer(), reader()]);
    // However loaded the machine: writes answered before the backup, and some sent after it.
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 100));
    };
    await until(() => acked.size >= 20);
    const out = path.join(root, 'backup');
    const backupStarted = Date.now();
    const made = await run(['backup', '--out', out], envA);
    const backupEnded = Date.now();
    await until(() => [...acked.values()].filter((t) => t > backupEnded).length >= 3);
    going = false;
    await load;
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/by lantern serve: \d+ nodes/);
    // Writes waited while the store was read; none was refused, and reads went on.
    expect(failures, `backup from ${backupStarted} to ${backupEnded}: ${made.out}\n${first.output()}`).toEqual([]);
    expect(reads.filter((t) => t > backupStarted && t < backupEnded).length).toBeGreaterThan(0);

    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      cutAt: string;
      heldMs: number;
      files: Record<string, string>;
      store: { nodes: number; relationships: number };
      audit: { key: { source: string }; latestCheckpoint: number | null };
    };
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['store/nodes.jsonl', 'store/relationships.jsonl', 'store/schema.json']));
    expect(manifest.audit.key.source).toBe('environment');
    process.stdout.write(`backup under writes: writes held ${manifest.heldMs} ms from ${manifest.cutAt}, ${manifest.store.nodes} nodes, ${manifest.store.relationships} relationships; ${acked.size} writes answered, ${reads.length} reads\n`);
    const cut = Date.parse(manifest.cutAt);
    const before = [...acked].filter(([, t]) => t < cut).map(([name]) => name);
    const after = [...sent].filter(([, t]) => t > backupEnded).map(([name]) => name);
    expect(before.length).toBeGreaterThan(10);
    expect(after.length).toBeGreaterThan(0);
    expect(await first.stop()).toBe(0);

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
    const names = (await charts(portB)).filter((c) => c.startsWith('load-'));
    // Every chart answered before the cut is there; none saved after the backup ended is.
    expect(names).toEqual(expect.arrayContaining(before));
    for (const name of after) expect(names).not.toContain(name);
    // Replayed spool records reach the chain within its 200 ms batching.
    await new Promise((r) => setTimeout(r, 1_500));
    const verified = await run(['audit', 'verify'], envB);
    expect(verified.code, verified.err + verified.out).toBe(0);
    expect(verified.out).toMatch(/intact: \d+ entries, chain verified against/);
    // Nothing half-written: each restored chart has the audit entry of its save.
    const listed = await run(['audit', 'list', '--last', '10000', '--actor', 'token:backup-test'], envB);
    expect(listed.code, listed.err).toBe(0);
    const audited = new Set(
      listed.out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { operation: string; variables: string })
        .filter((e) => e.operation === 'mutation saveChart')
        .map((e) => (JSON.parse(e.variables) as { n: string }).n),
    );
    for (const name of names) expect(audited, name).toContain(name);
    // Not beside a running server; a changed file in the backup is refused.
    const beside = await run(['restore', '--force', out], envB);
    expect(beside.code).toBe(1);
    expect(beside.err).toMatch(/lantern serve is running on this data directory/);
    expect(await second.stop()).toBe(0);
    fs.appendFileSync(path.join(out, 'store/schema.json'), '\n');
    const damaged = await run(['restore', '--force', out], envB);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/store\/schema.json does not match its SHA-256/);
  }, 900_000);
});
