/**
 * The demo as its source systems would export it: one file per system, in that system's own
 * format and conventions, each with the mapping (YAML) that imports it. `npm start` and
 * `lantern seed demo` load these files through the importer and then the resolver; importing
 * them gives the same source records, entities and links as the bulk load of `demo().data`
 * (seed/demo/export.test.ts checks both that and that the committed files are what this writes).
 *
 * A row is one source record. Its columns carry the record's key, time, summary and (where the
 * system grades each record) grading; then every entity the record cites, in numbered slots
 * (`person1_...`, `person2_...`), with the id the force's systems share for it (a nominal or case
 * reference; the demo's Lantern ids), and the far ends of its links that it does not cite
 * (`person_linked1_id`); then its links, one marker column per link slot. The truth's duplicate
 * people carry references of their own: only the resolver can tell they are one person.
 *
 * Conventions differ by system, as real exports do: delimiters, encodings (LICENSING is Latin-1
 * with CRLF; VISITS has a byte-order mark), line endings, header rows (ANPR has none), date formats (DD/MM/YYYY, D/M/YYYY,
 * ISO), phone formats (national, international, as written), names written "Family, Given",
 * postcodes lower case without the space.
 */
import { stringify as yaml } from 'yaml';
import { ID_PREFIX, type EntityType } from '../../server/model/model.ts';
import { parsePhone } from '../../server/model/normalise.ts';
import type { Dataset, EntityInput, LinkInput, SourceRecordInput } from '../../server/modules/load/load.service.ts';
import { SOURCE_SYSTEMS, type SourceCode } from './sources.ts';

type Format = 'csv' | 'json' | 'ndjson';

interface Convention {
  format: Format;
  /** The column holding the record key. */
  key: string;
  delimiter?: string;
  encoding?: 'utf-8' | 'latin1';
  eol?: '\n' | '\r\n' | '\r';
  bom?: boolean;
  /** JSON: the records are at this path. */
  records?: string;
  date: string;
  datetime: string;
  phone: 'national' | 'international' | 'as-written' | 'mixed';
  /** Person names in one column as "Family, Given". */
  familyFirst?: boolean;
  /** Postcodes lower case without the space. */
  compactPostcodes?: boolean;
  /** Grading per record, in columns. */
  gradingColumns?: boolean;
  description: string;
}

export const CONVENTIONS: Record<SourceCode, Convention> = {
  TVCR: { format: 'csv', key: 'occurrence_ref', date: 'dd/MM/yyyy', datetime: 'dd/MM/yyyy HH:mm:ss', phone: 'as-written', familyFirst: true, description: 'Crime records system: monthly CSV export, DD/MM/YYYY dates, names as "Family, Given".' },
  INTEL: { format: 'ndjson', key: 'log_no', date: 'iso', datetime: 'iso', phone: 'mixed', gradingColumns: true, description: 'Intelligence log: one JSON object a line, each report graded on its own (3x5x2).' },
  VISITS: { format: 'csv', key: 'visit_record', delimiter: ';', eol: '\r\n', bom: true, date: 'dd/MM/yyyy', datetime: 'dd/MM/yyyy HH:mm:ss', phone: 'national', description: 'Partnership visit records: a spreadsheet saved as CSV on Windows (UTF-8 with a byte-order mark, semicolons, CRLF).' },
  ADMON: { format: 'json', key: 'capture_id', records: 'captures', date: 'iso', datetime: 'iso', phone: 'international', description: 'Advert monitoring: one JSON document of captures.' },
  COMMS: { format: 'csv', key: 'return_ref', date: 'yyyy-MM-dd', datetime: 'yyyy-MM-dd HH:mm:ss', phone: 'national', description: 'Phone billing returns: CSV with national-format numbers.' },
  VRU: { format: 'csv', key: 'register_ref', delimiter: '\t', date: 'dd/MM/yyyy', datetime: 'dd/MM/yyyy HH:mm:ss', phone: 'mixed', compactPostcodes: true, description: 'VRU risk register: tab-separated, postcodes as typed (lower case, no space).' },
  COREG: { format: 'csv', key: 'extract_line', delimiter: '|', date: 'yyyy-MM-dd', datetime: 'yyyy-MM-dd HH:mm:ss', phone: 'international', description: 'Company register extract: pipe-separated text.' },
  LICENSING: { format: 'csv', key: 'licence_ref', encoding: 'latin1', eol: '\r\n', date: 'd/M/yyyy', datetime: 'd/M/yyyy HH:mm:ss', phone: 'as-written', familyFirst: true, description: 'Council licensing records: CSV in Latin-1 (Windows-1252) with CRLF, D/M/YYYY dates, names as "Family, Given".' },
  SAFE: { format: 'csv', key: 'case_ref', eol: '\r', date: 'dd/MM/yyyy', datetime: 'dd/MM/yyyy HH:mm:ss', phone: 'national', description: 'Safeguarding and referrals log: CSV with CR line endings (an old case system).' },
  ANPR: { format: 'csv', key: 'read_id', date: 'iso', datetime: 'yyyy-MM-dd HH:mm:ss', phone: 'international', description: 'Vehicle sightings: CSV without a header row.' },
};

export const SYSTEM_ORDER: readonly SourceCode[] = ['COREG', 'LICENSING', 'VRU', 'TVCR', 'INTEL', 'ADMON', 'COMMS', 'ANPR', 'VISITS', 'SAFE'];

export interface SourceExport {
  code: SourceCode;
  file: string;
  mappingFile: string;
  bytes: Uint8Array;
  mapping: string;
}

type Kind = 'string' | 'date' | 'datetime' | 'number' | 'boolean' | 'array';
const kindOf = (v: unknown): Kind =>
  Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) ? 'date' : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? 'datetime' : 'string';

const LINK_PROPS = ['role', 'validFrom', 'validTo', 'weight', 'count', 'firstAt', 'lastAt'] as const;
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function formatDate(iso: string, pattern: string): string {
  if (pattern === 'iso') return iso;
  const [y, mo, d] = iso.slice(0, 10).split('-');
  const time = iso.length > 10 ? /T(\d\d):(\d\d):(\d\d)/.exec(iso) : null;
  if (iso.length > 10 && !/Z$|\+00:00$/.test(iso)) throw new Error(`demo export: ${iso} is not in UTC`);
  const parts: Record<string, string> = { yyyy: y!, MM: mo!, dd: d!, M: String(Number(mo)), d: String(Number(d)), HH: time?.[1] ?? '00', mm: time?.[2] ?? '00', ss: time?.[3] ?? '00' };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss|M|d/g, (t) => parts[t]!);
}

function formatPhone(number: string, style: Convention['phone'], row: number): string {
  const e164 = parsePhone(number, 'GB')?.e164;
  if (!e164) throw new Error(`demo export: ${number} is not a phone number`);
  const national = e164.startsWith('+44') ? `0${e164.slice(3)}` : e164;
  const s = style === 'mixed' ? (['national', 'international', 'as-written'] as const)[row % 3]! : style;
  return s === 'national' ? national : s === 'international' ? e164 : number;
}

interface Column {
  name: string;
  kind: Kind;
}

interface EntitySlot {
  name: string;
  type: EntityType;
  reference: boolean;
  /** Property -> kind, in order of first appearance. */
  props: Map<string, Kind>;
}

interface LinkSlot {
  name: string;
  type: string;
  from: string;
  to: string;
  props: Map<string, Kind>;
}

/** One system's records as rows of slot values, and the slots the rows use. */
function layout(code: SourceCode, data: Dataset) {
  const records = data.sources.filter((s) => s.source === code);
  const entityById = new Map(data.entities.map((e) => [e.id, e]));
  const cites = new Map<string, EntityInput[]>();
  const links = new Map<string, LinkInput[]>();
  for (const e of data.entities) for (const s of e.sourceIds) (cites.get(s) ?? cites.set(s, []).get(s)!).push(e);
  for (const l of data.links) for (const s of l.sourceIds) (links.get(s) ?? links.set(s, []).get(s)!).push(l);

  const entitySlots = new Map<string, EntitySlot>();
  const linkSlots = new Map<string, LinkSlot>();
  const linkNames = new Map<string, number>();
  const rows = records.map((r) => {
    const values = new Map<string, unknown>();
    const slotOf = new Map<string, string>();
    const counts = new Map<string, number>();
    const place = (e: EntityInput, reference: boolean) => {
      const base = reference ? `${ID_PREFIX[e.type]}_linked` : ID_PREFIX[e.type];
      const k = (counts.get(base) ?? 0) + 1;
      counts.set(base, k);
      const name = `${base}${k}`;
      slotOf.set(e.id, name);
      const slot = entitySlots.get(name) ?? entitySlots.set(name, { name, type: e.type, reference, props: new Map() }).get(name)!;
      values.set(`${name}.id`, e.id);
      if (reference) return;
      for (const [p, v] of Object.entries(e.props)) {
        if (v === null || v === undefined) continue;
        if (!slot.props.has(p)) slot.props.set(p, kindOf(v));
        values.set(`${name}.${p}`, v);
      }
    };
    for (const e of cites.get(r.id) ?? []) place(e, false);
    for (const l of links.get(r.id) ?? []) {
      for (const end of [l.from, l.to]) if (!slotOf.has(end)) place(entityById.get(end)!, true);
    }
    const seen = new Map<string, number>();
    for (const l of links.get(r.id) ?? []) {
      const from = slotOf.get(l.from)!;
      const to = slotOf.get(l.to)!;
      const base = `${l.type}|${from}|${to}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = `${base}|${n}`;
      let slot = linkSlots.get(key);
      if (!slot) {
        const k = (linkNames.get(l.type) ?? 0) + 1;
        linkNames.set(l.type, k);
        slot = { name: `${l.type.toLowerCase()}${k}`, type: l.type, from, to, props: new Map() };
        linkSlots.set(key, slot);
      }
      values.set(`${slot.name}.link`, 'Y');
      for (const p of LINK_PROPS) {
        const v = (l as unknown as Record<string, unknown>)[p];
        if (v === null || v === undefined) continue;
        if (!slot.props.has(p)) slot.props.set(p, kindOf(v));
        values.set(`${slot.name}.${p}`, v);
      }
    }
    return { record: r, values };
  });
  return { rows, entitySlots: [...entitySlots.values()], linkSlots: [...linkSlots.values()] };
}

/** A column's name in the file: nested objects in JSON, snake_case columns in CSV. */
function columnName(c: Convention, key: string): string {
  if (c.format !== 'csv') return key;
  return key.split('.').map(snake).join('_');
}

function cellText(v: unknown, kind: Kind, c: Convention, prop: string, row: number): string {
  if (v === null || v === undefined) return '';
  if (kind === 'array') return (v as unknown[]).join('; ');
  if (kind === 'boolean') return v ? 'yes' : 'no';
  if (kind === 'date') return formatDate(String(v), c.date);
  if (kind === 'datetime') return formatDate(String(v), c.datetime);
  if (prop === 'number') return formatPhone(String(v), c.phone, row);
  if (prop === 'postcode' && c.compactPostcodes) return String(v).replace(/\s+/g, '').toLowerCase();
  return String(v);
}

function jsonValue(v: unknown, kind: Kind, c: Convention, prop: string, row: number): unknown {
  if (kind === 'string' && prop === 'number') return formatPhone(String(v), c.phone, row);
  return v;
}

function transformsFor(kind: Kind, prop: string, c: Convention): unknown[] | undefined {
  const t: unknown[] = [];
  // Phone numbers need no transform: the model reads any format, GB by default.
  if (prop === 'postcode' && c.compactPostcodes) t.push('postcode');
  if (c.format === 'csv') {
    if (kind === 'array') t.push({ split: ';' });
    if (kind === 'boolean') t.push('boolean');
    if (kind === 'number') t.push('number');
  }
  if (kind === 'date' && c.date !== 'iso') t.push({ date: c.date });
  if (kind === 'datetime' && c.datetime !== 'iso') t.push({ datetime: c.datetime });
  return t.length ? t : undefined;
}

const spec = (column: string, transform?: unknown[]) => (transform ? { column, transform } : column);

const WIN1252: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

function encodeLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const b = WIN1252[ch] ?? (code <= 0xff && (code < 0x80 || code > 0x9f) ? code : undefined);
    if (b === undefined) throw new Error(`demo export: ${JSON.stringify(ch)} cannot be written in Windows-1252`);
    out[i++] = b;
  }
  return out.slice(0, i);
}

function csvField(s: string, delimiter: string): string {
  return s.includes(delimiter) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function nest(flat: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of flat) {
    const parts = k.split('.');
    let o = out;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]!] = v;
  }
  return out;
}

/** One system's export file and its mapping. */
export function exportSource(code: SourceCode, data: Dataset): SourceExport {
  const sys = SOURCE_SYSTEMS[code];
  const c = CONVENTIONS[code];
  const { rows, entitySlots, linkSlots } = layout(code, data);
  const graded = !!c.gradingColumns;
  const gradingKeys = ['sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions', 'classification'] as const;

  // Columns: the record's own, then each slot's id and properties, then each link slot's.
  const columns: Column[] = [
    { name: c.key, kind: 'string' },
    { name: 'recorded', kind: 'datetime' },
    { name: 'summary', kind: 'string' },
    ...(graded ? gradingKeys.map((k) => ({ name: `grading.${k}`, kind: 'string' as Kind })) : []),
  ];
  const nameColumn = (s: EntitySlot) => s.type === 'PERSON' && c.familyFirst && s.props.has('givenName') && s.props.has('familyName');
  for (const s of entitySlots) {
    columns.push({ name: `${s.name}.id`, kind: 'string' });
    if (nameColumn(s)) columns.push({ name: `${s.name}.name`, kind: 'string' });
    for (const [p, kind] of s.props) if (!(nameColumn(s) && (p === 'givenName' || p === 'familyName'))) columns.push({ name: `${s.name}.${p}`, kind });
  }
  for (const l of linkSlots) {
    columns.push({ name: `${l.name}.link`, kind: 'string' });
    for (const [p, kind] of l.props) columns.push({ name: `${l.name}.${p}`, kind });
  }

  const valueOf = (rec: SourceRecordInput, values: Map<string, unknown>, col: string): unknown => {
    if (col === c.key) return rec.recordKey;
    if (col === 'recorded') return rec.recordedAt;
    if (col === 'summary') return rec.summary;
    if (col.startsWith('grading.')) return (rec as unknown as Record<string, unknown>)[col.slice(8)] ?? null;
    if (col.endsWith('.name') && !values.has(col)) {
      const slot = col.slice(0, -5);
      const family = values.get(`${slot}.familyName`);
      const given = values.get(`${slot}.givenName`);
      if (family === undefined && given === undefined) return null;
      if (family === undefined || given === undefined) throw new Error(`demo export: ${String(values.get(`${slot}.id`))} needs both names to be written family first`);
      return `${String(family)}, ${String(given)}`;
    }
    return values.get(col) ?? null;
  };
  const propOf = (col: string) => col.split('.').pop()!;

  let bytes: Uint8Array;
  if (c.format === 'csv') {
    const d = c.delimiter ?? ',';
    const eol = c.eol ?? '\n';
    const lines: string[] = [];
    if (sys.header) lines.push(columns.map((col) => columnName(c, col.name)).join(d));
    rows.forEach(({ record, values }, i) => {
      lines.push(columns.map((col) => csvField(cellText(valueOf(record, values, col.name), col.kind, c, propOf(col.name), i), d)).join(d));
    });
    const text = `${c.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
    if (lines.some((l) => /[\r\n]/.test(l))) throw new Error(`demo export: a ${code} value holds a line break, which would put the line numbers out`);
    bytes = c.encoding === 'latin1' ? encodeLatin1(text) : new TextEncoder().encode(text);
  } else {
    const objects = rows.map(({ record, values }, i) =>
      nest(
        columns.flatMap((col) => {
          const v = valueOf(record, values, col.name);
          return v === null || v === undefined ? [] : [[col.name, jsonValue(v, col.kind, c, propOf(col.name), i)] as [string, unknown]];
        }),
      ),
    );
    const text = c.format === 'ndjson' ? objects.map((o) => `${JSON.stringify(o)}\n`).join('') : `${JSON.stringify({ [c.records!]: objects })}\n`;
    bytes = new TextEncoder().encode(text);
  }

  const col = (name: string) => columnName(c, name);
  const entities: Record<string, unknown> = {};
  for (const s of entitySlots) {
    if (s.reference) {
      entities[s.name] = { type: s.type, reference: true, id: col(`${s.name}.id`) };
      continue;
    }
    const properties: Record<string, unknown> = {};
    for (const [p, kind] of s.props) {
      if (nameColumn(s) && (p === 'givenName' || p === 'familyName')) {
        properties[p] = { column: col(`${s.name}.name`), transform: [{ split_name: p === 'givenName' ? 'given' : 'family' }] };
      } else properties[p] = spec(col(`${s.name}.${p}`), transformsFor(kind, p, c));
    }
    entities[s.name] = { type: s.type, id: col(`${s.name}.id`), properties };
  }
  const links = linkSlots.map((l) => {
    const out: Record<string, unknown> = { type: l.type, from: l.from, to: l.to, when: { column: col(`${l.name}.link`), notEmpty: true } };
    for (const [p, kind] of l.props) out[p] = spec(col(`${l.name}.${p}`), transformsFor(kind, p, c));
    return out;
  });
  const g = sys.gradings[0]!.grading;
  const mapping: Record<string, unknown> = {
    version: 1,
    description: `${sys.name}: ${c.description} Synthetic demo data (seed/demo/export.ts writes this file; do not edit).`,
    ...(c.format === 'csv'
      ? { csv: { delimiter: c.delimiter === '\t' ? '\\t' : (c.delimiter ?? ','), header: sys.header, encoding: c.encoding ?? 'utf-8', ...(sys.header ? {} : { columns: columns.map((x) => columnName(c, x.name)) }) } }
      : {}),
    ...(c.format === 'json' ? { json: { records: c.records } } : {}),
    recordKey: [c.key],
    recordedAt: spec('recorded', c.datetime === 'iso' ? undefined : [{ datetime: c.datetime }]),
    summary: '{summary}',
    grading: {
      sourceEvaluation: g.sourceEvaluation,
      intelligenceAssessment: g.intelligenceAssessment,
      handlingCode: g.handlingCode,
      ...(g.handlingConditions ? { handlingConditions: g.handlingConditions } : {}),
      classification: g.classification,
      ...(graded ? { fromColumns: Object.fromEntries(gradingKeys.map((k) => [k, col(`grading.${k}`)])) } : {}),
    },
    synthetic: true,
    entities,
    links,
  };
  const text = yaml(mapping, { lineWidth: 0 });
  return { code, file: sys.file, mappingFile: `${code.toLowerCase()}.mapping.yaml`, bytes, mapping: text };
}

/** Every system's export, in the order they are imported (registers first, operations last). */
export function exportDemo(data: Dataset): SourceExport[] {
  return SYSTEM_ORDER.map((code) => exportSource(code, data));
}
