/// <reference lib="webworker" />
/**
 * ForceAtlas2 off the main thread, for large charts: receives nodes (with their current
 * positions) and links, returns positions. The page stays responsive while it runs.
 */
import { UndirectedGraph } from 'graphology';
import * as fa2 from 'graphology-layout-forceatlas2';
import { scaleToLinks } from './layoutScale.ts';

// The package is CommonJS: the bundler hands over module.exports, the types describe `.default`.
interface FA2 {
  (graph: UndirectedGraph, params: { iterations: number; settings: object }): Record<string, { x: number; y: number }>;
  inferSettings(graph: UndirectedGraph): object;
}
const forceAtlas2: FA2 = (fa2 as unknown as { default?: FA2 }).default ?? (fa2 as unknown as FA2);

export interface LayoutRequest {
  nodes: { id: string; x: number; y: number; fixed: boolean }[];
  edges: [string, string][];
  iterations: number;
}

export interface LayoutResponse {
  positions: Record<string, { x: number; y: number }>;
}

/** Cytoscape coordinates are pixels; ForceAtlas2's are about ten times smaller. */
const SCALE = 12;

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, edges, iterations } = event.data;
  const graph = new UndirectedGraph();
  for (const n of nodes) graph.addNode(n.id, { x: n.x / SCALE, y: n.y / SCALE, fixed: n.fixed });
  for (const [s, t] of edges) if (s !== t && graph.hasNode(s) && graph.hasNode(t) && !graph.hasEdge(s, t)) graph.addEdge(s, t);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false };
  const positions = forceAtlas2(graph, { iterations, settings });
  const out: LayoutResponse['positions'] = {};
  for (const [id, p] of Object.entries(positions)) out[id] = { x: p.x * SCALE, y: p.y * SCALE };
  (self as unknown as Worker).postMessage({ positions: scaleToLinks(out, edges, nodes.some((n) => n.fixed)) } satisfies LayoutResponse);
};
