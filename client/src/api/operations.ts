/** The workspace's GraphQL operations, each a typed function. */
import type { Filters } from '../../../server/kernel/filters.ts';
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type {
  ChartsQuery,
  EntityQuery,
  LinkFilter,
  LinkQuery,
  SearchQuery,
  SourceFieldsFragment,
  TimelineQuery,
} from '../../../server/kernel/__generated__/graphql.ts';
import type { EntityType, Graph, GraphEdge, GraphNode } from '../model/types.ts';
import type { SavedDocument, StoredDocument } from '../state/chartDoc.ts';
import { gql } from './graphql.ts';

import {
  COMMON,
  CONNECTING,
  ENTITY,
  LINKS_AMONG,
  NEIGHBOURHOOD,
  PATHS,
  SEARCH,
  SUBGRAPH,
  TIMELINE,
} from '../../../server/kernel/documents.ts';

export type LinkFilterInput = LinkFilter;

/** The chart's grade and "as known on" filters also apply to what is fetched. */
export function linkFilterFrom(
  f: Filters,
  extra: { linkTypes?: readonly string[] | undefined; entityTypes?: EntityType[] | undefined } = {},
): LinkFilterInput {
  // Link type names come from the server's model (useModel), so they are the schema's LinkType values.
  const out: LinkFilterInput = { ...extra, linkTypes: extra.linkTypes as LinkFilter['linkTypes'] };
  if (f.minSource || f.minAssessment) {
    out.minGrade = {};
    if (f.minSource)
      out.minGrade.sourceEvaluation = f.minSource as NonNullable<
        LinkFilter['minGrade']
      >['sourceEvaluation'];
    if (f.minAssessment)
      out.minGrade.intelligenceAssessment = f.minAssessment as NonNullable<
        LinkFilter['minGrade']
      >['intelligenceAssessment'];
  }
  if (f.asKnownOn) out.asKnownOn = f.asKnownOn;
  return out;
}

export type SearchHit = SearchQuery['search']['edges'][number];

export async function search(
  text: string,
  types: EntityType[],
  signal?: AbortSignal,
): Promise<SearchHit[]> {
  const d = await gql(SEARCH, { text, types: types.length ? types : null, first: 30 }, signal);
  return d.search.edges;
}

export async function neighbourhood(
  ids: string[],
  o: { hops?: number; limit?: number; supernodeThreshold?: number; filter?: LinkFilterInput } = {},
): Promise<Graph> {
  const d = await gql(NEIGHBOURHOOD, {
    ids,
    hops: o.hops ?? 1,
    limit: o.limit ?? 500,
    filter: o.filter ?? null,
    threshold: o.supernodeThreshold ?? null,
  });
  return d.neighbourhood;
}

export async function paths(from: string, to: string, filter?: LinkFilterInput): Promise<Graph> {
  const d = await gql(PATHS, { from, to, filter: filter ?? null });
  return d.paths;
}

export async function connectingNetwork(ids: string[], filter?: LinkFilterInput): Promise<Graph> {
  const d = await gql(CONNECTING, { ids, filter: filter ?? null });
  return d.connectingNetwork;
}

export async function commonNeighbours(
  ids: string[],
  filter?: LinkFilterInput,
): Promise<{ node: GraphNode; sharedWith: string[] }[]> {
  const d = await gql(COMMON, { ids, filter: filter ?? null });
  return d.commonNeighbours;
}

/** The links between `ids` and `among` (default: among `ids`), within the filter, each once. */
export async function linksAmong(q: {
  ids: string[];
  among?: string[];
  filter?: LinkFilterInput;
}): Promise<GraphEdge[]> {
  const d = await gql(LINKS_AMONG, {
    ids: q.ids,
    among: q.among ?? null,
    filter: q.filter ?? null,
  });
  return d.linksAmong;
}

export async function subgraph(ids: string[]): Promise<Graph> {
  const d = await gql(SUBGRAPH, { ids });
  return d.subgraph;
}

export type SourceRecord = SourceFieldsFragment;
export type EntityDetails = NonNullable<EntityQuery['entity']>;

export const UNMASK_HEADER = 'x-lantern-unmask';

/**
 * An entity's details. With `unmaskReason`, a potential victim comes back unmasked for this one
 * request (X-Lantern-Unmask; need-to-know analysts and admins only, recorded in the audit log).
 */
export async function entityDetails(
  id: string,
  unmaskReason?: string,
): Promise<EntityDetails | null> {
  const reason = unmaskReason?.trim();
  const d = await gql(
    ENTITY,
    { id },
    undefined,
    // Header values must be Latin-1; anything else is percent-encoded rather than refused.
    reason
      ? { [UNMASK_HEADER]: /^[\x20-\x7e]*$/.test(reason) ? reason : encodeURIComponent(reason) }
      : {},
  );
  return d.entity;
}

export type LinkDetails = NonNullable<LinkQuery['link']>;

const LINK = graphql(`
  query Link($id: ID!) {
    link(id: $id) {
      id
      type
      role
      validFrom
      validTo
      recordedAt
      weight
      properties {
        name
        value
      }
      grading {
        ...GradingFields
      }
      sources {
        ...SourceFields
      }
      source {
        id
        label
        type
      }
      target {
        id
        label
        type
      }
    }
  }
`);

export async function linkDetails(id: string): Promise<LinkDetails | null> {
  const d = await gql(LINK, { id });
  return d.link;
}

export type TimelineEvent = TimelineQuery['timeline'][number];

export async function timeline(ids: string[]): Promise<TimelineEvent[]> {
  const d = await gql(TIMELINE, { ids });
  return d.timeline;
}

export type ChartSummary = ChartsQuery['charts'][number];

const CHARTS = graphql(`
  query Charts {
    charts {
      version
      access
      owner
      id
      name
      nodeCount
      edgeCount
      createdAt
      updatedAt
    }
  }
`);

const CHART = graphql(`
  query Chart($id: ID) {
    chart(id: $id) {
      owner
      version
      access
      id
      name
      nodeCount
      edgeCount
      createdAt
      updatedAt
      document
    }
  }
`);

const SAVE_CHART = graphql(`
  mutation Save($name: String!, $document: JSON!) {
    saveChart(name: $name, document: $document) {
      owner
      version
      access
      id
      name
      nodeCount
      edgeCount
      createdAt
      updatedAt
    }
  }
`);

const DELETE_CHART = graphql(`
  mutation Delete($id: ID!) {
    deleteChart(id: $id)
  }
`);

export async function listCharts(): Promise<ChartSummary[]> {
  const d = await gql(CHARTS, {});
  return d.charts;
}

export async function loadChart(id: string): Promise<ChartSummary & { document: SavedDocument }> {
  const d = await gql(CHART, { id });
  if (!d.chart) throw new Error('That chart no longer exists; it may have been deleted.');
  // The document is the JSON scalar: what toSaved() wrote, read back in the caller's scope.
  return { ...d.chart, document: d.chart.document as SavedDocument };
}

export async function saveChart(name: string, document: StoredDocument): Promise<ChartSummary> {
  const d = await gql(SAVE_CHART, { name, document });
  return d.saveChart;
}

export async function deleteChart(id: string): Promise<boolean> {
  const d = await gql(DELETE_CHART, { id });
  return d.deleteChart;
}
