/**
 * A row through its mapping: a source record (with a content hash, so that a changed row is
 * told from an unchanged one), the row's entities with provisional ids, and its links. Pure.
 * A row that cannot be mapped gives RowErrors naming its file, line, column and reason; the
 * other rows go on.
 */
import crypto from 'node:crypto';
import { ID_PREFIX, type EntityType, type LinkType } from '../../model/model.ts';
import { shapeEntity, ShapeError } from '../../model/shape.ts';
import { LoadError, prepare, type EntityInput, type LinkInput, type SourceRecordInput } from '../load/load.service.ts';
import type { Condition, EntityMapping, Mapping, ValueSpec } from './mapping.ts';
import type { Row } from './readers.ts';
import { applyTransform, TransformError } from './transforms.ts';

export interface RowError {
  file: string;
  line: number;
  column: string | null;
  reason: string;
  /** For callers that act on a kind of error (the reason is for people): a link whose end is not in the graph. */
  code?: 'LINK_END_MISSING';
}

export interface ImportSource extends SourceRecordInput {
  contentHash: string;
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
}

export interface RowContext {
  source: string;
  file: string;
  importedAt: string;
}

export const hash = (...parts: string[]) => crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');

/** Stable ids: the same source, key and entity always give the same id, so re-imports land on it. */
export const sourceRecordId = (source: string, recordKey: string) => `${sourceIdPrefix(source)}${hash(source, recordKey).slice(0, 24)}`;
/** Every record id of a source starts with this (as the demo's `src-tvcr-...`), so that its records are found by prefix. */
export const sourceIdPrefix = (source: string) => `src-${source}-`;
export const entityId = (type: EntityType, ...parts: string[]) => `${ID_PREFIX[type]}-imp-${hash(type, ...parts).slice(0, 24)}`;
export const linkId = (type: LinkType, ...parts: string[]) => `link-${type.toLowerCase()}-imp-${hash(type, ...parts).slice(0, 24)}`;

/** The natural key of a shaped entity, for the types whose property is unique in the graph. */
export function naturalKeyOf(type: EntityType, shaped: Record<string, unknown>): NaturalKey | undefined {
  const prop = { PHONE: 'e164', EMAIL: 'address', VEHICLE: 'vrm', BANK_ACCOUNT: 'accountKey', ORGANISATION: 'companyNumber', ADVERT: 'contentHash' }[type as string];
  const v = prop ? shaped[prop] : undefined;
  return typeof v === 'string' && v !== '' ? { type, value: v } : undefined;
}

class CellError extends Error {
  constructor(
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function cell(row: Row, column: string | number): unknown {
  const v = row.values[String(column)];
  return empty(v) ? null : v;
}

/** The column a value spec reads (for error messages), if one. */
function columnOf(spec: ValueSpec | undefined): string | null {
  if (spec === undefined) return null;
  if (typeof spec === 'string' || typeof spec === 'number') return String(spec);
  return spec.column !== undefined ? String(spec.column) : spec.template ?? null;
}

export function evaluate(row: Row, spec: ValueSpec): unknown {
  let v: unknown;
  const transforms = typeof spec === 'object' ? (spec.transform ?? []) : [];
  if (typeof spec === 'string' || typeof spec === 'number') v = cell(row, spec);
  else if (spec.value !== undefined) v = spec.value;
  else if (spec.template !== undefined) {
    let any = false;
    v = spec.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const x = cell(row, name);
      if (x !== null) any = true;
      return x === null ? '' : String(x);
    });
    v = any ? (v as string).replace(/\s+/g, ' ').trim() : null;
  } else v = cell(row, spec.column!);
  if (typeof v === 'string') v = v.trim() === '' ? null : v;
  for (const t of transforms) {
    try {
      v = applyTransform(v, t);
    } catch (e) {
      if (e instanceof TransformError) throw new CellError(columnOf(spec), e.message);
      throw e;
    }
  }
  return v;
}

export function holds(row: Row, c: Condition): boolean {
  if ('all' in c) return c.all.every((x) => holds(row, x));
  if ('any' in c) return c.any.some((x) => holds(row, x));
  if ('not' in c) return !holds(row, c.not);
  const v = cell(row, c.column);
  const s = v === null ? '' : String(v).trim();
  if (c.notEmpty !== undefined && (s !== '') !== c.notEmpty) return false;
  if (c.equals !== undefined && s.toLowerCase() !== String(c.equals).toLowerCase()) return false;
  if (c.in !== undefined && !c.in.map((x) => String(x).toLowerCase()).includes(s.toLowerCase())) return false;
  if (c.matches !== undefined && !new RegExp(c.matches).test(s)) return false;
  return true;
}

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

/** Maps one row. Returns the mapped row, or the errors that stop it (the row is then not imported). */
export function mapRow(row: Row, m: Mapping, ctx: RowContext): { row?: MappedRow; skipped?: boolean; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: string | null, reason: string) => errors.push({ file: ctx.file, line: row.line, column, reason });
  if (typeof row.values.__error === 'string') {
    fail(null, row.values.__error);
    return { errors };
  }
  if (m.when && !holds(row, m.when)) return { skipped: true, errors };

  const keyParts = m.recordKey.map((c) => cell(row, c));
  const missingKey = m.recordKey.filter((_, i) => keyParts[i] === null);
  if (missingKey.length > 0) {
    fail(String(missingKey[0]), `the record key column ${String(missingKey[0])} is empty`);
    return { errors };
  }
  const recordKey = keyParts.map(String).join('|');
  let recordedAt = ctx.importedAt;
  if (m.recordedAt) {
    try {
      const v = evaluate(row, m.recordedAt);
      if (v !== null) recordedAt = /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? `${String(v)}T00:00:00Z` : String(v);
    } catch (e) {
      if (e instanceof CellError) fail(e.column, e.message);
      else throw e;
    }
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
  };

  const entities: MappedEntity[] = [];
  const byName = new Map<string, MappedEntity>();
  const propColumn = new Map<string, string | null>();
  for (const [name, e] of Object.entries(m.entities) as [string, EntityMapping][]) {
    if (e.when && !holds(row, e.when)) continue;
    let given: string | null = null;
    if (e.id !== undefined) {
      const v = evaluate(row, e.id);
      given = v === null || v === undefined ? null : String(v);
      if (e.reference) {
        // Named only to be linked: not written, and it does not cite this row.
        if (given !== null) byName.set(name, { type: e.type, id: given, props: {}, sourceIds: [] });
        continue;
      }
    }
    const props: Record<string, unknown> = {};
    let ok = true;
    for (const [prop, spec] of Object.entries(e.properties)) {
      propColumn.set(`${name}.${prop}`, columnOf(spec));
      try {
        const v = evaluate(row, spec);
        if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) props[prop] = v;
      } catch (err) {
        if (!(err instanceof CellError)) throw err;
        fail(err.column, `${name}.${prop}: ${err.message}`);
        ok = false;
      }
    }
    if (!ok) continue;
    // An entity none of whose columns has a value is not in this row (an optional phone).
    const fromData = Object.entries(e.properties).filter(([, s]) => !(typeof s === 'object' && s.value !== undefined));
    if (fromData.every(([p]) => props[p] === undefined)) continue;
    let shaped;
    try {
      shaped = shapeEntity(e.type, props);
    } catch (err) {
      if (!(err instanceof ShapeError)) throw err;
      fail(propColumn.get(`${name}.${err.property}`) ?? null, `${name} (${e.type}): ${err.message}`);
      continue;
    }
    const naturalKey = naturalKeyOf(e.type, shaped.props);
    let id: string;
    if (given !== null) id = given;
    else if (naturalKey) id = entityId(e.type, naturalKey.value);
    else if (e.key) {
      const parts = e.key.map((c) => cell(row, c));
      if (parts.some((p) => p === null)) {
        fail(String(e.key[parts.findIndex((p) => p === null)]), `${name}: its key column is empty`);
        continue;
      }
      id = entityId(e.type, ctx.source, name, ...parts.map(String));
    } else id = entityId(e.type, ctx.source, recordKey, name);
    const entity: MappedEntity = { type: e.type, id, props, sourceIds: [source.id], ...(naturalKey ? { naturalKey } : {}) };
    entities.push(entity);
    byName.set(name, entity);
  }

  const links: LinkInput[] = [];
  for (const l of m.links) {
    if (l.when && !holds(row, l.when)) continue;
    const from = byName.get(l.from);
    const to = byName.get(l.to);
    if (!from || !to) continue;
    const type = l.type as LinkType;
    const extra: Partial<LinkInput> = {};
    try {
      for (const k of ['role', 'validFrom', 'validTo', 'weight', 'count', 'firstAt', 'lastAt'] as const) {
        const spec = l[k];
        if (spec === undefined) continue;
        const v = evaluate(row, spec);
        if (v !== null) (extra as Record<string, unknown>)[k] = k === 'weight' || k === 'count' ? Number(v) : String(v);
      }
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      fail(err.column, `link ${l.type} ${l.from} -> ${l.to}: ${err.message}`);
      continue;
    }
    links.push({ type, id: linkId(type, from.id, to.id, extra.role ?? '', extra.validFrom ?? ''), from: from.id, to: to.id, sourceIds: [source.id], ...extra });
  }

  // The loader's checks (dates, grading, link ends and roles), on this row alone.
  try {
    prepare({ sources: [source], entities, links }, { synthetic: m.synthetic === true });
  } catch (err) {
    if (!(err instanceof LoadError)) throw err;
    const prop = /: (\w+) must be/.exec(err.message)?.[1];
    const owner = entities.find((e) => err.message.startsWith(`${e.type} ${e.id}`));
    const name = owner ? [...byName].find(([, v]) => v === owner)?.[0] : undefined;
    fail((name && prop ? propColumn.get(`${name}.${prop}`) : null) ?? null, err.message.replace(/ \w+-imp-[0-9a-f]+/g, name ? ` (${name})` : ''));
  }
  if (errors.length > 0) return { errors };
  return { row: { line: row.line, source, entities, links }, errors };
}
