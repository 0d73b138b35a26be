/** The workspace's GraphQL operations, each a typed function. */
import type { Filters } from '../../../server/kernel/filters.ts';
import type { EntityType, Graph, GraphEdge, GraphNode, Grading } from '../model/types.ts';
import type { SavedDocument, StoredDocument } from '../state/chartDoc.ts';
import { gql } from './graphql.ts';

import { COMMON, CONNECTING, ENTITY, GRADING, LINKS_AMONG, NEIGHBOURHOOD, PATHS, SEARCH, SOURCES, SUBGRAPH, TIMELINE } from '../../../server/kernel/documents.ts';

export { EDGE_FIELDS, NODE_FIELDS } from '../../../server/kernel/documents.ts';

export interface LinkFilterInput {
  linkTypes?: string[];
  entityTypes?: EntityType[];
  from?: string;
  to?: string;
  minGrade?: { sourceEvaluation?: string; intelligenceAssessment?: string };
  asKnownOn?: string;
}

/** The chart's grade and "as known on" filters also apply to what is fetched. */
export function linkFilterFrom(f: Filters, extra: Pick<LinkFilterInput, 'linkTypes' | 'entityTypes'> = {}): LinkFilterInput {
  const out: LinkFilterInput = { ...extra };
  if (f.minSource || f.minAssessment) {
    out.minGrade = {};
    if (f.minSource) out.minGrade.sourceEvaluation = f.minSource;
    if (f.minAssessment) out.minGrade.intelligenceAssessment = f.minAssessment;
  }
  if (f.asKnownOn) out.asKnownOn = f.asKnownOn;
  return out;
}

export interface SearchHit {
  node: GraphNode;
  score: number;
  matched: string | null;
}

export async function search(text: string, types: EntityType[], signal?: AbortSignal): Promise<SearchHit[]> {
  const d = await gql<{ search: { edges: SearchHit[] } }>(
    SEARCH,
    { text, types: types.length ? types : null, first: 30 },
    signal,
  );
  return d.search.edges;
}

export async function neighbourhood(
  ids: string[],
  o: { hops?: number; limit?: number; supernodeThreshold?: number; filter?: LinkFilterInput } = {},
): Promise<Graph> {
  const d = await gql<{ neighbourhood: Graph }>(
    NEIGHBOURHOOD,
    { ids, hops: o.hops ?? 1, limit: o.limit ?? 500, filter: o.filter ?? null, threshold: o.supernodeThreshold ?? null },
  );
  return d.neighbourhood;
}

export async function paths(from: string, to: string, filter?: LinkFilterInput): Promise<Graph> {
  const d = await gql<{ paths: Graph }>(
    PATHS,
    { from, to, filter: filter ?? null },
  );
  return d.paths;
}

export async function connectingNetwork(ids: string[], filter?: LinkFilterInput): Promise<Graph> {
  const d = await gql<{ connectingNetwork: Graph }>(
    CONNECTING,
    { ids, filter: filter ?? null },
  );
  return d.connectingNetwork;
}

export async function commonNeighbours(ids: string[], filter?: LinkFilterInput): Promise<{ node: GraphNode; sharedWith: string[] }[]> {
  const d = await gql<{ commonNeighbours: { node: GraphNode; sharedWith: string[] }[] }>(
    COMMON,
    { ids, filter: filter ?? null },
  );
  return d.commonNeighbours;
}

/** The links between `ids` and `among` (default: among `ids`), within the filter, each once. */
export async function linksAmong(q: { ids: string[]; among?: string[]; filter?: LinkFilterInput }): Promise<GraphEdge[]> {
  const d = await gql<{ linksAmong: GraphEdge[] }>(LINKS_AMONG, { ids: q.ids, among: q.among ?? null, filter: q.filter ?? null });
  return d.linksAmong;
}

export async function subgraph(ids: string[]): Promise<Graph> {
  const d = await gql<{ subgraph: Graph }>(SUBGRAPH, { ids });
  return d.subgraph;
}

export interface SourceRecord {
  id: string;
  source: string;
  recordKey: string;
  recordedAt: string | null;
  summary: string | null;
  grading: Grading;
}

export interface EntityDetails {
  id: string;
  type: EntityType;
  label: string;
  recordedAt: string | null;
  grading: Grading;
  sources: SourceRecord[];
  properties?: { name: string; value: string | null }[];
  [field: string]: unknown;
}

export const UNMASK_HEADER = 'x-lantern-unmask';

/**
 * An entity's details. With `unmaskReason`, a potential victim comes back unmasked for this one
 * request (X-Lantern-Unmask; need-to-know analysts and admins only, recorded in the audit log).
 */
export async function entityDetails(id: string, unmaskReason?: string): Promise<EntityDetails | null> {
  const reason = unmaskReason?.trim();
  const d = await gql<{ entity: EntityDetails | null }>(
    ENTITY,
    { id },
    undefined,
    // Header values must be Latin-1; anything else is percent-encoded rather than refused.
    reason ? { [UNMASK_HEADER]: /^[\x20-\x7e]*$/.test(reason) ? reason : encodeURIComponent(reason) } : {},
  );
  return d.entity;
}

export interface LinkDetails {
  id: string;
  type: string;
  role: string | null;
  validFrom: string | null;
  validTo: string | null;
  recordedAt: string | null;
  weight: number | null;
  grading: Grading;
  sources: SourceRecord[];
  source: { id: string; label: string; type: EntityType };
  target: { id: string; label: string; type: EntityType };
}

export async function linkDetails(id: string): Promise<LinkDetails | null> {
  const d = await gql<{ link: LinkDetails | null }>(
    `query Link($id: ID!) { link(id: $id) {
      id type role validFrom validTo recordedAt weight ${GRADING} ${SOURCES}
      source { id label type } target { id label type }
    } }`,
    { id },
  );
  return d.link;
}

export interface TimelineEvent {
  date: string;
  endDate: string | null;
  kind: string;
  description: string;
  entityIds: string[];
  linkId: string | null;
}

export async function timeline(ids: string[]): Promise<TimelineEvent[]> {
  const d = await gql<{ timeline: TimelineEvent[] }>(
    TIMELINE,
    { ids },
  );
  return d.timeline;
}

export interface ChartSummary {
  id: string;
  name: string;
  nodeCount: number;
  edgeCount: number;
  createdAt: string;
  updatedAt: string;
}

export async function listCharts(): Promise<ChartSummary[]> {
  const d = await gql<{ charts: ChartSummary[] }>('query Charts { charts { id name nodeCount edgeCount createdAt updatedAt } }');
  return d.charts;
}

export async function loadChart(id: string): Promise<ChartSummary & { document: SavedDocument }> {
  const d = await gql<{ chart: (ChartSummary & { document: SavedDocument }) | null }>(
    'query Chart($id: ID) { chart(id: $id) { id name nodeCount edgeCount createdAt updatedAt document } }',
    { id },
  );
  if (!d.chart) throw new Error('That chart no longer exists; it may have been deleted.');
  return d.chart;
}

export async function saveChart(name: string, document: StoredDocument): Promise<ChartSummary> {
  const d = await gql<{ saveChart: ChartSummary }>(
    'mutation Save($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id name nodeCount edgeCount createdAt updatedAt } }',
    { name, document },
  );
  return d.saveChart;
}

export async function deleteChart(id: string): Promise<boolean> {
  const d = await gql<{ deleteChart: boolean }>('mutation Delete($id: ID!) { deleteChart(id: $id) }', { id });
  return d.deleteChart;
}
