/**
 * Expanding by one to three hops, decided before anything is drawn (pure, unit tested): which
 * starting entity trips the supernode guard, what an answer would add to the chart (the count
 * the analyst confirms), and what the one undo step is called.
 */
import { entityMeta } from '../model/meta.ts';
import type { EntityType, Graph, GraphNode } from '../model/types.ts';
import { linksOf, type ChartDoc } from './chartDoc.ts';

export const HOPS = [1, 2, 3] as const;
export type Hops = (typeof HOPS)[number];

/** The most starting entities one expansion takes (the server's `neighbourhood` ids limit). */
export const MAX_EXPAND_IDS = 100;

export interface Guarded {
  node: GraphNode;
  /** Its links not yet on the chart. */
  remaining: number;
}

/** The starting entity with the most links not on the chart, when that is more than `threshold`. */
export function overGuard(doc: ChartDoc, ids: readonly string[], threshold: number): Guarded | null {
  let worst: Guarded | null = null;
  for (const id of ids) {
    const node = doc.nodes[id];
    if (!node) continue;
    const remaining = node.degree - linksOf(doc, id).length;
    if (remaining > threshold && (!worst || remaining > worst.remaining)) worst = { node, remaining };
  }
  return worst;
}

/** What an answer would add: counted against the chart before it is drawn. */
export interface ExpandPreview {
  /** Entities not on the chart yet. */
  entities: number;
  /** Links not on the chart yet. */
  links: number;
  /** The new entities by type, most first: [plural name, count]. */
  byType: [string, number][];
  /** New entities with more links than the guard, drawn but not expanded through. */
  supernodes: number;
  /** Why the server cut the answer, when it did. */
  truncation: string | null;
}

export function previewOf(doc: ChartDoc, g: Pick<Graph, 'nodes' | 'edges' | 'truncated' | 'truncation'>): ExpandPreview {
  const fresh = g.nodes.filter((n) => !doc.nodes[n.id]);
  const counts = new Map<EntityType, number>();
  for (const n of fresh) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  const byType = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t, c]): [string, number] => [entityMeta(t).plural, c]);
  return {
    entities: fresh.length,
    links: g.edges.filter((e) => !doc.edges[e.id]).length,
    byType,
    supernodes: fresh.filter((n) => n.supernode).length,
    truncation: g.truncated ? (g.truncation ?? 'A limit cut the answer: there are more links than were found.') : null,
  };
}

/** The undo step's name: "Expand Velvet Willow", "Expand 9 entities (2 hops)". */
export function expandLabel(starts: readonly GraphNode[], hops: number, filtered = false): string {
  const what = starts.length === 1 ? starts[0]!.label : `${starts.length} entities`;
  const parts = [hops > 1 ? `${hops} hops` : '', filtered ? 'filtered' : ''].filter(Boolean);
  return `Expand ${what}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
