/**
 * Analytics reads through the gateway by query name (cypher/queries/analytics/), in one read
 * transaction so that entities and links are one state of the graph. The gateway applies the
 * caller's scope: partners' analytics see only what partners may see.
 */
import type { Gateway, Tx } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';
import type { ALink, ANode, WLink } from './analytics.types.ts';

export type { Tx };

export function read<T>(gw: Gateway, work: (tx: Tx) => Promise<T>): Promise<T> {
  return gw.readTx(work);
}

/** Every visible entity, at most `limit` (with allLinks, the two-statement read that `graph` replaced; bench/analytics/scale.ts times it as the baseline). */
export async function allNodes(tx: Tx, limit: number): Promise<ANode[]> {
  return (await tx.run('analytics/nodes', { limit: int(limit) })).map((r) => r.node as unknown as ANode);
}

/**
 * The whole visible graph (at most `limit` entities) for the weighted metrics, in one statement:
 * one row per entity with its outgoing links as [target, sourceEvaluation, intelligenceAssessment].
 * Links to an entity past the limit come back too; the graph build drops them.
 */
export async function graph(tx: Tx, limit: number): Promise<{ nodes: ANode[]; links: WLink[] }> {
  const nodes: ANode[] = [];
  const links: WLink[] = [];
  for (const r of await tx.run('analytics/graph', { limit: int(limit) })) {
    const node = r.node as unknown as ANode;
    nodes.push(node);
    for (const [target, sourceEvaluation, intelligenceAssessment] of r.out as [string, number | null, string | null][]) {
      links.push({ source: node.id, target, sourceEvaluation, intelligenceAssessment });
    }
  }
  return { nodes, links };
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
