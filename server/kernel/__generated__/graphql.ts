/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What an analyst decides on an alert. */
export type AlertDecision =
  /** Assign it to an analyst (assignee), leaving its status. */
  | 'ASSIGN'
  /** Confirm it (status CONFIRMED). */
  | 'CONFIRM'
  /** Dismiss it (status DISMISSED). */
  | 'DISMISS'
  /** Open it again (status NEW). */
  | 'REOPEN';

/** The saved graph patterns a watch may run (each a named statement in cypher/queries/alerts/). */
export type AlertPattern =
  /** An advert lists one of the phones of parameters.phoneIds. */
  | 'ADVERT_WITH_WATCHED_PHONE'
  /** One of parameters.personIds (known controllers) lives at, works at or operates a premises not seen before. */
  | 'CONTROLLER_AT_NEW_ADDRESS'
  /** One of parameters.personIds, a potential victim, turns up in a new visit, advert, address, workplace or referral. */
  | 'VICTIM_SEEN_AGAIN';

/** Where an alert stands. */
export type AlertStatus =
  /** An analyst confirmed it. */
  | 'CONFIRMED'
  /** An analyst dismissed it. */
  | 'DISMISSED'
  /** Raised, not decided yet. */
  | 'NEW';

/** Where a whole-graph answer came from. */
export type AnalysisSource =
  /** Computed for this request (a date other than the kept results' day, or nothing kept yet). */
  | 'COMPUTED'
  /** The kept results (scores, hits and networks stored and kept up to date by the analysis worker). */
  | 'STORED';

/** Filters for the audit log; all optional. */
export type AuditFilter = {
  /** Only this actor. */
  actor?: string | null | undefined;
  /** From this time (ISO 8601). */
  from?: string | null | undefined;
  /** Only this operation name. */
  operation?: string | null | undefined;
  /** Up to this time (ISO 8601). */
  to?: string | null | undefined;
};

/** The size of an operation dashboard's time buckets. */
export type BucketSize =
  /** One bucket per day. */
  | 'DAY'
  /** One bucket per week, Monday to Sunday. */
  | 'WEEK';

/** What the caller may do in a case (their case role, no more than their own role allows). */
export type CaseRight =
  /** Add charts, snapshots and notes. */
  | 'edit'
  /** Manage members and what the case holds. */
  | 'manage'
  /** Open the case and what it holds. */
  | 'read';

/** A member's role in a case: the lead manages members and holdings, analysts add charts, snapshots and notes, viewers read. */
export type CaseRole =
  | 'analyst'
  | 'lead'
  | 'viewer';

/** What a caller may do with a chart (decided by the access module, decision 0035). */
export type ChartAccess =
  /** Open it and save new versions of it. */
  | 'edit'
  /** Everything: also share it, restore versions and delete it. */
  | 'own'
  /** Open it. */
  | 'read';

/** The workspace's chart as it is on screen. */
export type ChartElementsInput = {
  /** The entities on the chart (1 to 5000); the links among them that the author may see are included. */
  ids: Array<string>;
  /** Their positions, { id: { x, y } }, as drawn. */
  positions?: unknown;
};

/** What a circuit is: one person's, or a group of people moving together. */
export type CircuitKind =
  /** Two or more people moved through the same premises in the same order at overlapping times. */
  | 'GROUP'
  /** One person moved through the premises in sequence. */
  | 'PERSON';

/** Government security classification. */
export type Classification =
  /** OFFICIAL. */
  | 'OFFICIAL'
  /** OFFICIAL-SENSITIVE. */
  | 'OFFICIAL_SENSITIVE';

/** A new entity. */
export type CreateEntityInput = {
  /** Its id (optional): `<prefix>-<key>` with its type's prefix (person-, premises-, phone-, ...). Default: the prefix and a random UUID. */
  id?: string | null | undefined;
  /** Its properties (the label is made from them). */
  properties: Array<PropertyInput>;
  /** Where it comes from. */
  provenance: ProvenanceInput;
  /** Its type. */
  type: EntityType;
};

/** A new link between two existing entities. */
export type CreateLinkInput = {
  /** Number of calls (CALLED only). */
  count?: number | null | undefined;
  /** First call (CALLED only). */
  firstAt?: string | null | undefined;
  /** Its id (optional; default `link-<type in lower case>-<random UUID>`). */
  id?: string | null | undefined;
  /** Last call (CALLED only). */
  lastAt?: string | null | undefined;
  /**
   * Its type's own properties, as declared in the type registry (an installation's link types in
   * LANTERN_TYPES; see the `linkTypes` query), checked as an entity's properties are. A CALLED
   * link's count, firstAt and lastAt are given in their own fields above.
   */
  properties?: Array<PropertyInput> | null | undefined;
  /** Where it comes from. */
  provenance: ProvenanceInput;
  /** Role, where the type has roles. */
  role?: string | null | undefined;
  /** Source entity id. */
  source: string;
  /** Target entity id. */
  target: string;
  /** Link type, e.g. WORKS_AT (see docs/model.md or the `linkTypes` query for the ends each type allows). */
  type: LinkType;
  /** Start of real-world validity. */
  validFrom?: string | null | undefined;
  /** End of real-world validity. */
  validTo?: string | null | undefined;
  /** Weight, e.g. a call count. */
  weight?: number | null | undefined;
};

export type CreateSnapshotInput = {
  /** As known on this day: facts recorded later are left out. */
  asKnownOn?: string | null | undefined;
  /** The chart on screen. Give this or selection. */
  chartElements?: ChartElementsInput | null | undefined;
  /** The analysts' findings (at most 100). */
  findings?: Array<SnapshotFindingInput> | null | undefined;
  /** Draw the map and/or the occupancy timeline in the briefing (HTML, PDF and PNG). */
  pictures?: SnapshotPicturesInput | null | undefined;
  /** Why it is made and for whom (default: the request's X-Lantern-Purpose). */
  purpose?: string | null | undefined;
  /** Entities and their neighbourhood, or a saved chart. Give this or chartElements. */
  selection?: SelectionInput | null | undefined;
  /** The snapshot this one corrects; it must be the latest version. */
  supersedes?: string | null | undefined;
  /** 1 to 200 characters. */
  title: string;
  /**
   * Show potential victims' identities, for this reason (recorded in the snapshot and the audit
   * log): admins and analysts with need-to-know only. Unset: victims are pseudonyms.
   */
  unmaskReason?: string | null | undefined;
};

/** The kinds of entity in the graph. */
export type EntityType =
  /** An online advert. */
  | 'ADVERT'
  /** A bank account. */
  | 'BANK_ACCOUNT'
  /** An email address. */
  | 'EMAIL'
  /** An offence or crime report. */
  | 'OFFENCE'
  /** An operation, such as a week of action. */
  | 'OPERATION'
  /** A business or other organisation. */
  | 'ORGANISATION'
  /** A person. */
  | 'PERSON'
  /** A phone number (E.164). */
  | 'PHONE'
  /** A place: a massage parlour, nail bar, house, hotel, ... */
  | 'PREMISES'
  /** A referral: NRM, Duty to Notify, Victims First, safeguarding. */
  | 'REFERRAL'
  /** A risk factor recorded for a person. */
  | 'RISK_FACTOR'
  /** A vehicle, by its registration mark (VRM). */
  | 'VEHICLE'
  /** Officers' visit to premises during an operation. */
  | 'VISIT';

/** How an export file's content is encoded in `content`. */
export type ExportEncoding =
  /** Base64 of binary content (the CSV zip). */
  | 'BASE64'
  /** UTF-8 text (GraphML, GEXF, ANX, FollowTheMoney). */
  | 'UTF8';

/** A file format for exports. */
export type ExportFormat =
  /** i2 Analyst's Notebook exchange XML. */
  | 'ANX'
  /** A zip of CSV files: entities, links and their source records. */
  | 'CSV'
  /** FollowTheMoney entities, one JSON object a line (Aleph, OpenSanctions tools). */
  | 'FTM'
  /** GEXF 1.3 with positions and colours (Gephi). */
  | 'GEXF'
  /** GraphML (yEd, Cytoscape desktop, NetworkX, Neo4j's APOC). */
  | 'GRAPHML';

/** Which flagged entities to list. */
export type FlaggedFilter = {
  /** Only entities on which one of these indicators fires. */
  indicatorIds?: Array<string> | null | undefined;
  /** Only entities scoring at least this. */
  minScore?: number | null | undefined;
  /** Only premises visited in this operation and people encountered in it. */
  operationId?: string | null | undefined;
  /** true: only people meeting a risk combination rule; false: only those who do not. */
  riskCombination?: boolean | null | undefined;
  /** Only these types (PERSON, PREMISES). */
  types?: Array<EntityType> | null | undefined;
};

/** How to sort a flagged list (default SCORE, DESC). */
export type FlaggedSort = {
  /** The direction (default DESC for numbers, ASC for LABEL and TYPE). */
  direction?: SortDirection | null | undefined;
  /** The field. */
  field: FlaggedSortField;
};

/** What a flagged list can be sorted by. */
export type FlaggedSortField =
  /** How many indicators fire. */
  | 'INDICATORS'
  /** The indicators' score. */
  | 'INDICATOR_SCORE'
  /** The label, alphabetically. */
  | 'LABEL'
  /** The risk profile's score. */
  | 'RISK_SCORE'
  /** Risk score plus indicator score. */
  | 'SCORE'
  /** Entity type, then score. */
  | 'TYPE';

/** UK 3x5x2 handling code. */
export type HandlingCode =
  /** C: lawful sharing permitted with conditions. */
  | 'C'
  /** P: lawful sharing permitted. */
  | 'P';

/** Where an import job stands. */
export type ImportJobStatus =
  /** Stopped on an error (`error`); what was written stays, and starting the same import again resumes it. */
  | 'FAILED'
  /** Its server stopped while it ran (no progress for 30 seconds); starting the same import again resumes it. */
  | 'INTERRUPTED'
  /** Reading, writing or resolving. */
  | 'RUNNING'
  /** Finished: `result` says what it did (bad rows included). */
  | 'SUCCEEDED';

/** UK 3x5x2 intelligence assessment. */
export type IntelligenceAssessment =
  /** A: known directly to the source. */
  | 'A'
  /** B: known indirectly to the source but corroborated. */
  | 'B'
  /** C: known indirectly to the source. */
  | 'C'
  /** D: not known. */
  | 'D'
  /** E: suspected to be false. */
  | 'E';

/** Filters on the links a graph query may follow. */
export type LinkFilter = {
  /** As known on this date: links recorded after it are hidden. */
  asKnownOn?: string | null | undefined;
  /** Only entities of these types (the starting entities are always kept). */
  entityTypes?: Array<EntityType> | null | undefined;
  /** Only links valid at some time on or after this date (open-ended links count). */
  from?: string | null | undefined;
  /** Only links of these types (e.g. WORKS_AT, USES_PHONE). */
  linkTypes?: Array<LinkType> | null | undefined;
  /** Only links graded at least this well. */
  minGrade?: MinGrade | null | undefined;
  /** Only links valid at some time on or before this date. */
  to?: string | null | undefined;
};

/** The link types of the model (see the `linkTypes` query for the ends and roles each allows). */
export type LinkType =
  /** An advert features a person. */
  | 'ADVERT_FEATURES'
  /** An advert lists a phone number. */
  | 'ADVERT_LISTS_PHONE'
  /** An advert gives premises as its location. */
  | 'ADVERT_LOCATED_AT'
  /** A person is an associate of another (roles FAMILY, PARTNER, CONTROLS, ASSOCIATE, DRIVES_FOR). */
  | 'ASSOCIATE_OF'
  /** Call records between phones (count, first, last). */
  | 'CALLED'
  /** A person is a director or officer of an organisation. */
  | 'DIRECTOR_OF'
  /** A person was seen driving a vehicle. */
  | 'DRIVES'
  /** A person was encountered at a visit (roles WORKER, OCCUPANT, MANAGER, CUSTOMER, POTENTIAL_VICTIM, SUSPECT). */
  | 'ENCOUNTERED'
  /** A person has a risk factor. */
  | 'HAS_RISK_FACTOR'
  /** A person or organisation holds a bank account. */
  | 'HOLDS_ACCOUNT'
  /** An operation includes a visit. */
  | 'INCLUDES_VISIT'
  /** A person or organisation is involved in an offence (roles SUSPECT, VICTIM, WITNESS). */
  | 'INVOLVED_IN'
  /** A person or organisation is the registered keeper of a vehicle. */
  | 'KEEPER_OF'
  /** A person lives at premises (a dated stay). */
  | 'LIVES_AT'
  /** An offence occurred at premises. */
  | 'OCCURRED_AT'
  /** An organisation or person operates premises (roles OWNER, OPERATOR, CONTROLLER, LANDLORD). */
  | 'OPERATES'
  /** The phone number of premises. */
  | 'PREMISES_PHONE'
  /** A referral was made for a person. */
  | 'REFERRAL_FOR'
  /** An organisation's registered office or trading address is at premises. */
  | 'REGISTERED_AT'
  /** A person or organisation uses an email address. */
  | 'USES_EMAIL'
  /** A person or organisation uses a phone number. */
  | 'USES_PHONE'
  /** A vehicle was seen at premises. */
  | 'VEHICLE_SEEN_AT'
  /** A visit took place at premises. */
  | 'VISIT_AT'
  /** A person works at premises (a dated stay). */
  | 'WORKS_AT';

/** Where a pair of records stands: merged (by the resolver or a person), waiting for review, rejected, or a merge undone. */
export type MatchStatus =
  /** The records are one person: they share a resolved id. */
  | 'MERGED'
  /** Someone decided the records are different people. */
  | 'REJECTED'
  /** The score is between the review and merge thresholds: a person decides. */
  | 'REVIEW'
  /** A merge that was taken back. */
  | 'UNDONE';

/** A minimum grade: links graded below it are left out. */
export type MinGrade = {
  /** The worst intelligence assessment to keep (B keeps A and B). */
  intelligenceAssessment?: IntelligenceAssessment | null | undefined;
  /** The worst source evaluation to keep (RELIABLE keeps only 1; UNTESTED keeps 1 and 2). */
  sourceEvaluation?: SourceEvaluation | null | undefined;
};

/** A new case. */
export type NewCaseInput = {
  /** Security classification (default OFFICIAL). */
  classification?: Classification | null | undefined;
  /** Handling code: P lets partner members open it; C (with conditions) keeps it from partners. */
  handlingCode: HandlingCode;
  /** The conditions, required with handling code C. */
  handlingConditions?: string | null | undefined;
  /** Its name (1 to 120 characters). */
  name: string;
  /** Only people with need-to-know may open it (default false). */
  needToKnow?: boolean | null | undefined;
};

/** A property to set: its name and value as text (dates ISO 8601, lists comma separated). */
export type PropertyInput = {
  /** Property name, as in docs/model.md (e.g. givenName, postcode, vrm). */
  name: string;
  /** The value; null clears it. */
  value?: string | null | undefined;
};

/** Where a new fact comes from: the source record and its grading. */
export type ProvenanceInput = {
  /** Security classification (default OFFICIAL). */
  classification?: Classification | null | undefined;
  /** Handling code. */
  handlingCode: HandlingCode;
  /** Conditions, required with handling code C. */
  handlingConditions?: string | null | undefined;
  /** Intelligence assessment. */
  intelligenceAssessment: IntelligenceAssessment;
  /** The record's key in that system. */
  recordKey: string;
  /** When the source recorded it (default: now). */
  recordedAt?: string | null | undefined;
  /** The source system, e.g. intel-log. */
  source: string;
  /** Source evaluation. */
  sourceEvaluation: SourceEvaluation;
  /** A short summary of the record. */
  summary?: string | null | undefined;
};

/** Where a piece of risk-factor evidence was found. */
export type RiskFactorOrigin =
  /** An offence the person is a suspect in (INVOLVED_IN role SUSPECT), mapped to a factor by the rules. */
  | 'OFFENCE'
  /** A risk factor recorded for the person (HAS_RISK_FACTOR), e.g. from a risk register or intelligence log. */
  | 'RISK_FACTOR';

/**
 * The roles of Lantern's access control: admin (users, tokens, audit, and everything an analyst
 * does), analyst (read and write), viewer (read), partner (read what may be shared with partner
 * agencies: handling code P, classification OFFICIAL).
 */
export type Role =
  /** Manages users and API tokens, reads the audit log; reads and writes the graph. */
  | 'admin'
  /** Reads and writes the graph. */
  | 'analyst'
  /** Reads only facts that may lawfully be shared with partner agencies. */
  | 'partner'
  /** Reads the graph. */
  | 'viewer';

/**
 * What an export or a briefing snapshot shows: some entities and their neighbourhood, or a saved
 * chart. Give `ids` (with `hops`) or `chart`, not both.
 */
export type SelectionInput = {
  /** A saved chart, by name or id: its entities and links as shown (hidden and filtered-out elements left out), with their positions. */
  chart?: string | null | undefined;
  /** How many links out from `ids` to include, 0 to 3 (default 1). 0 gives the entities and the links among them. */
  hops?: number | null | undefined;
  /** Entities to start from (1 to 100 ids). */
  ids?: Array<string> | null | undefined;
};

/** How a chart is shared. */
export type ShareMode =
  /** Open and save new versions. */
  | 'edit'
  /** Open only: saving over it is refused. */
  | 'read';

/** Whom to share a chart with: a case, or a user (give one). */
export type ShareTarget = {
  /** A case id: the chart is put in the case, for its members. */
  caseId?: string | null | undefined;
  /** A username, or token:NAME for an API token. */
  user?: string | null | undefined;
};

export type SnapshotFindingInput = {
  /** Entities and links on the snapshot that it rests on. */
  elementIds?: Array<string> | null | undefined;
  /** The finding (1 to 4000 characters). */
  text: string;
};

/** Pictures a briefing draws beside its chart (both off by default). */
export type SnapshotPicturesInput = {
  /**
   * A map of the entities that have a place (premises), with the links and routes between them,
   * drawn on the offline Natural Earth outline with a scale bar, coordinates and a legend.
   */
  map?: boolean | null | undefined;
  /** A timeline of the dated stays (works at, lives at): one row per person, bars coloured by premises, with a date axis and a key. */
  occupancy?: boolean | null | undefined;
};

/** Ascending or descending. */
export type SortDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

/** UK 3x5x2 source evaluation. */
export type SourceEvaluation =
  /** 3: not reliable. */
  | 'NOT_RELIABLE'
  /** 1: reliable. */
  | 'RELIABLE'
  /** 2: untested. */
  | 'UNTESTED';

/** What a shared entity is to the premises it ties. */
export type TieKind =
  /** An advert located at several premises. */
  | 'ADVERT'
  /** A person who operates or controls them. */
  | 'CONTROLLER'
  /** An organisation that operates them (or is their landlord). */
  | 'ORGANISATION'
  /** A person who works or lives at them. */
  | 'PERSON'
  /** A phone given for the premises or listed in their adverts. */
  | 'PHONE'
  /** A vehicle seen at them. */
  | 'VEHICLE';

/** Changes to an existing link: fields left out are kept, fields given as null are cleared. */
export type UpdateLinkInput = {
  /** Its type's own properties to set (null clears one), checked against the type registry as in CreateLinkInput. */
  properties?: Array<PropertyInput> | null | undefined;
  /** Role. */
  role?: string | null | undefined;
  /** Start of validity. */
  validFrom?: string | null | undefined;
  /** End of validity. */
  validTo?: string | null | undefined;
  /** Weight. */
  weight?: number | null | undefined;
};

/** What to watch: exactly one of entityId, indicatorId or pattern. */
export type WatchInput = {
  /** The case the alerts belong to. */
  caseId?: string | null | undefined;
  /** An entity the caller can see. */
  entityId?: string | null | undefined;
  /** A rule of the indicator library (indicatorLibrary lists them). */
  indicatorId?: string | null | undefined;
  /** Why (kept with the watch). */
  note?: string | null | undefined;
  /** The pattern's parameters, e.g. { phoneIds: [...] } or { personIds: [...] }. */
  parameters?: unknown;
  /** A saved pattern, with its parameters. */
  pattern?: AlertPattern | null | undefined;
};

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { endCursor: string | null, hasNextPage: boolean, entries: Array<{ seq: number, at: string, actor: string, role: string, kind: string, operation: string, variables: string, purpose: string, recordCount: number, recordIds: Array<string>, outcome: string }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { name: string, role: Role, needToKnow: boolean, capabilities: Array<string> } };

export type AlertsPageQueryVariables = Exact<{
  status?: Array<AlertStatus> | AlertStatus | null | undefined;
  caseId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AlertsPageQuery = { alerts: { totalCount: number, byCase: Array<{ caseId: string | null, count: number, open: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, rule: string, summary: string, status: AlertStatus, caseId: string | null, assignee: string | null, raisedAt: string, decidedBy: string | null, reason: string | null, entityIds: Array<string>, linkIds: Array<string>, watch: { id: string, title: string } | null, evidence: { nodes: Array<{ id: string, type: EntityType, label: string }>, links: Array<{ id: string, type: string }> } } }> } };

export type OpenAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenAlertsQuery = { alerts: { totalCount: number } };

export type DecideAlertMutationVariables = Exact<{
  id: string;
  decision: AlertDecision;
  assignee?: string | null | undefined;
  reason?: string | null | undefined;
}>;


export type DecideAlertMutation = { decideAlert: { id: string, status: AlertStatus, assignee: string | null, decidedBy: string | null } };

export type WatchEntityMutationVariables = Exact<{
  input: WatchInput;
}>;


export type WatchEntityMutation = { watch: { id: string, title: string, baseline: number | null } };

export type AlertRaisedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AlertRaisedSubscription = { alertRaised: { id: string, caseId: string | null } };

export type NetworkAnalyticsQueryVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
  weighted?: boolean | null | undefined;
  excludeTypes?: Array<EntityType> | EntityType | null | undefined;
}>;


export type NetworkAnalyticsQuery = { networkAnalytics: { modularity: number, weighted: boolean, nodes: Array<{ id: string, type: EntityType, label: string, community: number, degree: number, weightedDegree: number, betweenness: number, pageRank: number, communitiesLinked: number, broker: boolean }>, communities: Array<{ id: number, size: number, nodeIds: Array<string> }> } };

export type SuspectedNetworksQueryVariables = Exact<{
  minScore?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SuspectedNetworksQuery = { suspectedNetworks: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, premisesIds: Array<string>, score: number, ties: Array<{ a: string, b: string, score: number }>, evidence: Array<{ entityId: string, entityType: EntityType, label: string, kind: TieKind, premisesIds: Array<string>, linkIds: Array<string>, weight: number }> } }> } };

export type LabelsQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type LabelsQuery = { subgraph: { nodes: Array<{ id: string, label: string, type: EntityType, subtitle: string | null }> } };

export type SourceBriefFieldsFragment = { id: string, source: string, recordKey: string };

export type RiskProfileQueryVariables = Exact<{
  personId: string;
}>;


export type RiskProfileQuery = { riskProfile: { personId: string, label: string, score: number, combination: boolean, distinctFactors: number, factorKinds: Array<string>, explanation: string, asOf: string, rulesVersion: string, rules: Array<{ id: string, description: string, met: boolean }>, factors: Array<{ kind: string, label: string, score: number, counted: boolean, evidence: Array<{ kind: string, origin: RiskFactorOrigin, entityId: string, entityLabel: string, linkId: string, date: string | null, ageDays: number | null, weight: number, gradeMultiplier: number, statusMultiplier: number, decay: number, contribution: number, counted: boolean, note: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string }> }> }> } | null };

export type IndicatorHitsQueryVariables = Exact<{
  entityId: string;
}>;


export type IndicatorHitsQuery = { indicatorHits: Array<{ indicatorId: string, indicatorVersion: number, title: string, entityId: string, entityType: EntityType, label: string, score: number, summary: string, entityIds: Array<string>, linkIds: Array<string>, evidence: Array<{ summary: string, from: string | null, to: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string }> }> }> };

export type IndicatorsQueryVariables = Exact<{ [key: string]: never; }>;


export type IndicatorsQuery = { indicators: { version: string, indicators: Array<{ id: string, version: number, title: string, appliesTo: Array<EntityType>, rationale: string, weight: number }> } };

export type FlaggedFieldsFragment = { id: string, type: EntityType, label: string, score: number, riskScore: number, riskCombination: boolean, riskFactorKinds: Array<string>, indicatorScore: number, indicatorIds: Array<string>, operationIds: Array<string> };

export type FreshnessFieldsFragment = { source: AnalysisSource, asOf: string, computedAt: string | null, updatedAt: string | null, pending: number, stale: boolean };

export type FlaggedQueryVariables = Exact<{
  filter?: FlaggedFilter | null | undefined;
  sort?: FlaggedSort | null | undefined;
  first?: number | null | undefined;
  asOf?: string | null | undefined;
}>;


export type FlaggedQuery = { flagged: { totalCount: number, edges: Array<{ node: { id: string, type: EntityType, label: string, score: number, riskScore: number, riskCombination: boolean, riskFactorKinds: Array<string>, indicatorScore: number, indicatorIds: Array<string>, operationIds: Array<string> } }>, freshness: { source: AnalysisSource, asOf: string, computedAt: string | null, updatedAt: string | null, pending: number, stale: boolean } } };

export type FlaggedExportQueryVariables = Exact<{
  filter?: FlaggedFilter | null | undefined;
  sort?: FlaggedSort | null | undefined;
  asOf?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type FlaggedExportQuery = { flagged: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, type: EntityType, label: string, score: number, riskScore: number, riskCombination: boolean, riskFactorKinds: Array<string>, indicatorScore: number, indicatorIds: Array<string>, operationIds: Array<string> } }> } };

export type RiskRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type RiskRulesQuery = { riskRules: { version: string, factors: Array<{ kind: string, label: string, weight: number, halfLifeDays: number }> } };

export type OperationSummaryFieldsFragment = { id: string, name: string, startDate: string | null, endDate: string | null, lead: string | null, description: string | null };

export type OperationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsQuery = { operations: Array<{ id: string, name: string, startDate: string | null, endDate: string | null, lead: string | null, description: string | null }> };

export type OperationDashboardQueryVariables = Exact<{
  operationId: string;
  bucket?: BucketSize | null | undefined;
}>;


export type OperationDashboardQuery = { operationDashboard: { visits: number, premisesVisited: number, peopleEncountered: number, potentialVictimsIdentified: number, safeguarded: number, bucketSize: BucketSize, premisesIds: Array<string>, operation: { id: string, name: string, startDate: string | null, endDate: string | null, lead: string | null, description: string | null }, referralsByKind: Array<{ key: string, count: number }>, offencesByCategory: Array<{ key: string, count: number }>, visitOutcomes: Array<{ key: string, count: number }>, buckets: Array<{ start: string, end: string, visits: number, premisesVisited: number, peopleEncountered: number, potentialVictimsIdentified: number, safeguarded: number, referrals: number, offences: number }> } | null };

export type LinkQueryVariables = Exact<{
  id: string;
}>;


export type LinkQuery = { link: { id: string, type: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, properties: Array<{ name: string, value: string | null }>, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, source:
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
    , target:
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
      | { id: string, label: string, type: EntityType }
     } | null };

export type ChartsQueryVariables = Exact<{ [key: string]: never; }>;


export type ChartsQuery = { charts: Array<{ version: number, access: ChartAccess, owner: string | null, id: string, name: string, nodeCount: number, edgeCount: number, createdAt: string, updatedAt: string }> };

export type ChartQueryVariables = Exact<{
  id?: string | null | undefined;
}>;


export type ChartQuery = { chart: { owner: string | null, version: number, access: ChartAccess, id: string, name: string, nodeCount: number, edgeCount: number, createdAt: string, updatedAt: string, document: unknown } | null };

export type SaveMutationVariables = Exact<{
  name: string;
  document: unknown;
}>;


export type SaveMutation = { saveChart: { owner: string | null, version: number, access: ChartAccess, id: string, name: string, nodeCount: number, edgeCount: number, createdAt: string, updatedAt: string } };

export type DeleteMutationVariables = Exact<{
  id: string;
}>;


export type DeleteMutation = { deleteChart: boolean };

export type CasesQueryVariables = Exact<{ [key: string]: never; }>;


export type CasesQuery = { cases: Array<{ id: string, name: string, handlingCode: HandlingCode, myRight: CaseRight, createdAt: string, members: Array<{ name: string }> }> };

export type CaseQueryVariables = Exact<{
  id: string;
}>;


export type CaseQuery = { case: { id: string, name: string, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification, needToKnow: boolean, createdAt: string, createdBy: string, myRight: CaseRight, members: Array<{ name: string, role: CaseRole, accountRole: Role | null, addedAt: string }>, charts: Array<{ id: string, name: string, access: ChartAccess, nodeCount: number, edgeCount: number, version: number, savedBy: string | null, updatedAt: string }>, snapshots: Array<{ id: string, title: string, createdAt: string, handlingCode: string }>, notes: Array<{ id: string, text: string, author: string, createdAt: string }> } | null };

export type CreateCaseMutationVariables = Exact<{
  input: NewCaseInput;
}>;


export type CreateCaseMutation = { createCase: { id: string } };

export type AddCaseMemberMutationVariables = Exact<{
  caseId: string;
  member: string;
  role: CaseRole;
}>;


export type AddCaseMemberMutation = { addCaseMember: { id: string } };

export type RemoveCaseMemberMutationVariables = Exact<{
  caseId: string;
  member: string;
}>;


export type RemoveCaseMemberMutation = { removeCaseMember: { id: string } | null };

export type ChartSharingQueryVariables = Exact<{
  id: string;
}>;


export type ChartSharingQuery = { chart: { id: string, name: string, owner: string | null, access: ChartAccess, version: number, shares: Array<{ kind: string, id: string, name: string, mode: ShareMode }> } | null, chartVersions: Array<{ version: number, savedAt: string, savedBy: string | null, restoredFrom: number | null, entityIds: number }> };

export type ShareChartMutationVariables = Exact<{
  id: string;
  with: ShareTarget;
  mode: ShareMode;
}>;


export type ShareChartMutation = { shareChart: { id: string } };

export type UnshareChartMutationVariables = Exact<{
  id: string;
  with: ShareTarget;
}>;


export type UnshareChartMutation = { unshareChart: { id: string } };

export type RestoreChartVersionMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type RestoreChartVersionMutation = { restoreChartVersion: { id: string, version: number } };

export type ChartPresenceMutationVariables = Exact<{
  chartId: string;
}>;


export type ChartPresenceMutation = { chartPresence: { chartId: string, version: number, changedBy: string | null, changedAt: string, noteCount: number, others: Array<{ name: string, displayName: string, via: string, since: string }> } };

export type NotesOfChartQueryVariables = Exact<{
  id: string;
}>;


export type NotesOfChartQuery = { chart: { id: string, notes: Array<{ id: string, text: string, author: string, createdAt: string }> } | null };

export type NotesOfEntityQueryVariables = Exact<{
  id: string;
}>;


export type NotesOfEntityQuery = { entity:
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
    | { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> }
   | null };

export type NotesOfLinkQueryVariables = Exact<{
  id: string;
}>;


export type NotesOfLinkQuery = { link: { id: string, annotations: Array<{ id: string, text: string, author: string, createdAt: string }> } | null };

export type AnnotateMutationVariables = Exact<{
  targetId: string;
  text: string;
}>;


export type AnnotateMutation = { annotate: { id: string, text: string, author: string, createdAt: string } };

export type CircuitsQueryVariables = Exact<{
  ids: Array<string> | string;
  windowDays?: number | null | undefined;
  minPremises?: number | null | undefined;
  asKnownOn?: string | null | undefined;
}>;


export type CircuitsQuery = { circuits: Array<{ kind: CircuitKind, from: string, to: string | null, moves: number, people: Array<{ id: string, label: string }>, premises: Array<{ id: string, label: string }>, stays: Array<{ id: string, personId: string, premisesId: string, validFrom: string, validTo: string | null }> }> };

export type ExportSelectionQueryVariables = Exact<{
  format: ExportFormat;
  selection: SelectionInput;
  unmaskReason?: string | null | undefined;
}>;


export type ExportSelectionQuery = { exportSelection: { filename: string, mediaType: string, encoding: ExportEncoding, content: string, entityCount: number, linkCount: number, masked: boolean, maskedCount: number, truncated: boolean, truncation: string | null } };

export type SnapshotsQueryVariables = Exact<{ [key: string]: never; }>;


export type SnapshotsQuery = { snapshots: Array<{ id: string, title: string, createdAt: string, version: number, supersededBy: string | null, marking: string, masked: boolean, hash: string, nodeCount: number, edgeCount: number, files: { html: string, pdf: string, png: string } }> };

export type CreateSnapshotMutationVariables = Exact<{
  input: CreateSnapshotInput;
}>;


export type CreateSnapshotMutation = { createSnapshot: { id: string, title: string, createdAt: string, version: number, supersededBy: string | null, marking: string, masked: boolean, hash: string, nodeCount: number, edgeCount: number, files: { html: string, pdf: string, png: string } } };

export type EditPropertyFieldsFragment = { name: string, kind: string, values: Array<string>, list: boolean, required: boolean, editable: boolean, description: string };

export type EditTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type EditTypesQuery = { entityTypes: Array<{ name: EntityType, displayName: string, properties: Array<{ name: string, kind: string, values: Array<string>, list: boolean, required: boolean, editable: boolean, description: string }> }>, linkTypes: Array<{ name: string, verb: string, from: Array<EntityType>, to: Array<EntityType>, roles: Array<string>, properties: Array<{ name: string, kind: string, values: Array<string>, list: boolean, required: boolean, editable: boolean, description: string }> }> };

export type CreateEntityMutationVariables = Exact<{
  input: CreateEntityInput;
}>;


export type CreateEntityMutation = { createEntity:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   };

export type UpdateEntityMutationVariables = Exact<{
  id: string;
  properties: Array<PropertyInput> | PropertyInput;
  provenance: ProvenanceInput;
}>;


export type UpdateEntityMutation = { updateEntity:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   };

export type CreateLinkMutationVariables = Exact<{
  input: CreateLinkInput;
}>;


export type CreateLinkMutation = { createLink: { id: string } };

export type UpdateLinkMutationVariables = Exact<{
  id: string;
  input: UpdateLinkInput;
  provenance: ProvenanceInput;
}>;


export type UpdateLinkMutation = { updateLink: { id: string, source:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    , target:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     } };

export type RowErrorFieldsFragment = { file: string, line: number, column: string | null, value: string | null, reason: string };

export type ImportPreviewQueryVariables = Exact<{
  source: string;
  mapping: string;
  fileName: string;
  content: string;
  rows?: number | null | undefined;
}>;


export type ImportPreviewQuery = { importPreview: { rows: number, records: Array<{ line: number, recordKey: string, summary: string, entities: Array<{ type: EntityType, id: string, properties: Array<{ name: string, value: string | null }> }>, links: Array<{ type: string, from: string, to: string, role: string | null }> }>, errors: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }>, warnings: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }> } };

export type ImportResultFieldsFragment = { rows: number, imported: number, skipped: number, bad: number, created: number, changed: number, unchanged: number, entities: number, links: number, valuesLeftOut: number, linksNotMade: number, errors: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }>, warnings: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }> };

export type ImportJobFieldsFragment = { id: string, status: ImportJobStatus, phase: string, done: number, total: number, rowsPerSecond: number, secondsLeft: number | null, startedAt: string, finishedAt: string | null, error: string | null, result: { rows: number, imported: number, skipped: number, bad: number, created: number, changed: number, unchanged: number, entities: number, links: number, valuesLeftOut: number, linksNotMade: number, errors: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }>, warnings: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }> } | null, resolution: { records: number, newRecords: number, candidatePairs: number, merged: number, review: number } | null };

export type StartImportMutationVariables = Exact<{
  source: string;
  mapping: string;
  fileName: string;
  content: string;
  resolve?: boolean | null | undefined;
}>;


export type StartImportMutation = { startImport: { id: string, status: ImportJobStatus, phase: string, done: number, total: number, rowsPerSecond: number, secondsLeft: number | null, startedAt: string, finishedAt: string | null, error: string | null, result: { rows: number, imported: number, skipped: number, bad: number, created: number, changed: number, unchanged: number, entities: number, links: number, valuesLeftOut: number, linksNotMade: number, errors: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }>, warnings: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }> } | null, resolution: { records: number, newRecords: number, candidatePairs: number, merged: number, review: number } | null } };

export type ImportJobQueryVariables = Exact<{
  id: string;
}>;


export type ImportJobQuery = { importJob: { id: string, status: ImportJobStatus, phase: string, done: number, total: number, rowsPerSecond: number, secondsLeft: number | null, startedAt: string, finishedAt: string | null, error: string | null, result: { rows: number, imported: number, skipped: number, bad: number, created: number, changed: number, unchanged: number, entities: number, links: number, valuesLeftOut: number, linksNotMade: number, errors: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }>, warnings: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }> } | null, resolution: { records: number, newRecords: number, candidatePairs: number, merged: number, review: number } | null } | null };

export type ImportFileMutationVariables = Exact<{
  source: string;
  mapping: string;
  fileName: string;
  content: string;
}>;


export type ImportFileMutation = { importFile: { rows: number, imported: number, skipped: number, bad: number, created: number, changed: number, unchanged: number, entities: number, links: number, valuesLeftOut: number, linksNotMade: number, errors: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }>, warnings: Array<{ file: string, line: number, column: string | null, value: string | null, reason: string }> } };

export type MatchRecordFieldsFragment = { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> };

export type MatchDecisionFieldsFragment = { id: string, entityType: EntityType, status: MatchStatus, probability: number, weight: number, swapped: boolean, rule: string | null, decidedBy: string, decidedAt: string, note: string | null, history: Array<string>, evidence: Array<{ field: string, level: string, weight: number, a: string | null, b: string | null }>, a: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> }, b: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> } };

export type ReviewQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  offset?: number | null | undefined;
  entityType?: EntityType | null | undefined;
}>;


export type ReviewQueueQuery = { reviewQueue: { total: number, items: Array<{ id: string, entityType: EntityType, status: MatchStatus, probability: number, weight: number, swapped: boolean, rule: string | null, decidedBy: string, decidedAt: string, note: string | null, history: Array<string>, evidence: Array<{ field: string, level: string, weight: number, a: string | null, b: string | null }>, a: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> }, b: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> } }> } };

export type AcceptMatchMutationVariables = Exact<{
  id: string;
  note?: string | null | undefined;
}>;


export type AcceptMatchMutation = { acceptMatch: { id: string, entityType: EntityType, status: MatchStatus, probability: number, weight: number, swapped: boolean, rule: string | null, decidedBy: string, decidedAt: string, note: string | null, history: Array<string>, evidence: Array<{ field: string, level: string, weight: number, a: string | null, b: string | null }>, a: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> }, b: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> } } };

export type RejectMatchMutationVariables = Exact<{
  id: string;
  note?: string | null | undefined;
}>;


export type RejectMatchMutation = { rejectMatch: { id: string, entityType: EntityType, status: MatchStatus, probability: number, weight: number, swapped: boolean, rule: string | null, decidedBy: string, decidedAt: string, note: string | null, history: Array<string>, evidence: Array<{ field: string, level: string, weight: number, a: string | null, b: string | null }>, a: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> }, b: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> } } };

export type UndoMergeMutationVariables = Exact<{
  id: string;
  note?: string | null | undefined;
}>;


export type UndoMergeMutation = { undoMerge: { id: string, entityType: EntityType, status: MatchStatus, probability: number, weight: number, swapped: boolean, rule: string | null, decidedBy: string, decidedAt: string, note: string | null, history: Array<string>, evidence: Array<{ field: string, level: string, weight: number, a: string | null, b: string | null }>, a: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> }, b: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> } } };

export type ResolvedClustersQueryVariables = Exact<{
  first?: number | null | undefined;
  offset?: number | null | undefined;
  entityType?: EntityType | null | undefined;
}>;


export type ResolvedClustersQuery = { resolvedClusters: { total: number, items: Array<{ id: string, entityType: EntityType, records: Array<{ id: string, label: string }>, merges: Array<{ id: string }> }> } };

export type ResolvedClusterQueryVariables = Exact<{
  id: string;
}>;


export type ResolvedClusterQuery = { resolvedCluster: { id: string, entityType: EntityType, records: Array<{ id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> }>, merges: Array<{ id: string, entityType: EntityType, status: MatchStatus, probability: number, weight: number, swapped: boolean, rule: string | null, decidedBy: string, decidedAt: string, note: string | null, history: Array<string>, evidence: Array<{ field: string, level: string, weight: number, a: string | null, b: string | null }>, a: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> }, b: { id: string, entityType: EntityType, label: string, sources: Array<string>, resolvedId: string | null, fields: Array<{ name: string, value: string | null }> } }> } | null };

export type ModelTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelTypesQuery = { entityTypes: Array<{ name: EntityType, displayName: string, plural: string, colour: string, glyph: string | null, declared: boolean }>, linkTypes: Array<{ name: string, verb: string, colour: string, directed: boolean, declared: boolean }> };

export type OccupancyStaysQueryVariables = Exact<{
  ids: Array<string> | string;
  asKnownOn?: string | null | undefined;
}>;


export type OccupancyStaysQuery = { stays: Array<{ id: string, type: string, validFrom: string, validTo: string | null, person:
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
    , premises:
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
      | { id: string, label: string }
     }> };

export type GradingFieldsFragment = { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification };

export type NodeFieldsFragment = { id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } };

export type EdgeFieldsFragment = { id: string, type: string, source: string, target: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } };

export type GraphFieldsFragment = { truncated: boolean, truncation: string | null, nodes: Array<{ id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, edges: Array<{ id: string, type: string, source: string, target: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }> };

export type SourceFieldsFragment = { id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } };

export type SearchQueryVariables = Exact<{
  text: string;
  types?: Array<EntityType> | EntityType | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: { edges: Array<{ score: number, matched: string | null, node: { id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } } }> } };

export type NeighbourhoodQueryVariables = Exact<{
  ids: Array<string> | string;
  hops?: number | null | undefined;
  limit?: number | null | undefined;
  filter?: LinkFilter | null | undefined;
  threshold?: number | null | undefined;
}>;


export type NeighbourhoodQuery = { neighbourhood: { truncated: boolean, truncation: string | null, nodes: Array<{ id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, edges: Array<{ id: string, type: string, source: string, target: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }> } };

export type Neighbourhood2QueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type Neighbourhood2Query = { neighbourhood: { truncated: boolean, truncation: string | null, nodes: Array<{ id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, edges: Array<{ id: string, type: string, source: string, target: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }> } };

export type PathsQueryVariables = Exact<{
  from: string;
  to: string;
  filter?: LinkFilter | null | undefined;
}>;


export type PathsQuery = { paths: { truncated: boolean, truncation: string | null, paths: Array<{ nodeIds: Array<string> }>, nodes: Array<{ id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, edges: Array<{ id: string, type: string, source: string, target: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }> } };

export type ConnectingQueryVariables = Exact<{
  ids: Array<string> | string;
  filter?: LinkFilter | null | undefined;
}>;


export type ConnectingQuery = { connectingNetwork: { truncated: boolean, truncation: string | null, paths: Array<{ nodeIds: Array<string> }>, nodes: Array<{ id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, edges: Array<{ id: string, type: string, source: string, target: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }> } };

export type CommonQueryVariables = Exact<{
  ids: Array<string> | string;
  filter?: LinkFilter | null | undefined;
}>;


export type CommonQuery = { commonNeighbours: Array<{ sharedWith: Array<string>, node: { id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } } }> };

export type SubQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type SubQuery = { subgraph: { truncated: boolean, truncation: string | null, nodes: Array<{ id: string, type: EntityType, label: string, subtitle: string | null, degree: number, supernode: boolean, potentialVictim: boolean, suspect: boolean, safeguarded: boolean, riskScore: number | null, kind: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, edges: Array<{ id: string, type: string, source: string, target: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }> } };

export type LinksAmongQueryVariables = Exact<{
  ids: Array<string> | string;
  among?: Array<string> | string | null | undefined;
  filter?: LinkFilter | null | undefined;
}>;


export type LinksAmongQuery = { linksAmong: Array<{ id: string, type: string, source: string, target: string, role: string | null, validFrom: string | null, validTo: string | null, recordedAt: string | null, weight: number | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }> };

export type EntityQueryVariables = Exact<{
  id: string;
}>;


export type EntityQuery = { entity:
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { masked: boolean, id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
    | { id: string, type: EntityType, label: string, recordedAt: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification }, sources: Array<{ id: string, source: string, recordKey: string, recordedAt: string | null, summary: string | null, grading: { code: string, low: boolean, sourceEvaluation: SourceEvaluation, intelligenceAssessment: IntelligenceAssessment, handlingCode: HandlingCode, handlingConditions: string | null, classification: Classification } }>, properties: Array<{ name: string, value: string | null }> }
   | null };

export type TimelineQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type TimelineQuery = { timeline: Array<{ date: string, endDate: string | null, kind: string, description: string, entityIds: Array<string>, linkId: string | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SourceBriefFieldsFragmentDoc = new TypedDocumentString(`
    fragment SourceBriefFields on SourceRecord {
  id
  source
  recordKey
}
    `, {"fragmentName":"SourceBriefFields"}) as unknown as TypedDocumentString<SourceBriefFieldsFragment, unknown>;
export const FlaggedFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"FlaggedFields"}) as unknown as TypedDocumentString<FlaggedFieldsFragment, unknown>;
export const FreshnessFieldsFragmentDoc = new TypedDocumentString(`
    fragment FreshnessFields on AnalysisFreshness {
  source
  asOf
  computedAt
  updatedAt
  pending
  stale
}
    `, {"fragmentName":"FreshnessFields"}) as unknown as TypedDocumentString<FreshnessFieldsFragment, unknown>;
export const OperationSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment OperationSummaryFields on OperationSummary {
  id
  name
  startDate
  endDate
  lead
  description
}
    `, {"fragmentName":"OperationSummaryFields"}) as unknown as TypedDocumentString<OperationSummaryFieldsFragment, unknown>;
export const EditPropertyFieldsFragmentDoc = new TypedDocumentString(`
    fragment EditPropertyFields on PropertyInfo {
  name
  kind
  values
  list
  required
  editable
  description
}
    `, {"fragmentName":"EditPropertyFields"}) as unknown as TypedDocumentString<EditPropertyFieldsFragment, unknown>;
export const RowErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment RowErrorFields on ImportRowError {
  file
  line
  column
  value
  reason
}
    `, {"fragmentName":"RowErrorFields"}) as unknown as TypedDocumentString<RowErrorFieldsFragment, unknown>;
export const ImportResultFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImportResultFields on ImportResult {
  rows
  imported
  skipped
  bad
  created
  changed
  unchanged
  entities
  links
  valuesLeftOut
  linksNotMade
  errors {
    ...RowErrorFields
  }
  warnings {
    ...RowErrorFields
  }
}
    fragment RowErrorFields on ImportRowError {
  file
  line
  column
  value
  reason
}`, {"fragmentName":"ImportResultFields"}) as unknown as TypedDocumentString<ImportResultFieldsFragment, unknown>;
export const ImportJobFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImportJobFields on ImportJob {
  id
  status
  phase
  done
  total
  rowsPerSecond
  secondsLeft
  startedAt
  finishedAt
  error
  result {
    ...ImportResultFields
  }
  resolution {
    records
    newRecords
    candidatePairs
    merged
    review
  }
}
    fragment RowErrorFields on ImportRowError {
  file
  line
  column
  value
  reason
}
fragment ImportResultFields on ImportResult {
  rows
  imported
  skipped
  bad
  created
  changed
  unchanged
  entities
  links
  valuesLeftOut
  linksNotMade
  errors {
    ...RowErrorFields
  }
  warnings {
    ...RowErrorFields
  }
}`, {"fragmentName":"ImportJobFields"}) as unknown as TypedDocumentString<ImportJobFieldsFragment, unknown>;
export const MatchRecordFieldsFragmentDoc = new TypedDocumentString(`
    fragment MatchRecordFields on MatchRecord {
  id
  entityType
  label
  fields {
    name
    value
  }
  sources
  resolvedId
}
    `, {"fragmentName":"MatchRecordFields"}) as unknown as TypedDocumentString<MatchRecordFieldsFragment, unknown>;
export const MatchDecisionFieldsFragmentDoc = new TypedDocumentString(`
    fragment MatchDecisionFields on MatchDecision {
  id
  entityType
  status
  probability
  weight
  swapped
  evidence {
    field
    level
    weight
    a
    b
  }
  rule
  decidedBy
  decidedAt
  note
  history
  a {
    ...MatchRecordFields
  }
  b {
    ...MatchRecordFields
  }
}
    fragment MatchRecordFields on MatchRecord {
  id
  entityType
  label
  fields {
    name
    value
  }
  sources
  resolvedId
}`, {"fragmentName":"MatchDecisionFields"}) as unknown as TypedDocumentString<MatchDecisionFieldsFragment, unknown>;
export const GradingFieldsFragmentDoc = new TypedDocumentString(`
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
    `, {"fragmentName":"GradingFields"}) as unknown as TypedDocumentString<GradingFieldsFragment, unknown>;
export const NodeFieldsFragmentDoc = new TypedDocumentString(`
    fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}`, {"fragmentName":"NodeFields"}) as unknown as TypedDocumentString<NodeFieldsFragment, unknown>;
export const EdgeFieldsFragmentDoc = new TypedDocumentString(`
    fragment EdgeFields on GraphEdge {
  id
  type
  source
  target
  role
  validFrom
  validTo
  recordedAt
  weight
  grading {
    ...GradingFields
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}`, {"fragmentName":"EdgeFields"}) as unknown as TypedDocumentString<EdgeFieldsFragment, unknown>;
export const GraphFieldsFragmentDoc = new TypedDocumentString(`
    fragment GraphFields on Graph {
  nodes {
    ...NodeFields
  }
  edges {
    ...EdgeFields
  }
  truncated
  truncation
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}
fragment EdgeFields on GraphEdge {
  id
  type
  source
  target
  role
  validFrom
  validTo
  recordedAt
  weight
  grading {
    ...GradingFields
  }
}`, {"fragmentName":"GraphFields"}) as unknown as TypedDocumentString<GraphFieldsFragment, unknown>;
export const SourceFieldsFragmentDoc = new TypedDocumentString(`
    fragment SourceFields on SourceRecord {
  id
  source
  recordKey
  recordedAt
  summary
  grading {
    ...GradingFields
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}`, {"fragmentName":"SourceFields"}) as unknown as TypedDocumentString<SourceFieldsFragment, unknown>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    entries {
      seq
      at
      actor
      role
      kind
      operation
      variables
      purpose
      recordCount
      recordIds
      outcome
    }
    endCursor
    hasNextPage
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    name
    role
    needToKnow
    capabilities
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const AlertsPageDocument = new TypedDocumentString(`
    query AlertsPage($status: [AlertStatus!], $caseId: ID, $first: Int, $after: String) {
  alerts(status: $status, caseId: $caseId, first: $first, after: $after) {
    totalCount
    byCase {
      caseId
      count
      open
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        rule
        summary
        status
        caseId
        assignee
        raisedAt
        decidedBy
        reason
        entityIds
        linkIds
        watch {
          id
          title
        }
        evidence {
          nodes {
            id
            type
            label
          }
          links {
            id
            type
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsPageQuery, AlertsPageQueryVariables>;
export const OpenAlertsDocument = new TypedDocumentString(`
    query OpenAlerts {
  alerts(status: [NEW], first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<OpenAlertsQuery, OpenAlertsQueryVariables>;
export const DecideAlertDocument = new TypedDocumentString(`
    mutation DecideAlert($id: ID!, $decision: AlertDecision!, $assignee: String, $reason: String) {
  decideAlert(id: $id, decision: $decision, assignee: $assignee, reason: $reason) {
    id
    status
    assignee
    decidedBy
  }
}
    `) as unknown as TypedDocumentString<DecideAlertMutation, DecideAlertMutationVariables>;
export const WatchEntityDocument = new TypedDocumentString(`
    mutation WatchEntity($input: WatchInput!) {
  watch(input: $input) {
    id
    title
    baseline
  }
}
    `) as unknown as TypedDocumentString<WatchEntityMutation, WatchEntityMutationVariables>;
export const AlertRaisedDocument = new TypedDocumentString(`
    subscription AlertRaised {
  alertRaised {
    id
    caseId
  }
}
    `) as unknown as TypedDocumentString<AlertRaisedSubscription, AlertRaisedSubscriptionVariables>;
export const NetworkAnalyticsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<NetworkAnalyticsQuery, NetworkAnalyticsQueryVariables>;
export const SuspectedNetworksDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SuspectedNetworksQuery, SuspectedNetworksQueryVariables>;
export const LabelsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<LabelsQuery, LabelsQueryVariables>;
export const RiskProfileDocument = new TypedDocumentString(`
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
    fragment SourceBriefFields on SourceRecord {
  id
  source
  recordKey
}
fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}`) as unknown as TypedDocumentString<RiskProfileQuery, RiskProfileQueryVariables>;
export const IndicatorHitsDocument = new TypedDocumentString(`
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
    fragment SourceBriefFields on SourceRecord {
  id
  source
  recordKey
}
fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}`) as unknown as TypedDocumentString<IndicatorHitsQuery, IndicatorHitsQueryVariables>;
export const IndicatorsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<IndicatorsQuery, IndicatorsQueryVariables>;
export const FlaggedDocument = new TypedDocumentString(`
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
fragment FreshnessFields on AnalysisFreshness {
  source
  asOf
  computedAt
  updatedAt
  pending
  stale
}`) as unknown as TypedDocumentString<FlaggedQuery, FlaggedQueryVariables>;
export const FlaggedExportDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<FlaggedExportQuery, FlaggedExportQueryVariables>;
export const RiskRulesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RiskRulesQuery, RiskRulesQueryVariables>;
export const OperationsDocument = new TypedDocumentString(`
    query Operations {
  operations {
    ...OperationSummaryFields
  }
}
    fragment OperationSummaryFields on OperationSummary {
  id
  name
  startDate
  endDate
  lead
  description
}`) as unknown as TypedDocumentString<OperationsQuery, OperationsQueryVariables>;
export const OperationDashboardDocument = new TypedDocumentString(`
    query OperationDashboard($operationId: ID!, $bucket: BucketSize) {
  operationDashboard(operationId: $operationId, bucket: $bucket) {
    operation {
      ...OperationSummaryFields
    }
    visits
    premisesVisited
    peopleEncountered
    potentialVictimsIdentified
    safeguarded
    referralsByKind {
      key
      count
    }
    offencesByCategory {
      key
      count
    }
    visitOutcomes {
      key
      count
    }
    buckets {
      start
      end
      visits
      premisesVisited
      peopleEncountered
      potentialVictimsIdentified
      safeguarded
      referrals
      offences
    }
    bucketSize
    premisesIds
  }
}
    fragment OperationSummaryFields on OperationSummary {
  id
  name
  startDate
  endDate
  lead
  description
}`) as unknown as TypedDocumentString<OperationDashboardQuery, OperationDashboardQueryVariables>;
export const LinkDocument = new TypedDocumentString(`
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
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment SourceFields on SourceRecord {
  id
  source
  recordKey
  recordedAt
  summary
  grading {
    ...GradingFields
  }
}`) as unknown as TypedDocumentString<LinkQuery, LinkQueryVariables>;
export const ChartsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ChartsQuery, ChartsQueryVariables>;
export const ChartDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ChartQuery, ChartQueryVariables>;
export const SaveDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SaveMutation, SaveMutationVariables>;
export const DeleteDocument = new TypedDocumentString(`
    mutation Delete($id: ID!) {
  deleteChart(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteMutation, DeleteMutationVariables>;
export const CasesDocument = new TypedDocumentString(`
    query Cases {
  cases {
    id
    name
    handlingCode
    myRight
    createdAt
    members {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CasesQuery, CasesQueryVariables>;
export const CaseDocument = new TypedDocumentString(`
    query Case($id: ID!) {
  case(id: $id) {
    id
    name
    handlingCode
    handlingConditions
    classification
    needToKnow
    createdAt
    createdBy
    myRight
    members {
      name
      role
      accountRole
      addedAt
    }
    charts {
      id
      name
      access
      nodeCount
      edgeCount
      version
      savedBy
      updatedAt
    }
    snapshots {
      id
      title
      createdAt
      handlingCode
    }
    notes {
      id
      text
      author
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<CaseQuery, CaseQueryVariables>;
export const CreateCaseDocument = new TypedDocumentString(`
    mutation CreateCase($input: NewCaseInput!) {
  createCase(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateCaseMutation, CreateCaseMutationVariables>;
export const AddCaseMemberDocument = new TypedDocumentString(`
    mutation AddCaseMember($caseId: ID!, $member: String!, $role: CaseRole!) {
  addCaseMember(caseId: $caseId, member: $member, role: $role) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddCaseMemberMutation, AddCaseMemberMutationVariables>;
export const RemoveCaseMemberDocument = new TypedDocumentString(`
    mutation RemoveCaseMember($caseId: ID!, $member: String!) {
  removeCaseMember(caseId: $caseId, member: $member) {
    id
  }
}
    `) as unknown as TypedDocumentString<RemoveCaseMemberMutation, RemoveCaseMemberMutationVariables>;
export const ChartSharingDocument = new TypedDocumentString(`
    query ChartSharing($id: ID!) {
  chart(id: $id) {
    id
    name
    owner
    access
    version
    shares {
      kind
      id
      name
      mode
    }
  }
  chartVersions(id: $id) {
    version
    savedAt
    savedBy
    restoredFrom
    entityIds
  }
}
    `) as unknown as TypedDocumentString<ChartSharingQuery, ChartSharingQueryVariables>;
export const ShareChartDocument = new TypedDocumentString(`
    mutation ShareChart($id: ID!, $with: ShareTarget!, $mode: ShareMode!) {
  shareChart(id: $id, with: $with, mode: $mode) {
    id
  }
}
    `) as unknown as TypedDocumentString<ShareChartMutation, ShareChartMutationVariables>;
export const UnshareChartDocument = new TypedDocumentString(`
    mutation UnshareChart($id: ID!, $with: ShareTarget!) {
  unshareChart(id: $id, with: $with) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnshareChartMutation, UnshareChartMutationVariables>;
export const RestoreChartVersionDocument = new TypedDocumentString(`
    mutation RestoreChartVersion($id: ID!, $version: Int!) {
  restoreChartVersion(id: $id, version: $version) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<RestoreChartVersionMutation, RestoreChartVersionMutationVariables>;
export const ChartPresenceDocument = new TypedDocumentString(`
    mutation ChartPresence($chartId: ID!) {
  chartPresence(chartId: $chartId) {
    chartId
    others {
      name
      displayName
      via
      since
    }
    version
    changedBy
    changedAt
    noteCount
  }
}
    `) as unknown as TypedDocumentString<ChartPresenceMutation, ChartPresenceMutationVariables>;
export const NotesOfChartDocument = new TypedDocumentString(`
    query NotesOfChart($id: ID!) {
  chart(id: $id) {
    id
    notes {
      id
      text
      author
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<NotesOfChartQuery, NotesOfChartQueryVariables>;
export const NotesOfEntityDocument = new TypedDocumentString(`
    query NotesOfEntity($id: ID!) {
  entity(id: $id) {
    id
    annotations {
      id
      text
      author
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<NotesOfEntityQuery, NotesOfEntityQueryVariables>;
export const NotesOfLinkDocument = new TypedDocumentString(`
    query NotesOfLink($id: ID!) {
  link(id: $id) {
    id
    annotations {
      id
      text
      author
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<NotesOfLinkQuery, NotesOfLinkQueryVariables>;
export const AnnotateDocument = new TypedDocumentString(`
    mutation Annotate($targetId: ID!, $text: String!) {
  annotate(targetId: $targetId, text: $text) {
    id
    text
    author
    createdAt
  }
}
    `) as unknown as TypedDocumentString<AnnotateMutation, AnnotateMutationVariables>;
export const CircuitsDocument = new TypedDocumentString(`
    query Circuits($ids: [ID!]!, $windowDays: Int, $minPremises: Int, $asKnownOn: Date) {
  circuits(
    ids: $ids
    windowDays: $windowDays
    minPremises: $minPremises
    asKnownOn: $asKnownOn
    first: 200
  ) {
    kind
    people {
      id
      label
    }
    premises {
      id
      label
    }
    from
    to
    moves
    stays {
      id
      personId
      premisesId
      validFrom
      validTo
    }
  }
}
    `) as unknown as TypedDocumentString<CircuitsQuery, CircuitsQueryVariables>;
export const ExportSelectionDocument = new TypedDocumentString(`
    query ExportSelection($format: ExportFormat!, $selection: SelectionInput!, $unmaskReason: String) {
  exportSelection(
    format: $format
    selection: $selection
    unmaskReason: $unmaskReason
  ) {
    filename
    mediaType
    encoding
    content
    entityCount
    linkCount
    masked
    maskedCount
    truncated
    truncation
  }
}
    `) as unknown as TypedDocumentString<ExportSelectionQuery, ExportSelectionQueryVariables>;
export const SnapshotsDocument = new TypedDocumentString(`
    query Snapshots {
  snapshots(first: 20) {
    id
    title
    createdAt
    version
    supersededBy
    marking
    masked
    hash
    nodeCount
    edgeCount
    files {
      html
      pdf
      png
    }
  }
}
    `) as unknown as TypedDocumentString<SnapshotsQuery, SnapshotsQueryVariables>;
export const CreateSnapshotDocument = new TypedDocumentString(`
    mutation CreateSnapshot($input: CreateSnapshotInput!) {
  createSnapshot(input: $input) {
    id
    title
    createdAt
    version
    supersededBy
    marking
    masked
    hash
    nodeCount
    edgeCount
    files {
      html
      pdf
      png
    }
  }
}
    `) as unknown as TypedDocumentString<CreateSnapshotMutation, CreateSnapshotMutationVariables>;
export const EditTypesDocument = new TypedDocumentString(`
    query EditTypes {
  entityTypes {
    name
    displayName
    properties {
      ...EditPropertyFields
    }
  }
  linkTypes {
    name
    verb
    from
    to
    roles
    properties {
      ...EditPropertyFields
    }
  }
}
    fragment EditPropertyFields on PropertyInfo {
  name
  kind
  values
  list
  required
  editable
  description
}`) as unknown as TypedDocumentString<EditTypesQuery, EditTypesQueryVariables>;
export const CreateEntityDocument = new TypedDocumentString(`
    mutation CreateEntity($input: CreateEntityInput!) {
  createEntity(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateEntityMutation, CreateEntityMutationVariables>;
export const UpdateEntityDocument = new TypedDocumentString(`
    mutation UpdateEntity($id: ID!, $properties: [PropertyInput!]!, $provenance: ProvenanceInput!) {
  updateEntity(id: $id, properties: $properties, provenance: $provenance) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateEntityMutation, UpdateEntityMutationVariables>;
export const CreateLinkDocument = new TypedDocumentString(`
    mutation CreateLink($input: CreateLinkInput!) {
  createLink(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateLinkMutation, CreateLinkMutationVariables>;
export const UpdateLinkDocument = new TypedDocumentString(`
    mutation UpdateLink($id: ID!, $input: UpdateLinkInput!, $provenance: ProvenanceInput!) {
  updateLink(id: $id, input: $input, provenance: $provenance) {
    id
    source {
      id
    }
    target {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateLinkMutation, UpdateLinkMutationVariables>;
export const ImportPreviewDocument = new TypedDocumentString(`
    query ImportPreview($source: String!, $mapping: String!, $fileName: String!, $content: String!, $rows: Int) {
  importPreview(
    source: $source
    mapping: $mapping
    fileName: $fileName
    content: $content
    rows: $rows
  ) {
    rows
    records {
      line
      recordKey
      summary
      entities {
        type
        id
        properties {
          name
          value
        }
      }
      links {
        type
        from
        to
        role
      }
    }
    errors {
      ...RowErrorFields
    }
    warnings {
      ...RowErrorFields
    }
  }
}
    fragment RowErrorFields on ImportRowError {
  file
  line
  column
  value
  reason
}`) as unknown as TypedDocumentString<ImportPreviewQuery, ImportPreviewQueryVariables>;
export const StartImportDocument = new TypedDocumentString(`
    mutation StartImport($source: String!, $mapping: String!, $fileName: String!, $content: String!, $resolve: Boolean) {
  startImport(
    source: $source
    mapping: $mapping
    fileName: $fileName
    content: $content
    resolve: $resolve
  ) {
    ...ImportJobFields
  }
}
    fragment RowErrorFields on ImportRowError {
  file
  line
  column
  value
  reason
}
fragment ImportResultFields on ImportResult {
  rows
  imported
  skipped
  bad
  created
  changed
  unchanged
  entities
  links
  valuesLeftOut
  linksNotMade
  errors {
    ...RowErrorFields
  }
  warnings {
    ...RowErrorFields
  }
}
fragment ImportJobFields on ImportJob {
  id
  status
  phase
  done
  total
  rowsPerSecond
  secondsLeft
  startedAt
  finishedAt
  error
  result {
    ...ImportResultFields
  }
  resolution {
    records
    newRecords
    candidatePairs
    merged
    review
  }
}`) as unknown as TypedDocumentString<StartImportMutation, StartImportMutationVariables>;
export const ImportJobDocument = new TypedDocumentString(`
    query ImportJob($id: ID!) {
  importJob(id: $id) {
    ...ImportJobFields
  }
}
    fragment RowErrorFields on ImportRowError {
  file
  line
  column
  value
  reason
}
fragment ImportResultFields on ImportResult {
  rows
  imported
  skipped
  bad
  created
  changed
  unchanged
  entities
  links
  valuesLeftOut
  linksNotMade
  errors {
    ...RowErrorFields
  }
  warnings {
    ...RowErrorFields
  }
}
fragment ImportJobFields on ImportJob {
  id
  status
  phase
  done
  total
  rowsPerSecond
  secondsLeft
  startedAt
  finishedAt
  error
  result {
    ...ImportResultFields
  }
  resolution {
    records
    newRecords
    candidatePairs
    merged
    review
  }
}`) as unknown as TypedDocumentString<ImportJobQuery, ImportJobQueryVariables>;
export const ImportFileDocument = new TypedDocumentString(`
    mutation ImportFile($source: String!, $mapping: String!, $fileName: String!, $content: String!) {
  importFile(
    source: $source
    mapping: $mapping
    fileName: $fileName
    content: $content
  ) {
    ...ImportResultFields
  }
}
    fragment RowErrorFields on ImportRowError {
  file
  line
  column
  value
  reason
}
fragment ImportResultFields on ImportResult {
  rows
  imported
  skipped
  bad
  created
  changed
  unchanged
  entities
  links
  valuesLeftOut
  linksNotMade
  errors {
    ...RowErrorFields
  }
  warnings {
    ...RowErrorFields
  }
}`) as unknown as TypedDocumentString<ImportFileMutation, ImportFileMutationVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue($first: Int, $offset: Int, $entityType: EntityType) {
  reviewQueue(first: $first, offset: $offset, entityType: $entityType) {
    total
    items {
      ...MatchDecisionFields
    }
  }
}
    fragment MatchRecordFields on MatchRecord {
  id
  entityType
  label
  fields {
    name
    value
  }
  sources
  resolvedId
}
fragment MatchDecisionFields on MatchDecision {
  id
  entityType
  status
  probability
  weight
  swapped
  evidence {
    field
    level
    weight
    a
    b
  }
  rule
  decidedBy
  decidedAt
  note
  history
  a {
    ...MatchRecordFields
  }
  b {
    ...MatchRecordFields
  }
}`) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const AcceptMatchDocument = new TypedDocumentString(`
    mutation AcceptMatch($id: ID!, $note: String) {
  acceptMatch(id: $id, note: $note) {
    ...MatchDecisionFields
  }
}
    fragment MatchRecordFields on MatchRecord {
  id
  entityType
  label
  fields {
    name
    value
  }
  sources
  resolvedId
}
fragment MatchDecisionFields on MatchDecision {
  id
  entityType
  status
  probability
  weight
  swapped
  evidence {
    field
    level
    weight
    a
    b
  }
  rule
  decidedBy
  decidedAt
  note
  history
  a {
    ...MatchRecordFields
  }
  b {
    ...MatchRecordFields
  }
}`) as unknown as TypedDocumentString<AcceptMatchMutation, AcceptMatchMutationVariables>;
export const RejectMatchDocument = new TypedDocumentString(`
    mutation RejectMatch($id: ID!, $note: String) {
  rejectMatch(id: $id, note: $note) {
    ...MatchDecisionFields
  }
}
    fragment MatchRecordFields on MatchRecord {
  id
  entityType
  label
  fields {
    name
    value
  }
  sources
  resolvedId
}
fragment MatchDecisionFields on MatchDecision {
  id
  entityType
  status
  probability
  weight
  swapped
  evidence {
    field
    level
    weight
    a
    b
  }
  rule
  decidedBy
  decidedAt
  note
  history
  a {
    ...MatchRecordFields
  }
  b {
    ...MatchRecordFields
  }
}`) as unknown as TypedDocumentString<RejectMatchMutation, RejectMatchMutationVariables>;
export const UndoMergeDocument = new TypedDocumentString(`
    mutation UndoMerge($id: ID!, $note: String) {
  undoMerge(id: $id, note: $note) {
    ...MatchDecisionFields
  }
}
    fragment MatchRecordFields on MatchRecord {
  id
  entityType
  label
  fields {
    name
    value
  }
  sources
  resolvedId
}
fragment MatchDecisionFields on MatchDecision {
  id
  entityType
  status
  probability
  weight
  swapped
  evidence {
    field
    level
    weight
    a
    b
  }
  rule
  decidedBy
  decidedAt
  note
  history
  a {
    ...MatchRecordFields
  }
  b {
    ...MatchRecordFields
  }
}`) as unknown as TypedDocumentString<UndoMergeMutation, UndoMergeMutationVariables>;
export const ResolvedClustersDocument = new TypedDocumentString(`
    query ResolvedClusters($first: Int, $offset: Int, $entityType: EntityType) {
  resolvedClusters(first: $first, offset: $offset, entityType: $entityType) {
    total
    items {
      id
      entityType
      records {
        id
        label
      }
      merges {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResolvedClustersQuery, ResolvedClustersQueryVariables>;
export const ResolvedClusterDocument = new TypedDocumentString(`
    query ResolvedCluster($id: ID!) {
  resolvedCluster(id: $id) {
    id
    entityType
    records {
      ...MatchRecordFields
    }
    merges {
      ...MatchDecisionFields
    }
  }
}
    fragment MatchRecordFields on MatchRecord {
  id
  entityType
  label
  fields {
    name
    value
  }
  sources
  resolvedId
}
fragment MatchDecisionFields on MatchDecision {
  id
  entityType
  status
  probability
  weight
  swapped
  evidence {
    field
    level
    weight
    a
    b
  }
  rule
  decidedBy
  decidedAt
  note
  history
  a {
    ...MatchRecordFields
  }
  b {
    ...MatchRecordFields
  }
}`) as unknown as TypedDocumentString<ResolvedClusterQuery, ResolvedClusterQueryVariables>;
export const ModelTypesDocument = new TypedDocumentString(`
    query ModelTypes {
  entityTypes {
    name
    displayName
    plural
    colour
    glyph
    declared
  }
  linkTypes {
    name
    verb
    colour
    directed
    declared
  }
}
    `) as unknown as TypedDocumentString<ModelTypesQuery, ModelTypesQueryVariables>;
export const OccupancyStaysDocument = new TypedDocumentString(`
    query OccupancyStays($ids: [ID!]!, $asKnownOn: Date) {
  stays(ids: $ids, asKnownOn: $asKnownOn, followPeople: true) {
    id
    type
    validFrom
    validTo
    person {
      id
      label
    }
    premises {
      id
      label
    }
  }
}
    `) as unknown as TypedDocumentString<OccupancyStaysQuery, OccupancyStaysQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!, $types: [EntityType!], $first: Int) {
  search(text: $text, types: $types, first: $first) {
    edges {
      score
      matched
      node {
        ...NodeFields
      }
    }
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}`) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const NeighbourhoodDocument = new TypedDocumentString(`
    query Neighbourhood($ids: [ID!]!, $hops: Int, $limit: Int, $filter: LinkFilter, $threshold: Int) {
  neighbourhood(
    ids: $ids
    hops: $hops
    limit: $limit
    filter: $filter
    supernodeThreshold: $threshold
  ) {
    ...GraphFields
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}
fragment EdgeFields on GraphEdge {
  id
  type
  source
  target
  role
  validFrom
  validTo
  recordedAt
  weight
  grading {
    ...GradingFields
  }
}
fragment GraphFields on Graph {
  nodes {
    ...NodeFields
  }
  edges {
    ...EdgeFields
  }
  truncated
  truncation
}`) as unknown as TypedDocumentString<NeighbourhoodQuery, NeighbourhoodQueryVariables>;
export const Neighbourhood2Document = new TypedDocumentString(`
    query Neighbourhood2($ids: [ID!]!) {
  neighbourhood(ids: $ids, hops: 2) {
    ...GraphFields
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}
fragment EdgeFields on GraphEdge {
  id
  type
  source
  target
  role
  validFrom
  validTo
  recordedAt
  weight
  grading {
    ...GradingFields
  }
}
fragment GraphFields on Graph {
  nodes {
    ...NodeFields
  }
  edges {
    ...EdgeFields
  }
  truncated
  truncation
}`) as unknown as TypedDocumentString<Neighbourhood2Query, Neighbourhood2QueryVariables>;
export const PathsDocument = new TypedDocumentString(`
    query Paths($from: ID!, $to: ID!, $filter: LinkFilter) {
  paths(from: $from, to: $to, maxLength: 6, filter: $filter) {
    ...GraphFields
    paths {
      nodeIds
    }
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}
fragment EdgeFields on GraphEdge {
  id
  type
  source
  target
  role
  validFrom
  validTo
  recordedAt
  weight
  grading {
    ...GradingFields
  }
}
fragment GraphFields on Graph {
  nodes {
    ...NodeFields
  }
  edges {
    ...EdgeFields
  }
  truncated
  truncation
}`) as unknown as TypedDocumentString<PathsQuery, PathsQueryVariables>;
export const ConnectingDocument = new TypedDocumentString(`
    query Connecting($ids: [ID!]!, $filter: LinkFilter) {
  connectingNetwork(ids: $ids, filter: $filter) {
    ...GraphFields
    paths {
      nodeIds
    }
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}
fragment EdgeFields on GraphEdge {
  id
  type
  source
  target
  role
  validFrom
  validTo
  recordedAt
  weight
  grading {
    ...GradingFields
  }
}
fragment GraphFields on Graph {
  nodes {
    ...NodeFields
  }
  edges {
    ...EdgeFields
  }
  truncated
  truncation
}`) as unknown as TypedDocumentString<ConnectingQuery, ConnectingQueryVariables>;
export const CommonDocument = new TypedDocumentString(`
    query Common($ids: [ID!]!, $filter: LinkFilter) {
  commonNeighbours(ids: $ids, filter: $filter) {
    sharedWith
    node {
      ...NodeFields
    }
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}`) as unknown as TypedDocumentString<CommonQuery, CommonQueryVariables>;
export const SubDocument = new TypedDocumentString(`
    query Sub($ids: [ID!]!) {
  subgraph(ids: $ids) {
    ...GraphFields
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment NodeFields on GraphNode {
  id
  type
  label
  subtitle
  degree
  supernode
  potentialVictim
  suspect
  safeguarded
  riskScore
  kind
  grading {
    ...GradingFields
  }
}
fragment EdgeFields on GraphEdge {
  id
  type
  source
  target
  role
  validFrom
  validTo
  recordedAt
  weight
  grading {
    ...GradingFields
  }
}
fragment GraphFields on Graph {
  nodes {
    ...NodeFields
  }
  edges {
    ...EdgeFields
  }
  truncated
  truncation
}`) as unknown as TypedDocumentString<SubQuery, SubQueryVariables>;
export const LinksAmongDocument = new TypedDocumentString(`
    query LinksAmong($ids: [ID!]!, $among: [ID!], $filter: LinkFilter) {
  linksAmong(ids: $ids, among: $among, filter: $filter) {
    ...EdgeFields
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment EdgeFields on GraphEdge {
  id
  type
  source
  target
  role
  validFrom
  validTo
  recordedAt
  weight
  grading {
    ...GradingFields
  }
}`) as unknown as TypedDocumentString<LinksAmongQuery, LinksAmongQueryVariables>;
export const EntityDocument = new TypedDocumentString(`
    query Entity($id: ID!) {
  entity(id: $id) {
    id
    type
    label
    recordedAt
    grading {
      ...GradingFields
    }
    sources {
      ...SourceFields
    }
    properties {
      name
      value
    }
    ... on Person {
      masked
    }
  }
}
    fragment GradingFields on Grading {
  code
  low
  sourceEvaluation
  intelligenceAssessment
  handlingCode
  handlingConditions
  classification
}
fragment SourceFields on SourceRecord {
  id
  source
  recordKey
  recordedAt
  summary
  grading {
    ...GradingFields
  }
}`) as unknown as TypedDocumentString<EntityQuery, EntityQueryVariables>;
export const TimelineDocument = new TypedDocumentString(`
    query Timeline($ids: [ID!]!) {
  timeline(ids: $ids, limit: 200) {
    date
    endDate
    kind
    description
    entityIds
    linkId
  }
}
    `) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;