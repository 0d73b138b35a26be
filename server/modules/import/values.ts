/**
 * A row's values as a mapping reads them: a cell, a constant or a template, split, transformed,
 * and read as a date or a phone number where the property it fills is one; the conditions
 * (`when`) that test a row; and a declared link property's value as its kind stores it. Pure.
 */
import { DATE_PROPS } from '../load/index.ts';
import { activeRegistry } from '../../model/registry/registry.ts';
import type { EntityType } from '../../model/model.ts';
import type { PropertyDef } from '../../model/registry/schema.ts';
import type { Condition, Mapping, ValueSpec } from './mapping.ts';
import type { Row } from './readers.ts';
import { applyTransform, parseDateByFormats, phoneForRegion, TransformError } from './transforms.ts';

class CellError extends Error {
  constructor(
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function cell(row: Row, column: string | number): unknown {
  const v = row.values[String(column)];
  return empty(v) ? null : v;
}

/** The column a value spec reads (for error messages), if one. */
export function columnOf(spec: ValueSpec | undefined): string | null {
  if (spec === undefined) return null;
  if (typeof spec === 'string' || typeof spec === 'number') return String(spec);
  return spec.column !== undefined ? String(spec.column) : spec.template ?? null;
}

/** How a value is read: the property it fills (of an entity or a link type) and the mapping's defaults (for dates and phones). */
export interface ValueContext {
  prop?: string;
  entityType?: EntityType;
  linkType?: string;
  mapping?: Mapping;
}

/** Whether the property a value fills is a date: a core date property, or one the registry (an installation's types file) declares of kind date. */
function fillsDate(vc: ValueContext): boolean {
  if (vc.prop === undefined) return false;
  if (DATE_PROPS.has(vc.prop)) return true;
  const r = activeRegistry();
  const defs = vc.linkType !== undefined ? r.link(vc.linkType)?.properties : vc.entityType !== undefined ? r.entity(vc.entityType)?.properties : undefined;
  return defs?.find((p) => p.name === vc.prop)?.kind === 'date';
}

/** A value that could not be read: as written, and why. */
export interface BadValue {
  value: string;
  reason: string;
}

const hasTransform = (spec: ValueSpec, key: 'date' | 'datetime' | 'phone') =>
  typeof spec === 'object' && (spec.transform ?? []).some((t) => typeof t === 'object' && key in t);


/**
 * Reads a value: the cell, constant or template; split by its separator; its transforms; then
 * its declared (or the mapping's) date format and phone region. A value that cannot be read is
 * null and comes back in `bad`; of a split cell only the parts that cannot be read are.
 */
export function readValue(row: Row, spec: ValueSpec, vc: ValueContext = {}): { value: unknown; bad: BadValue[] } {
  let v: unknown;
  const o = typeof spec === 'object' ? spec : undefined;
  const transforms = o?.transform ?? [];
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
  if (o?.separator && typeof v === 'string') v = v.split(o.separator).map((x) => x.trim()).filter(Boolean);
  const dateFormat = o?.dateFormat ?? (fillsDate(vc) && !hasTransform(spec, 'date') && !hasTransform(spec, 'datetime') ? vc.mapping?.dateFormat : undefined);
  const phoneProp = vc.entityType === 'PHONE' && (vc.prop === 'number' || vc.prop === 'e164');
  const region = o?.phoneRegion ?? (phoneProp && !hasTransform(spec, 'phone') ? (vc.mapping?.phoneRegion ?? 'GB') : undefined);
  const bad: BadValue[] = [];
  const finish = (x: unknown): unknown => {
    if (x === null || x === undefined) return x;
    if (dateFormat) x = parseDateByFormats(String(x), dateFormat).date;
    if (region) x = phoneForRegion(String(x), region);
    return x;
  };
  const one = (x: unknown): unknown => {
    const written = x;
    try {
      for (const t of transforms) x = applyTransform(x, t);
      if (!Array.isArray(x)) return finish(x);
      // A list made by a split transform: its parts that cannot be read are left out.
      return x.map((part) => {
        try {
          return finish(part);
        } catch (e) {
          if (!(e instanceof TransformError)) throw e;
          bad.push({ value: String(part), reason: e.message });
          return null;
        }
      }).filter((p) => p !== null && p !== undefined);
    } catch (e) {
      if (!(e instanceof TransformError)) throw e;
      bad.push({ value: String(written), reason: e.message });
      return null;
    }
  };
  v = Array.isArray(v) ? v.map(one).filter((x) => x !== null && x !== undefined) : one(v);
  return { value: v, bad };
}

/** Reads a value; a value that cannot be read throws, naming its column. */
export function evaluate(row: Row, spec: ValueSpec, vc: ValueContext = {}): unknown {
  const { value, bad } = readValue(row, spec, vc);
  if (bad.length > 0) throw new CellError(columnOf(spec), bad[0]!.reason);
  return value;
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

export const isRequired = (spec: ValueSpec | undefined) => typeof spec === 'object' && spec.required === true;

/**
 * A link property's value as its kind (registry) stores it: numbers for int and float, true or
 * false, a date as YYYY-MM-DD, an enum's code; throws TransformError saying what is wrong.
 */
export function linkPropertyValue(def: PropertyDef, v: unknown): unknown {
  const text = String(v).trim();
  switch (def.kind) {
    case 'int':
    case 'float': {
      const n = typeof v === 'number' ? v : Number(text.replace(/,/g, ''));
      if (!Number.isFinite(n) || (def.kind === 'int' && !Number.isInteger(n))) throw new TransformError(`${def.name} must be ${def.kind === 'int' ? 'a whole number' : 'a number'}`);
      return n;
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const b = ({ true: true, yes: true, y: true, '1': true, false: false, no: false, n: false, '0': false } as Record<string, boolean>)[text.toLowerCase()];
      if (b === undefined) throw new TransformError(`${def.name} must be true or false`);
      return b;
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new TransformError(`${def.name} must be a date YYYY-MM-DD (declare a dateFormat or a date transform for other forms)`);
      return text;
    case 'enum': {
      const code = text.toUpperCase().replace(/[\s-]+/g, '_');
      if (!def.values!.includes(code)) throw new TransformError(`${def.name} must be one of ${def.values!.join(', ')}`);
      return code;
    }
    default:
      return Array.isArray(v) ? v.map(String) : text;
  }
}
