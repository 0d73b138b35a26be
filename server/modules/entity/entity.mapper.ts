/**
 * Stored rows (plain values from the gateway) to the shapes the GraphQL types resolve from:
 * grading ints and codes to enums, missing lists and flags to their defaults, and the
 * generic `properties` list. Pure functions, shared by the entity, search and graph modules.
 */
import { ENTITY_TYPES, LABEL, isLowGrade, linkPropertiesOf, type EntityType, type LinkType } from '../../model/model.ts';
import { activeRegistry } from '../../model/registry/registry.ts';

export type StoredRow = Record<string, unknown>;

export type SourceEvaluationName = 'RELIABLE' | 'UNTESTED' | 'NOT_RELIABLE';
export type ClassificationName = 'OFFICIAL' | 'OFFICIAL_SENSITIVE';

export interface GradingOut {
  sourceEvaluation: SourceEvaluationName;
  intelligenceAssessment: 'A' | 'B' | 'C' | 'D' | 'E';
  handlingCode: 'P' | 'C';
  handlingConditions: string | null;
  classification: ClassificationName;
  code: string;
  low: boolean;
}

export const SOURCE_EVALUATION_NAME: Record<1 | 2 | 3, SourceEvaluationName> = { 1: 'RELIABLE', 2: 'UNTESTED', 3: 'NOT_RELIABLE' };
export const SOURCE_EVALUATION_VALUE: Record<SourceEvaluationName, 1 | 2 | 3> = { RELIABLE: 1, UNTESTED: 2, NOT_RELIABLE: 3 };
export const CLASSIFICATION_VALUE: Record<ClassificationName, 'OFFICIAL' | 'OFFICIAL-SENSITIVE'> = {
  OFFICIAL: 'OFFICIAL',
  OFFICIAL_SENSITIVE: 'OFFICIAL-SENSITIVE',
};

/**
 * The grading stored on a node, link or source record. A record without a grading is shown as
 * untested, not known (2-D) and, so that nothing ungraded is shared by default, handling C.
 */
export function toGrading(row: StoredRow): GradingOut {
  const se = Number(row.sourceEvaluation);
  const sourceEvaluation = se === 1 || se === 2 || se === 3 ? se : 2;
  const ia = String(row.intelligenceAssessment ?? '');
  const intelligenceAssessment = (['A', 'B', 'C', 'D', 'E'].includes(ia) ? ia : 'D') as GradingOut['intelligenceAssessment'];
  const hc = row.handlingCode === 'P' || row.handlingCode === 'C' ? row.handlingCode : 'C';
  const handlingConditions =
    typeof row.handlingConditions === 'string' ? row.handlingConditions : row.handlingCode === undefined || row.handlingCode === null ? 'no handling code recorded' : null;
  const classification: ClassificationName = row.classification === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL_SENSITIVE' : 'OFFICIAL';
  return {
    sourceEvaluation: SOURCE_EVALUATION_NAME[sourceEvaluation],
    intelligenceAssessment,
    handlingCode: hc,
    handlingConditions,
    classification,
    code: `${sourceEvaluation}-${intelligenceAssessment}-${hc}`,
    low: isLowGrade({ sourceEvaluation, intelligenceAssessment }),
  };
}

/** Properties that are Lantern's bookkeeping, not the entity's own (every entity may carry them). */
export const SYSTEM_PROPERTIES: ReadonlySet<string> = new Set([
  'id', 'type', 'label', 'searchText', 'sourceIds', 'sourceEvaluation', 'intelligenceAssessment', 'handlingCode',
  'handlingConditions', 'classification', 'recordedAt', 'updatedAt', 'retired', 'retiredAt', 'retiredReason',
  'synthetic', 'degree', 'postcodeCompact', 'masked', 'subtitle', 'cardKind',
]);

export interface PropertyOut {
  name: string;
  value: string | null;
}

/** An entity's own properties as name and value text, sorted by name, empty ones left out. */
export function toProperties(row: StoredRow): PropertyOut[] {
  return Object.entries(row)
    .filter(([k, v]) => !SYSTEM_PROPERTIES.has(k) && v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([name, v]) => ({ name, value: Array.isArray(v) ? v.map(String).join(', ') : String(v) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** GraphQL type name of each entity type: the same as its Neo4j label. */
export const TYPENAME: Record<EntityType, string> = LABEL;

export function entityTypeOf(row: StoredRow): EntityType {
  const t = String(row.type ?? '');
  return (ENTITY_TYPES as readonly string[]).includes(t) ? (t as EntityType) : 'PERSON';
}

/** The object an Entity type resolves from: stored properties with defaults and a grading. */
export interface EntityOut extends StoredRow {
  id: string;
  type: EntityType;
  label: string;
  grading: GradingOut;
  properties: PropertyOut[];
  retired: boolean;
  degree: number;
  sourceIds: string[];
}

const LIST_PROPERTIES = ['aliases', 'nationalities', 'agencies'];
const FLAG_PROPERTIES = ['potentialVictim', 'suspect', 'safeguarded', 'obscuredNumber', 'masked'];

export function toEntity(row: StoredRow): EntityOut {
  const { searchText: _s, ...rest } = row;
  const out: EntityOut = {
    ...rest,
    id: String(row.id),
    type: entityTypeOf(row),
    label: String(row.label ?? row.id),
    grading: toGrading(row),
    properties: toProperties(row),
    retired: row.retired === true,
    degree: Number(row.degree ?? 0),
    sourceIds: Array.isArray(row.sourceIds) ? row.sourceIds.map(String) : [],
  };
  for (const k of LIST_PROPERTIES) out[k] = Array.isArray(row[k]) ? row[k] : [];
  for (const k of FLAG_PROPERTIES) out[k] = row[k] === true;
  // Lists and flags of the registry's types (an installation's too) are never null.
  for (const p of activeRegistry().entity(out.type)?.properties ?? []) {
    if (p.list && !Array.isArray(row[p.name])) out[p.name] = [];
    else if (p.kind === 'boolean' && p.required) out[p.name] = row[p.name] === true;
  }
  if (out.type === 'PERSON' && typeof row.fullName !== 'string') out.fullName = out.label;
  if (out.type === 'PERSON' && typeof row.birthYear !== 'number') {
    out.birthYear = typeof row.dateOfBirth === 'string' && /^\d{4}/.test(row.dateOfBirth) ? Number(row.dateOfBirth.slice(0, 4)) : null;
  }
  return out;
}

/**
 * The stored properties a GraphNode is made from (toGraphNode, and what masking a potential
 * victim reads): identity, the stored chart card (label, subtitle, cardKind: server/model/card.ts),
 * the flags the chart styles by, and the grading. The same list for every type: the graph
 * queries project these, not every property (docs/decisions/0018-stored-chart-card.md).
 * Keep in step with the projections in cypher/queries/ (a unit test checks).
 */
export const CHART_NODE_PROPERTIES = [
  'id', 'type', 'label', 'subtitle', 'cardKind', 'potentialVictim', 'suspect', 'safeguarded', 'riskScore',
  'sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions', 'classification', 'recordedAt',
] as const;

/** The stored properties a GraphEdge is made from (toGraphEdge), besides its type and ends. */
export const CHART_LINK_PROPERTIES = [
  'id', 'role', 'validFrom', 'validTo', 'recordedAt', 'weight', 'count', 'firstAt', 'lastAt', 'sourceEvaluation',
  'intelligenceAssessment', 'handlingCode', 'handlingConditions', 'classification',
] as const;

/**
 * Of those, the dates and datetimes: the graph queries project them as `toString(x.p)`, the same
 * ISO text toPlain makes of them. neo4j-driver decodes a temporal value with its 64-bit Integer
 * arithmetic, ~12 µs of CPU a value (400 chart rows with 5 each: 33 ms of client CPU against
 * 9 ms as text, on the 100k store); a chart answer holds hundreds.
 */
export const CHART_TEMPORAL_PROPERTIES: ReadonlySet<string> = new Set(['recordedAt', 'validFrom', 'validTo', 'firstAt', 'lastAt']);

/** The object a GraphNode resolves from. */
export interface GraphNodeOut {
  id: string;
  type: EntityType;
  label: string;
  subtitle: string | null;
  degree: number;
  supernode: boolean;
  potentialVictim: boolean;
  suspect: boolean;
  safeguarded: boolean;
  riskScore: number | null;
  kind: string | null;
  grading: GradingOut;
  recordedAt: string | null;
  hops: number | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The chart's second line for an entity: its stored card's (server/model/card.ts). */
export function subtitleOf(row: StoredRow): string | null {
  return str(row.subtitle) ?? null;
}

/** Premises kind, offence category, phone line type, ...: whatever the chart styles the node by (the stored card's). */
function kindOf(row: StoredRow): string | null {
  return str(row.cardKind) ?? null;
}

export function toGraphNode(row: StoredRow, o: { supernodeThreshold?: number; expanded?: boolean; hops?: number } = {}): GraphNodeOut {
  const degree = Number(row.degree ?? 0);
  return {
    id: String(row.id),
    type: entityTypeOf(row),
    label: String(row.label ?? row.id),
    subtitle: subtitleOf(row),
    degree,
    supernode: o.supernodeThreshold !== undefined && !o.expanded && degree > o.supernodeThreshold,
    potentialVictim: row.potentialVictim === true,
    suspect: row.suspect === true,
    safeguarded: row.safeguarded === true,
    riskScore: typeof row.riskScore === 'number' ? row.riskScore : null,
    kind: kindOf(row),
    grading: toGrading(row),
    recordedAt: str(row.recordedAt) ?? null,
    hops: o.hops ?? null,
  };
}

/** A link row: the relationship's properties plus `type`, `source` and `target` ids. */
export interface GraphEdgeOut {
  id: string;
  type: string;
  source: string;
  target: string;
  role: string | null;
  validFrom: string | null;
  validTo: string | null;
  recordedAt: string | null;
  weight: number | null;
  count: number | null;
  firstAt: string | null;
  lastAt: string | null;
  /** CALLED links made from call records: the calls' total length (read where the statement projects it). */
  totalDurationSeconds?: number | null;
  grading: GradingOut;
  sourceIds: string[];
  retired: boolean;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function toGraphEdge(row: StoredRow): GraphEdgeOut {
  return {
    id: String(row.id),
    type: String(row.type),
    source: String(row.source),
    target: String(row.target),
    role: str(row.role) ?? null,
    validFrom: str(row.validFrom)?.slice(0, 10) ?? null,
    validTo: str(row.validTo)?.slice(0, 10) ?? null,
    recordedAt: str(row.recordedAt) ?? null,
    weight: num(row.weight),
    count: num(row.count),
    firstAt: str(row.firstAt) ?? null,
    lastAt: str(row.lastAt) ?? null,
    ...(row.totalDurationSeconds !== undefined ? { totalDurationSeconds: num(row.totalDurationSeconds) } : {}),
    grading: toGrading(row),
    sourceIds: Array.isArray(row.sourceIds) ? row.sourceIds.map(String) : [],
    retired: row.retired === true,
  };
}

/**
 * A link row's own properties: those only links of its type carry (a CALLED link's count, first
 * and last call; an installation's declared link properties), as name and value pairs, from a
 * row that holds the relationship's every property.
 */
export function linkProperties(row: StoredRow): PropertyOut[] {
  return linkPropertiesOf(String(row.type) as LinkType)
    .filter((name) => row[name] !== null && row[name] !== undefined)
    .map((name) => ({ name, value: Array.isArray(row[name]) ? (row[name] as unknown[]).map(String).join(', ') : String(row[name]) }));
}

/**
 * What is about a masked potential victim: the masked people and the links touching one (ids).
 * Free text on them may name the person the pseudonym hides, so a caller who has not unmasked
 * gets their source records without the summary (an analyst's provenance, an import mapping's
 * summary template, an FtM record's "Person <name>": withheldSources) and none of the analysts'
 * notes on them. Exports, briefings and snapshots (modules/selection, modules/snapshot) and the
 * API (Entity and Link sources and annotations) all decide it here.
 */
export function aboutMasked(
  entities: readonly { id: string; masked?: unknown }[],
  links: readonly { id: string; source: string; target: string }[] = [],
): Set<string> {
  const out = new Set(entities.filter((e) => e.masked === true).map((e) => e.id));
  for (const l of links) if (out.has(l.source) || out.has(l.target)) out.add(l.id);
  return out;
}

/** The source records cited by what is about a masked potential victim (aboutMasked): given without their summary. */
export function withheldSources(
  entities: readonly { id: string; masked?: unknown; sourceIds: readonly string[] }[],
  links: readonly { id: string; source: string; target: string; sourceIds: readonly string[] }[] = [],
): Set<string> {
  const about = aboutMasked(entities, links);
  const out = new Set<string>();
  for (const x of [...entities, ...links]) if (about.has(x.id)) x.sourceIds.forEach((s) => out.add(s));
  return out;
}

/** A source record row to the SourceRecord type; `withheld`: without its summary (withheldSources). */
export function toSourceRecord(row: StoredRow, withheld = false) {
  return {
    id: String(row.id),
    source: String(row.source ?? ''),
    recordKey: String(row.recordKey ?? ''),
    file: str(row.file) ?? null,
    line: num(row.line),
    recordedAt: str(row.recordedAt) ?? null,
    importedAt: str(row.importedAt) ?? null,
    grading: toGrading(row),
    summary: withheld ? null : (str(row.summary) ?? null),
  };
}
