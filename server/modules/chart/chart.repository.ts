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

// --- Ownership, shares, versions and presence (decision 0035) --------------------------------

export interface ChartFactsRow extends ChartIdsRow {
  ownerId: string | null;
  ownerName: string | null;
  version: number;
  savedBy: string | null;
  userShares: { principalId: string; name: string; mode: 'read' | 'edit' }[];
  caseShares: { mode: 'read' | 'edit'; caseId: string; name: string; handlingCode: string; classification: string; needToKnow: boolean; memberRole: string | null }[];
}

function toFacts(r: Row): ChartFactsRow {
  return {
    ...toRow(r),
    nodeIds: strings(r.nodeIds),
    edgeIds: strings(r.edgeIds),
    ownerId: r.ownerId == null ? null : String(r.ownerId),
    ownerName: r.ownerName == null ? null : String(r.ownerName),
    version: Number(r.version ?? 0),
    savedBy: r.savedBy == null ? null : String(r.savedBy),
    userShares: (r.userShares as ChartFactsRow['userShares'] | null) ?? [],
    caseShares: (r.caseShares as ChartFactsRow['caseShares'] | null) ?? [],
  };
}

/** Every chart with what decides access to it for the caller (no documents). */
export async function listFacts(gateway: Gateway, principalId: string): Promise<ChartFactsRow[]> {
  return (await gateway.read('chart/list-facts', { principalId })).map(toFacts);
}

/** One chart, by id or by name, with its document and what decides access to it; null when there is none. */
export async function factsOf(gateway: Gateway, by: { id?: string | null; name?: string | null }, principalId: string): Promise<(ChartFactsRow & { document: string }) | null> {
  const [row] = await gateway.read('chart/facts', { id: by.id ?? null, name: by.name ?? null, principalId });
  return row ? { ...toFacts(row), document: String(row.document ?? '{}') } : null;
}

export async function saveVersion(
  gateway: Gateway,
  p: { id: string; name: string; document: string; nodeIds: string[]; edgeIds: string[]; sharedWithPartners: boolean | null; ownerId: string; savedBy: string; restoredFrom: number | null },
): Promise<{ id: string; version: number }> {
  const [row] = await gateway.write('chart/save-version', p);
  if (!row) throw new Error('chart/save-version returned no row');
  return { id: String(row.id), version: Number(row.version) };
}

export interface VersionRow {
  version: number;
  savedAt: string;
  savedBy: string | null;
  restoredFrom: number | null;
  entityIds: number;
}

export async function versions(gateway: Gateway, id: string): Promise<VersionRow[]> {
  return (await gateway.read('chart/versions', { id })).map((r) => ({
    version: Number(r.version),
    savedAt: String(r.savedAt),
    savedBy: r.savedBy == null ? null : String(r.savedBy),
    restoredFrom: r.restoredFrom == null ? null : Number(r.restoredFrom),
    entityIds: Number(r.entityIds ?? 0),
  }));
}

export async function versionDocument(gateway: Gateway, id: string, version: number): Promise<string | null> {
  const [row] = await gateway.read('chart/version', { id, version });
  return row ? String(row.document ?? '{}') : null;
}

/** Shares with a user (username) or token (token:NAME); false when there is no such account. */
export async function shareWithUser(gateway: Gateway, p: { id: string; account: string; mode: string; by: string }): Promise<boolean> {
  const rows = await gateway.write('chart/share-user', { id: p.id, ...accountParams(p.account), mode: p.mode, by: p.by });
  return rows.length > 0;
}

export async function unshareUser(gateway: Gateway, id: string, account: string): Promise<boolean> {
  const [row] = await gateway.write('chart/unshare-user', { id, ...accountParams(account) });
  return Number(row?.ended ?? 0) > 0;
}

export async function shareWithCase(gateway: Gateway, p: { id: string; caseId: string; mode: string; by: string }): Promise<boolean> {
  return (await gateway.write('chart/share-case', p)).length > 0;
}

export async function unshareCase(gateway: Gateway, id: string, caseId: string): Promise<boolean> {
  const [row] = await gateway.write('chart/unshare-case', { id, caseId });
  return Number(row?.ended ?? 0) > 0;
}

/** An account as members and shares name it: a username, or `token:NAME` for an API token. */
export function accountParams(account: string): { username: string | null; tokenName: string | null } {
  return account.startsWith('token:') ? { username: null, tokenName: account.slice(6) } : { username: account, tokenName: null };
}

export interface PresenceRow {
  version: number;
  changedBy: string | null;
  changedAt: string;
  others: { name: string; via: string | null; since: string; seenAt: string }[];
  noteCount: number;
}

export async function presence(gateway: Gateway, p: { chartId: string; principalId: string; name: string; via: string; windowSeconds: number }): Promise<PresenceRow | null> {
  const [row] = await gateway.write('chart/presence', p);
  if (!row) return null;
  return {
    version: Number(row.version ?? 0),
    changedBy: row.changedBy == null ? null : String(row.changedBy),
    changedAt: String(row.changedAt),
    others: ((row.others as { other: Row }[] | null) ?? []).map((o) => {
      const x = (o.other ?? o) as Row;
      return { name: String(x.name), via: x.via == null ? null : String(x.via), since: String(x.since), seenAt: String(x.seenAt) };
    }),
    noteCount: Number(row.noteCount ?? 0),
  };
}
