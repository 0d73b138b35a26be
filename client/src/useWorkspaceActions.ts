/**
 * The workspace's operations on the chart: each fetches what it needs and commits one undoable
 * change. Kept apart from the components so App stays a layout.
 */
import { useCallback, useRef } from 'react';
import * as api from './api/operations.ts';
import { entityMeta } from './model/meta.ts';
import type { EntityType, Graph, GraphNode } from './model/types.ts';
import { addGraph, setPositions, type ChartDoc } from './state/chartDoc.ts';
import { pathLayout } from './chart/hierarchy.ts';
import { nodeDisplay } from './graph/toElements.ts';
import { expandLabel, MAX_EXPAND_IDS, overGuard, previewOf, type ExpandPreview, type Hops } from './state/expansion.ts';
import type { ChartState } from './state/useChart.ts';

/** Above this many links not yet on the chart, expanding asks first. */
export const SUPERNODE_THRESHOLD = 100;

export interface Feedback {
  task<T>(what: string, work: () => Promise<T>): Promise<T | undefined>;
  notice(message: string): void;
  setHighlight(ids: Set<string> | null, label?: string): void;
  /** Asks before expanding `node`, which has `remaining` links not on the chart; `expand` goes on as chosen. */
  guard(node: GraphNode, remaining: number, expand: (o: ExpandOptions) => void): void;
  /** Shows what an expansion would add, and adds it (`onAdd`) only when the analyst says so. */
  confirm(c: ExpandConfirm): void;
  /** Brings these elements into view (after they are drawn). */
  fitTo(ids: string[]): void;
  /** Runs the chart's layout as part of the operation just made (after the first expansion, when there were no positions to keep). */
  relayout(): void;
}

export interface ExpandConfirm {
  title: string;
  preview: ExpandPreview;
  onAdd(): void;
}

export interface ExpandOptions {
  /** How many links out, 1 to 3 (default 1). */
  hops?: Hops;
  force?: boolean;
  linkTypes?: string[];
  entityTypes?: EntityType[];
}

function idsOf(g: Pick<Graph, 'nodes' | 'edges'>): Set<string> {
  return new Set([...g.nodes.map((n) => n.id), ...g.edges.map((e) => e.id)]);
}

/**
 * A path result laid out along its paths, left to right from where `start` is on the chart, with
 * room for every label; pinned entities stay where they are. Part of the same undo step.
 */
function alongPaths(doc: ChartDoc, g: Graph, start: string): ChartDoc {
  const anchor = doc.positions[start] ? { id: start, at: doc.positions[start] } : null;
  const laid = pathLayout(g.nodes.map((n) => ({ id: n.id, label: nodeDisplay(n) })), g.paths ?? [], anchor);
  return setPositions(doc, Object.fromEntries(Object.entries(laid).filter(([id]) => !doc.pinned.includes(id))));
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
    async (idOrIds: string | readonly string[], o: ExpandOptions = {}) => {
      const doc = docRef.current;
      const hops = o.hops ?? 1;
      const onChart = (typeof idOrIds === 'string' ? [idOrIds] : [...idOrIds]).map((id) => doc.nodes[id]).filter((n): n is GraphNode => !!n);
      const starts = onChart.slice(0, MAX_EXPAND_IDS);
      if (!starts.length) return;
      if (onChart.length > starts.length) fb.notice(`Expanding the first ${MAX_EXPAND_IDS} of the ${onChart.length} selected entities.`);
      const ids = starts.map((n) => n.id);
      const filtered = !!(o.linkTypes || o.entityTypes);
      if (!o.force && !filtered) {
        const big = overGuard(doc, ids, SUPERNODE_THRESHOLD);
        if (big) {
          fb.guard(big.node, big.remaining, (more) => void expand(ids, { ...o, ...more }));
          return;
        }
      }
      const what = starts.length === 1 ? starts[0]!.label : `${starts.length} entities`;
      const g = await fb.task(`Expanding ${what}${hops > 1 ? ` by ${hops} hops` : ''}`, () =>
        api.neighbourhood(ids, {
          hops,
          limit: o.force ? 5000 : 500,
          // The server's ceiling for the guard (graph.args LIMITS.supernode.max): above it the request is refused.
          supernodeThreshold: o.force ? 100_000 : SUPERNODE_THRESHOLD,
          filter: api.linkFilterFrom(doc.filters, { linkTypes: o.linkTypes, entityTypes: o.entityTypes }),
        }),
      );
      if (!g) return;
      const add = () => {
        const now = docRef.current;
        const before = Object.keys(now.nodes).length;
        const fresh = g.nodes.filter((n) => !now.nodes[n.id]).length;
        // One user action, one undo step: every starting entity's neighbourhood goes on together.
        chart.apply(expandLabel(starts, hops, filtered), (d) => addGraph(d, g, { kind: 'around', parent: ids[0]! }));
        // With only the starting entities on the chart there is no arrangement to keep: lay the new network out.
        if (before <= ids.length && fresh > 2) fb.relayout();
        if (g.truncated) fb.notice(g.truncation ?? 'A limit cut the answer: there are more links than were added.');
        else if (fresh === 0) fb.notice(`${what}: nothing new to add${before ? ' (everything linked is on the chart or filtered out)' : ''}.`);
      };
      // Beyond one hop the analyst sees the count before anything is drawn.
      if (hops > 1) fb.confirm({ title: `Expand ${what} by ${hops} hops`, preview: previewOf(docRef.current, g), onAdd: add });
      else add();
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
      chart.apply('Shortest paths', (d) => alongPaths(addGraph(d, g, { kind: 'between', from, to }), g, from));
      fb.fitTo([...idsOf(g)]);
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
      chart.apply('Connecting network', (d) => alongPaths(addGraph(d, g, { kind: 'between', from: ids[0]!, to: ids[ids.length - 1]! }), g, ids[0]!));
      fb.setHighlight(idsOf(g), `Connecting network: ${g.nodes.length} entities`);
      fb.fitTo([...idsOf(g)]);
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
    for (const n of nodes) m.set(entityMeta(n.type).plural, (m.get(entityMeta(n.type).plural) ?? 0) + 1);
    return [...m];
  };

  return { addNodes, expand, findPath, connecting, common, describeTypes };
}
