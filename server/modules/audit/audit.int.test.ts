import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exclusive, startTestServer, testGateway, testLog, TEST_AUDIT_KEY, type TestServer, cliEnv } from '../../testing/harness.ts';
import { createDriver, Gateway } from '../../db/gateway.ts';
import { AuditLog, queryHash, verifyAuditLog } from './audit.service.ts';
import * as repo from './audit.repository.ts';
import { runOffline } from '../../testing/statements.ts';
import { AuditSpool } from './audit.spool.ts';
import { CheckpointFile, checkpointKeys } from './audit.checkpoint.ts';

const cliData = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-audit-int-'));

// Shared with every audit writer in the run (see TEST_AUDIT_KEY), so the run's one chain verifies.
const key = TEST_AUDIT_KEY;

function auditVerifyCli(command = 'verify', extra: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lantern.js', 'audit', command], {
      env: {
        ...cliEnv(),
        LANTERN_AUDIT_KEY: key,
        LANTERN_DATA_DIR: cliData,
        ...extra,
      },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('the audit log', () => {
  // Generous: on the shared 2-core machine a first neighbourhood read took over 15 s at load 23.
  const gateway = testGateway({ queryTimeoutMs: 60_000 });
  const audit = new AuditLog({ gateway, key: Buffer.from(key), log: testLog, flushMs: 20 });
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ gateway, audit });
  });
  afterAll(async () => {
    await server.close();
    await gateway.close();
    fs.rmSync(cliData, { recursive: true, force: true });
  });

  it('records each GraphQL operation with who, purpose, variables and the ids disclosed', async () => {
    const before = await repo.head(gateway);
    const res = await server.graphql(
      'query Find($text: String!) { search(text: $text, first: 3) { edges { node { id type label } } } }',
      { text: 'massage' },
      { 'x-lantern-purpose': 'OP-AIDANT-2025/17' },
    );
    const ids = (res.data as { search: { edges: { node: { id: string } }[] } }).search.edges.map((e) => e.node.id);
    await audit.flush();
    const [entry] = await repo.search(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 1, actor: null, operation: 'Find', from: null, to: null });
    expect(entry?.seq).toBeGreaterThan(before.seq);
    expect(entry).toMatchObject({ role: 'analyst', kind: 'graphql', operation: 'Find', purpose: 'OP-AIDANT-2025/17', outcome: 'ok' });
    // The actor is the real principal: here the API token the harness signed in with.
    expect(entry?.actor).toMatch(/^token:test-analyst-/);
    expect(JSON.parse(entry!.variables)).toEqual({ text: 'massage' });
    expect(entry!.recordIds.sort()).toEqual([...ids].sort());
    expect(entry!.recordCount).toBe(ids.length);
  });

  const latest = async (operation: string, kind: string) => {
    await audit.flush();
    const entries = await repo.search(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 5, actor: null, operation, from: null, to: null });
    return entries.find((e) => e.kind === kind);
  };

  it('records every potential victim an unmasked answer reveals, though the query selected no id', async () => {
    const analyst = await server.as('analyst', { needToKnow: true, unmask: 'OP-AIDANT-2025/17' });
    const query = 'query Reveal { neighbourhood(ids: ["premises-000001"]) { nodes { label potentialVictim } } }';
    const revealed = await analyst.graphql(query);
    expect(revealed.errors).toBeUndefined();
    const nodes = (revealed.data as { neighbourhood: { nodes: { label: string; potentialVictim: boolean }[] } }).neighbourhood.nodes;
    const named = nodes.filter((n) => n.potentialVictim);
    // Names, not pseudonyms: this answer discloses who they are.
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((n) => !n.label.startsWith('Protected person'))).toBe(true);

    // The same neighbourhood with ids, to know which victims those names belong to.
    const withIds = await analyst.graphql('query Which { neighbourhood(ids: ["premises-000001"]) { nodes { id type potentialVictim } } }');
    expect(withIds.errors).toBeUndefined();
    const victims = (withIds.data as { neighbourhood: { nodes: { id: string; type: string; potentialVictim: boolean }[] } }).neighbourhood.nodes
      .filter((n) => n.potentialVictim && n.type === 'PERSON')
      .map((n) => n.id);
    expect(victims).toHaveLength(named.length);

    for (const kind of ['graphql', 'unmask']) {
      const entry = await latest('Reveal', kind);
      expect(entry, kind).toBeDefined();
      expect(entry!.recordIds).toEqual(expect.arrayContaining(victims));
      expect(entry!.recordCount).toBeGreaterThanOrEqual(victims.length);
      expect(entry!.queryHash).toBe(queryHash(query));
    }
    expect((await verifyAuditLog(gateway, Buffer.from(key))).ok).toBe(true);
  });

  it('records a refused unmask attempt, over HTTP and through an export', async () => {
    const viewer = await server.as('viewer', { unmask: 'curious' });
    const query = 'query Peek { neighbourhood(ids: ["premises-000001"]) { nodes { label } } }';
    const res = await viewer.graphql(query);
    expect(res.status).toBe(403);
    const entry = await latest('Peek', 'unmask');
    expect(entry).toMatchObject({ role: 'viewer', outcome: 'FORBIDDEN', recordIds: [], queryHash: queryHash(query) });
    expect(JSON.parse(entry!.variables)).toEqual({ reason: 'curious' });

    // An analyst without need-to-know asking an export to unmask.
    const analyst = await server.as('analyst');
    const exported = await analyst.graphql(
      'query Leak { exportSelection(format: CSV, selection: { ids: ["premises-000001"] }, unmaskReason: "just looking") { filename } }',
    );
    expect(exported.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await audit.flush();
    const [refused] = (await repo.search(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 20, actor: null, operation: null, from: null, to: null }))
      .filter((e) => e.kind === 'unmask' && e.outcome === 'FORBIDDEN' && e.operation.includes('premises-000001'));
    expect(refused).toMatchObject({ role: 'analyst', recordIds: [] });
    expect(JSON.parse(refused!.variables)).toEqual({ reason: 'just looking' });
  });

  it('records failed operations with their error codes, and never stores passwords', async () => {
    await server.graphql('query Bad($id: ID!) { entity(id: $id) { id } neighbourhood(ids: [$id], hops: 9) { truncated } }', {
      id: 'person-nope',
      password: 'hunter2',
    });
    await audit.flush();
    const [entry] = await repo.search(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 1, actor: null, operation: 'Bad', from: null, to: null });
    expect(entry?.outcome).toContain('BAD_USER_INPUT');
    expect(entry?.variables).not.toContain('hunter2');
  });

  it('keeps a chain that verifies, and that `lantern audit verify` finds broken after an edit', async () => {
    for (let i = 0; i < 5; i++) await server.graphql('query Ping { about { version } }');
    await audit.flush();
    expect((await verifyAuditLog(gateway, Buffer.from(key))).ok).toBe(true);
    const intact = await auditVerifyCli();
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/intact: \d+ entries/);

    // The chain is the run's, which other suites verify: edited and put back under the run's lock.
    await exclusive('audit-chain', async () => {
      const head = await repo.head(gateway);
      const [row] = await runOffline(gateway, 'testing/tamper-audit', { seq: head.seq - 2, actor: 'nobody' });
      try {
        const broken = await auditVerifyCli();
        expect(broken.code).toBe(1);
        expect(broken.out).toContain(`entry ${head.seq - 2} was altered after it was written`);
      } finally {
        await runOffline(gateway, 'testing/tamper-audit', { seq: head.seq - 2, actor: row?.before });
      }
    });
    expect((await verifyAuditLog(gateway, Buffer.from(key))).ok).toBe(true);
  });

  it('chains appends from concurrent writers without gaps', async () => {
    const other = new AuditLog({ gateway, key: Buffer.from(key), log: testLog, flushMs: 1 });
    const record = (n: number) => ({
      at: new Date().toISOString(), actor: `w${n % 2}`, role: 'analyst', kind: 'graphql', operation: 'Concurrent',
      variables: '{}', purpose: '', recordCount: 0, recordIds: [], requestId: String(n), outcome: 'ok',
    });
    const spooled = Array.from({ length: 40 }, (_, n) => (n % 2 ? audit : other).record(record(n)));
    await Promise.all([...spooled, audit.flush(), other.flush()]);
    const v = await verifyAuditLog(gateway, Buffer.from(key));
    expect(v.problems).toEqual([]);
  });
  it('on shutdown with the database gone, puts the unwritten records in the log once and stops retrying', async () => {
    const lines: { level: number; msg: string; records?: { requestId: string }[] }[] = [];
    const log = pino({ level: 'error' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    // Neo4j already stopped: nothing listens where the driver connects.
    const gone = new Gateway(createDriver({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'unused' }), { queryTimeoutMs: 1_000, log });
    const closing = new AuditLog({ gateway: gone, key: Buffer.from(key), log, flushMs: 5 });
    for (const id of ['last-1', 'last-2']) {
      await closing.record({
        at: new Date().toISOString(), actor: 'shutdown', role: 'analyst', kind: 'graphql', operation: 'Last',
        variables: '{}', purpose: '', recordCount: 0, recordIds: [], requestId: id, outcome: 'ok',
      });
    }
    await closing.close();
    const kept = lines.find((l) => l.msg.includes('could not be written to Neo4j before shutdown'));
    expect(kept?.records?.map((r) => r.requestId)).toEqual(['last-1', 'last-2']);
    // A retry after close would log again ("will retry") against the closed driver.
    const seen = lines.length;
    await new Promise((r) => setTimeout(r, 1_200));
    expect(lines.length).toBe(seen);
    await gone.close();
  });
  it('`lantern audit checkpoint` writes a signed checkpoint outside the database, and verify reports a chain cut short of one', async () => {
    const file = path.join(cliData, 'cli-checkpoints.jsonl');
    const made = await auditVerifyCli('checkpoint', { LANTERN_AUDIT_CHECKPOINTS: file });
    expect(made.code, made.out).toBe(0);
    const written = JSON.parse(fs.readFileSync(file, 'utf8').trim()) as { seq: number; hash: string; sig: string };
    expect(made.out).toContain(JSON.stringify(written));
    expect(written.seq).toBeGreaterThan(0);
    const intact = await auditVerifyCli('verify', { LANTERN_AUDIT_CHECKPOINTS: file });
    expect(intact.code, intact.out).toBe(0);
    expect(intact.out).toMatch(/chain verified against 1 checkpoints/);

    // As if entries after the head had been deleted and the head rewound: a checkpoint, signed
    // with this chain's key, names an entry 1,000 past where the chain now ends.
    const head = await repo.head(gateway);
    await new CheckpointFile(file, checkpointKeys(Buffer.from(key))).write({ seq: head.seq + 1000, hash: 'f'.repeat(64), at: '2099-01-01T00:00:00.000Z' });
    const cut = await auditVerifyCli('verify', { LANTERN_AUDIT_CHECKPOINTS: file });
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(new RegExp(`recorded entry ${head.seq + 1000}: entries \\d+ to ${head.seq + 1000} were removed from the end`));
    // And refuses to checkpoint a chain that does not verify.
    const refused = await auditVerifyCli('checkpoint', { LANTERN_AUDIT_CHECKPOINTS: file });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Not checkpointing a chain that does not verify/);
  });

  it('keeps records in the spool while Neo4j is unreachable and writes each once when it is back', async () => {
    const spoolDir = path.join(cliData, 'spool');
    const quiet = pino({ level: 'silent' });
    const gone = new Gateway(createDriver({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'unused' }), { queryTimeoutMs: 1_000, log: quiet });
    const down = new AuditLog({ gateway: gone, key: Buffer.from(key), log: quiet, flushMs: 5, spool: new AuditSpool(spoolDir) });
    const requestIds = Array.from({ length: 8 }, (_, i) => `spooled-${process.pid}-${Date.now()}-${i}`);
    // Resolved: each record is on disk, though Neo4j cannot be reached.
    await Promise.all(requestIds.map((requestId) => down.record({
      at: new Date().toISOString(), actor: 'spool', role: 'analyst', kind: 'graphql', operation: 'Spooled',
      variables: '{}', purpose: '', recordCount: 0, recordIds: [], requestId, outcome: 'ok',
    })));
    await down.close();
    await gone.close();
    const segments = fs.readdirSync(spoolDir);
    expect(segments.length).toBeGreaterThan(0);
    // A copy, to replay again as if the process had died after the chain took them.
    const copies = segments.map((f) => [f, fs.readFileSync(path.join(spoolDir, f))] as const);

    const counts = async () => new Map((await runOffline(gateway, 'testing/audit-by-request', { requestIds })).map((r) => [String(r.requestId), Number(r.entries)]));
    expect((await counts()).size).toBe(0);
    const back = new AuditLog({ gateway, key: Buffer.from(key), log: testLog, flushMs: 5, spool: new AuditSpool(spoolDir) });
    await back.flush();
    await back.close();
    expect(Object.fromEntries(await counts())).toEqual(Object.fromEntries(requestIds.map((id) => [id, 1])));
    expect(fs.readdirSync(spoolDir)).toEqual([]);

    for (const [f, data] of copies) fs.writeFileSync(path.join(spoolDir, f), data);
    const again = new AuditLog({ gateway, key: Buffer.from(key), log: testLog, flushMs: 5, spool: new AuditSpool(spoolDir) });
    await again.flush();
    await again.close();
    expect(Object.fromEntries(await counts())).toEqual(Object.fromEntries(requestIds.map((id) => [id, 1])));
    expect(fs.readdirSync(spoolDir)).toEqual([]);
    expect((await verifyAuditLog(gateway, Buffer.from(key))).problems).toEqual([]);
  });

  it('counts 401s and records the counts as one entry', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' }, body: '{"query":"{ about { version } }"}' });
      expect(res.status).toBe(401);
    }
    await audit.recordRefusals();
    await audit.flush();
    const [entry] = await repo.search(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 1, actor: null, operation: 'refused requests', from: null, to: null });
    expect(entry).toMatchObject({ kind: 'refused', actor: 'anonymous' });
    expect(entry!.outcome.split(',')).toContain('401');
    // The refused unmask above was answered 403: counted too.
    expect(JSON.parse(entry!.variables)).toMatchObject({ '401 /graphql': 3, '403 /graphql': 1 });
    expect(entry!.recordCount).toBe(4);
  });
});
