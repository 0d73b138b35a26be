/**
 * The workspace's operations on the chart: each fetches what it needs and commits one undoable
 * change. Kept apart from the components so App stays a layout.
 */
import { useCallback, useRef } from 'react';
import * as api from './api/operations.ts';
import { ENTITY_META } from './model/meta.ts';
import type { EntityType, Graph, GraphNode } from './model/types.ts';
import { addGraph, linksOf, type ChartDoc } from './state/chartDoc.ts';
import type { ChartState } from './state/useChart.ts';

/** Above this many links not yet on the chart, expanding asks first. */
export const SUPERNODE_THRESHOLD = 100;

export interface Feedback {
  task<T>(what: string, work: () => Promise<T>): Promise<T | undefined>;
  notice(message: string): void;
  setHighlight(ids: Set<string> | null, label?: string): void;
  guard(node: GraphNode, remaining: number): void;
  /** Runs the chart's layout (after the first expansion, when there were no positions to keep). */
  relayout(): void;
}

export interface ExpandOptions {
  force?: boolean;
  linkTypes?: string[];
  entityTypes?: EntityType[];
}

function idsOf(g: Pick<Graph, 'nodes' | 'edges'>): Set<string> {
  return new Set([...g.nodes.map((n) => n.id), ...g.edges.map((e) => e.id)]);
}

export function useWorkspaceActions(chart: ChartState, fb: Feedback) {
  const docRef = useRef<ChartDoc>(chart.doc);
  docRef.current = chart.doc;

  const addNodes = useCallback(
    async (nodes: GraphNode[]) => {
      if (!nodes.length) return;
      // The links among them and what is already on the chart follow (workspace/useChartLinks.ts).
      const label = nodes.length === 1 ? `Add ${nodes[0]!.label}` : `Add ${nodes.length} entities`;
      chart.apply(label, (d) => addGraph(d, { nodes, edges: [] }, { kind: 'beside' }));
    },
    [chart, fb],
  );

  const expand = useCallback(
    async (id: string, o: ExpandOptions = {}) => {
      const doc = docRef.current;
      const node = doc.nodes[id];
      if (!node) return;
      const remaining = node.degree - linksOf(doc, id).length;
      if (!o.force && !o.linkTypes && !o.entityTypes && remaining > SUPERNODE_THRESHOLD) {
        fb.guard(node, remaining);
        return;
      }
      const g = await fb.task(`Expanding ${node.label}`, () =>
        api.neighbourhood([id], {
          limit: o.force ? 5000 : 500,
          // The server's ceiling for the guard (graph.args LIMITS.supernode.max): above it the request is refused.
          supernodeThreshold: o.force ? 100_000 : SUPERNODE_THRESHOLD,
          filter: api.linkFilterFrom(doc.filters, { linkTypes: o.linkTypes, entityTypes: o.entityTypes }),
        }),
      );
      if (!g) return;
      const before = Object.keys(docRef.current.nodes).length;
      const fresh = g.nodes.filter((n) => !docRef.current.nodes[n.id]).length;
      const by = o.linkTypes || o.entityTypes ? ' (filtered)' : '';
      chart.apply(`Expand ${node.label}${by}`, (d) => addGraph(d, g, { kind: 'around', parent: id }));
      // With only the parent on the chart there is no arrangement to keep: lay the new network out.
      if (before <= 1 && fresh > 2) fb.relayout();
      if (g.truncated) fb.notice(g.truncation ?? 'A limit cut the answer: there are more links than were added.');
      else if (fresh === 0) fb.notice(`${node.label}: nothing new to add${before ? ' (everything linked is on the chart or filtered out)' : ''}.`);
    },
    [chart, fb],
  );

  const findPath = useCallback(
    async (from: string, to: string) => {
      const doc = docRef.current;
      const g = await fb.task('Finding shortest paths', () => api.paths(from, to, api.linkFilterFrom(doc.filters)));
      if (!g) return;
      if (g.nodes.length === 0) {
        fb.notice(`No path within 6 links between ${doc.nodes[from]?.label ?? from} and ${doc.nodes[to]?.label ?? to}.`);
        return;
      }
      chart.apply('Shortest paths', (d) => addGraph(d, g, { kind: 'between', from, to }));
      fb.setHighlight(idsOf(g), `Shortest paths: ${g.nodes.length} entities, ${g.edges.length} links`);
    },
    [chart, fb],
  );

  const connecting = useCallback(
    async (ids: string[]) => {
      const g = await fb.task('Finding the connecting network', () => api.connectingNetwork(ids, api.linkFilterFrom(docRef.current.filters)));
      if (!g) return;
      if (g.nodes.length === 0) {
        fb.notice('No network connects the selection within 4 links.');
        return;
      }
      chart.apply('Connecting network', (d) => addGraph(d, g, { kind: 'between', from: ids[0]!, to: ids[ids.length - 1]! }));
      fb.setHighlight(idsOf(g), `Connecting network: ${g.nodes.length} entities`);
    },
    [chart, fb],
  );

  const common = useCallback(
    async (ids: string[]) => {
      const found = await fb.task('Finding common neighbours', () => api.commonNeighbours(ids, api.linkFilterFrom(docRef.current.filters)));
      if (!found) return;
      if (found.length === 0) {
        fb.notice(`The ${ids.length} selected entities have no neighbour in common.`);
        return;
      }
      const nodes = found.map((c) => c.node);
      const g = await fb.task('Fetching their links', () => api.subgraph([...ids, ...nodes.map((n) => n.id)]));
      if (!g) return;
      chart.apply('Common neighbours', (d) => addGraph(d, g, { kind: 'around', parent: ids[0]! }));
      const keep = new Set([...ids, ...nodes.map((n) => n.id)]);
      const hl = new Set<string>(keep);
      for (const e of g.edges) if (keep.has(e.source) && keep.has(e.target) && (ids.includes(e.source) || ids.includes(e.target))) hl.add(e.id);
      fb.setHighlight(hl, `${nodes.length} common neighbours`);
    },
    [chart, fb],
  );

  const describeTypes = (nodes: GraphNode[]) => {
    const m = new Map<string, number>();
    for (const n of nodes) m.set(ENTITY_META[n.type].plural, (m.get(ENTITY_META[n.type].plural) ?? 0) + 1);
    return [...m];
  };

  return { addNodes, expand, findPath, connecting, common, describeTypes };
}
