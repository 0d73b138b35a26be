/**
 * GraphQL results to Cytoscape element data: a pure mapping (no cy here). Everything the
 * stylesheet needs is computed once into data fields, so styles are plain data mappers.
 */
import type { ElementDefinition } from 'cytoscape';
import { linkMeta, humanise } from '../model/meta.ts';
import type { GraphEdge, GraphNode, Position } from '../model/types.ts';
import { nodeImage } from './icons.ts';

export const RISK_BADGE_THRESHOLD = 0.6;

export interface NodeElementData extends GraphNode {
  /** Node image: glyph and badges. */
  image: string;
  /** The label drawn under the node (two lines when there is a subtitle). */
  display: string;
}

export interface EdgeElementData extends GraphEdge {
  /** Line width in pixels, from the weight (call counts) on a log scale. */
  width: number;
  /** The short text drawn on the link. */
  display: string;
}

export function edgeWidth(weight: number | null | undefined): number {
  if (!weight || weight <= 1) return 1.5;
  return Math.min(9, 1.5 + Math.log2(weight) * 1.2);
}

export function nodeDisplay(n: Pick<GraphNode, 'label' | 'supernode' | 'degree'>): string {
  return n.supernode ? `${n.label}\n${n.degree} links` : n.label;
}

export function edgeDisplay(e: Pick<GraphEdge, 'type' | 'role' | 'weight'>): string {
  const verb = linkMeta(e.type).verb;
  const role = e.role ? ` (${humanise(e.role)})` : '';
  const count = e.type === 'CALLED' && e.weight ? ` ×${Math.round(e.weight)}` : '';
  return `${verb}${role}${count}`;
}

export function toNodeData(n: GraphNode): NodeElementData {
  return {
    ...n,
    image: nodeImage(n.type, {
      potentialVictim: n.potentialVictim,
      suspect: n.suspect,
      safeguarded: n.safeguarded,
      risk: (n.riskScore ?? 0) >= RISK_BADGE_THRESHOLD,
    }),
    display: nodeDisplay(n),
  };
}

export function toEdgeData(e: GraphEdge): EdgeElementData {
  return { ...e, width: edgeWidth(e.weight), display: edgeDisplay(e) };
}

/** Classes carry what is not data-mapped: roles, grading, supernodes. */
export function nodeClasses(n: GraphNode): string[] {
  const c = [`t-${n.type}`];
  if (n.potentialVictim) c.push('victim');
  if (n.suspect) c.push('suspect');
  if (n.supernode) c.push('supernode');
  if (n.grading.low) c.push('low');
  return c;
}

export function edgeClasses(e: GraphEdge): string[] {
  const c = [`l-${e.type}`];
  if (e.grading.low) c.push('low');
  if (linkMeta(e.type).directed) c.push('directed');
  if (e.role === 'CONTROLS' || e.role === 'SUSPECT') c.push('strong');
  return c;
}

export function toElements(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  positions: Readonly<Record<string, Position>> = {},
): ElementDefinition[] {
  const ids = new Set(nodes.map((n) => n.id));
  const out: ElementDefinition[] = nodes.map((n) => {
    const el: ElementDefinition = { group: 'nodes', data: toNodeData(n), classes: nodeClasses(n) };
    const p = positions[n.id];
    if (p) el.position = { x: p.x, y: p.y };
    return el;
  });
  for (const e of edges) {
    // A link whose end is not on the chart cannot be drawn; it comes back when the end does.
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    out.push({ group: 'edges', data: toEdgeData(e), classes: edgeClasses(e) });
  }
  return out;
}
