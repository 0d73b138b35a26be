/**
 * The type registry (decision 0015): every entity and link type, core and deployment-defined,
 * as validated data, and the one registry this process runs with. Pure and in the shared
 * kernel: it imports nothing outside server/model.
 */
import { z } from 'zod';
import { CORE_ENTITY_TYPES, CORE_LINK_TYPES } from './core.ts';
import { entityTypeSchema, linkTypeSchema, propertySchema, type EntityTypeDef, type EntityTypeInput, type LinkTypeDef, type LinkTypeInput, type PropertyDef } from './schema.ts';

/** Extra types and properties an installation declares (LANTERN_TYPES, see deployment.ts). */
export interface Extension {
  entityTypes?: EntityTypeInput[];
  linkTypes?: LinkTypeInput[];
  /** Extra properties on existing entity types, by type name. */
  properties?: Record<string, z.input<typeof propertySchema>[]>;
}

/** A registry that failed validation: `entry` names the bad entry, e.g. `entityTypes[0] (VESSEL).colour`. */
export class RegistryError extends Error {
  constructor(
    readonly entry: string,
    message: string,
  ) {
    super(`${entry}: ${message}`);
    this.name = 'RegistryError';
  }
}

export interface Registry {
  readonly entityTypes: readonly EntityTypeDef[];
  readonly linkTypes: readonly LinkTypeDef[];
  /** Names of the types and properties that came from the installation's file, not the core. */
  readonly extra: { entityTypes: ReadonlySet<string>; linkTypes: ReadonlySet<string>; properties: ReadonlySet<string> };
  entity(name: string): EntityTypeDef | undefined;
  link(name: string): LinkTypeDef | undefined;
}

function where(prefix: string, path: PropertyKey[]): string {
  return [prefix, ...path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('').replace(/\.\[/g, '[');
}

function parse<S extends z.ZodType>(schema: S, value: unknown, entry: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new RegistryError(where(entry, issue.path), issue.message);
}

const named = (list: string, i: number, v: unknown) => `${list}[${i}]${typeof (v as { name?: unknown })?.name === 'string' ? ` (${(v as { name: string }).name})` : ''}`;

function make(entityTypes: EntityTypeDef[], linkTypes: LinkTypeDef[], extra: Registry['extra']): Registry {
  const byEntity = new Map(entityTypes.map((t) => [t.name, t]));
  const byLink = new Map(linkTypes.map((t) => [t.name, t]));
  return { entityTypes, linkTypes, extra, entity: (n) => byEntity.get(n), link: (n) => byLink.get(n) };
}

/** Checks that names, labels and id prefixes are unique and that links join known types. */
function checkTogether(entities: { def: EntityTypeDef; entry: string }[], links: { def: LinkTypeDef; entry: string }[]): void {
  const seen = new Map<string, string>();
  const once = (key: string, entry: string, what: string) => {
    const before = seen.get(key);
    if (before) throw new RegistryError(entry, `${what} is already used by ${before}`);
    seen.set(key, entry);
  };
  for (const { def, entry } of entities) {
    once(`name:${def.name}`, entry, `the name ${def.name}`);
    once(`label:${def.label}`, entry, `the label ${def.label}`);
    once(`prefix:${def.idPrefix}`, entry, `the id prefix ${def.idPrefix}`);
  }
  const names = new Set(entities.map((e) => e.def.name));
  for (const { def, entry } of links) {
    once(`link:${def.name}`, entry, `the link type ${def.name}`);
    if (names.has(def.name)) throw new RegistryError(entry, `${def.name} is an entity type's name`);
    for (const end of ['from', 'to'] as const) {
      def[end].forEach((t, i) => {
        if (!names.has(t)) throw new RegistryError(`${entry}.${end}[${i}]`, `${t} is not an entity type (known: ${[...names].join(', ')})`);
      });
    }
  }
}

/** The registry of the core types, extended by `extension` when given; throws RegistryError naming a bad entry. */
export function buildRegistry(extension: Extension = {}, base: { entityTypes: readonly EntityTypeInput[]; linkTypes: readonly LinkTypeInput[] } = { entityTypes: CORE_ENTITY_TYPES, linkTypes: CORE_LINK_TYPES }): Registry {
  const entities = base.entityTypes.map((t, i) => ({ def: parse(entityTypeSchema, t, named('core entityTypes', i, t)), entry: named('core entityTypes', i, t) }));
  const extraEntities = (extension.entityTypes ?? []).map((t, i) => ({ def: parse(entityTypeSchema, t, named('entityTypes', i, t)), entry: named('entityTypes', i, t) }));
  const links = base.linkTypes.map((t, i) => ({ def: parse(linkTypeSchema, t, named('core linkTypes', i, t)), entry: named('core linkTypes', i, t) }));
  const extraLinks = (extension.linkTypes ?? []).map((t, i) => ({ def: parse(linkTypeSchema, t, named('linkTypes', i, t)), entry: named('linkTypes', i, t) }));
  const extraProperties = new Set<string>();
  for (const [typeName, props] of Object.entries(extension.properties ?? {})) {
    const target = entities.find((e) => e.def.name === typeName) ?? extraEntities.find((e) => e.def.name === typeName);
    if (!target) throw new RegistryError(`properties.${typeName}`, `${typeName} is not an entity type`);
    props.forEach((p, i) => {
      const entry = `properties.${typeName}[${i}]${typeof p?.name === 'string' ? ` (${p.name})` : ''}`;
      const def: PropertyDef = parse(propertySchema, p, entry);
      if (target.def.properties.some((q) => q.name === def.name)) throw new RegistryError(entry, `${typeName} already has a property ${def.name}`);
      target.def = { ...target.def, properties: [...target.def.properties, def] };
      extraProperties.add(`${typeName}.${def.name}`);
    });
  }
  const allEntities = [...entities, ...extraEntities];
  const allLinks = [...links, ...extraLinks];
  checkTogether(allEntities, allLinks);
  return make(
    allEntities.map((e) => e.def),
    allLinks.map((l) => l.def),
    { entityTypes: new Set(extraEntities.map((e) => e.def.name)), linkTypes: new Set(extraLinks.map((l) => l.def.name)), properties: extraProperties },
  );
}

/** The core registry: what a Lantern without a types file runs with. */
export const CORE_REGISTRY: Registry = buildRegistry();

let active: Registry = CORE_REGISTRY;

/** The registry this process runs with: the core, plus the installation's types once installed (model.ts installTypes). */
export function activeRegistry(): Registry {
  return active;
}

/** Sets the process's registry; only model.ts's installTypes calls it, so that the model's views follow. */
export function setActiveRegistry(r: Registry): void {
  active = r;
}

/** How an input's text is read: the registry's property kinds, grouped by how they parse. */
export type InputKind = 'text' | 'date' | 'datetime' | 'float' | 'int' | 'bool' | 'list' | readonly string[];

function inputKind(p: PropertyDef): InputKind {
  if (p.list) return 'list';
  if (p.kind === 'enum') return p.values ?? [];
  if (p.kind === 'boolean') return 'bool';
  if (p.kind === 'date' || p.kind === 'datetime' || p.kind === 'float' || p.kind === 'int') return p.kind;
  return 'text';
}

/** The properties an analyst may set on each type of `registry`, with how each is read. */
export function propertyKinds(registry: Registry): Record<string, Record<string, InputKind>> {
  return Object.fromEntries(registry.entityTypes.map((t) => [t.name, Object.fromEntries(editableProperties(t).map((p) => [p.name, inputKind(p)]))]));
}

/** The same for each link type: its own properties (a CALLED link's calls, a declared type's properties). */
export function linkPropertyKinds(registry: Registry): Record<string, Record<string, InputKind>> {
  return Object.fromEntries(registry.linkTypes.map((t) => [t.name, Object.fromEntries((t.properties ?? []).filter((p) => p.editable).map((p) => [p.name, inputKind(p)]))]));
}

/** Properties of an entity type an analyst may set, in order. */
export function editableProperties(t: EntityTypeDef): PropertyDef[] {
  return t.properties.filter((p) => p.editable);
}

const text = (v: unknown): string | undefined => (Array.isArray(v) ? v.map(String).join('/') : v === null || v === undefined || v === '' ? undefined : String(v)) || undefined;

/** The chart label a type's `labelFrom` gives a stored entity (undefined when none of its properties has a value). */
export function labelFromRule(t: EntityTypeDef, props: Record<string, unknown>): string | undefined {
  const values = t.labelFrom.properties.map((p) => text(props[p])).filter((v): v is string => v !== undefined);
  if (!values.length) return undefined;
  return t.labelFrom.separator === undefined ? values[0] : values.join(t.labelFrom.separator);
}

/** The chart's second line a type's `subtitle` rule gives (null when it has none or no part has a value). */
export function subtitleFromRule(t: EntityTypeDef, props: Record<string, unknown>): string | null {
  if (!t.subtitle) return null;
  const parts = t.subtitle.parts
    .map((p) => {
      const v = text(props[p.property]);
      if (v === undefined) return undefined;
      return `${p.prefix ?? ''}${p.human ? v.replace(/_/g, ' ').toLowerCase() : v}`;
    })
    .filter(Boolean);
  return parts.join(t.subtitle.separator ?? ', ') || null;
}

/** The value the chart styles a node by (its `kind` rule's property), or null. */
export function kindFromRule(t: EntityTypeDef, props: Record<string, unknown>): string | null {
  const v = t.kind === undefined ? undefined : props[t.kind];
  return typeof v === 'string' && v !== '' ? v : null;
}
