/**
 * FollowTheMoney entities ({id, schema, properties}) to Lantern's: Person, LegalEntity,
 * Company and Organization, Address, Vehicle, and the interval schemata Directorship, Family,
 * Associate, as links. Phones and emails (FtM properties, not schemata) become Phone and Email
 * entities. Schemata with no Lantern equivalent (Payment, Ownership, ...) are counted as
 * skipped, not as errors. The mapping file gives the source's grading (`format: ftm`).
 */
import { alpha3 } from '../../model/countries.ts';
import { parsePostcode } from '../../model/normalise.ts';
import { shapeEntity, ShapeError } from '../../model/shape.ts';
import type { EntityType, LinkType } from '../../model/model.ts';
import type { LinkInput } from '../load/index.ts';
import type { Mapping } from './mapping.ts';
import type { Row } from './readers.ts';
import { entityId, gradingOf, hash, linkId, naturalKeyOf, sourceRecordId, type ImportSource, type MappedEntity, type RowContext, type RowError, type RowResult } from './rows.ts';
import { phoneForRegion, TransformError } from './transforms.ts';

const ENTITY_SCHEMA: Record<string, EntityType> = {
  Person: 'PERSON',
  LegalEntity: 'ORGANISATION',
  Company: 'ORGANISATION',
  Organization: 'ORGANISATION',
  PublicBody: 'ORGANISATION',
  Address: 'PREMISES',
  Vehicle: 'VEHICLE',
};

type Props = Record<string, string[] | undefined>;
const first = (p: Props, k: string) => p[k]?.find((x) => x.trim() !== '')?.trim();

/** FtM ids of the file with their schema, so that links can find their ends' types, and addresses' text. */
export type FtmIndex = Map<string, string> & { address?: Map<string, string> };

export function ftmIndex(rows: Row[]): FtmIndex {
  const index = Object.assign(new Map<string, string>(), { address: new Map<string, string>() });
  for (const r of rows) {
    if (typeof r.values.id !== 'string' || typeof r.values.schema !== 'string') continue;
    index.set(r.values.id, r.values.schema);
    const props = (r.values.properties ?? {}) as Props;
    const text = first(props, 'full') ?? [first(props, 'street'), first(props, 'city'), first(props, 'postalCode')].filter(Boolean).join(', ');
    if (r.values.schema === 'Address' && text) index.address.set(r.values.id, text);
  }
  return index;
}

/**
 * One FtM entity. A bad phone or email is left out (reported, and kept as written on the source
 * record) and the entity kept, unless strict; a reference to an entity not in the file, and an
 * organisation's address (Lantern has no link type for it yet), are reported, never dropped silently.
 */
export function mapFtmRow(row: Row, m: Mapping, ctx: RowContext, index: FtmIndex): RowResult {
  const fail = (column: string | null, reason: string, value?: string): RowResult => ({ errors: [{ file: ctx.file, line: row.line, column, reason, ...(value !== undefined ? { value } : {}) }], warnings: [] });
  const warnings: RowError[] = [];
  const unparsed: string[] = [];
  const strict = ctx.strict === true || m.strict === true;
  const warn = (column: string, reason: string, code: RowError['code'], value?: string) =>
    warnings.push({ file: ctx.file, line: row.line, column, reason, code, ...(value !== undefined ? { value } : {}) });
  if (typeof row.values.__error === 'string') return fail(null, row.values.__error);
  const { id: ftmId, schema } = row.values as { id?: unknown; schema?: unknown };
  const props = (row.values.properties ?? {}) as Props;
  if (typeof ftmId !== 'string' || !ftmId) return fail('id', 'an FtM entity needs an id');
  if (typeof schema !== 'string') return fail('schema', 'an FtM entity needs a schema');
  const source: ImportSource = {
    id: sourceRecordId(ctx.source, ftmId),
    source: ctx.source,
    recordKey: ftmId,
    file: ctx.file,
    line: row.line,
    recordedAt: first(props, 'modifiedAt') && /^\d{4}-\d{2}-\d{2}$/.test(first(props, 'modifiedAt')!) ? `${first(props, 'modifiedAt')}T00:00:00Z` : ctx.importedAt,
    summary: `${schema} ${first(props, 'name') ?? first(props, 'full') ?? ftmId}`,
    ...gradingOf(row, m),
    contentHash: hash(JSON.stringify(row.values)).slice(0, 32),
  };
  const idFor = (fid: string): { id: string; type: EntityType } | undefined => {
    const t = ENTITY_SCHEMA[index.get(fid) ?? ''];
    return t ? { id: entityId(t, ctx.source, 'ftm', fid), type: t } : undefined;
  };
  const entities: MappedEntity[] = [];
  const links: LinkInput[] = [];
  const link = (type: LinkType, from: string, to: string, extra: Partial<LinkInput> = {}) =>
    links.push({ type, id: linkId(type, from, to, extra.role ?? '', extra.validFrom ?? ''), from, to, sourceIds: [source.id], ...extra });
  const date = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

  const type = ENTITY_SCHEMA[schema];
  if (type) {
    const p: Record<string, unknown> = {};
    if (type === 'PERSON') {
      const name = first(props, 'name');
      p.givenName = first(props, 'firstName');
      p.familyName = first(props, 'lastName');
      if (!p.givenName && !p.familyName && name) p.fullName = name.replace(/^(Frau|Herr|Mr|Mrs|Ms|Dr)\.?\s+(Dr\.?\s+)?/i, '');
      p.dateOfBirth = date(first(props, 'birthDate'));
      p.aliases = props.alias ?? [];
      // FtM writes countries as alpha-2 (`ro`); Lantern keeps alpha-3 (`ROU`), as every other source does.
      p.nationalities = (props.nationality ?? []).map((c) => alpha3(c) ?? c.toUpperCase());
      p.passportNumber = first(props, 'passportNumber');
    } else if (type === 'ORGANISATION') {
      p.name = first(props, 'name');
      p.companyNumber = first(props, 'registrationNumber');
    } else if (type === 'PREMISES') {
      const postcode = first(props, 'postalCode');
      p.name = first(props, 'full') ?? first(props, 'street');
      p.addressLine = first(props, 'street') ?? first(props, 'full');
      p.town = first(props, 'city');
      if (postcode && parsePostcode(postcode)) p.postcode = postcode;
      p.kind = 'OTHER';
    } else if (type === 'VEHICLE') {
      p.vrm = first(props, 'registrationNumber');
      p.make = first(props, 'make');
      p.model = first(props, 'model');
    }
    for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
    let shaped;
    try {
      shaped = shapeEntity(type, p);
    } catch (e) {
      if (e instanceof ShapeError) return fail(`properties.${e.property}`, `${schema}: ${e.message}`);
      throw e;
    }
    const self = idFor(ftmId)!;
    const naturalKey = naturalKeyOf(type, shaped.props);
    entities.push({ type, id: self.id, props: p, sourceIds: [source.id], ...(naturalKey ? { naturalKey } : {}) });
    // Phones and emails are properties in FtM and entities here; a value holding several is
    // split by the mapping's separator.
    if (type === 'PERSON' || type === 'ORGANISATION') {
      for (const [prop, t, rel] of [['phone', 'PHONE', 'USES_PHONE'], ['email', 'EMAIL', 'USES_EMAIL']] as const) {
        const values = (props[prop] ?? []).flatMap((v) => (m.separator ? v.split(m.separator) : [v])).map((v) => v.trim()).filter(Boolean);
        for (const v of values) {
          try {
            const written = t === 'PHONE' ? { number: phoneForRegion(v, m.phoneRegion ?? 'GB') } : { address: v };
            const s = shapeEntity(t, written);
            const nk = naturalKeyOf(t, s.props)!;
            const eid = entityId(t, nk.value);
            entities.push({ type: t, id: eid, props: written, sourceIds: [source.id], naturalKey: nk });
            link(rel, self.id, eid);
          } catch (e) {
            if (!(e instanceof ShapeError) && !(e instanceof TransformError)) throw e;
            if (strict) return fail(`properties.${prop}`, `${schema}: ${e.message}`, v);
            warn(`properties.${prop}`, `${schema}: ${e.message}; left out, the entity is kept`, 'VALUE_LEFT_OUT', v);
            unparsed.push(`properties.${prop}: ${v}`);
          }
        }
      }
    }
    for (const a of props.addressEntity ?? []) {
      const end = idFor(a);
      if (!index.has(a)) warn('properties.addressEntity', `${schema}: its address ${a} is not an entity of this file; not linked`, 'REFERENCE_MISSING', a);
      else if (end?.type !== 'PREMISES') warn('properties.addressEntity', `${schema}: its address ${a} is a ${index.get(a)}, not an Address; not linked`, 'NOT_LINKED', a);
      else if (type === 'PERSON') link('LIVES_AT', self.id, end.id);
      else if (type === 'ORGANISATION') link('REGISTERED_AT', self.id, end.id);
      else warn('properties.addressEntity', `${schema}: its address ${a} is kept out; Lantern has no link from a ${type} to an address`, 'NOT_LINKED', a);
    }
    if (unparsed.length > 0) source.unparsed = unparsed;
    return { row: { line: row.line, source, entities, links }, errors: [], warnings };
  }

  // Interval schemata: links between entities of the file.
  const ends: Record<string, [string, string, LinkType, string?]> = {
    Directorship: ['director', 'organization', 'DIRECTOR_OF'],
    Family: ['person', 'relative', 'ASSOCIATE_OF', 'FAMILY'],
    Associate: ['person', 'associate', 'ASSOCIATE_OF', 'ASSOCIATE'],
  };
  const spec = ends[schema];
  if (!spec) return { skipped: `FtM schema ${schema} is not imported`, errors: [], warnings: [] };
  const [fromProp, toProp, linkType, role] = spec;
  const from = idFor(first(props, fromProp) ?? '');
  const to = idFor(first(props, toProp) ?? '');
  if (!from || !to) {
    const end = from ? toProp : fromProp;
    const ref = first(props, end) ?? '';
    return fail(`properties.${end}`, `${schema}: its ${end} ${ref ? `${ref} ` : ''}${ref && index.has(ref) ? `is a ${index.get(ref)}, which Lantern does not import` : 'is not an entity of this file'}`, ref || undefined);
  }
  const extra: Partial<LinkInput> = {};
  if (role) extra.role = role;
  const start = date(first(props, 'startDate'));
  const end = date(first(props, 'endDate'));
  if (start) extra.validFrom = start;
  if (end) extra.validTo = end;
  link(linkType, from.id, to.id, extra);
  return { row: { line: row.line, source, entities: [], links }, errors: [], warnings: [] };
}
