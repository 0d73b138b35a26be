/**
 * Lantern's domain model (POLE+ for MSHT): the closed lists of entity types and link types.
 * Labels and relationship types may appear in Cypher only from these lists; everything a caller
 * sends travels as a parameter. See docs/model.md for the properties of each.
 */

export const ENTITY_TYPES = [
  'PERSON',
  'PREMISES',
  'PHONE',
  'EMAIL',
  'VEHICLE',
  'BANK_ACCOUNT',
  'ORGANISATION',
  'ADVERT',
  'OFFENCE',
  'OPERATION',
  'VISIT',
  'REFERRAL',
  'RISK_FACTOR',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** GraphQL enum value to Neo4j label. Every entity node also carries the label `Entity`. */
export const LABEL: Record<EntityType, string> = {
  PERSON: 'Person',
  PREMISES: 'Premises',
  PHONE: 'Phone',
  EMAIL: 'Email',
  VEHICLE: 'Vehicle',
  BANK_ACCOUNT: 'BankAccount',
  ORGANISATION: 'Organisation',
  ADVERT: 'Advert',
  OFFENCE: 'Offence',
  OPERATION: 'Operation',
  VISIT: 'Visit',
  REFERRAL: 'Referral',
  RISK_FACTOR: 'RiskFactor',
};

/** Id prefixes: ids are stable strings such as `person-000042`, never Neo4j internal ids. */
export const ID_PREFIX: Record<EntityType, string> = {
  PERSON: 'person',
  PREMISES: 'premises',
  PHONE: 'phone',
  EMAIL: 'email',
  VEHICLE: 'vehicle',
  BANK_ACCOUNT: 'account',
  ORGANISATION: 'org',
  ADVERT: 'advert',
  OFFENCE: 'offence',
  OPERATION: 'operation',
  VISIT: 'visit',
  REFERRAL: 'referral',
  RISK_FACTOR: 'risk',
};

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

export const LINK_TYPES = {
  USES_PHONE: { from: ['PERSON', 'ORGANISATION'], to: ['PHONE'], description: 'uses a phone number' },
  USES_EMAIL: { from: ['PERSON', 'ORGANISATION'], to: ['EMAIL'], description: 'uses an email address' },
  LIVES_AT: { from: ['PERSON'], to: ['PREMISES'], description: 'lives at (a dated stay)' },
  WORKS_AT: { from: ['PERSON'], to: ['PREMISES'], description: 'works at (a dated stay)' },
  ASSOCIATE_OF: {
    from: ['PERSON'],
    to: ['PERSON'],
    roles: ['FAMILY', 'PARTNER', 'CONTROLS', 'ASSOCIATE', 'DRIVES_FOR'],
    description: 'associate of (family, partner, controls, ...)',
  },
  KEEPER_OF: { from: ['PERSON', 'ORGANISATION'], to: ['VEHICLE'], description: 'registered keeper of a vehicle' },
  DRIVES: { from: ['PERSON'], to: ['VEHICLE'], description: 'seen driving a vehicle' },
  VEHICLE_SEEN_AT: { from: ['VEHICLE'], to: ['PREMISES'], description: 'vehicle seen at premises' },
  HOLDS_ACCOUNT: { from: ['PERSON', 'ORGANISATION'], to: ['BANK_ACCOUNT'], description: 'holds a bank account' },
  DIRECTOR_OF: { from: ['PERSON'], to: ['ORGANISATION'], description: 'director or officer of an organisation' },
  OPERATES: {
    from: ['ORGANISATION', 'PERSON'],
    to: ['PREMISES'],
    roles: ['OWNER', 'OPERATOR', 'CONTROLLER', 'LANDLORD'],
    description: 'operates or controls premises',
  },
  PREMISES_PHONE: { from: ['PREMISES'], to: ['PHONE'], description: 'phone number of premises' },
  ADVERT_LISTS_PHONE: { from: ['ADVERT'], to: ['PHONE'], description: 'advert lists a phone number' },
  ADVERT_LOCATED_AT: { from: ['ADVERT'], to: ['PREMISES'], description: 'advert gives premises as its location' },
  ADVERT_FEATURES: { from: ['ADVERT'], to: ['PERSON'], description: 'advert features a person' },
  CALLED: {
    from: ['PHONE'],
    to: ['PHONE'],
    properties: ['count', 'firstAt', 'lastAt', 'totalDurationSeconds'],
    description: 'call records between phones (count, first, last, total duration)',
  },
  INVOLVED_IN: {
    from: ['PERSON', 'ORGANISATION'],
    to: ['OFFENCE'],
    roles: ['SUSPECT', 'VICTIM', 'WITNESS'],
    description: 'involved in an offence',
  },
  OCCURRED_AT: { from: ['OFFENCE'], to: ['PREMISES'], description: 'offence occurred at premises' },
  INCLUDES_VISIT: { from: ['OPERATION'], to: ['VISIT'], description: 'operation includes a visit' },
  VISIT_AT: { from: ['VISIT'], to: ['PREMISES'], description: 'visit took place at premises' },
  ENCOUNTERED: {
    from: ['VISIT'],
    to: ['PERSON'],
    roles: ['WORKER', 'OCCUPANT', 'MANAGER', 'CUSTOMER', 'POTENTIAL_VICTIM', 'SUSPECT'],
    description: 'person encountered at a visit',
  },
  REFERRAL_FOR: { from: ['REFERRAL'], to: ['PERSON'], description: 'referral made for a person' },
  HAS_RISK_FACTOR: { from: ['PERSON'], to: ['RISK_FACTOR'], description: 'person has a risk factor' },
} as const satisfies Record<string, LinkTypeSpec>;

export type LinkType = keyof typeof LINK_TYPES;
export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as LinkType[];

/** The roles links of `type` may carry (none for most types). */
export function rolesOf(type: LinkType): readonly string[] {
  return (LINK_TYPES[type] as LinkTypeSpec).roles ?? [];
}

/** The properties only links of `type` carry (a CALLED link's count, first and last call). */
export function linkPropertiesOf(type: LinkType): readonly string[] {
  return (LINK_TYPES[type] as LinkTypeSpec).properties ?? [];
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
