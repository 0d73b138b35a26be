/**
 * The audit log: every GraphQL operation, export and snapshot is recorded (who, when, what,
 * with which variables, for what purpose, which records were disclosed). Records are fsynced to a
 * local spool before the request is answered (audit.spool.ts), then appended to the chain in
 * batches, so that auditing costs one fsync per group of requests and one write per batch.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Gateway } from '../../db/gateway.ts';
import type { Logger } from '../../config/logger.ts';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { requireCan } from '../access/index.ts';
import { ChainVerifier, type AuditEntry, type AuditRecord, type Verification } from './audit.chain.ts';
import * as repo from './audit.repository.ts';
import type { AuditSpool } from './audit.spool.ts';
import type { Checkpoint, CheckpointFile } from './audit.checkpoint.ts';

export interface AuditOptions {
  gateway: Gateway;
  key: Buffer;
  log: Logger;
  /** How long a record may wait before its batch is written. */
  flushMs?: number;
  /** A batch is written at once when it reaches this size. */
  maxBatch?: number;
  /** Set: each record is fsynced here before record() resolves, and replayed after a crash. */
  spool?: AuditSpool;
  /** Set: checkpoints of the chain are written here (every checkpointEvery entries, every summaryMs, at close). */
  checkpoints?: CheckpointFile;
  /** Entries between checkpoints (1,000). */
  checkpointEvery?: number;
  /** How often refused-request counts are recorded and a checkpoint written if the chain moved (60 s). */
  summaryMs?: number;
}

const SECRET = /pass(word)?|secret|token|authorization|cookie/i;

/** Variables as JSON with secrets replaced, capped so that a huge request cannot bloat the log. */
export function redactVariables(variables: unknown, max = 4000): string {
  const json = JSON.stringify(variables ?? {}, (k, v) => (SECRET.test(k) ? '[redacted]' : v));
  return json.length > max ? `${json.slice(0, max)}…(${json.length} chars)` : json;
}

/** SHA-256 (hex) of a GraphQL query text, as recorded beside its variables. */
export function queryHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Ids of the records in a response: every object with an `id` (and a type) anywhere in it. */
export function disclosedIds(data: unknown, limit = 5000): { count: number; ids: string[] } {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && ('type' in o || '__typename' in o || 'label' in o || 'source' in o)) ids.add(o.id);
      Object.values(o).forEach(walk);
    }
  };
  walk(data);
  return { count: ids.size, ids: [...ids].slice(0, limit) };
}

/** A record waiting for Neo4j, and the spool segment that holds it (none: not spooled). */
interface Pending {
  record: AuditRecord;
  file: string | undefined;
  /** Left in the spool by an earlier process: it may be in the chain already. */
  replayed: boolean;
}

export class AuditLog {
  private buffer: Pending[] = [];
  private unsynced: { record: AuditRecord; resolve: () => void }[] = [];
  private syncing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly flushMs: number;
  private readonly maxBatch: number;
  private readonly checkpointEvery: number;
  /** The last entry this log appended, and how many it appended since its last checkpoint. */
  private last: { seq: number; hash: string } | undefined;
  private sinceCheckpoint = 0;
  private checkpointed = 0;
  private readonly refusals = new Map<string, number>();

  constructor(private readonly o: AuditOptions) {
    this.flushMs = o.flushMs ?? 200;
    this.maxBatch = o.maxBatch ?? 500;
    this.checkpointEvery = o.checkpointEvery ?? 1000;
    if (o.spool) {
      const left = o.spool.leftOver();
      if (left.records.length > 0) {
        o.log.warn({ records: left.records.length, spool: o.spool.dir }, `Replaying ${left.records.length} audit records left in the spool by an earlier run`);
        this.buffer = left.records.map((record) => ({ record, file: undefined, replayed: true }));
        this.leftFiles = left.files;
        this.timer = setTimeout(() => void this.flush(), 0);
      }
    }
    if (o.checkpoints || o.summaryMs) {
      this.ticker = setInterval(() => void this.tick(), o.summaryMs ?? 60_000);
      this.ticker.unref();
    }
  }

  /** Segments an earlier run left, deleted once their records are in the chain. */
  private leftFiles: string[] = [];

  /**
   * Queues a record. With a spool, the promise resolves once the record is fsynced to it, so
   * a caller that awaits it before answering loses nothing to a crash; it reaches Neo4j within
   * flushMs. It never rejects: a spool that cannot be written is logged, the record kept in memory.
   */
  record(r: AuditRecord): Promise<void> {
    if (this.closed) {
      this.o.log.error({ records: [r] }, 'An audit record came after the audit log was closed; it is in this log entry');
      return Promise.resolve();
    }
    if (!this.o.spool) {
      this.queue([{ record: r, file: undefined, replayed: false }]);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.unsynced.push({ record: { ...r, entryId: randomUUID() }, resolve });
      this.syncing ??= this.sync();
    });
  }

  /** Writes what has been recorded to the spool, one fsync for all records that came meanwhile. */
  private async sync(): Promise<void> {
    while (this.unsynced.length > 0) {
      const group = this.unsynced;
      this.unsynced = [];
      let file: string | undefined;
      try {
        file = await this.o.spool!.write(group.map((g) => g.record));
      } catch (e) {
        this.o.log.error({ err: e, records: group.length }, 'Could not write audit records to the spool; they are kept in memory until Neo4j takes them');
      }
      this.queue(group.map((g) => ({ record: g.record, file, replayed: false })));
      for (const g of group) g.resolve();
    }
    this.syncing = undefined;
  }

  private queue(items: Pending[]): void {
    this.buffer.push(...items);
    if (this.buffer.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /**
   * Counts a refused request (401, 403, 429) by status and path; the counts are recorded as one
   * entry (kind `refused`) every summaryMs and at close, so that a flood cannot flood the log.
   */
  countRefusal(status: number, route: string): void {
    const k = `${status} ${route}`;
    this.refusals.set(k, (this.refusals.get(k) ?? 0) + 1);
  }

  /** Records the refused requests counted since the last call, as one entry. */
  recordRefusals(): Promise<void> {
    if (this.refusals.size === 0) return Promise.resolve();
    const counts = Object.fromEntries(this.refusals);
    const total = [...this.refusals.values()].reduce((a, b) => a + b, 0);
    this.refusals.clear();
    return this.record({
      at: new Date().toISOString(),
      actor: 'anonymous',
      role: 'none',
      kind: 'refused',
      operation: 'refused requests',
      variables: JSON.stringify(counts),
      purpose: '',
      recordCount: total,
      recordIds: [],
      requestId: '',
      outcome: [...new Set(Object.keys(counts).map((k) => k.split(' ')[0]))].sort().join(','),
    });
  }

  private async tick(): Promise<void> {
    await this.recordRefusals();
    if (this.o.checkpoints) {
      await this.flush();
      this.writing = this.writing.then(() => this.checkpoint(false));
    }
  }

  /** Writes a checkpoint of the last entry this log appended, if it moved since the last one. */
  private async checkpoint(force: boolean): Promise<void> {
    const cp = this.o.checkpoints;
    if (!cp || !this.last || this.last.seq === this.checkpointed) return;
    if (!force && this.sinceCheckpoint === 0) return;
    try {
      await cp.write({ ...this.last, at: new Date().toISOString() });
      this.checkpointed = this.last.seq;
      this.sinceCheckpoint = 0;
    } catch (e) {
      this.o.log.error({ err: e, file: cp.file }, 'Could not write an audit checkpoint');
    }
  }

  /**
   * Writes a checkpoint of the last entry this log appended, at once, outside the queue of
   * batches: a backup calls it while it holds writes back (no batch can be appended meanwhile,
   * and waiting for the queue would wait for the backup), so that the backup's checkpoints reach
   * its chain's end.
   */
  checkpointNow(): Promise<void> {
    return this.checkpoint(true);
  }

  /** Writes what is queued; resolves when it is in Neo4j. Batches are written one after another. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      // Records recorded before this call are in the batch, once their spool write is done.
      while (this.syncing) await this.syncing;
      await this.o.spool?.rotate();
      const batch = this.buffer;
      this.buffer = [];
      if (batch.length === 0) return;
      // At most maxBatch records a transaction: records can arrive (fsynced to the spool) far faster
      // than Neo4j chains them, and one transaction of everything queued meanwhile could exhaust
      // Neo4j's memory (the audit-throughput bench's first run crashed a 512 MB heap at 177,409).
      let done = 0;
      try {
        while (done < batch.length) {
          const part = batch.slice(done, done + this.maxBatch);
          const entries = await repo.append(this.o.gateway, this.o.key, part.map((p) => p.record), { skipExisting: part.some((p) => p.replayed) });
          if (entries.length > 0) {
            this.last = { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash };
            this.sinceCheckpoint += entries.length;
          }
          done += part.length;
        }
      } catch (e) {
        // Never drop a record silently: put what is not chained back in front and retry with the
        // next flush. Spool segments are deleted only once all of their records are chained.
        const rest = batch.slice(done);
        this.o.log.error({ err: e, records: rest.length }, 'Could not write audit records; will retry');
        this.buffer = [...rest, ...this.buffer];
        if (!this.closed) this.timer ??= setTimeout(() => void this.flush(), Math.max(this.flushMs, 1000));
        return;
      }
      const files = new Set(batch.map((p) => p.file).filter((f): f is string => f !== undefined));
      if (batch.some((p) => p.replayed)) {
        for (const f of this.leftFiles) files.add(f);
        this.leftFiles = [];
      }
      await this.o.spool?.remove(files);
      if (this.sinceCheckpoint >= this.checkpointEvery) await this.checkpoint(false);
    });
    return this.writing;
  }

  /**
   * Writes what is queued, a last checkpoint, and stops retrying. Records that still cannot be
   * written (the database already gone) stay in the spool for the next start; without a spool
   * they are put in the server's log in full, so that none is lost silently.
   */
  async close(): Promise<void> {
    await this.recordRefusals();
    this.closed = true;
    clearInterval(this.ticker);
    await this.flush();
    await (this.writing = this.writing.then(() => this.checkpoint(true)));
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.o.spool?.close();
    if (this.buffer.length > 0) {
      if (this.o.spool && this.buffer.every((p) => p.file !== undefined || p.replayed)) {
        this.o.log.error({ records: this.buffer.length, spool: this.o.spool.dir }, `${this.buffer.length} audit records could not be written to Neo4j before shutdown; they are kept in the spool and will be written at the next start`);
      } else {
        this.o.log.error({ records: this.buffer.map((p) => p.record) }, `${this.buffer.length} audit records could not be written to Neo4j before shutdown; they are in this log entry`);
      }
      this.buffer = [];
    }
  }

  verify(): Promise<Verification> {
    return verifyAuditLog(this.o.gateway, this.o.key, this.o.checkpoints?.read().valid ?? []);
  }
}

export async function verifyAuditLog(gateway: Gateway, key: Buffer, checkpoints: readonly Checkpoint[] = [], pageSize = 5000): Promise<Verification> {
  let head = await repo.head(gateway);
  const verifier = new ChainVerifier(key, checkpoints);
  const readUpTo = async (last: number) => {
    for (;;) {
      const entries: AuditEntry[] = (await repo.page(gateway, verifier.last, pageSize)).filter((e) => e.seq <= last);
      for (const e of entries) verifier.add(e);
      if (entries.length < pageSize) return;
    }
  };
  await readUpTo(Number.POSITIVE_INFINITY);
  // A running server appends while the pages are read: entries past the head read first are not a
  // broken tail if the head has moved on with them. Read the head again and the chain up to it; a
  // head rewound behind entries that exist still fails.
  if (verifier.last > head.seq) {
    head = await repo.head(gateway);
    if (head.seq > verifier.last) await readUpTo(head.seq);
  }
  return verifier.finish(head);
}

export interface AuditLogArgs {
  filter?: { actor?: string | null; operation?: string | null; from?: string | null; to?: string | null } | null;
  first?: number | null;
  after?: string | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** A page of the audit log for admins, newest first; the cursor is the last entry's sequence number. */
export async function auditLogPage(ctx: Context, args: AuditLogArgs) {
  requireCan(ctx.principal, 'administer');
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first', 'give 1 to 500.');
  let beforeSeq = Number.MAX_SAFE_INTEGER;
  if (args.after !== null && args.after !== undefined) {
    if (!/^\d{1,15}$/.test(args.after)) throw badInput('after', 'pass the endCursor of the previous page.');
    beforeSeq = Number(args.after);
  }
  const f = args.filter ?? {};
  for (const k of ['from', 'to'] as const) {
    const v = f[k];
    if (v && !ISO.test(v)) throw badInput(`filter.${k}`, 'give an ISO 8601 date or time, e.g. 2026-06-23 or 2026-06-23T10:00:00Z.');
  }
  const entries = await repo.search(ctx.services.system, {
    beforeSeq,
    limit: first + 1,
    actor: f.actor || null,
    operation: f.operation || null,
    from: f.from || null,
    to: f.to ? (f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to) : null,
  });
  const page = entries.slice(0, first);
  return {
    entries: page.map((e) => ({ ...e, recordIds: Array.isArray(e.recordIds) ? e.recordIds : [] })),
    hasNextPage: entries.length > first,
    endCursor: page.length ? String(page.at(-1)!.seq) : null,
  };
}
