/**
 * The audit chain: each entry's hash is an HMAC-SHA256, under a key kept outside the database,
 * of the previous entry's hash and the entry's canonical JSON. Editing, deleting or reordering
 * entries breaks the chain, and without the key nobody can forge a consistent new one.
 */
import { createHmac } from 'node:crypto';

/** What is recorded of one operation. */
export interface AuditRecord {
  /** ISO 8601 UTC time. */
  at: string;
  /** Who: a user name, a token name, or `anonymous`. */
  actor: string;
  role: string;
  /** graphql, export, snapshot, auth, admin. */
  kind: string;
  /** The GraphQL operation's name (or the first field), or the command. */
  operation: string;
  /** The variables or arguments as JSON, secrets removed. */
  variables: string;
  /**
   * SHA-256 (hex) of the GraphQL query text as sent, so that values written inline in it can be
   * matched to a given text later. Absent on entries that are not GraphQL requests, and on entries
   * written before it was recorded (the chain hashes only the fields an entry has).
   */
  queryHash?: string;
  /** The purpose the caller gave (e.g. a case reference). */
  purpose: string;
  /** How many records were disclosed, and which. */
  recordCount: number;
  recordIds: string[];
  requestId: string;
  /** ok, or the error codes returned. */
  outcome: string;
  /**
   * A random id given when the record is spooled (audit.spool.ts), so that a record replayed
   * after a crash is not appended twice. Absent on entries written before spooling.
   */
  entryId?: string;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

/** JSON with keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const FIELDS: (keyof AuditRecord)[] = ['at', 'actor', 'role', 'kind', 'operation', 'variables', 'queryHash', 'purpose', 'recordCount', 'recordIds', 'requestId', 'outcome', 'entryId'];

export function entryHash(key: Buffer, seq: number, prevHash: string, record: AuditRecord): string {
  const content: Record<string, unknown> = { seq };
  for (const f of FIELDS) content[f] = record[f];
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** Chains records after the entry (seq, hash). */
export function chain(key: Buffer, after: { seq: number; hash: string }, records: AuditRecord[]): AuditEntry[] {
  let { seq, hash } = after;
  return records.map((r) => {
    seq += 1;
    const entry: AuditEntry = { ...r, seq, prevHash: hash, hash: entryHash(key, seq, hash, r) };
    hash = entry.hash;
    return entry;
  });
}

export interface Verification {
  ok: boolean;
  checked: number;
  problems: string[];
  /** The checkpoints the chain was compared with: how many, and the latest entry one names. */
  checkpoints?: { count: number; latest: number } | undefined;
}

/**
 * Checks entries in sequence order as they arrive; `finish` compares the end with the head and
 * with the checkpoints kept outside the database (audit.checkpoint.ts), which the database's
 * head cannot stand in for: whoever can delete entries can rewind the head too.
 * Reports the first few problems by sequence number.
 */
export class ChainVerifier {
  private seq = 0;

  /** The sequence number of the last entry added. */
  get last(): number {
    return this.seq;
  }
  private hash = '';
  private checked = 0;
  private readonly problems: string[] = [];
  /** Checkpoints by sequence number (several may name the same entry). */
  private readonly checkpoints = new Map<number, { hash: string; at: string }[]>();
  private readonly matched = new Set<number>();

  constructor(
    private readonly key: Buffer,
    checkpoints: readonly { seq: number; hash: string; at: string }[] = [],
  ) {
    for (const c of checkpoints) {
      if (c.seq < 1) continue;
      const list = this.checkpoints.get(c.seq) ?? [];
      list.push({ hash: c.hash, at: c.at });
      this.checkpoints.set(c.seq, list);
    }
  }

  add(entry: AuditEntry): void {
    this.checked += 1;
    const problem = (m: string) => {
      if (this.problems.length < 20) this.problems.push(m);
    };
    if (entry.seq !== this.seq + 1) {
      problem(entry.seq > this.seq + 1 ? `entries ${this.seq + 1} to ${entry.seq - 1} are missing (deleted?)` : `entry ${entry.seq} is out of order`);
    }
    if (entry.prevHash !== this.hash) problem(`entry ${entry.seq} does not follow entry ${this.seq} (reordered or an entry before it was removed)`);
    if (entryHash(this.key, entry.seq, entry.prevHash, entry) !== entry.hash) problem(`entry ${entry.seq} was altered after it was written`);
    for (const c of this.checkpoints.get(entry.seq) ?? []) {
      if (c.hash !== entry.hash) problem(`entry ${entry.seq} is not the entry checkpointed at ${c.at}: the chain up to it was rewritten (its hashes recomputed)`);
    }
    this.matched.add(entry.seq);
    this.seq = entry.seq;
    this.hash = entry.hash;
  }

  finish(head: { seq: number; hash: string }): Verification {
    if (head.seq !== this.seq || head.hash !== this.hash) {
      this.problems.push(`the log ends at entry ${this.seq} but its head says ${head.seq} (entries removed from the end?)`);
    }
    const seqs = [...this.checkpoints.keys()].sort((a, b) => a - b);
    const latest = seqs.at(-1);
    if (latest !== undefined && latest > this.seq) {
      const at = this.checkpoints.get(latest)!.map((c) => c.at).sort().at(-1);
      this.problems.push(
        this.seq === 0
          ? `the log is empty but a checkpoint at ${at} recorded ${latest} entries: every entry was deleted`
          : `the log ends at entry ${this.seq} but a checkpoint at ${at} recorded entry ${latest}: entries ${this.seq + 1} to ${latest} were removed from the end (truncated, head rewound)`,
      );
    }
    for (const seq of seqs) {
      if (seq <= this.seq && !this.matched.has(seq)) this.problems.push(`entry ${seq}, checkpointed at ${this.checkpoints.get(seq)![0]!.at}, is missing`);
    }
    return { ok: this.problems.length === 0, checked: this.checked, problems: this.problems, checkpoints: seqs.length ? { count: [...this.checkpoints.values()].flat().length, latest: latest! } : undefined };
  }
}
