/**
 * What the exporters share: the file they make, text cleaning for XML, and the flat rows
 * (every property as text) that GraphML, GEXF and CSV write.
 */
import { activeRegistry } from '../../model/registry/registry.ts';
import type { PropertyDef } from '../../model/registry/schema.ts';
import type { PropertyValue, SelectedEntity, SelectedLink, Selection } from '../selection/index.ts';
import { xmlSafe } from './xml.ts';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'anx', 'csv', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  /** Suggested file name, e.g. `lantern-export.graphml`. */
  filename: string;
  mediaType: string;
  /** Text formats as UTF-8; the CSV export is a zip. */
  bytes: Uint8Array;
}

export const EXTENSION: Record<ExportFormat, string> = { graphml: 'graphml', gexf: 'gexf', anx: 'anx', csv: 'zip', ftm: 'ftm.json' };
export const MEDIA_TYPE: Record<ExportFormat, string> = {
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  anx: 'application/xml',
  csv: 'application/zip',
  ftm: 'application/x-ndjson',
};

/** Text for XML: what XML 1.0 cannot hold becomes U+FFFD; the writer (xml.ts) escapes markup. */
export function xmlText(v: unknown): string {
  return xmlSafe(v);
}

/** Text for an XML comment: no `--`. */
export function xmlComment(v: string): string {
  return xmlSafe(v).replace(/-(?=-)/g, '- ');
}

export function propertyText(v: PropertyValue): string {
  if (v === null) return '';
  return Array.isArray(v) ? v.join('; ') : String(v);
}

/** Every entity property name in the selection, sorted: one column or key each. */
export function propertyNames(entities: readonly SelectedEntity[]): string[] {
  return [...new Set(entities.flatMap((e) => Object.keys(e.properties)))].sort();
}

/** A property's values as a file types them: from the registry's kind (docs/exports.md). */
export type ValueType = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime' | 'list';

/** One property column (CSV), key (GraphML) or attribute (GEXF, ANX), with its type and the registry's description. */
export interface PropertyColumn {
  name: string;
  type: ValueType;
  description: string;
}

function valueType(p: PropertyDef): ValueType {
  if (p.list) return 'list';
  if (p.kind === 'int' || p.kind === 'float' || p.kind === 'boolean' || p.kind === 'date' || p.kind === 'datetime') return p.kind;
  return 'string';
}

const fits: Record<ValueType, (v: PropertyValue) => boolean> = {
  string: () => true,
  list: () => true,
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  float: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  datetime: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v),
};

/**
 * The property columns of `items` (entities or links), sorted by name, each typed as the
 * registry declares it for the items' types. A name the types declare differently, one no type
 * declares (a stored extra), or one holding a value its kind does not allow (written before the
 * type changed) is typed string, so that a reader never meets a value its type refuses.
 */
function columnsOf(items: readonly { type: string; properties: Record<string, PropertyValue> }[], defsOf: (type: string) => readonly PropertyDef[]): PropertyColumn[] {
  const names = [...new Set(items.flatMap((x) => Object.keys(x.properties)))].sort();
  return names.map((name) => {
    const holders = items.filter((x) => x.properties[name] !== undefined);
    const defs = [...new Set(holders.map((x) => x.type))].map((t) => defsOf(t).find((p) => p.name === name));
    const types = new Set(defs.map((d) => (d ? valueType(d) : 'string')));
    let type: ValueType = types.size === 1 ? [...types][0]! : 'string';
    if (!holders.every((x) => fits[type](x.properties[name]!))) type = 'string';
    const description = defs.find((d) => d !== undefined)?.description ?? '';
    return { name, type, description };
  });
}

/** The entity property columns of a selection. */
export function entityPropertyColumns(entities: readonly SelectedEntity[]): PropertyColumn[] {
  return columnsOf(entities, (t) => activeRegistry().entity(t)?.properties ?? []);
}

/** The link property columns of a selection: the properties only links of some types carry. */
export function linkPropertyColumns(links: readonly SelectedLink[]): PropertyColumn[] {
  return columnsOf(links, (t) => activeRegistry().link(t)?.properties ?? []);
}

/** GraphML's `attr.type` for a column: dates and lists are written as text. */
export function graphmlType(t: ValueType): 'string' | 'long' | 'double' | 'boolean' {
  return t === 'int' ? 'long' : t === 'float' ? 'double' : t === 'boolean' ? 'boolean' : 'string';
}

/** The entity's fixed fields as text, in a stable order (GraphML/GEXF keys, CSV columns). */
export function entityFields(e: SelectedEntity): Record<string, string> {
  return {
    lantern_id: e.id,
    type: e.type,
    label: e.label,
    potential_victim: String(e.potentialVictim),
    suspect: String(e.suspect),
    safeguarded: String(e.safeguarded),
    masked: String(e.masked),
    grade: e.grading.code,
    source_evaluation: String(e.grading.sourceEvaluation),
    intelligence_assessment: e.grading.intelligenceAssessment,
    handling_code: e.grading.handlingCode,
    handling_conditions: e.grading.handlingConditions ?? '',
    classification: e.grading.classification,
    recorded_at: e.recordedAt ?? '',
    source_ids: e.sourceIds.join(' '),
  };
}

export function linkFields(l: SelectedLink): Record<string, string> {
  return {
    lantern_id: l.id,
    type: l.type,
    label: linkLabel(l),
    // Every link is written from source to target; this says whether its type has a direction
    // (works at) or not (associate of, uses phone): data, not the file's structure (docs/exports.md).
    directed: String(l.directed),
    role: l.role ?? '',
    valid_from: l.validFrom ?? '',
    valid_to: l.validTo ?? '',
    recorded_at: l.recordedAt ?? '',
    weight: l.weight === null ? '' : String(l.weight),
    count: l.count === null ? '' : String(l.count),
    first_at: l.firstAt ?? '',
    last_at: l.lastAt ?? '',
    grade: l.grading.code,
    source_evaluation: String(l.grading.sourceEvaluation),
    intelligence_assessment: l.grading.intelligenceAssessment,
    handling_code: l.grading.handlingCode,
    handling_conditions: l.grading.handlingConditions ?? '',
    classification: l.grading.classification,
    source_ids: l.sourceIds.join(' '),
  };
}

/** "works at", "associate of (controls)", "called (12)". */
export function linkLabel(l: SelectedLink): string {
  const role = l.role ? ` (${l.role.toLowerCase().replace(/_/g, ' ')})` : '';
  const count = l.count !== null ? ` (${l.count})` : '';
  return `${l.verb}${role}${count}`;
}

/** `#3567a8` to {r, g, b}. */
export function rgb(hex: string): { r: number; g: number; b: number } {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) ?? ['', '88', '88', '88'];
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16) };
}

/** The one line every export carries about what it is and whose view it shows. */
export function provenanceLine(s: Selection): string {
  return (
    `Lantern export of ${s.description}, made ${s.generatedAt} by ${s.view.actor} (${s.view.role}${s.view.shareAll ? '' : ': partner view, shareable facts only'}). ` +
    (s.masking.masked ? `Potential victims masked (${s.masking.maskedCount} pseudonymised).` : `UNMASKED: ${s.masking.unmaskReason}.`) +
    (s.truncated ? ` Truncated: ${s.truncation}.` : '')
  );
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const GRADE_PLACEHOLDER = { sourceEvaluation: 2, intelligenceAssessment: 'D', handlingCode: 'C', handlingConditions: null, classification: 'OFFICIAL', code: '', low: false } as const;

/** The fixed field names of entities and links, in column order. */
export const ENTITY_FIELDS = Object.keys(
  entityFields({
    id: '', type: 'PERSON', typeName: '', label: '', subtitle: null, properties: {}, potentialVictim: false, suspect: false, safeguarded: false, masked: false,
    grading: GRADE_PLACEHOLDER, sourceIds: [], recordedAt: null, updatedAt: null, position: { x: 0, y: 0 }, colour: '',
  }),
);
export const LINK_FIELDS = Object.keys(
  linkFields({
    id: '', type: '', verb: '', directed: true, source: '', target: '', role: null, validFrom: null, validTo: null, recordedAt: null, weight: null, count: null,
    firstAt: null, lastAt: null, grading: GRADE_PLACEHOLDER, sourceIds: [], colour: '', properties: {},
  }),
);
