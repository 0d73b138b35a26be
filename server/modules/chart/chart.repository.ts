/**
 * Saved charts in Neo4j: (:Chart {id, name, document, nodeCount, edgeCount, createdAt, updatedAt}).
 * The document is stored as JSON text. Queries live in cypher/queries/chart/.
 */
import type { Gateway, Row } from '../../db/gateway.ts';

export interface ChartRow {
  id: string;
  name: string;
  nodeCount: number;
  edgeCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ChartWithDocumentRow extends ChartRow {
  document: string;
}

function toRow(r: Row): ChartRow {
  return {
    id: String(r.id),
    name: String(r.name),
    nodeCount: Number(r.nodeCount ?? 0),
    edgeCount: Number(r.edgeCount ?? 0),
    createdAt: String(r.createdAt),
    updatedAt: String(r.updatedAt),
  };
}

function toFullRow(r: Row): ChartWithDocumentRow {
  return { ...toRow(r), document: String(r.document ?? '{}') };
}

export async function listCharts(gateway: Gateway): Promise<ChartRow[]> {
  return (await gateway.read('chart/list')).map(toRow);
}

export async function chartById(gateway: Gateway, id: string): Promise<ChartWithDocumentRow | null> {
  const [row] = await gateway.read('chart/by-id', { id });
  return row ? toFullRow(row) : null;
}

export async function chartByName(gateway: Gateway, name: string): Promise<ChartWithDocumentRow | null> {
  const [row] = await gateway.read('chart/by-name', { name });
  return row ? toFullRow(row) : null;
}

export async function saveChart(
  gateway: Gateway,
  p: { id: string; name: string; document: string; nodeCount: number; edgeCount: number },
): Promise<ChartWithDocumentRow> {
  const [row] = await gateway.write('chart/save', p);
  if (!row) throw new Error('chart/save returned no row');
  return toFullRow(row);
}

export async function deleteChart(gateway: Gateway, id: string): Promise<boolean> {
  const [row] = await gateway.write('chart/delete', { id });
  return Number(row?.deleted ?? 0) > 0;
}
