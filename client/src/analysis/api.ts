/** The analysis pages' GraphQL operations (server/modules/analytics and friends), each a typed function. */
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type {
  FlaggedExportQuery,
  FlaggedFieldsFragment,
  FlaggedFilter as FlaggedFilterInput,
  FreshnessFieldsFragment,
  IndicatorHitsQuery,
  IndicatorsQuery,
  NetworkAnalyticsQuery,
  RiskProfileQuery,
  RiskRulesQuery,
  SuspectedNetworksQuery,
} from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';
import type { EntityType } from '../model/types.ts';

export type NetworkAnalytics = NetworkAnalyticsQuery['networkAnalytics'];
export type NodeMetrics = NetworkAnalytics['nodes'][number];

const NETWORK_ANALYTICS = graphql(`
  query NetworkAnalytics($ids: [ID!], $weighted: Boolean, $excludeTypes: [EntityType!]) {
    networkAnalytics(ids: $ids, weighted: $weighted, excludeTypes: $excludeTypes) {
      nodes {
        id
        type
        label
        community
        degree
        weightedDegree
        betweenness
        pageRank
        communitiesLinked
        broker
      }
      communities {
        id
        size
        nodeIds
      }
      modularity
      weighted
    }
  }
`);

/** `excludeTypes`: entity types left out of the analysis (with their links), e.g. operations. */
export async function networkAnalytics(ids: string[], weighted = true, excludeTypes: EntityType[] = []): Promise<NetworkAnalytics> {
  const d = await gql(NETWORK_ANALYTICS, { ids, weighted, excludeTypes: excludeTypes.length ? excludeTypes : null });
  return d.networkAnalytics;
}

export type SuspectedNetwork = SuspectedNetworksQuery['suspectedNetworks']['edges'][number]['node'];
export type NetworkEvidence = SuspectedNetwork['evidence'][number];
export type TieKind = NetworkEvidence['kind'];

const SUSPECTED_NETWORKS = graphql(`
  query SuspectedNetworks($minScore: Float, $first: Int, $after: String) {
    suspectedNetworks(minScore: $minScore, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          premisesIds
          score
          ties {
            a
            b
            score
          }
          evidence {
            entityId
            entityType
            label
            kind
            premisesIds
            linkIds
            weight
          }
        }
      }
    }
  }
`);

const LABELS = graphql(`
  query Labels($ids: [ID!]!) {
    subgraph(ids: $ids) {
      nodes {
        id
        label
        type
        subtitle
      }
    }
  }
`);

/** A page of suspected networks (strongest first), how many there are, and the cursor of the next page. */
export async function suspectedNetworks(minScore = 0, after: string | null = null, first = 50): Promise<{ networks: SuspectedNetwork[]; totalCount: number; next: string | null }> {
  const c = (await gql(SUSPECTED_NETWORKS, { minScore, first, after })).suspectedNetworks;
  return { networks: c.edges.map((e) => e.node), totalCount: c.totalCount, next: c.pageInfo.hasNextPage ? (c.pageInfo.endCursor ?? null) : null };
}

/** Labels for ids the lists name (premises of a network): one search-free lookup. */
export async function labels(ids: string[]): Promise<Map<string, { label: string; type: EntityType; subtitle: string | null }>> {
  if (!ids.length) return new Map();
  const d = await gql(LABELS, { ids });
  return new Map(d.subgraph.nodes.map((n) => [n.id, n]));
}

// Risk profiles, the MSHT indicator library, flagged entities (server/modules/risk, indicators).

/** Source records in brief: the query-cost limit counts every nested list (evidence inside factors inside a profile). */
export const SOURCE_BRIEF = graphql(`
  fragment SourceBriefFields on SourceRecord {
    id
    source
    recordKey
  }
`);

export type RiskProfile = NonNullable<RiskProfileQuery['riskProfile']>;
export type RiskFactorEvidence = RiskProfile['factors'][number]['evidence'][number];
export type SourceBrief = RiskFactorEvidence['sources'][number];

const RISK_PROFILE = graphql(`
  query RiskProfile($personId: ID!) {
    riskProfile(personId: $personId) {
      personId
      label
      score
      combination
      distinctFactors
      factorKinds
      explanation
      asOf
      rulesVersion
      rules {
        id
        description
        met
      }
      factors {
        kind
        label
        score
        counted
        evidence {
          kind
          origin
          entityId
          entityLabel
          linkId
          date
          ageDays
          grading {
            ...GradingFields
          }
          sources {
            ...SourceBriefFields
          }
          weight
          gradeMultiplier
          statusMultiplier
          decay
          contribution
          counted
          note
        }
      }
    }
  }
`);

export async function riskProfile(personId: string): Promise<RiskProfile | null> {
  const d = await gql(RISK_PROFILE, { personId });
  return d.riskProfile;
}

export type IndicatorHit = IndicatorHitsQuery['indicatorHits'][number];
export type IndicatorEvidence = IndicatorHit['evidence'][number];

const INDICATOR_HITS = graphql(`
  query IndicatorHits($entityId: ID!) {
    indicatorHits(entityId: $entityId) {
      indicatorId
      indicatorVersion
      title
      entityId
      entityType
      label
      score
      summary
      entityIds
      linkIds
      evidence {
        summary
        grading {
          ...GradingFields
        }
        sources {
          ...SourceBriefFields
        }
        from
        to
      }
    }
  }
`);

export async function indicatorHits(entityId: string): Promise<IndicatorHit[]> {
  const d = await gql(INDICATOR_HITS, { entityId });
  return d.indicatorHits;
}

export type Indicator = IndicatorsQuery['indicators']['indicators'][number];

const INDICATORS = graphql(`
  query Indicators {
    indicators {
      version
      indicators {
        id
        version
        title
        appliesTo
        rationale
        weight
      }
    }
  }
`);

export async function indicatorLibrary(): Promise<{ version: string; indicators: Indicator[] }> {
  const d = await gql(INDICATORS, {});
  return d.indicators;
}

export type FlaggedSortField = 'SCORE' | 'RISK_SCORE' | 'INDICATOR_SCORE' | 'INDICATORS' | 'LABEL' | 'TYPE';

export type FlaggedFilter = FlaggedFilterInput;
export type FlaggedEntity = FlaggedFieldsFragment;

export const FLAGGED_FIELDS = graphql(`
  fragment FlaggedFields on FlaggedEntity {
    id
    type
    label
    score
    riskScore
    riskCombination
    riskFactorKinds
    indicatorScore
    indicatorIds
    operationIds
  }
`);

export const FRESHNESS = graphql(`
  fragment FreshnessFields on AnalysisFreshness {
    source
    asOf
    computedAt
    updatedAt
    pending
    stale
  }
`);

const FLAGGED = graphql(`
  query Flagged($filter: FlaggedFilter, $sort: FlaggedSort, $first: Int, $asOf: Date) {
    flagged(filter: $filter, sort: $sort, first: $first, asOf: $asOf) {
      totalCount
      edges {
        node {
          ...FlaggedFields
        }
      }
      freshness {
        ...FreshnessFields
      }
    }
  }
`);

const FLAGGED_EXPORT = graphql(`
  query FlaggedExport($filter: FlaggedFilter, $sort: FlaggedSort, $asOf: Date, $after: String) {
    flagged(filter: $filter, sort: $sort, first: 500, asOf: $asOf, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...FlaggedFields
        }
      }
    }
  }
`);

/** Identical flagged requests in flight share one answer (the chart's badges and the list's first page ask the same). */
const flaggedInFlight = new Map<string, Promise<{ items: FlaggedEntity[]; total: number; freshness?: Freshness }>>();

/** Kept results or computed for the request, and how fresh (server/modules/scores). */
export type Freshness = FreshnessFieldsFragment;

/** `asOf`: as known on that date (scores decay to it); today when absent. */
export function flagged(
  filter: FlaggedFilter,
  sort: { field: FlaggedSortField; direction: 'ASC' | 'DESC' },
  first = 500,
  asOf?: string,
): Promise<{ items: FlaggedEntity[]; total: number; freshness?: Freshness }> {
  const key = JSON.stringify([filter, sort, first, asOf ?? null]);
  let p = flaggedInFlight.get(key);
  if (!p) {
    p = gql(FLAGGED, { filter, sort, first, asOf: asOf ?? null })
      .then((d) => ({ items: d.flagged.edges.map((e) => e.node), total: d.flagged.totalCount, freshness: d.flagged.freshness }))
      .finally(() => flaggedInFlight.delete(key));
    flaggedInFlight.set(key, p);
  }
  return p;
}

/**
 * Every flagged entity matching the filter, page by page, for an export: one named operation
 * (FlaggedExport) so that the audit log shows what was taken away.
 */
export async function flaggedAll(filter: FlaggedFilter, sort: { field: FlaggedSortField; direction: 'ASC' | 'DESC' }, asOf: string, max = 10_000): Promise<FlaggedEntity[]> {
  const out: FlaggedEntity[] = [];
  let after: string | null = null;
  do {
    const d: FlaggedExportQuery = await gql(FLAGGED_EXPORT, { filter, sort, asOf, after });
    out.push(...d.flagged.edges.map((e) => e.node));
    after = d.flagged.pageInfo.hasNextPage ? d.flagged.pageInfo.endCursor : null;
  } while (after && out.length < max);
  return out;
}

export type RiskFactorRule = RiskRulesQuery['riskRules']['factors'][number];

const RISK_RULES = graphql(`
  query RiskRules {
    riskRules {
      version
      factors {
        kind
        label
        weight
        halfLifeDays
      }
    }
  }
`);

/** The risk rules' factors with their weights and half-lives (server/modules/risk/rules). */
export async function riskFactorRules(): Promise<{ version: string; factors: RiskFactorRule[] }> {
  const d = await gql(RISK_RULES, {});
  return d.riskRules;
}
