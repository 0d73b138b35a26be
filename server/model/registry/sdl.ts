/**
 * The GraphQL SDL of the registry's types, written by one function for the core and for an
 * installation's extras: the EntityType and LinkType enums and one object type per entity
 * type (implementing Entity). The core's text is checked in as
 * server/modules/entity/entity.types.graphql (a test proves it current; `npm run
 * model:generate` rewrites it); an installation's extras are appended at start as `extend`s.
 */
import type { Registry } from './registry.ts';
import type { EntityTypeDef, PropertyDef } from './schema.ts';

const s = (text: string) => JSON.stringify(text);

/** The GraphQL type of a property: lists are never null, `required` ones never null either. */
export function graphqlType(p: PropertyDef): string {
  const scalar = { date: 'Date', datetime: 'DateTime', int: 'Int', float: 'Float', boolean: 'Boolean' }[p.kind as string] ?? 'String';
  if (p.list) return `[${scalar}!]!`;
  return p.required ? `${scalar}!` : scalar;
}

const field = (p: PropertyDef) => `  ${s(p.description)}\n  ${p.name}: ${graphqlType(p)}`;

const COMMON_TAIL = `  "Its type's own properties as name and value pairs."
  properties: [Property!]!
  "Source records, best graded first."
  sources: [SourceRecord!]!
  "Best grading among its sources."
  grading: Grading!
  "When it was first recorded."
  recordedAt: DateTime
  "When it was last changed."
  updatedAt: DateTime
  "Whether it has been retired."
  retired: Boolean!
  "How many links it has."
  degree: Int!
  "Analysts' notes, newest first."
  annotations: [Annotation!]!
  "Its links, newest recorded first, with cursor pagination."
  links(
    "Only links of these types."
    types: [LinkType!]
    "Only links to entities of these types."
    entityTypes: [EntityType!]
    "How many to return (1 to 200, default 50)."
    first: Int
    "The endCursor of the previous page."
    after: String
  ): LinkConnection!`;

function objectType(t: EntityTypeDef): string {
  const own = t.properties.filter((p) => p.field).map(field);
  return [
    `${s(t.description)}\ntype ${t.label} implements Entity {`,
    `  "Stable id."\n  id: ID!`,
    `  ${s(`Always ${t.name}.`)}\n  type: EntityType!`,
    `  ${s(t.labelFrom.description)}\n  label: String!`,
    ...own,
    COMMON_TAIL,
    '}',
  ].join('\n');
}

const enumValues = (values: { name: string; description: string }[]) => values.map((v) => `  ${s(v.description)}\n  ${v.name}`).join('\n');

/** The SDL of the registry's core types (`extra` names left out), or of its extras only, as extensions of the core's. */
export function typesSdl(registry: Registry, which: 'core' | 'extra' = 'core'): string {
  const mine = <T extends { name: string }>(list: readonly T[], extra: ReadonlySet<string>) => list.filter((t) => (which === 'extra') === extra.has(t.name));
  const entities = mine(registry.entityTypes, registry.extra.entityTypes);
  const links = mine(registry.linkTypes, registry.extra.linkTypes);
  const entityEnum = enumValues(entities.map((t) => ({ name: t.name, description: t.enumDescription ?? t.description })));
  const linkEnum = enumValues(links.map((t) => ({ name: t.name, description: t.enumDescription ?? t.description })));
  const parts: string[] = [];
  if (which === 'core') {
    parts.push(`"The kinds of entity in the graph."\nenum EntityType {\n${entityEnum}\n}`);
    parts.push(`"The link types of the model (see the \`linkTypes\` query for the ends and roles each allows)."\nenum LinkType {\n${linkEnum}\n}`);
  } else {
    if (entities.length) parts.push(`extend enum EntityType {\n${entityEnum}\n}`);
    if (links.length) parts.push(`extend enum LinkType {\n${linkEnum}\n}`);
    for (const t of registry.entityTypes) {
      if (registry.extra.entityTypes.has(t.name)) continue;
      const added = t.properties.filter((p) => p.field && registry.extra.properties.has(`${t.name}.${p.name}`));
      if (added.length) parts.push(`extend type ${t.label} {\n${added.map(field).join('\n')}\n}`);
    }
  }
  parts.push(...entities.map(objectType));
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}

/** The checked-in file's text: the core's SDL under a do-not-edit line. */
export function coreTypesFile(registry: Registry): string {
  return `# Generated from server/model/registry/core.ts by \`npm run model:generate\`; do not edit.\n\n${typesSdl(registry, 'core')}`;
}
