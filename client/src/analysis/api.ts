/** The analysis pages' GraphQL operations (server/modules/analytics and friends), each a typed function. */
import { gql } from '../api/graphql.ts';
import type { EntityType, Grading } from '../model/types.ts';
import type { SourceRecord } from '../api/operations.ts';

export interface NodeMetrics {
  id: string;
  type: EntityType;
  label: string;
  community: number;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  pageRank: number;
  communitiesLinked: number;
  broker: boolean;
}

export interface NetworkAnalytics {
  nodes: NodeMetrics[];
  communities: { id: number; size: number; nodeIds: string[] }[];
  modularity: number;
  weighted: boolean;
}

/** `excludeTypes`: entity types left out of the analysis (with their links), e.g. operations. */
export async function networkAnalytics(ids: string[], weighted = true, excludeTypes: EntityType[] = []): Promise<NetworkAnalytics> {
  const d = await gql<{ networkAnalytics: NetworkAnalytics }>(
    `query NetworkAnalytics($ids: [ID!], $weighted: Boolean, $excludeTypes: [EntityType!]) { networkAnalytics(ids: $ids, weighted: $weighted, excludeTypes: $excludeTypes) {
      nodes { id type label community degree weightedDegree betweenness pageRank communitiesLinked broker }
      communities { id size nodeIds } modularity weighted
    } }`,
    { ids, weighted, excludeTypes: excludeTypes.length ? excludeTypes : null },
  );
  return d.networkAnalytics;
}

export type TieKind = 'PHONE' | 'ADVERT' | 'PERSON' | 'CONTROLLER' | 'ORGANISATION' | 'VEHICLE';

export interface NetworkEvidence {
  entityId: string;
  entityType: EntityType;
  label: string;
  kind: TieKind;
  premisesIds: string[];
  linkIds: string[];
  weight: number;
}

export interface SuspectedNetwork {
  id: string;
  premisesIds: string[];
  score: number;
  ties: { a: string; b: string; score: number }[];
  evidence: NetworkEvidence[];
}

/** A page of suspected networks (strongest first), how many there are, and the cursor of the next page. */
export async function suspectedNetworks(minScore = 0, after: string | null = null, first = 50): Promise<{ networks: SuspectedNetwork[]; totalCount: number; next: string | null }> {
  const d = await gql<{ suspectedNetworks: { totalCount: number; edges: { node: SuspectedNetwork }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
    `query SuspectedNetworks($minScore: Float, $first: Int, $after: String) { suspectedNetworks(minScore: $minScore, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id premisesIds score ties { a b score }
        evidence { entityId entityType label kind premisesIds linkIds weight } } }
    } }`,
    { minScore, first, after },
  );
  const c = d.suspectedNetworks;
  return { networks: c.edges.map((e) => e.node), totalCount: c.totalCount, next: c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null };
}

/** Labels for ids the lists name (premises of a network): one search-free lookup. */
export async function labels(ids: string[]): Promise<Map<string, { label: string; type: EntityType; subtitle: string | null }>> {
  if (!ids.length) return new Map();
  const d = await gql<{ subgraph: { nodes: { id: string; label: string; type: EntityType; subtitle: string | null }[] } }>(
    'query Labels($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id label type subtitle } } }',
    { ids },
  );
  return new Map(d.subgraph.nodes.map((n) => [n.id, n]));
}

// Risk profiles, the MSHT indicator library, flagged entities (server/modules/risk, indicators).

const GRADING = 'grading { code low sourceEvaluation intelligenceAssessment }';
/** Source records in brief: the query-cost limit counts every nested list (evidence inside factors inside a profile). */
const SOURCES = 'sources { id source recordKey }';
export type SourceBrief = Pick<SourceRecord, 'id' | 'source' | 'recordKey'>;

export interface RiskFactorEvidence {
  kind: string;
  origin: 'RISK_FACTOR' | 'OFFENCE';
  entityId: string;
  entityLabel: string;
  linkId: string;
  date: string | null;
  ageDays: number | null;
  grading: Grading;
  sources: SourceBrief[];
  weight: number;
  gradeMultiplier: number;
  statusMultiplier: number;
  decay: number;
  contribution: number;
  counted: boolean;
  note: string | null;
}

export interface RiskProfile {
  personId: string;
  label: string;
  score: number;
  combination: boolean;
  distinctFactors: number;
  factorKinds: string[];
  rules: { id: string; description: string; met: boolean }[];
  factors: { kind: string; label: string; score: number; counted: boolean; evidence: RiskFactorEvidence[] }[];
  explanation: string;
  asOf: string;
  rulesVersion: string;
}

export async function riskProfile(personId: string): Promise<RiskProfile | null> {
  const d = await gql<{ riskProfile: RiskProfile | null }>(
    `query RiskProfile($personId: ID!) { riskProfile(personId: $personId) {
      personId label score combination distinctFactors factorKinds explanation asOf rulesVersion
      rules { id description met }
      factors { kind label score counted evidence {
        kind origin entityId entityLabel linkId date ageDays ${GRADING} ${SOURCES}
        weight gradeMultiplier statusMultiplier decay contribution counted note
      } }
    } }`,
    { personId },
  );
  return d.riskProfile;
}

export interface IndicatorEvidence {
  summary: string;
  grading: Grading;
  sources: SourceBrief[];
  from: string | null;
  to: string | null;
}

export interface IndicatorHit {
  indicatorId: string;
  indicatorVersion: number;
  title: string;
  entityId: string;
  entityType: EntityType;
  label: string;
  score: number;
  summary: string;
  evidence: IndicatorEvidence[];
  entityIds: string[];
  linkIds: string[];
}

const HIT = `indicatorId indicatorVersion title entityId entityType label score summary entityIds linkIds
  evidence { summary ${GRADING} ${SOURCES} from to }`;

export async function indicatorHits(entityId: string): Promise<IndicatorHit[]> {
  const d = await gql<{ indicatorHits: IndicatorHit[] }>(`query IndicatorHits($entityId: ID!) { indicatorHits(entityId: $entityId) { ${HIT} } }`, { entityId });
  return d.indicatorHits;
}

export interface Indicator {
  id: string;
  version: number;
  title: string;
  appliesTo: EntityType[];
  rationale: string;
  weight: number;
}

export async function indicatorLibrary(): Promise<{ version: string; indicators: Indicator[] }> {
  const d = await gql<{ indicators: { version: string; indicators: Indicator[] } }>(
    'query Indicators { indicators { version indicators { id version title appliesTo rationale weight } } }',
  );
  return d.indicators;
}

export type FlaggedSortField = 'SCORE' | 'RISK_SCORE' | 'INDICATOR_SCORE' | 'INDICATORS' | 'LABEL' | 'TYPE';

export interface FlaggedFilter {
  types?: EntityType[];
  indicatorIds?: string[];
  minScore?: number;
  operationId?: string;
  riskCombination?: boolean;
}

export interface FlaggedEntity {
  id: string;
  type: EntityType;
  label: string;
  score: number;
  riskScore: number;
  riskCombination: boolean;
  riskFactorKinds: string[];
  indicatorScore: number;
  indicatorIds: string[];
  operationIds: string[];
}

const FLAGGED_FIELDS = 'id type label score riskScore riskCombination riskFactorKinds indicatorScore indicatorIds operationIds';

/** Identical flagged requests in flight share one answer (the chart's badges and the list's first page ask the same). */
const flaggedInFlight = new Map<string, Promise<{ items: FlaggedEntity[]; total: number; freshness?: Freshness }>>();

/** Kept results or computed for the request, and how fresh (server/modules/scores). */
export interface Freshness {
  source: 'STORED' | 'COMPUTED';
  asOf: string;
  computedAt: string | null;
  updatedAt: string | null;
  pending: number;
  stale: boolean;
}

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
    p = gql<{ flagged: { edges: { node: FlaggedEntity }[]; totalCount: number; freshness: Freshness } }>(
      `query Flagged($filter: FlaggedFilter, $sort: FlaggedSort, $first: Int, $asOf: Date) { flagged(filter: $filter, sort: $sort, first: $first, asOf: $asOf) {
        totalCount edges { node { ${FLAGGED_FIELDS} } } freshness { source asOf computedAt updatedAt pending stale }
      } }`,
      { filter, sort, first, asOf: asOf ?? null },
    )
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
    const d: { flagged: { edges: { node: FlaggedEntity }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
      `query FlaggedExport($filter: FlaggedFilter, $sort: FlaggedSort, $asOf: Date, $after: String) { flagged(filter: $filter, sort: $sort, first: 500, asOf: $asOf, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { ${FLAGGED_FIELDS} } }
      } }`,
      { filter, sort, asOf, after },
    );
    out.push(...d.flagged.edges.map((e) => e.node));
    after = d.flagged.pageInfo.hasNextPage ? d.flagged.pageInfo.endCursor : null;
  } while (after && out.length < max);
  return out;
}

export interface RiskFactorRule {
  kind: string;
  label: string;
  weight: number;
  halfLifeDays: number;
}

/** The risk rules' factors with their weights and half-lives (server/modules/risk/rules). */
export async function riskFactorRules(): Promise<{ version: string; factors: RiskFactorRule[] }> {
  const d = await gql<{ riskRules: { version: string; factors: RiskFactorRule[] } }>('query RiskRules { riskRules { version factors { kind label weight halfLifeDays } } }');
  return d.riskRules;
}

// Operations (server/modules/operations).

export interface OperationSummary {
  id: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
  lead: string | null;
  description: string | null;
}

export async function operations(): Promise<OperationSummary[]> {
  const d = await gql<{ operations: OperationSummary[] }>('query Operations { operations { id name startDate endDate lead description } }');
  return d.operations;
}

export interface CountByKey {
  key: string;
  count: number;
}

export interface OperationBucket {
  start: string;
  end: string;
  visits: number;
  premisesVisited: number;
  peopleEncountered: number;
  potentialVictimsIdentified: number;
  safeguarded: number;
  referrals: number;
  offences: number;
}

export interface OperationDashboard {
  operation: OperationSummary;
  visits: number;
  premisesVisited: number;
  peopleEncountered: number;
  potentialVictimsIdentified: number;
  safeguarded: number;
  referralsByKind: CountByKey[];
  offencesByCategory: CountByKey[];
  visitOutcomes: CountByKey[];
  buckets: OperationBucket[];
  bucketSize: 'DAY' | 'WEEK';
  premisesIds: string[];
}

export async function operationDashboard(operationId: string, bucket: 'DAY' | 'WEEK'): Promise<OperationDashboard | null> {
  const d = await gql<{ operationDashboard: OperationDashboard | null }>(
    `query OperationDashboard($operationId: ID!, $bucket: BucketSize) { operationDashboard(operationId: $operationId, bucket: $bucket) {
      operation { id name startDate endDate lead description }
      visits premisesVisited peopleEncountered potentialVictimsIdentified safeguarded
      referralsByKind { key count } offencesByCategory { key count } visitOutcomes { key count }
      buckets { start end visits premisesVisited peopleEncountered potentialVictimsIdentified safeguarded referrals offences }
      bucketSize premisesIds
    } }`,
    { operationId, bucket },
  );
  return d.operationDashboard;
}
