/**
 * Lantern's domain model (POLE+ for MSHT): views of the type registry (registry/, decision 0015)
 * under the names callers use. Labels and relationship types may appear in Cypher only from
 * these; everything a caller sends travels as a parameter. docs/model.md is generated from the
 * registry. The views hold the core types, and an installation's extra types too once
 * installTypes has run at start (before the schema is built or any statement runs).
 */
import { CORE_ENTITY_TYPES, CORE_LINK_TYPES } from './registry/core.ts';
import { activeRegistry, CORE_REGISTRY, setActiveRegistry, type Registry } from './registry/registry.ts';

export type EntityType = (typeof CORE_ENTITY_TYPES)[number]['name'];
export type LinkType = (typeof CORE_LINK_TYPES)[number]['name'];

/** The entity types, in registry order. */
export const ENTITY_TYPES: readonly EntityType[] = CORE_REGISTRY.entityTypes.map((t) => t.name as EntityType);

/** GraphQL enum value to Neo4j label. Every entity node also carries the label `Entity`. */
export const LABEL: Record<EntityType, string> = Object.fromEntries(CORE_REGISTRY.entityTypes.map((t) => [t.name, t.label])) as Record<EntityType, string>;

/** Id prefixes: ids are stable strings such as `person-000042`, never Neo4j internal ids. */
export const ID_PREFIX: Record<EntityType, string> = Object.fromEntries(CORE_REGISTRY.entityTypes.map((t) => [t.name, t.idPrefix])) as Record<EntityType, string>;

export interface LinkTypeSpec {
  /** Allowed source and target entity types. */
  from: readonly EntityType[];
  to: readonly EntityType[];
  /** Roles the link may carry, when it carries one. */
  roles?: readonly string[];
  /** Properties only links of this type carry (every link may carry validity, weight and grading). */
  properties?: readonly string[];
  description: string;
}

function linkSpec(t: Registry['linkTypes'][number]): LinkTypeSpec {
  return {
    from: t.from as EntityType[],
    to: t.to as EntityType[],
    ...(t.roles ? { roles: t.roles } : {}),
    ...(t.properties ? { properties: t.properties.map((p) => p.name) } : {}),
    description: t.description,
  };
}

export const LINK_TYPES: Record<LinkType, LinkTypeSpec> = Object.fromEntries(CORE_REGISTRY.linkTypes.map((t) => [t.name, linkSpec(t)])) as Record<LinkType, LinkTypeSpec>;

export const LINK_TYPE_NAMES: readonly LinkType[] = CORE_REGISTRY.linkTypes.map((t) => t.name as LinkType);

/** Whether `name` is an entity type of this installation (core or declared). */
export function isEntityType(name: string): name is EntityType {
  return activeRegistry().entity(name) !== undefined;
}

/** Whether `name` is a link type of this installation (core or declared). */
export function isLinkType(name: string): name is LinkType {
  return activeRegistry().link(name) !== undefined;
}

/**
 * Makes `registry` (the core plus an installation's types, from deployment.ts) this process's
 * model: the views above gain its extra types, so that every caller of them accepts them. Run
 * once at start; the extra names are typed as EntityType and LinkType though the unions name
 * only the core's (their code paths are the generic ones).
 */
export function installTypes(registry: Registry): void {
  if (activeRegistry() !== CORE_REGISTRY) throw new Error('installTypes runs once, at start');
  setActiveRegistry(registry);
  for (const t of registry.entityTypes) {
    const name = t.name as EntityType;
    if (!ENTITY_TYPES.includes(name)) (ENTITY_TYPES as EntityType[]).push(name);
    LABEL[name] = t.label;
    ID_PREFIX[name] = t.idPrefix;
  }
  for (const t of registry.linkTypes) {
    const name = t.name as LinkType;
    if (!LINK_TYPE_NAMES.includes(name)) (LINK_TYPE_NAMES as LinkType[]).push(name);
    LINK_TYPES[name] = linkSpec(t);
  }
  for (const p of LINK_TYPE_NAMES.flatMap(linkPropertiesOf)) if (!TYPE_SPECIFIC_LINK_PROPERTIES.includes(p)) (TYPE_SPECIFIC_LINK_PROPERTIES as string[]).push(p);
}

/** The roles links of `type` may carry (none for most types). */
export function rolesOf(type: LinkType): readonly string[] {
  return LINK_TYPES[type]?.roles ?? [];
}

/** The properties only links of `type` carry (a CALLED link's count, first and last call). */
export function linkPropertiesOf(type: LinkType): readonly string[] {
  return LINK_TYPES[type]?.properties ?? [];
}

/** The link types that carry `property` (one of TYPE_SPECIFIC_LINK_PROPERTIES). */
function linkTypesCarrying(property: string): LinkType[] {
  return LINK_TYPE_NAMES.filter((t) => linkPropertiesOf(t).includes(property));
}

/** Every property some link types carry and the others do not. */
export const TYPE_SPECIFIC_LINK_PROPERTIES: readonly string[] = [...new Set(LINK_TYPE_NAMES.flatMap(linkPropertiesOf))];

/**
 * The first property `link` sets (not null, undefined or '') that links of `type` do not carry
 * (a count on a WORKS_AT link), with the types that do; null when there is none. Imports and edits
 * refuse such a link, so that what a link stores is what its type's chart projection reads.
 */
export function foreignLinkProperty(type: LinkType, link: object): { property: string; carriedBy: LinkType[] } | null {
  const values = link as Record<string, unknown>;
  const own = linkPropertiesOf(type);
  const property = TYPE_SPECIFIC_LINK_PROPERTIES.find((k) => !own.includes(k) && values[k] !== null && values[k] !== undefined && values[k] !== '');
  return property === undefined ? null : { property, carriedBy: linkTypesCarrying(property) };
}

/** UK 3x5x2 grading. */
export const SOURCE_EVALUATIONS = [1, 2, 3] as const; // 1 reliable, 2 untested, 3 not reliable
export const INTELLIGENCE_ASSESSMENTS = ['A', 'B', 'C', 'D', 'E'] as const;
export const HANDLING_CODES = ['P', 'C'] as const; // P lawful sharing permitted, C with conditions
export const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;

export type SourceEvaluation = (typeof SOURCE_EVALUATIONS)[number];
export type IntelligenceAssessment = (typeof INTELLIGENCE_ASSESSMENTS)[number];
export type HandlingCode = (typeof HANDLING_CODES)[number];
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface Grading {
  sourceEvaluation: SourceEvaluation;
  intelligenceAssessment: IntelligenceAssessment;
  handlingCode: HandlingCode;
  classification: Classification;
}

/** Low-grade intelligence (drawn dashed, weighted down in analytics): source 3, or D/E. */
export function isLowGrade(g: Pick<Grading, 'sourceEvaluation' | 'intelligenceAssessment'>): boolean {
  return g.sourceEvaluation === 3 || g.intelligenceAssessment === 'D' || g.intelligenceAssessment === 'E';
}

/** A weight in (0, 1] for analytics: reliable and known directly counts most. */
export function gradeWeight(g: Pick<Grading, 'sourceEvaluation' | 'intelligenceAssessment'>): number {
  const s = { 1: 1, 2: 0.75, 3: 0.4 }[g.sourceEvaluation];
  const i = { A: 1, B: 0.85, C: 0.7, D: 0.45, E: 0.1 }[g.intelligenceAssessment];
  return s * i;
}
