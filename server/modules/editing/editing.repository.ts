/**
 * Writes through the gateway by query name (cypher/queries/editing/), each mutation in one
 * write transaction: the source record, the change, the grading recomputed from the sources.
 */
import { randomUUID } from 'node:crypto';
import type { Gateway, Row, Tx } from '../../db/gateway.ts';

export type { Tx };

export function write<T>(gw: Gateway, work: (tx: Tx) => Promise<T>): Promise<T> {
  return gw.writeTx(work);
}

export async function sourceRecord(tx: Tx, p: { recordedAt: string | null; record: Record<string, unknown> }): Promise<string> {
  const [row] = await tx.run('editing/source-record', { id: `src-${randomUUID()}`, recordedAt: p.recordedAt, record: p.record });
  return String(row!.id);
}

export async function entityById(tx: Tx, id: string): Promise<Row | undefined> {
  const [row] = await tx.run('entity/by-ids', { ids: [id] });
  return row?.entity as Row | undefined;
}

export async function linkById(tx: Tx, id: string): Promise<{ link: Row; source: Row; target: Row; elementId: string } | undefined> {
  const [row] = await tx.run('entity/link-by-id', { id, visibleOnly: true });
  return row as { link: Row; source: Row; target: Row; elementId: string } | undefined;
}

export async function createEntity(tx: Tx, p: Record<string, unknown>): Promise<Row> {
  const [row] = await tx.run('editing/create-entity', p);
  return row!.entity as Row;
}

export async function updateEntity(tx: Tx, p: Record<string, unknown>): Promise<Row> {
  const [row] = await tx.run('editing/update-entity', p);
  return row!.entity as Row;
}

export async function createLink(tx: Tx, p: Record<string, unknown>): Promise<Row> {
  const [row] = await tx.run('editing/create-link', p);
  return row!.link as Row;
}

export async function updateLink(tx: Tx, p: Record<string, unknown>): Promise<Row> {
  const [row] = await tx.run('editing/update-link', p);
  return row!.link as Row;
}

export async function annotate(tx: Tx, p: { targetId: string; text: string; author: string }): Promise<Row> {
  const [row] = await tx.run('editing/annotate', { ...p, id: `annotation-${randomUUID()}` });
  return row!.annotation as Row;
}

export async function retireEntity(tx: Tx, id: string, reason: string): Promise<boolean> {
  return (await tx.run('editing/retire-entity', { id, reason })).length > 0;
}

export async function retireLink(tx: Tx, fromId: string, elementId: string, reason: string): Promise<boolean> {
  return (await tx.run('editing/retire-link', { fromId, elementId, reason })).length > 0;
}
