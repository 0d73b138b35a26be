/**
 * Mutation input checking (pure): which properties each entity type takes and of what kind,
 * text values to stored values, provenance, link ends and roles, and the person flags a link
 * implies. Every error is BAD_USER_INPUT naming the field, e.g. `input.properties.dateOfBirth`.
 */
import { badInput } from '../../errors.ts';
import { LINK_TYPES, rolesOf, type EntityType, type LinkType } from '../../model/model.ts';
import { activeRegistry, linkPropertyKinds, propertyKinds, type InputKind as Kind, type Registry } from '../../model/registry/registry.ts';
import { CLASSIFICATION_VALUE, parseDate, parseDateTime, SOURCE_EVALUATION_VALUE, type ClassificationName, type SourceEvaluationName } from '../entity/index.ts';

let cached: { registry: Registry; kinds: Record<string, Record<string, Kind>>; linkKinds: Record<string, Record<string, Kind>> } | undefined;

function kinds() {
  const registry = activeRegistry();
  if (cached?.registry !== registry) cached = { registry, kinds: propertyKinds(registry), linkKinds: linkPropertyKinds(registry) };
  return cached;
}

/** The settable properties of `type` in this installation's registry (its declared types and properties included). */
export function propertiesOf(type: EntityType): Record<string, Kind> {
  return kinds().kinds[type] ?? {};
}

/** The settable own properties of links of `type` (a declared link type's, a CALLED link's calls). */
export function linkPropertiesOfType(type: LinkType): Record<string, Kind> {
  return kinds().linkKinds[type] ?? {};
}

/**
 * The same, indexed by type, for the chart projection (which goes with the stored chart card,
 * issue 29): read through propertiesOf, so that it holds the installation's types too.
 */
export const PROPERTIES: Record<EntityType, Record<string, Kind>> = new Proxy({} as Record<EntityType, Record<string, Kind>>, {
  get: (_target, type) => (typeof type === 'string' ? propertiesOf(type as EntityType) : undefined),
});

/** Names of the date-valued properties of a type (stored as Cypher dates). */
export function dateProperties(type: EntityType): string[] {
  return Object.entries(propertiesOf(type)).filter(([, k]) => k === 'date').map(([n]) => n);
}

export const MAX_TEXT = 2000;

/** Property inputs to values: text stays text, dates are checked, lists split on commas; null clears. */
export function parseProperties(type: EntityType, inputs: readonly { name: string; value?: string | null }[], path: string): Record<string, unknown> {
  const spec = propertiesOf(type);
  return parseValues(spec, inputs, path, (arg) => badInput(arg, `is not a property of ${type}; it takes ${Object.keys(spec).join(', ')}.`));
}

/**
 * A link's own property inputs to values, checked against its type's properties in the registry
 * (a declared link type's, a CALLED link's calls) as an entity's are.
 */
export function parseLinkProperties(type: LinkType, inputs: readonly { name: string; value?: string | null }[], path: string): Record<string, unknown> {
  const spec = linkPropertiesOfType(type);
  const own = Object.keys(spec);
  return parseValues(spec, inputs, path, (arg, name) =>
    badInput(arg, `${type} links carry no property ${name}; ${own.length ? `their own properties are ${own.join(', ')}` : 'they have no properties of their own'}.`),
  );
}

function parseValues(
  spec: Record<string, Kind>,
  inputs: readonly { name: string; value?: string | null }[],
  path: string,
  unknown: (arg: string, name: string) => Error,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, value } of inputs) {
    const arg = `${path}.${name}`;
    const kind = spec[name];
    if (!kind) throw unknown(arg, name);
    if (name in out) throw badInput(arg, 'is given twice.');
    if (value === null || value === undefined || value.trim() === '') {
      out[name] = kind === 'list' ? [] : kind === 'bool' ? false : null;
      continue;
    }
    const v = value.trim();
    if (v.length > MAX_TEXT) throw badInput(arg, `is longer than ${MAX_TEXT} characters.`);
    if (kind === 'text') out[name] = v;
    else if (kind === 'list') out[name] = v.split(',').map((s) => s.trim()).filter(Boolean);
    else if (kind === 'date') {
      try {
        out[name] = parseDate(v);
      } catch {
        throw badInput(arg, `${JSON.stringify(v)} is not a date; write it as YYYY-MM-DD.`);
      }
    } else if (kind === 'datetime') {
      try {
        out[name] = parseDateTime(v);
      } catch {
        throw badInput(arg, `${JSON.stringify(v)} is not a date and time; write it as 2025-06-23T10:15:00Z.`);
      }
    } else if (kind === 'float' || kind === 'int') {
      const n = Number(v);
      if (!Number.isFinite(n)) throw badInput(arg, `${JSON.stringify(v)} is not a number.`);
      if (kind === 'int' && !Number.isInteger(n)) throw badInput(arg, `${JSON.stringify(v)} is not a whole number.`);
      out[name] = n;
    } else if (kind === 'bool') {
      if (v !== 'true' && v !== 'false') throw badInput(arg, 'must be true or false.');
      out[name] = v === 'true';
    } else {
      const code = v.toUpperCase();
      if (!kind.includes(code)) throw badInput(arg, `must be one of ${kind.join(', ')}.`);
      out[name] = code;
    }
  }
  return out;
}

export interface ProvenanceArg {
  source: string;
  recordKey: string;
  recordedAt?: string | null;
  sourceEvaluation: SourceEvaluationName;
  intelligenceAssessment: string;
  handlingCode: string;
  handlingConditions?: string | null;
  classification?: ClassificationName | null;
  summary?: string | null;
}

/** Provenance to a source record's stored properties. */
export function parseProvenance(p: ProvenanceArg, path: string) {
  const source = p.source.trim();
  const recordKey = p.recordKey.trim();
  if (!source || source.length > 200) throw badInput(`${path}.source`, 'give the source system, 1 to 200 characters.');
  if (!recordKey || recordKey.length > 200) throw badInput(`${path}.recordKey`, "give the record's key, 1 to 200 characters.");
  const conditions = p.handlingConditions?.trim() || null;
  if (p.handlingCode === 'C' && !conditions) throw badInput(`${path}.handlingConditions`, 'handling code C needs its conditions.');
  if (p.handlingCode === 'P' && conditions) throw badInput(`${path}.handlingConditions`, 'only handling code C carries conditions.');
  if (p.summary && p.summary.length > MAX_TEXT) throw badInput(`${path}.summary`, `is longer than ${MAX_TEXT} characters.`);
  return {
    recordedAt: p.recordedAt ? parseDateTime(p.recordedAt) : null,
    record: {
      source,
      recordKey,
      sourceEvaluation: SOURCE_EVALUATION_VALUE[p.sourceEvaluation],
      intelligenceAssessment: p.intelligenceAssessment,
      handlingCode: p.handlingCode,
      handlingConditions: conditions,
      classification: CLASSIFICATION_VALUE[p.classification ?? 'OFFICIAL'],
      summary: p.summary ?? null,
    },
  };
}

/** Checks a link's ends and role against its type; errors name `path.source`, `path.target`, `path.role`. */
export function checkLink(type: LinkType, from: EntityType, to: EntityType, role: string | null | undefined, path: string): void {
  const spec = LINK_TYPES[type];
  if (!(spec.from as readonly string[]).includes(from)) throw badInput(`${path}.source`, `a ${type} link starts from ${spec.from.join(' or ')}, not ${from}.`);
  if (!(spec.to as readonly string[]).includes(to)) throw badInput(`${path}.target`, `a ${type} link goes to ${spec.to.join(' or ')}, not ${to}.`);
  checkRole(type, role, `${path}.role`);
}

export function checkRole(type: LinkType, role: string | null | undefined, arg: string): void {
  if (role === null || role === undefined) return;
  const roles = rolesOf(type);
  if (roles.length === 0) throw badInput(arg, `a ${type} link has no roles.`);
  if (!roles.includes(role)) throw badInput(arg, `must be one of ${roles.join(', ')} for ${type}.`);
}

/** The person flags a link sets: which end is the person, and what it says about them. */
export function personFlags(type: string, role: string | null | undefined) {
  const none = { flagEnd: null as 'source' | 'target' | null, suspect: false, potentialVictim: false, safeguarded: false };
  if (type === 'INVOLVED_IN' && role === 'SUSPECT') return { ...none, flagEnd: 'source' as const, suspect: true };
  if (type === 'INVOLVED_IN' && role === 'VICTIM') return { ...none, flagEnd: 'source' as const, potentialVictim: true };
  if (type === 'ENCOUNTERED' && role === 'POTENTIAL_VICTIM') return { ...none, flagEnd: 'target' as const, potentialVictim: true };
  if (type === 'REFERRAL_FOR') return { ...none, flagEnd: 'target' as const, safeguarded: true };
  return none;
}

/** An id a caller chose: `<prefix>-<key>` with letters, digits and `._:-`. */
export function checkId(id: string, prefix: string, arg: string): string {
  if (!id.startsWith(`${prefix}-`) || !/^[A-Za-z0-9._:-]{2,200}$/.test(id)) {
    throw badInput(arg, `must look like ${prefix}-<key> (letters, digits, . _ : -, at most 200 characters).`);
  }
  return id;
}

/** validFrom must not be after validTo. */
export function checkDates(validFrom: string | null | undefined, validTo: string | null | undefined, path: string): void {
  if (validFrom && validTo && validFrom > validTo) throw badInput(`${path}.validTo`, `must be on or after validFrom (${validFrom}).`);
}
