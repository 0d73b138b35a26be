/**
 * The format every entity and link type is written in (decision 0015): the core types in
 * core.ts and an installation's extra types (LANTERN_TYPES) are both data of this shape,
 * checked by these zod schemas. Everything generic (GraphQL types, input checking, client
 * metadata, docs/model.md, imports and exports) is derived from it.
 */
import { z } from 'zod';

/** An upper-case code: PERSON, WORKS_AT, MASSAGE_PARLOUR. */
export const CODE = /^[A-Z][A-Z0-9_]*$/;
/** A property name: camelCase letters and digits. */
const PROPERTY_NAME = /^[a-z][A-Za-z0-9]*$/;
/** A Neo4j label or GraphQL type name: PascalCase letters and digits. */
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;

export const PROPERTY_KINDS = ['string', 'text', 'date', 'datetime', 'int', 'float', 'boolean', 'enum', 'phone', 'email', 'country'] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];

const description = z.string().trim().min(1).max(500);

export const propertySchema = z
  .object({
    name: z.string().regex(PROPERTY_NAME, 'must be camelCase letters and digits, e.g. caseNumber'),
    kind: z.enum(PROPERTY_KINDS),
    /** The codes an `enum` property takes. */
    values: z.array(z.string().regex(CODE, 'must be an upper-case code such as HIGH_RISK')).min(1).optional(),
    /** A list of values (aliases, nationalities), written comma-separated. */
    list: z.boolean().default(false),
    /** Never null once written (GraphQL marks it `!`). */
    required: z.boolean().default(false),
    description,
    /** Part of what search finds the entity by. */
    searchable: z.boolean().default(false),
    /** An analyst may set it through updateEntity / createEntity (false: computed by Lantern). */
    editable: z.boolean().default(true),
    /** A field of the type's GraphQL object type (false: input only, e.g. a phone's `number`). */
    field: z.boolean().default(true),
  })
  .strict()
  .refine((p) => (p.kind === 'enum') === (p.values !== undefined), { message: 'an enum property lists its values, and only an enum property does', path: ['values'] });
export type PropertyDef = z.output<typeof propertySchema>;

/** One part of the chart's second line: a property's value, in words when `human`, after `prefix`. */
const subtitlePart = z.object({ property: z.string(), prefix: z.string().optional(), human: z.boolean().optional() }).strict();

export const entityTypeSchema = z
  .object({
    name: z.string().regex(CODE, 'must be an upper-case code such as CASE_FILE'),
    /** The Neo4j label and GraphQL type name. */
    label: z.string().regex(TYPE_NAME, 'must be PascalCase letters and digits, e.g. CaseFile'),
    /** Ids are `<idPrefix>-<key>`. */
    idPrefix: z.string().regex(/^[a-z][a-z0-9]*$/, 'must be lower-case letters and digits'),
    displayName: z.string().min(1).max(60),
    plural: z.string().min(1).max(60),
    /** Says what the type is (the GraphQL object type's description). */
    description,
    /** The EntityType enum value's description, where it says it differently. */
    enumDescription: description.optional(),
    /** CSS colour of the chart node. */
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #3567a8'),
    /** SVG markup in a 24x24 box drawn white on the colour (`C` stands for the colour); absent: the generic glyph. */
    glyph: z.string().max(4000).optional(),
    /** The chart label: the first of these properties that has a value (`separator` joins them all instead). */
    labelFrom: z.object({ properties: z.array(z.string()).min(1), separator: z.string().optional(), description }).strict(),
    /** The chart's second line: the parts with a value, joined by `separator` (default ', '). */
    subtitle: z.object({ parts: z.array(subtitlePart).min(1), separator: z.string().optional() }).strict().optional(),
    /** The property the chart styles the node by (premises kind, offence category). */
    kind: z.string().optional(),
    properties: z.array(propertySchema),
  })
  .strict()
  .superRefine((t, ctx) => {
    const names = new Set<string>();
    t.properties.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', message: `property ${p.name} is declared twice`, path: ['properties', i, 'name'] });
      names.add(p.name);
    });
    const known = (p: string) => names.has(p);
    t.labelFrom.properties.forEach((p, i) => known(p) || ctx.addIssue({ code: 'custom', message: `labelFrom names ${p}, which is not a property of ${t.name}`, path: ['labelFrom', 'properties', i] }));
    t.subtitle?.parts.forEach((p, i) => known(p.property) || ctx.addIssue({ code: 'custom', message: `subtitle names ${p.property}, which is not a property of ${t.name}`, path: ['subtitle', 'parts', i] }));
    if (t.kind !== undefined && !known(t.kind)) ctx.addIssue({ code: 'custom', message: `kind names ${t.kind}, which is not a property of ${t.name}`, path: ['kind'] });
  });
export type EntityTypeDef = z.output<typeof entityTypeSchema>;
export type EntityTypeInput = z.input<typeof entityTypeSchema>;

export const linkTypeSchema = z
  .object({
    name: z.string().regex(CODE, 'must be an upper-case code such as SEIZED_AT'),
    /** Allowed source and target entity types. */
    from: z.array(z.string().regex(CODE)).min(1),
    to: z.array(z.string().regex(CODE)).min(1),
    /** Roles the link may carry, when it carries one. */
    roles: z.array(z.string().regex(CODE)).optional(),
    /** Properties only links of this type carry (every link may carry validity, weight and grading). */
    properties: z.array(propertySchema).optional(),
    /** Drawn with an arrow: the direction matters to the reader. */
    directed: z.boolean().default(true),
    /** Short, for lists: "uses a phone number". */
    description,
    /** The LinkType enum value's description, where it says it at more length. */
    enumDescription: description.optional(),
    /** Reads between the two ends: "works at". */
    verb: z.string().min(1).max(60),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #3567a8'),
  })
  .strict();
export type LinkTypeDef = z.output<typeof linkTypeSchema>;
export type LinkTypeInput = z.input<typeof linkTypeSchema>;
