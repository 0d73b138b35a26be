/**
 * Saved charts in Neo4j: (:Chart {id, name, document, nodeIds, edgeIds, sharedWithPartners,
 * createdAt, updatedAt}). The document is stored as JSON text: ids, positions and styling only
 * (chart.document.ts). Queries live in cypher/queries/chart/; the entities and links a chart
 * shows are read through the caller's scope by the graph module's graph/subgraph statement.
 */
import type { Gateway, Row } from '../../db/gateway.ts';
import { toGraphEdge, toGraphNode, type GraphEdgeOut, type GraphNodeOut } from '../entity/index.ts';
import { filterParams, graphRepository as graph } from '../graph/index.ts';

export interface ChartRow {
  id: string;
  name: string;
  sharedWithPartners: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ChartWithDocumentRow extends ChartRow {
  document: string;
}

export interface ChartIdsRow extends ChartRow {
  nodeIds: string[];
  edgeIds: string[];
}

function toRow(r: Row): ChartRow {
  return {
    id: String(r.id),
    name: String(r.name),
    sharedWithPartners: r.sharedWithPartners === true,
    createdAt: String(r.createdAt),
    updatedAt: String(r.updatedAt),
  };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export async function listCharts(gateway: Gateway): Promise<ChartIdsRow[]> {
  return (await gateway.read('chart/list')).map((r) => ({ ...toRow(r), nodeIds: strings(r.nodeIds), edgeIds: strings(r.edgeIds) }));
}

/** A chart the caller may open, by id or else by name; null when there is none (or it is not theirs to open). */
export async function chartBy(gateway: Gateway, by: { id: string } | { name: string }): Promise<ChartWithDocumentRow | null> {
  const [row] = 'id' in by ? await gateway.read('chart/by-id', { id: by.id }) : await gateway.read('chart/by-name', { name: by.name });
  return row ? { ...toRow(row), document: String(row.document ?? '{}') } : null;
}

/** The entities (of `nodeIds`) and links among them the caller may see, as the chart draws them. */
export async function visible(gateway: Gateway, nodeIds: string[]): Promise<{ nodes: GraphNodeOut[]; edges: GraphEdgeOut[] }> {
  if (nodeIds.length === 0) return { nodes: [], edges: [] };
  const found = await graph.read(gateway, (tx) => graph.subgraph(tx, nodeIds, filterParams(null)));
  return { nodes: found.nodes.map((n) => toGraphNode(n)), edges: found.links.map(toGraphEdge) };
}

export async function saveChart(
  gateway: Gateway,
  p: { id: string; name: string; document: string; nodeIds: string[]; edgeIds: string[]; sharedWithPartners: boolean | null },
): Promise<string> {
  const [row] = await gateway.write('chart/save', p);
  if (!row) throw new Error('chart/save returned no row');
  return String(row.id);
}

export async function deleteChart(gateway: Gateway, id: string): Promise<boolean> {
  const [row] = await gateway.write('chart/delete', { id });
  return Number(row?.deleted ?? 0) > 0;
}
