/**
 * A row through its mapping: a source record (with a content hash, so that a changed row is
 * told from an unchanged one), the row's entities with provisional ids, and its links. Pure.
 * A row that cannot be mapped gives RowErrors naming its file, line, column and reason; the
 * other rows go on.
 */
import crypto from 'node:crypto';
import { ID_PREFIX, type EntityType, type LinkType } from '../../model/model.ts';
import { shapeEntity, ShapeError } from '../../model/shape.ts';
import { activeRegistry } from '../../model/registry/registry.ts';
import { sourceIdPrefix } from '../../model/source-ids.ts';
import { LoadError, prepare, type EntityInput, type LinkInput, type SourceRecordInput } from '../load/index.ts';
import type { EntityMapping, Mapping } from './mapping.ts';
import type { Row } from './readers.ts';
import { TransformError } from './transforms.ts';
import { placeFromGrid } from '../../model/grid.ts';
import { readCall } from './call-rows.ts';
import { cell, columnOf, evaluate, holds, isRequired, linkPropertyValue, readValue, type BadValue } from './values.ts';

export interface RowError {
  file: string;
  line: number;
  column: string | null;
  reason: string;
  /** The value as written, where one value is at fault (a row kept without it keeps it on its source record). */
  value?: string;
  /**
   * For callers that act on a kind of problem (the reason is for people): LINK_END_MISSING, a
   * link whose end is not in the graph; VALUE_LEFT_OUT, a bad optional value left out of a row
   * that was kept; REFERENCE_MISSING, a reference to something not in the file; NOT_LINKED, a
   * relation Lantern has no link type for.
   */
  code?: 'LINK_END_MISSING' | 'VALUE_LEFT_OUT' | 'REFERENCE_MISSING' | 'NOT_LINKED';
}

export interface ImportSource extends SourceRecordInput {
  contentHash: string;
  /** Values left out of the row's entities, as written (`column: value`), so that nothing is lost. */
  unparsed?: string[];
}

/** An entity with an identity outside Lantern's ids (a phone's number): found again by it, whatever its id. */
export interface NaturalKey {
  type: EntityType;
  value: string;
}

export interface MappedEntity extends EntityInput {
  naturalKey?: NaturalKey;
}

export interface MappedRow {
  line: number;
  source: ImportSource;
  entities: MappedEntity[];
  links: LinkInput[];
  /** A call row's CALLED link: merged by its two phones and its totals recomputed from the call records citing it. */
  callLinks?: LinkInput[];
}

export interface RowContext {
  source: string;
  file: string;
  importedAt: string;
  /** Every bad value refuses its row (`--strict`); otherwise only required ones do. */
  strict?: boolean;
}

/** What mapping one row gave: the row (when it is kept), the errors that refused it, the values and links it lost. */
export interface RowResult {
  row?: MappedRow;
  /** Why the row was skipped (not an error: the mapping says to leave such rows out). */
  skipped?: string;
  errors: RowError[];
  warnings: RowError[];
}

export const hash = (...parts: string[]) => crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');

/** Stable ids: the same source, key and entity always give the same id, so re-imports land on it. */
export const sourceRecordId = (source: string, recordKey: string) => `${sourceIdPrefix(source)}${hash(source, recordKey).slice(0, 24)}`;
export const entityId = (type: EntityType, ...parts: string[]) => `${ID_PREFIX[type]}-imp-${hash(type, ...parts).slice(0, 24)}`;
export const linkId = (type: LinkType, ...parts: string[]) => `link-${type.toLowerCase()}-imp-${hash(type, ...parts).slice(0, 24)}`;

/** The natural key of a shaped entity, for the types whose property is unique in the graph. */
export function naturalKeyOf(type: EntityType, shaped: Record<string, unknown>): NaturalKey | undefined {
  const prop = { PHONE: 'e164', EMAIL: 'address', VEHICLE: 'vrm', BANK_ACCOUNT: 'accountKey', ORGANISATION: 'companyNumber', ADVERT: 'contentHash' }[type as string];
  const v = prop ? shaped[prop] : undefined;
  return typeof v === 'string' && v !== '' ? { type, value: v } : undefined;
}

/** The property of a type that one entity holds one of: a cell holding several makes several entities. */
const ONE_PER_ENTITY: Partial<Record<EntityType, string[]>> = { PHONE: ['number', 'e164'], EMAIL: ['address'], VEHICLE: ['vrm'] };

/** A stable text of the row's values, for telling a changed row from the same one. */
function contentOf(row: Row): string {
  const keys = Object.keys(row.values).filter((k) => !/^\d+$/.test(k) || Object.keys(row.values).every((x) => /^\d+$/.test(x))).sort();
  return JSON.stringify(keys.map((k) => [k, row.values[k] ?? null]));
}

export function gradingOf(row: Row, m: Mapping) {
  const g = m.grading;
  const f = g.fromColumns ?? {};
  const from = (col: string | number | undefined) => (col === undefined ? null : cell(row, col));
  const se = from(f.sourceEvaluation);
  const ia = from(f.intelligenceAssessment);
  const hc = from(f.handlingCode);
  const hcond = from(f.handlingConditions);
  const cl = from(f.classification);
  const out = {
    sourceEvaluation: (se !== null ? Number(se) : g.sourceEvaluation) as 1 | 2 | 3,
    intelligenceAssessment: (ia !== null ? String(ia).trim().toUpperCase() : g.intelligenceAssessment) as 'A',
    handlingCode: (hc !== null ? String(hc).trim().toUpperCase() : g.handlingCode) as 'P' | 'C',
    handlingConditions: hcond !== null ? String(hcond) : (g.handlingConditions ?? null),
    classification: (cl !== null ? String(cl).trim().toUpperCase() : g.classification) as 'OFFICIAL',
  };
  if (out.handlingCode === 'P') out.handlingConditions = null;
  return out;
}


/**
 * Maps one row. The row is refused (errors) when its record key is empty, a required value is
 * bad, or any value is bad under `strict`; otherwise a bad value is left out of the row, its
 * entity when it was the entity's only value, and that entity's links, and each is reported
 * (warnings) with the value as written, which the source record keeps (`unparsed`).
 */
export function mapRow(row: Row, m: Mapping, ctx: RowContext): RowResult {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const unparsed: string[] = [];
  const strict = ctx.strict === true || m.strict === true;
  const fail = (column: string | null, reason: string, value?: string) => errors.push({ file: ctx.file, line: row.line, column, reason, ...(value !== undefined ? { value } : {}) });
  /** A bad value: refuses the row when required (or strict), else is left out and reported. */
  const badValue = (column: string | null, what: string, b: BadValue, required: boolean) => {
    if (required || strict) fail(column, `${what}: ${b.reason}`, b.value);
    else {
      warnings.push({ file: ctx.file, line: row.line, column, reason: `${what}: ${b.reason}; left out, the row is kept`, value: b.value, code: 'VALUE_LEFT_OUT' });
      unparsed.push(`${column ?? what}: ${b.value}`);
    }
  };
  if (typeof row.values.__error === 'string') {
    fail(null, row.values.__error);
    return { errors, warnings };
  }
  if (m.when && !holds(row, m.when)) return { skipped: "the mapping's when condition", errors, warnings };

  // A call row: its phones, start and duration, read first, since they key the row when the
  // mapping gives no recordKey.
  const call = m.calls ? readCall(row, m.calls, m, { fail, badValue }) : undefined;
  if (m.calls && !call) return { errors, warnings: [] };
  let recordKey: string;
  if (m.recordKey) {
    const keyParts = m.recordKey.map((c) => cell(row, c));
    const missingKey = m.recordKey.filter((_, i) => keyParts[i] === null);
    if (missingKey.length > 0) {
      fail(String(missingKey[0]), `the record key column ${String(missingKey[0])} is empty`);
      return { errors, warnings };
    }
    recordKey = keyParts.map(String).join('|');
  } else recordKey = call!.recordKey;
  let recordedAt = ctx.importedAt;
  if (m.recordedAt) {
    const { value: v, bad } = readValue(row, m.recordedAt, { mapping: m });
    for (const b of bad) badValue(columnOf(m.recordedAt), 'recordedAt', b, isRequired(m.recordedAt));
    if (v !== null && v !== undefined) recordedAt = /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? `${String(v)}T00:00:00Z` : String(v);
  }
  const source: ImportSource = {
    id: sourceRecordId(ctx.source, recordKey),
    source: ctx.source,
    recordKey,
    file: ctx.file,
    line: row.line,
    recordedAt,
    summary: m.summary ? String(evaluate(row, { template: m.summary }) ?? '') : `${ctx.source} ${recordKey}`,
    ...gradingOf(row, m),
    contentHash: hash(contentOf(row)).slice(0, 32),
    ...(call ? call.record : {}),
  };

  const entities: MappedEntity[] = [];
  /** The row's entities by mapping name (several where a cell held several phones). */
  const byName = new Map<string, MappedEntity[]>();
  /** Entities a bad value took out of the row: their links are reported as not made. */
  const lost = new Set<string>();
  const propColumn = new Map<string, string | null>();
  const propRequired = new Map<string, boolean>();
  for (const [name, e] of Object.entries(m.entities) as [string, EntityMapping][]) {
    if (e.when && !holds(row, e.when)) continue;
    let given: string | null = null;
    if (e.id !== undefined) {
      const { value: v, bad } = readValue(row, e.id, { mapping: m });
      for (const b of bad) badValue(columnOf(e.id), `${name}.id`, b, isRequired(e.id));
      given = v === null || v === undefined ? null : String(v);
      if (e.reference) {
        // Named only to be linked: not written, and it does not cite this row.
        if (given !== null) byName.set(name, [{ type: e.type, id: given, props: {}, sourceIds: [] }]);
        continue;
      }
    }
    const props: Record<string, unknown> = {};
    let hadBad = false;
    for (const [prop, spec] of Object.entries(e.properties)) {
      propColumn.set(`${name}.${prop}`, columnOf(spec));
      propRequired.set(`${name}.${prop}`, isRequired(spec));
      const { value: v, bad } = readValue(row, spec, { prop, entityType: e.type, mapping: m });
      for (const b of bad) badValue(columnOf(spec), `${name}.${prop}`, b, isRequired(spec));
      if (bad.length > 0) hadBad = true;
      if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) props[prop] = v;
    }
    // Grid eastings and northings fill a latitude and longitude the columns did not give.
    const onGrid = e.grid && props.latitude === undefined ? placeFromGrid(cell(row, e.grid.easting), cell(row, e.grid.northing), e.grid, (col, value, reason) => badValue(col, `${name}.grid`, { value, reason }, false)) : null;
    if (onGrid) Object.assign(props, onGrid);
    // An entity none of whose columns has a value is not in this row (an optional phone).
    const fromData = Object.entries(e.properties).filter(([, s]) => !(typeof s === 'object' && s.value !== undefined));
    if (!onGrid && fromData.every(([p]) => props[p] === undefined)) {
      if (hadBad) lost.add(name);
      continue;
    }
    // A cell holding several phones (emails, vehicles) makes one entity of each.
    const many = (ONE_PER_ENTITY[e.type] ?? []).find((p) => Array.isArray(props[p]));
    const variants = many ? (props[many] as unknown[]).map((x) => ({ ...props, [many]: x })) : [props];
    const made: MappedEntity[] = [];
    for (const variant of variants) {
      const shaped = shapeLeniently(e.type, variant, (prop, reason) => {
        const written = variant[prop];
        badValue(propColumn.get(`${name}.${prop}`) ?? null, `${name} (${e.type})`, { value: written === undefined ? '' : Array.isArray(written) ? written.join(', ') : String(written), reason }, propRequired.get(`${name}.${prop}`) === true);
        return written !== undefined && !propRequired.get(`${name}.${prop}`) && !strict;
      });
      if (!shaped) {
        lost.add(name);
        continue;
      }
      const naturalKey = naturalKeyOf(e.type, shaped.props);
      let id: string;
      if (given !== null) id = given;
      else if (naturalKey) id = entityId(e.type, naturalKey.value);
      else if (e.key) {
        const parts = e.key.map((c) => cell(row, c));
        if (parts.some((p) => p === null)) {
          const col = String(e.key[parts.findIndex((p) => p === null)]);
          if (strict) fail(col, `${name}: its key column is empty`);
          else warnings.push({ file: ctx.file, line: row.line, column: col, reason: `${name}: its key column is empty; ${name} is left out, the row is kept`, code: 'VALUE_LEFT_OUT' });
          lost.add(name);
          continue;
        }
        id = entityId(e.type, ctx.source, name, ...parts.map(String));
      } else id = entityId(e.type, ctx.source, recordKey, name);
      const entity: MappedEntity = { type: e.type, id, props: variant, sourceIds: [source.id], ...(naturalKey ? { naturalKey } : {}) };
      made.push(entity);
    }
    entities.push(...made);
    if (made.length > 0) byName.set(name, made);
  }

  const links: LinkInput[] = [];
  const callLinks: LinkInput[] = [];
  if (call) {
    // The call's phones: entities of the row (found again by their number), linked by CALLED.
    for (const [name, phone] of [['caller', call.caller], ['called', call.called]] as const) {
      if (!phone) continue;
      const e: MappedEntity = { type: 'PHONE', id: entityId('PHONE', phone.e164), props: { number: phone.e164 }, sourceIds: [source.id], naturalKey: { type: 'PHONE', value: phone.e164 } };
      entities.push(e);
      byName.set(`calls.${name}`, [e]);
    }
    const [from, to] = [byName.get('calls.caller')?.[0], byName.get('calls.called')?.[0]];
    if (from && to) callLinks.push({ type: 'CALLED', id: linkId('CALLED', from.id, to.id, '', ''), from: from.id, to: to.id, sourceIds: [source.id] });
    else {
      const gone = [from ? null : 'the caller', to ? null : 'the called number'].filter(Boolean).join(' and ');
      warnings.push({ file: ctx.file, line: row.line, column: null, reason: `link CALLED not made: ${gone} is not a phone number (kept as written on the call's record)`, code: 'VALUE_LEFT_OUT' });
    }
  }
  for (const l of m.links) {
    if (l.when && !holds(row, l.when)) continue;
    const froms = byName.get(l.from);
    const tos = byName.get(l.to);
    if (!froms || !tos) {
      const gone = [l.from, l.to].filter((n) => lost.has(n));
      if (gone.length > 0 && errors.length === 0) {
        warnings.push({ file: ctx.file, line: row.line, column: null, reason: `link ${l.type} ${l.from} -> ${l.to} not made: ${gone.join(' and ')} was left out`, code: 'VALUE_LEFT_OUT' });
      }
      continue;
    }
    const type = l.type as LinkType;
    const extra: Partial<LinkInput> = {};
    let ok = true;
    for (const k of ['role', 'validFrom', 'validTo', 'weight', 'count', 'firstAt', 'lastAt'] as const) {
      const spec = l[k];
      if (spec === undefined) continue;
      const { value: v, bad } = readValue(row, spec, { prop: k, mapping: m });
      if (bad.length > 0) {
        // A link is not made without one of its values: a role left out could turn a victim's link into a suspect's.
        const b = bad[0]!;
        if (strict || isRequired(spec)) fail(columnOf(spec), `link ${l.type} ${l.from} -> ${l.to}: ${b.reason}`, b.value);
        else {
          warnings.push({ file: ctx.file, line: row.line, column: columnOf(spec), reason: `link ${l.type} ${l.from} -> ${l.to} not made: ${b.reason}`, value: b.value, code: 'VALUE_LEFT_OUT' });
          unparsed.push(`${columnOf(spec) ?? k}: ${b.value}`);
        }
        ok = false;
        break;
      }
      if (v !== null && v !== undefined) (extra as Record<string, unknown>)[k] = k === 'weight' || k === 'count' ? Number(v) : String(v);
    }
    if (!ok) continue;
    // The link type's own properties (a declared type's): a bad one is left out of the link and
    // reported; the link is still made (unless the value is required, or the import strict).
    const defs = activeRegistry().link(l.type)?.properties ?? [];
    for (const [prop, spec] of Object.entries(l.properties ?? {})) {
      const { value: v, bad } = readValue(row, spec, { prop, linkType: l.type, mapping: m });
      let problem = bad[0];
      let value: unknown = v;
      if (!problem && v !== null && v !== undefined) {
        try {
          value = linkPropertyValue(defs.find((d) => d.name === prop)!, v);
        } catch (e) {
          if (!(e instanceof TransformError)) throw e;
          problem = { value: Array.isArray(v) ? v.join(', ') : String(v), reason: e.message };
        }
      }
      if (problem) {
        if (strict || isRequired(spec)) fail(columnOf(spec), `link ${l.type} ${l.from} -> ${l.to}: ${prop}: ${problem.reason}`, problem.value);
        else {
          warnings.push({ file: ctx.file, line: row.line, column: columnOf(spec), reason: `link ${l.type} ${l.from} -> ${l.to}: ${prop} left out: ${problem.reason}`, value: problem.value, code: 'VALUE_LEFT_OUT' });
          unparsed.push(`${columnOf(spec) ?? prop}: ${problem.value}`);
        }
        continue;
      }
      if (value !== null && value !== undefined) (extra as Record<string, unknown>)[prop] = value;
    }
    for (const from of froms) {
      for (const to of tos) links.push({ type, id: linkId(type, from.id, to.id, extra.role ?? '', extra.validFrom ?? ''), from: from.id, to: to.id, sourceIds: [source.id], ...extra });
    }
  }

  // The loader's checks (dates, grading, link ends and roles), on this row alone. A bad optional
  // property is left out and the row checked again.
  const nameOf = (ent: MappedEntity) => [...byName].find(([, v]) => v.includes(ent))?.[0];
  for (let attempt = 0; errors.length === 0 && attempt < 20; attempt++) {
    try {
      prepare({ sources: [source], entities, links }, { synthetic: m.synthetic === true });
      break;
    } catch (err) {
      if (!(err instanceof LoadError)) throw err;
      const prop = /: (\w+) must be/.exec(err.message)?.[1];
      const owner = entities.find((x) => err.message.startsWith(`${x.type} ${x.id}`));
      const name = owner ? nameOf(owner) : undefined;
      const key = `${name}.${prop}`;
      const reason = err.message.replace(/ \w+-imp-[0-9a-f]+/g, name ? ` (${name})` : '');
      if (owner && prop && owner.props[prop] !== undefined) {
        const written = owner.props[prop];
        badValue(propColumn.get(key) ?? null, `${name}.${prop}`, { value: String(written), reason: reason.replace(/^.*?: /, '') }, propRequired.get(key) === true);
        delete owner.props[prop];
        continue;
      }
      fail((name && prop ? propColumn.get(key) : null) ?? null, reason);
    }
  }
  if (errors.length > 0) return { errors, warnings: [] };
  if (unparsed.length > 0) source.unparsed = unparsed;
  return { row: { line: row.line, source, entities, links, ...(callLinks.length ? { callLinks } : {}) }, errors, warnings };
}


/**
 * Shapes an entity; a property the model refuses is reported through `refuse`, and left out
 * (the entity shaped again) when `refuse` says it may be. Undefined when the entity cannot be made.
 */
function shapeLeniently(type: EntityType, props: Record<string, unknown>, refuse: (prop: string, reason: string) => boolean) {
  for (;;) {
    try {
      return shapeEntity(type, props);
    } catch (err) {
      if (!(err instanceof ShapeError)) throw err;
      // A phone's number is checked as its e164.
      const prop = err.property === 'e164' && props.e164 === undefined && props.number !== undefined ? 'number' : err.property;
      if (!refuse(prop, err.message) || props[prop] === undefined) return undefined;
      delete props[prop];
    }
  }
}
