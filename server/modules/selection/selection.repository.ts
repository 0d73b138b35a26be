/**
 * Reads for a selection, through the caller's scoped gateway, by query name. They reuse the
 * graph and entity modules' statements (cypher/queries/graph/, entity/), which apply `$scope`,
 * and the chart module's (charts are documents, not graph facts: their entities are re-read
 * through the scope, never taken from the document).
 */
import type { Row, Tx } from '../../db/gateway.ts';

const NO_FILTER = { linkTypes: null, entityTypes: null, from: null, to: null, maxSourceEvaluation: null, maxAssessment: null, knownBefore: null };

/** The given entities with all their properties (victims masked by the gateway when the scope masks). */
export async function entities(tx: Tx, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await tx.run('graph/nodes', { ids })).map((r) => r.node as Row);
}

/** Every link the caller may see among the given entities, each once. */
export async function linksAmong(tx: Tx, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await tx.run('graph/links-among', { ids, among: ids, ...NO_FILTER })).map((r) => r.link as Row);
}

/** Source records by id, best graded first (partners see only shareable ones). */
export async function sources(tx: Tx, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await tx.run('entity/sources', { ids })).map((r) => r.source as Row);
}

export interface ChartRow {
  id: string;
  name: string;
  document: string;
  updatedAt: string;
}

const toChart = (r: Row | undefined): ChartRow | null =>
  r ? { id: String(r.id), name: String(r.name), document: String(r.document ?? '{}'), updatedAt: String(r.updatedAt) } : null;

/** A saved chart by id, else by name. */
export async function chart(tx: Tx, idOrName: string): Promise<ChartRow | null> {
  const byId = toChart((await tx.run('chart/by-id', { id: idOrName }))[0]);
  return byId ?? toChart((await tx.run('chart/by-name', { name: idOrName }))[0]);
}
