/**
 * The rules of the editing forms, pure: what the server's types allow (the link types between two
 * entity types, the properties an analyst may set), the inputs the mutations take, and where a
 * server error goes (the field its `argument` names). docs/workspace.md "Editing by hand".
 */
import type {
  Classification,
  HandlingCode,
  IntelligenceAssessment,
  SourceEvaluation,
} from '../../../server/kernel/__generated__/graphql.ts';

/** A property of an entity type as the `entityTypes` query gives it. */
export interface PropertySpec {
  name: string;
  kind: string;
  values: string[];
  list: boolean;
  required: boolean;
  editable: boolean;
  description: string;
}

/** A link type as the `linkTypes` query gives it, with its own properties (a declared type's). */
export interface LinkTypeSpec {
  name: string;
  verb: string;
  from: string[];
  to: string[];
  roles: string[];
  properties: PropertySpec[];
}

/** Where a fact comes from: the source record and its 3x5x2 grading. */
export interface ProvenanceForm {
  source: string;
  recordKey: string;
  sourceEvaluation: SourceEvaluation;
  intelligenceAssessment: IntelligenceAssessment;
  handlingCode: HandlingCode;
  handlingConditions: string;
  classification: Classification;
  summary: string;
}

export const EMPTY_PROVENANCE: ProvenanceForm = {
  source: '',
  recordKey: '',
  sourceEvaluation: 'UNTESTED',
  intelligenceAssessment: 'C',
  handlingCode: 'P',
  handlingConditions: '',
  classification: 'OFFICIAL',
  summary: '',
};

export const SOURCE_EVALUATIONS: [SourceEvaluation, string][] = [
  ['RELIABLE', '1 – reliable'],
  ['UNTESTED', '2 – untested'],
  ['NOT_RELIABLE', '3 – not reliable'],
];
export const ASSESSMENTS: [IntelligenceAssessment, string][] = [
  ['A', 'A – known directly'],
  ['B', 'B – known indirectly, corroborated'],
  ['C', 'C – known indirectly'],
  ['D', 'D – not known'],
  ['E', 'E – suspected false'],
];
export const HANDLING: [HandlingCode, string][] = [
  ['P', 'P – lawful sharing permitted'],
  ['C', 'C – sharing with conditions'],
];

/** The ProvenanceInput the mutations take: empty optional fields left out, conditions only with code C. */
export function provenanceInput(p: ProvenanceForm) {
  return {
    source: p.source.trim(),
    recordKey: p.recordKey.trim(),
    sourceEvaluation: p.sourceEvaluation,
    intelligenceAssessment: p.intelligenceAssessment,
    handlingCode: p.handlingCode,
    ...(p.handlingCode === 'C' ? { handlingConditions: p.handlingConditions.trim() } : {}),
    classification: p.classification,
    ...(p.summary.trim() ? { summary: p.summary.trim() } : {}),
  };
}

/** The properties of a type an analyst may set, in the registry's order. */
export function formProperties(props: readonly PropertySpec[]): PropertySpec[] {
  return props.filter((p) => p.editable);
}

/** Whether the form asks for a value: a required property, but not a yes/no flag (it is "no" until set). */
export function asksFor(p: PropertySpec): boolean {
  return p.required && p.kind !== 'boolean';
}

/**
 * The PropertyInput list to send: on creating, every value given; on editing (`before` given),
 * only the values changed, a cleared one as null.
 */
export function propertyInputs(
  values: Record<string, string>,
  before?: Record<string, string>,
): { name: string; value: string | null }[] {
  const out: { name: string; value: string | null }[] = [];
  for (const [name, raw] of Object.entries(values)) {
    const v = raw.trim();
    if (!before) {
      if (v !== '') out.push({ name, value: v });
    } else if (v !== (before[name] ?? '').trim()) out.push({ name, value: v === '' ? null : v });
  }
  return out;
}

/**
 * The link types that may join an entity of type `from` to one of type `to`, each with the
 * direction it goes: `reversed` when the type runs from the second entity to the first (a
 * premises chosen first, then the person who works at it).
 */
export function linkChoices(
  types: readonly LinkTypeSpec[],
  from: string,
  to: string,
): { type: LinkTypeSpec; reversed: boolean }[] {
  const out: { type: LinkTypeSpec; reversed: boolean }[] = [];
  for (const t of types) {
    if (t.from.includes(from) && t.to.includes(to)) out.push({ type: t, reversed: false });
    else if (t.from.includes(to) && t.to.includes(from)) out.push({ type: t, reversed: true });
  }
  return out;
}

/**
 * The form field a server error is about, from the argument it names: `input.properties.fullName`
 * and `properties.fullName` are the property's field, `input.provenance.source` the source's,
 * `input.validTo` the link's end date. Null when it names none (shown above the buttons).
 */
export function fieldOf(argument: string | undefined): string | null {
  if (!argument) return null;
  const f = argument.replace(/^input\./, '');
  return f === 'input' || f === 'properties' ? null : f;
}

/** The error's message without the argument the field already shows ("input.validTo: must be…" to "must be…"). */
export function messageFor(message: string, argument: string | undefined): string {
  return argument && message.startsWith(`${argument}: `)
    ? message.slice(argument.length + 2)
    : message;
}

/** "dateOfBirth" to "date of birth". */
export function labelOf(name: string): string {
  return name.replace(/([A-Z])/g, ' $1').toLowerCase();
}
