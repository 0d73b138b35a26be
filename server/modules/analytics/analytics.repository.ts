/**
 * Analytics reads through the gateway by query name (cypher/queries/analytics/), in one read
 * transaction so that entities and links are one state of the graph. The gateway applies the
 * caller's scope: partners' analytics see only what partners may see.
 */
import type { Gateway, Tx } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';
import type { ALink, ANode } from './analytics.types.ts';

export type { Tx };

export function read<T>(gw: Gateway, work: (tx: Tx) => Promise<T>): Promise<T> {
  return gw.readTx(work);
}

export async function nodes(tx: Tx, q: { ids: string[] | null; limit: number }): Promise<ANode[]> {
  return (await tx.run('analytics/nodes', { ids: q.ids, limit: int(q.limit) })).map((r) => r.node as unknown as ANode);
}

export async function links(tx: Tx, q: { ids: string[] | null; linkTypes: readonly string[] | null }): Promise<ALink[]> {
  return (await tx.run('analytics/links', { ids: q.ids, linkTypes: q.linkTypes ? [...q.linkTypes] : null })) as unknown as ALink[];
}
