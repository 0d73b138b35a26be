/**
 * The cost of auditing: GraphQL throughput of the same in-process Lantern app with and without
 * the audit log, in the same run, on the demo data in a Neo4j of its own. Runs alternate
 * (off, on, off, on, ...) so that drift in the machine's load hits both alike. Each request is
 * authenticated by an API token as in production; the only difference is the audit log.
 * Writes bench/results/audit.json.
 *
 *   tsx bench/audit/run.ts [--connections 10] [--seconds 15] [--runs 3]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { arg, log, machine, median, openBenchDb, printMachine, round, writeResult } from '../lib.ts';
import { createApp } from '../../server/http/app.ts';
import { AuditLog, disclosedIds, redactVariables } from '../../server/modules/audit/audit.service.ts';
import { createApiToken } from '../../server/modules/auth/auth.service.ts';
import { seedDemoIfEmpty } from '../../seed/demo/index.ts';
import * as auditRepo from '../../server/modules/audit/audit.repository.ts';
import { runOffline } from '../../server/testing/statements.ts';
import { AuditSpool } from '../../server/modules/audit/audit.spool.ts';

// The audit arm runs as `lantern serve` does: each record fsynced to a spool before the answer.
const spoolRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-spool-'));

const connections = Number(arg('connections', '10'));
const seconds = Number(arg('seconds', '15'));
const runs = Number(arg('runs', '3'));

const db = await openBenchDb('audit', { heap: '1g', pageCache: '512m' });
await seedDemoIfEmpty(db, { info: (m: unknown) => process.stdout.write(`${typeof m === 'string' ? m : JSON.stringify(m)}\n`) });
const { secret } = await createApiToken(db.gateway, { name: `bench-audit-${Date.now()}`, role: 'analyst' });
const ids = (await runOffline(db.gateway, 'testing/bench-ids')).map((r) => String(r.id));

const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${secret}`, 'x-lantern-purpose': 'BENCH-AUDIT' };
const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const requests = ids.slice(0, 40).flatMap((id, i) => [
  { method: 'POST' as const, path: '/graphql', headers, body: body('query Entity($id: ID!) { entity(id: $id) { id label type degree } }', { id }) },
  { method: 'POST' as const, path: '/graphql', headers, body: body('query Around($id: ID!) { neighbourhood(ids: [$id], hops: 1, limit: 100) { nodes { id label type } edges { id source target type } } }', { id }) },
  { method: 'POST' as const, path: '/graphql', headers, body: body('query Find($t: String!) { search(text: $t, first: 10) { edges { node { id label } } } }', { t: ['massage', 'nails', 'Luton', 'car wash', 'hotel'][i % 5] }) },
]);

async function serve(withAudit: boolean) {
  const audit = withAudit ? new AuditLog({ gateway: db.gateway, key: randomBytes(32), log, spool: new AuditSpool(fs.mkdtempSync(path.join(spoolRoot, 'arm-'))) }) : undefined;
  const { app, stop } = await createApp({ gateway: db.gateway, log, development: false, ...(audit ? { audit } : {}), limits: { ratePerMinute: 1_000_000 } });
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    audit,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
      await audit?.close();
    },
  };
}

async function measure(withAudit: boolean, duration: number) {
  const s = await serve(withAudit);
  try {
    const before = await auditRepo.head(db.gateway);
    const r = await autocannon({ url: s.url, connections, duration, requests });
    await s.audit?.flush();
    const after = await auditRepo.head(db.gateway);
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, recorded: after.seq - before.seq, total: (r.requests as unknown as { total: number }).total };
  } finally {
    await s.close();
  }
}

await measure(false, 5); // warm-up: plans, page cache, JIT
const off: Awaited<ReturnType<typeof measure>>[] = [];
const on: Awaited<ReturnType<typeof measure>>[] = [];
for (let run = 0; run < runs; run++) {
  for (const withAudit of [false, true]) {
    const m = await measure(withAudit, seconds);
    (withAudit ? on : off).push(m);
    process.stdout.write(
      `run ${run + 1}/${runs} audit ${withAudit ? 'on ' : 'off'}: ${round(m.rps, 1)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, errors ${m.errors}, audit entries written ${m.recorded} of ${m.total} requests\n`,
    );
  }
}

// The audit's own work per request, apart from the noise of a shared machine: what the plugin does
// for a typical neighbourhood answer (find the disclosed ids, redact the variables, queue the record),
// and the batched write amortised over the requests it carries.
const sample = await (async () => {
  const s = await serve(false);
  try {
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers, body: requests[1]!.body });
    return (await res.json()) as { data: unknown };
  } finally {
    await s.close();
  }
})();
const cpuLog = new AuditLog({ gateway: db.gateway, key: randomBytes(32), log, flushMs: 60_000, maxBatch: 1_000_000 });
const N = 5_000;
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  const { count, ids: disclosed } = disclosedIds(sample.data);
  cpuLog.record({ at: new Date().toISOString(), actor: 'token:bench', role: 'analyst', kind: 'graphql', operation: 'Around', variables: redactVariables({ id: ids[i % ids.length] }), purpose: 'BENCH-AUDIT', recordCount: count, recordIds: disclosed, requestId: String(i), outcome: 'ok' });
}
const t1 = process.hrtime.bigint();
await cpuLog.flush();
const t2 = process.hrtime.bigint();
const auditCpu = round(Number(t1 - t0) / 1000 / N + Number(t2 - t1) / 1000 / N, 1);
process.stdout.write(`audit work per request: ${auditCpu} µs (plugin ${round(Number(t1 - t0) / 1000 / N, 1)} µs + batched write ${round(Number(t2 - t1) / 1000 / N, 1)} µs)\n`);

// The spool's fsync alone: records awaited one after another (each its own fdatasync), and ten
// at a time (one fdatasync for the group).
const spoolLog = new AuditLog({ gateway: db.gateway, key: randomBytes(32), log, flushMs: 60_000, maxBatch: 1_000_000, spool: new AuditSpool(fs.mkdtempSync(path.join(spoolRoot, 'fsync-'))) });
const rec = (i: number) => ({ at: new Date().toISOString(), actor: 'token:bench', role: 'analyst', kind: 'graphql', operation: 'Around', variables: '{}', purpose: 'BENCH-AUDIT', recordCount: 0, recordIds: [], requestId: String(i), outcome: 'ok' });
const one: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = process.hrtime.bigint();
  await spoolLog.record(rec(i));
  one.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const ten: number[] = [];
for (let i = 0; i < 100; i++) {
  const t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: 10 }, (_, j) => spoolLog.record(rec(i * 10 + j))));
  ten.push(Number(process.hrtime.bigint() - t) / 1e6);
}
await spoolLog.close();
fs.rmSync(spoolRoot, { recursive: true, force: true });
const fsyncOne = round(median(one), 2);
const fsyncTen = round(median(ten), 2);
process.stdout.write(`spool: one record fsynced in ${fsyncOne} ms (median of 300); ten at once in ${fsyncTen} ms (median of 100)\n`);

const rpsOff = median(off.map((m) => m.rps));
const rpsOn = median(on.map((m) => m.rps));
// Each on-run is compared with the off-run just before it (the machine's load drifts less within
// a pair than across the run); the cost is the median of the pairs.
const pairCosts = on.map((m, i) => ((off[i]!.rps - m.rps) / off[i]!.rps) * 100);
const overhead = round(median(pairCosts), 1);
process.stdout.write(
  `throughput without audit ${round(rpsOff, 1)} req/s, with audit ${round(rpsOn, 1)} req/s (medians); ` +
    `cost, median of adjacent pairs: ${overhead}% [pairs: ${pairCosts.map((c) => round(c, 1)).join(', ')}] (goal under 10%)\n`,
);
const m = machine(db.neo4jVersion);
printMachine(m);
writeResult({
  name: 'audit',
  machine: m,
  figures: {
    requests_per_s_without_audit: round(rpsOff, 1),
    requests_per_s_with_audit: round(rpsOn, 1),
    audit_throughput_cost_percent: overhead,
    audit_throughput_cost_percent_of_medians: round(((rpsOff - rpsOn) / rpsOff) * 100, 1),
    p50_ms_without_audit: median(off.map((x) => x.p50)),
    p50_ms_with_audit: median(on.map((x) => x.p50)),
    p99_ms_without_audit: median(off.map((x) => x.p99)),
    p99_ms_with_audit: median(on.map((x) => x.p99)),
    errors: Math.max(...off.concat(on).map((x) => x.errors)),
    audit_entries_missing: Math.max(0, ...on.map((x) => x.total - x.recorded)),
    audit_cpu_us_per_request: auditCpu,
    spool_fsync_ms_one_record: fsyncOne,
    spool_fsync_ms_ten_records: fsyncTen,
  },
  notes: {
    audit: {
      data: 'the demo scenario',
      mix: 'entity by id, neighbourhood 1 hop (limit 100), search (first 10), equal shares, 40 entities',
      connections,
      seconds,
      runs,
      order: 'alternating off/on after a 5 s warm-up',
      statistic: 'requests/s and latencies: median of runs; audit_throughput_cost_percent: median over adjacent off/on pairs of (off - on) / off',
      authentication: 'API token on every request, both arms',
      cpu: 'audit_cpu_us_per_request: the plugin work for a neighbourhood answer plus the batched append, timed over 5,000 records',
      spool: `the audit arm fsyncs each record to a spool (${os.tmpdir()}) before answering, as lantern serve does; spool_fsync_ms_*: median time for a record (or ten together, one fdatasync) to be on disk`,
    },
  },
});
await db.close();
