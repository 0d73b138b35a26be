/**
 * Audit-record throughput: how many entries a second the audit log takes when every caller awaits
 * its record being durable (fsynced to the spool, as `lantern serve` does before answering) and
 * the entries are chained into Neo4j in batches; beside, in the same run and the same Neo4j:
 *  - plain: the same spool fsync and batches of the same records written as plain nodes (no
 *    chain hash, no head to lock): what the chain itself costs;
 *  - one write each: every record awaited as its own Neo4j write transaction (no spool): what
 *    awaiting the database append would give (decision 0014 chose the spool instead).
 * Arms alternate (chain, plain, one write each, ...) so that drift in the machine's load hits each.
 * Writes bench/results/audit-throughput.json.
 *
 *   tsx bench/audit/throughput.ts [--callers 32] [--records 20000] [--runs 3]
 * (one write each: a tenth of --records, which would otherwise take minutes)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg, log, machine, median, openBenchDb, printMachine, quantile, removeDataDir, round, writeResult } from '../lib.ts';
import { AuditLog } from '../../server/modules/audit/audit.service.ts';
import { AuditSpool } from '../../server/modules/audit/audit.spool.ts';
import { chain, type AuditRecord } from '../../server/modules/audit/audit.chain.ts';
import * as auditRepo from '../../server/modules/audit/audit.repository.ts';
import { runOffline } from '../../server/testing/statements.ts';

const callers = Number(arg('callers', '32'));
const records = Number(arg('records', '20000'));
const runs = Number(arg('runs', '3'));
const spoolRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-audit-tp-'));

const db = await openBenchDb('audit-throughput', { heap: '512m', pageCache: '256m', fresh: true });
const ids = Array.from({ length: 10 }, () => randomUUID());
const record = (i: number): AuditRecord => ({
  at: new Date().toISOString(),
  actor: 'token:bench',
  role: 'analyst',
  kind: 'graphql',
  operation: 'saveChart',
  variables: JSON.stringify({ name: `chart-${i}` }),
  queryHash: 'a'.repeat(64),
  purpose: 'BENCH-AUDIT',
  recordCount: ids.length,
  recordIds: ids,
  requestId: String(i),
  outcome: 'ok',
});

interface Sink {
  /** Resolves once the record is durable. */
  record(r: AuditRecord): Promise<void>;
  /** Resolves once every record is in Neo4j. */
  drain(): Promise<void>;
}

/** As lantern serve: spool, then chained batches. */
function chained(): Sink {
  const audit = new AuditLog({ gateway: db.gateway, key: randomBytes(32), log, spool: new AuditSpool(fs.mkdtempSync(path.join(spoolRoot, 'chain-'))) });
  return { record: (r) => audit.record(r), drain: () => audit.close() };
}

/** The same spool (one fdatasync per group), then plain batches every 200 ms or 500 records. */
function plain(): Sink {
  const spool = new AuditSpool(fs.mkdtempSync(path.join(spoolRoot, 'plain-')));
  let waiting: { r: AuditRecord; done: () => void }[] = [];
  let syncing: Promise<void> | undefined;
  let buffer: AuditRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing = Promise.resolve();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(async () => {
      const batch = buffer;
      buffer = [];
      for (let i = 0; i < batch.length; i += 500) await runOffline(db.gateway, 'bench/audit-plain-append', { rows: batch.slice(i, i + 500) });
    });
    return writing;
  };
  const sync = async () => {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      await spool.write(group.map((g) => g.r));
      buffer.push(...group.map((g) => g.r));
      if (buffer.length >= 500) void flush();
      else timer ??= setTimeout(() => void flush(), 200);
      for (const g of group) g.done();
    }
    syncing = undefined;
  };
  return {
    record: (r) =>
      new Promise((done) => {
        waiting.push({ r: { ...r, entryId: randomUUID() }, done });
        syncing ??= sync();
      }),
    drain: async () => {
      while (syncing) await syncing;
      await flush();
      await spool.close();
    },
  };
}

/** Each record its own awaited write transaction. */
function oneWriteEach(): Sink {
  return { record: async (r) => void (await runOffline(db.gateway, 'bench/audit-plain-append', { rows: [r] })), drain: async () => undefined };
}

async function measure(sink: Sink, count: number) {
  const latencies: number[] = [];
  let n = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (n < count) {
        const t = process.hrtime.bigint();
        await sink.record(record(n++));
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const acked = Number(process.hrtime.bigint() - t0) / 1e9;
  await sink.drain();
  const stored = Number(process.hrtime.bigint() - t0) / 1e9;
  return { entries: latencies.length, ackedPerS: latencies.length / acked, storedPerS: latencies.length / stored, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

const arms = { chain: chained, plain, one_write_each: oneWriteEach } as const;
type Arm = keyof typeof arms;
const results: Record<Arm, Awaited<ReturnType<typeof measure>>[]> = { chain: [], plain: [], one_write_each: [] };
await measure(chained(), 2_000); // warm-up: plans, JIT, page cache
await measure(plain(), 2_000);
await measure(oneWriteEach(), 200);
const headBefore = await auditRepo.head(db.gateway);
for (let run = 0; run < runs; run++) {
  for (const arm of Object.keys(arms) as Arm[]) {
    const m = await measure(arms[arm](), arm === 'one_write_each' ? Math.ceil(records / 10) : records);
    results[arm].push(m);
    process.stdout.write(`run ${run + 1}/${runs} ${arm}: ${m.entries} entries, ${round(m.ackedPerS, 0)}/s durable, ${round(m.storedPerS, 0)}/s in Neo4j, ack p50 ${round(m.p50, 2)} ms, p99 ${round(m.p99, 2)} ms\n`);
  }
}
const headAfter = await auditRepo.head(db.gateway);
const chainedEntries = results.chain.reduce((s, m) => s + m.entries, 0);
const missing = chainedEntries - (headAfter.seq - headBefore.seq);

// The chain's hashing alone (HMAC-SHA256 over each entry's canonical fields), on one core.
const sample = Array.from({ length: 20_000 }, (_, i) => record(i));
const h0 = process.hrtime.bigint();
chain(randomBytes(32), { seq: 0, hash: '' }, sample);
const hashUs = Number(process.hrtime.bigint() - h0) / 1000 / sample.length;

const med = (arm: Arm, k: 'ackedPerS' | 'storedPerS' | 'p50' | 'p99') => median(results[arm].map((m) => m[k]));
const m = machine(db.neo4jVersion);
printMachine(m);
process.stdout.write(
  `durable entries/s: chain ${round(med('chain', 'ackedPerS'), 0)}, plain ${round(med('plain', 'ackedPerS'), 0)}, one write each ${round(med('one_write_each', 'ackedPerS'), 0)} (medians of ${runs}); ` +
    `chain hashing ${round(hashUs, 2)} µs an entry; entries missing from the chain: ${missing}\n`,
);
writeResult({
  name: 'audit-throughput',
  machine: m,
  figures: {
    audit_entries_per_s_with_chain: round(med('chain', 'ackedPerS'), 0),
    audit_entries_per_s_plain: round(med('plain', 'ackedPerS'), 0),
    audit_entries_per_s_one_write_each: round(med('one_write_each', 'ackedPerS'), 0),
    audit_entries_stored_per_s_with_chain: round(med('chain', 'storedPerS'), 0),
    audit_entries_stored_per_s_plain: round(med('plain', 'storedPerS'), 0),
    audit_ack_p50_ms_with_chain: round(med('chain', 'p50'), 2),
    audit_ack_p99_ms_with_chain: round(med('chain', 'p99'), 2),
    audit_ack_p50_ms_plain: round(med('plain', 'p50'), 2),
    audit_ack_p99_ms_plain: round(med('plain', 'p99'), 2),
    audit_ack_p50_ms_one_write_each: round(med('one_write_each', 'p50'), 2),
    audit_chain_hash_us_per_entry: round(hashUs, 2),
    audit_entries_missing_from_chain: missing,
  },
  notes: {
    'audit-throughput': {
      callers,
      records: `${records} a run (one_write_each: ${Math.ceil(records / 10)})`,
      runs,
      record: 'a saveChart-like record: 10 record ids, variables, query hash (about 700 bytes of JSON)',
      arms: 'chain: AuditLog with its spool as lantern serve runs it (fsync before the record resolves, chained batches every 200 ms or 500); plain: the same spool and batching, records written as plain nodes (no hash, no head); one_write_each: each record its own awaited write transaction, no spool',
      statistic: 'entries/s: the run\'s records over the time until the last was acknowledged (durable), median of runs; stored: over the time until the last was in Neo4j; latencies: median over runs of each run\'s quantile',
      spool: `in ${os.tmpdir()}`,
      order: 'arms alternate in each run after a warm-up of each (2,000, 2,000 and 200 records)',
    },
  },
});
await db.close();
fs.rmSync(spoolRoot, { recursive: true, force: true });
removeDataDir(db.dataDir);
