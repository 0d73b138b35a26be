/**
 * Declarative mapping files (YAML or JSON): which columns become which entities and
 * properties, with what transforms, which columns form the record key, which links to make
 * among a row's entities, the source's grading and handling, and conditions. Validated with
 * zod; every error names the line of the file it is about. docs/import.md has examples.
 */
import fs from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import { CLASSIFICATIONS, ENTITY_TYPES, HANDLING_CODES, INTELLIGENCE_ASSESSMENTS, isEntityType, isLinkType, LINK_TYPE_NAMES, linkPropertiesOf, type LinkType } from '../../model/model.ts';

/** A mapping file that cannot be used: names the file, line and what is wrong. */
export class MappingError extends Error {
  override name = 'MappingError';
}

const column = z.union([z.string().min(1), z.number().int().positive()]);

export const transformSchema = z.union([
  z.enum(['trim', 'upper', 'lower', 'title', 'collapse_spaces', 'digits', 'postcode', 'null_if_empty', 'given_name', 'family_name', 'number', 'integer', 'boolean']),
  z.object({ date: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) }).strict(),
  z.object({ datetime: z.string().min(1), zone: z.string().optional() }).strict(),
  z.object({ phone: z.string().length(2) }).strict(),
  z.object({ map: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), default: z.unknown().optional() }).strict(),
  z.object({ split: z.string().min(1) }).strict(),
  z.object({ replace: z.tuple([z.string(), z.string()]) }).strict(),
  z.object({ split_name: z.enum(['given', 'family']), order: z.enum(['given-first', 'family-first']).optional() }).strict(),
]);
export type Transform = z.infer<typeof transformSchema>;

const dateFormats = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const region = z
  .string()
  .length(2, 'a phone region is a two-letter country code (GB, FR, US)')
  .transform((r) => r.toUpperCase());

/**
 * A value: a column (shorthand: its name), a constant, or a template of columns ("{forename} {surname}").
 * A value is optional unless `required: true`: a bad optional value is left out of the record and
 * reported, and the row is kept (`--strict` refuses the row instead). `separator` splits a cell
 * holding several values; `dateFormat` and `phoneRegion` declare how dates and phones are written.
 */
export const valueSchema = z.union([
  column,
  z
    .object({
      column: column.optional(),
      value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
      template: z.string().optional(),
      transform: z.array(transformSchema).optional(),
      required: z.boolean().optional(),
      separator: z.string().min(1).optional(),
      dateFormat: dateFormats.optional(),
      phoneRegion: region.optional(),
    })
    .strict()
    .refine((v) => [v.column, v.value, v.template].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of column, value or template' }),
]);
export type ValueSpec = z.infer<typeof valueSchema>;

export type Condition =
  | { column: string | number; equals?: string | number | boolean; in?: (string | number)[]; notEmpty?: boolean; matches?: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z
      .object({
        column,
        equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
        in: z.array(z.union([z.string(), z.number()])).optional(),
        notEmpty: z.boolean().optional(),
        matches: z.string().optional(),
      })
      .strict(),
  ]),
);

const entitySchema = z
  .object({
    type: z.string().refine(isEntityType, { error: (i) => `${JSON.stringify(i.input)} is not an entity type; use one of ${ENTITY_TYPES.join(', ')}` }),
    /** Columns that identify this entity across rows of the source (e.g. the source's person id). */
    key: z.array(column).min(1).optional(),
    /** The entity's Lantern id, where the source carries a reference Lantern already uses (a shared nominal or case reference). */
    id: valueSchema.optional(),
    /** The row only names this entity (by `id`) to link it: the entity is not written and does not cite the row. */
    reference: z.boolean().optional(),
    when: conditionSchema.optional(),
    properties: z.record(z.string(), valueSchema).default({}),
    /** British National Grid (EPSG:27700) easting and northing columns, in metres: they fill `latitude` and `longitude` (grid.ts). */
    grid: z.object({ easting: column, northing: column }).strict().optional(),
  })
  .strict()
  .refine((e) => !e.reference || e.id !== undefined, { message: 'a reference entity needs an id', path: ['reference'] });

const linkSchema = z
  .object({
    type: z.string().refine(isLinkType, { error: (i) => `${JSON.stringify(i.input)} is not a link type; use one of ${LINK_TYPE_NAMES.join(', ')}` }),
    from: z.string().min(1),
    to: z.string().min(1),
    role: valueSchema.optional(),
    validFrom: valueSchema.optional(),
    validTo: valueSchema.optional(),
    weight: valueSchema.optional(),
    count: valueSchema.optional(),
    firstAt: valueSchema.optional(),
    lastAt: valueSchema.optional(),
    /** The link type's own properties (those only its links carry, e.g. a declared type's), by name. */
    properties: z.record(z.string(), valueSchema).optional(),
    when: conditionSchema.optional(),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (!isLinkType(l.type)) return;
    const own = linkPropertiesOf(l.type as LinkType);
    for (const name of Object.keys(l.properties ?? {})) {
      if (!own.includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['properties', name], message: `${l.type} links carry no property ${name}; ${own.length ? `their own properties are ${own.join(', ')}` : 'they have no properties of their own'}` });
      }
    }
  });

/**
 * A file of individual calls (docs/import.md, decisions/0013): each row is one call between two
 * phones, kept as its source record (the call's start, duration, id and cell site), and rolled
 * up into the CALLED link between the two phones (count, first, last, total duration), which is
 * recomputed from the call records citing it.
 */
const callsSchema = z
  .object({
    /** The calling number (read for the mapping's phoneRegion). */
    caller: valueSchema,
    /** The called number. */
    called: valueSchema,
    /** When the call started: an ISO datetime, or a `datetime` transform. */
    startedAt: valueSchema,
    /** Its length in seconds. */
    durationSeconds: valueSchema.optional(),
    /** The operator's id of the call: the record key when present; else (caller, called, start). */
    callId: valueSchema.optional(),
    /** The cell site (mast) the call was routed through. */
    cellSite: valueSchema.optional(),
  })
  .strict();
export type CallsMapping = z.infer<typeof callsSchema>;

const gradingSchema = z
  .object({
    sourceEvaluation: z.number().int().min(1, 'source evaluation is 1, 2 or 3').max(3, 'source evaluation is 1, 2 or 3'),
    intelligenceAssessment: z.enum(INTELLIGENCE_ASSESSMENTS),
    handlingCode: z.enum(HANDLING_CODES),
    handlingConditions: z.string().nullable().optional(),
    classification: z.enum(CLASSIFICATIONS),
    /** Per-row grading from columns, where the source grades each record. */
    fromColumns: z
      .object({ sourceEvaluation: column.optional(), intelligenceAssessment: column.optional(), handlingCode: column.optional(), handlingConditions: column.optional(), classification: column.optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((g) => g.handlingCode === 'P' || !!g.handlingConditions || !!g.fromColumns?.handlingConditions, {
    message: 'handling code C needs handlingConditions',
    path: ['handlingConditions'],
  });

export const mappingSchema = z
  .object({
    version: z.literal(1),
    description: z.string().optional(),
    format: z.enum(['csv', 'json', 'ndjson', 'ftm']).optional(),
    csv: z
      .object({
        delimiter: z.string().optional(),
        header: z.union([z.boolean(), z.literal('auto')]).optional(),
        columns: z.array(z.string()).optional(),
        encoding: z.enum(['auto', 'utf-8', 'latin1']).optional(),
      })
      .strict()
      .optional(),
    json: z.object({ records: z.string().optional() }).strict().optional(),
    /** How dates are written, for every date property without its own (one format or several, tried in order). */
    dateFormat: dateFormats.optional(),
    /** The region phone numbers written without a country code belong to (default GB). */
    phoneRegion: region.optional(),
    /** Splits FollowTheMoney phone and email values holding several (CSV and JSON columns declare their own). */
    separator: z.string().min(1).optional(),
    /** Every bad value refuses its row, as `--strict` does. */
    strict: z.boolean().optional(),
    /** Columns whose values identify a row in its source system (a call file's rows are keyed by their call). */
    recordKey: z.array(column).min(1).optional(),
    recordedAt: valueSchema.optional(),
    summary: z.string().optional(),
    grading: gradingSchema,
    /** Rows that do not meet it are skipped (and counted). */
    when: conditionSchema.optional(),
    synthetic: z.boolean().optional(),
    entities: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'entity names are letters, digits and _'), entitySchema).default({}),
    links: z.array(linkSchema).default([]),
    /** The rows are individual calls between phones. */
    calls: callsSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    m.links.forEach((l, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!m.entities[l[end]]) ctx.addIssue({ code: 'custom', path: ['links', i, end], message: `no entity named ${JSON.stringify(l[end])} in entities` });
      }
    });
    if (m.format !== 'ftm' && !m.calls && Object.keys(m.entities).length === 0) ctx.addIssue({ code: 'custom', path: ['entities'], message: 'map at least one entity' });
    if (!m.calls && !m.recordKey) ctx.addIssue({ code: 'custom', path: ['recordKey'], message: 'name the columns that identify a row (recordKey)' });
    if (m.calls && m.format === 'ftm') ctx.addIssue({ code: 'custom', path: ['calls'], message: 'calls are read from CSV, JSON or NDJSON files, not FollowTheMoney' });
  });

export type Mapping = z.infer<typeof mappingSchema>;
export type EntityMapping = Mapping['entities'][string];
export type LinkMapping = Mapping['links'][number];

/** Parses and validates a mapping's text; errors name `file:line`. */
export function parseMapping(text: string, file = 'mapping'): Mapping {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const { line } = lineCounter.linePos(e.pos[0]);
    throw new MappingError(`${file}:${line}: ${e.message.split('\n')[0]}`);
  }
  const result = mappingSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const messages = result.error.issues.slice(0, 5).map((issue) => {
    // The deepest node of the path that exists in the file gives the line.
    let path = issue.path as (string | number)[];
    let node: unknown;
    while (path.length > 0) {
      node = doc.getIn(path, true);
      if (isNode(node) && node.range) break;
      path = path.slice(0, -1);
    }
    const offset = isNode(node) && node.range ? node.range[0] : 0;
    const { line } = lineCounter.linePos(offset);
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    return `${file}:${line}: ${where}: ${issue.message}`;
  });
  throw new MappingError(messages.join('\n'));
}

export function readMapping(file: string): Mapping {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new MappingError(`cannot read the mapping file ${file}`);
  }
  return parseMapping(text, file);
}
