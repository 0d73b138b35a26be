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

/** Every visible entity, at most `limit`. */
export async function allNodes(tx: Tx, limit: number): Promise<ANode[]> {
  return (await tx.run('analytics/nodes', { limit: int(limit) })).map((r) => r.node as unknown as ANode);
}

/** The given entities that the caller may see. */
export async function nodes(tx: Tx, ids: string[]): Promise<ANode[]> {
  if (ids.length === 0) return [];
  return (await tx.run('analytics/nodes-by-id', { ids })).map((r) => r.node as unknown as ANode);
}

/** Links among every visible entity, of the given types (all when null). */
export async function allLinks(tx: Tx, linkTypes: readonly string[] | null): Promise<ALink[]> {
  return (await tx.run('analytics/links', { linkTypes: linkTypes ? [...linkTypes] : null })) as unknown as ALink[];
}

/** Links among the given entities. */
export async function linksAmong(tx: Tx, ids: string[]): Promise<ALink[]> {
  if (ids.length === 0) return [];
  return (await tx.run('analytics/links-among', { ids })) as unknown as ALink[];
}
