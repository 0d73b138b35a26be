/**
 * The audit log: every GraphQL operation, export and snapshot is recorded (who, when, what,
 * with which variables, for what purpose, which records were disclosed). Records are buffered
 * briefly and appended in batches, so that auditing costs one write per batch, not per request.
 */
import { createHash } from 'node:crypto';
import type { Gateway } from '../../db/gateway.ts';
import type { Logger } from '../../config/logger.ts';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { requireCan } from '../access/access.ts';
import { ChainVerifier, type AuditEntry, type AuditRecord, type Verification } from './audit.chain.ts';
import * as repo from './audit.repository.ts';

export interface AuditOptions {
  gateway: Gateway;
  key: Buffer;
  log: Logger;
  /** How long a record may wait before its batch is written. */
  flushMs?: number;
  /** A batch is written at once when it reaches this size. */
  maxBatch?: number;
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

export class AuditLog {
  private buffer: AuditRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly flushMs: number;
  private readonly maxBatch: number;

  constructor(private readonly o: AuditOptions) {
    this.flushMs = o.flushMs ?? 200;
    this.maxBatch = o.maxBatch ?? 500;
  }

  /** Queues a record; it reaches Neo4j within flushMs. */
  record(r: AuditRecord): void {
    if (this.closed) {
      this.o.log.error({ records: [r] }, 'An audit record came after the audit log was closed; it is in this log entry');
      return;
    }
    this.buffer.push(r);
    if (this.buffer.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Writes what is queued; resolves when it is in Neo4j. Batches are written one after another. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.writing;
    this.writing = this.writing.then(async () => {
      try {
        await repo.append(this.o.gateway, this.o.key, batch);
      } catch (e) {
        // Never drop a record silently: put the batch back in front and retry with the next flush.
        this.o.log.error({ err: e, records: batch.length }, 'Could not write audit records; will retry');
        this.buffer = [...batch, ...this.buffer];
        if (!this.closed) this.timer ??= setTimeout(() => void this.flush(), Math.max(this.flushMs, 1000));
      }
    });
    return this.writing;
  }

  /**
   * Writes what is queued and stops retrying. Records that still cannot be written (the
   * database already gone) are put in the server's log in full, so that none is lost silently.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length > 0) {
      this.o.log.error({ records: this.buffer }, `${this.buffer.length} audit records could not be written to Neo4j before shutdown; they are in this log entry`);
      this.buffer = [];
    }
  }

  verify(): Promise<Verification> {
    return verifyAuditLog(this.o.gateway, this.o.key);
  }
}

export async function verifyAuditLog(gateway: Gateway, key: Buffer, pageSize = 5000): Promise<Verification> {
  const head = await repo.head(gateway);
  const verifier = new ChainVerifier(key);
  let after = 0;
  for (;;) {
    const entries: AuditEntry[] = await repo.page(gateway, after, pageSize);
    for (const e of entries) verifier.add(e);
    if (entries.length < pageSize) break;
    after = entries.at(-1)!.seq;
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
