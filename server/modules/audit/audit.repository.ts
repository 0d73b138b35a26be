import type { Gateway } from '../../db/gateway.ts';
import { chain, type AuditEntry, type AuditRecord } from './audit.chain.ts';

/**
 * Appends records in one write transaction, chained after the head it locks. With skipExisting,
 * records whose entryId is already in the chain (replayed from the spool) are left out.
 */
export async function append(gateway: Gateway, key: Buffer, records: AuditRecord[], o: { skipExisting?: boolean } = {}): Promise<AuditEntry[]> {
  return gateway.writeTx(async (tx) => {
    const [head] = await tx.run('audit/lock-head');
    if (o.skipExisting) {
      const ids = records.map((r) => r.entryId).filter((id): id is string => id !== undefined);
      const existing = new Set((await tx.run('audit/existing-ids', { ids })).map((r) => String(r.id)));
      records = records.filter((r) => r.entryId === undefined || !existing.has(r.entryId));
      if (records.length === 0) return [];
    }
    const entries = chain(key, { seq: Number(head?.seq ?? 0), hash: String(head?.hash ?? '') }, records);
    const last = entries.at(-1)!;
    await tx.run('audit/append', { entries, lastSeq: last.seq, lastHash: last.hash });
    return entries;
  });
}

export async function head(gateway: Gateway): Promise<{ seq: number; hash: string }> {
  const [row] = await gateway.read('audit/head');
  return { seq: Number(row?.seq ?? 0), hash: String(row?.hash ?? '') };
}

export async function page(gateway: Gateway, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  return (await gateway.read('audit/page', { afterSeq, limit })).map((r) => r.entry as AuditEntry);
}

export interface AuditQuery {
  beforeSeq: number;
  limit: number;
  actor: string | null;
  operation: string | null;
  from: string | null;
  to: string | null;
}

export async function search(gateway: Gateway, q: AuditQuery): Promise<AuditEntry[]> {
  return (await gateway.read('audit/search', { ...q })).map((r) => r.entry as AuditEntry);
}
