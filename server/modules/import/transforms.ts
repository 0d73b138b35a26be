/**
 * Value transforms named in mapping files. Each takes a value and gives the new value, or
 * throws TransformError saying why the value cannot be used (the mapper adds file, line and
 * column). Empty strings become null before transforms run.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { parsePostcode } from '../../model/normalise.ts';
import type { Transform } from './mapping.ts';

export class TransformError extends Error {
  override name = 'TransformError';
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parses a date by a pattern of yyyy, yy, MM, M, dd, d, HH, mm, ss (anything else must match
 * as written), or 'iso'. Checks that the day exists.
 */
export function parseDateByFormat(text: string, format: string): { date: string; time: string | null } {
  const t = text.trim();
  if (format === 'iso') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(t);
    if (!m) throw new TransformError(`${JSON.stringify(text)} is not an ISO date`);
    return check(Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? `${m[4]}:${m[5]}:${m[6] ?? '00'}` : null, text, format);
  }
  const tokens = /(yyyy|yy|MM|M|dd|d|HH|mm|ss)/g;
  const names: string[] = [];
  const re = new RegExp(
    `^${format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(tokens, (tok) => {
      names.push(tok);
      return tok === 'yyyy' ? '(\\d{4})' : tok.length === 1 ? '(\\d{1,2})' : '(\\d{2})';
    })}$`,
  );
  const m = re.exec(t);
  if (!m) throw new TransformError(`${JSON.stringify(text)} does not match the date format ${format}`);
  const get = (tok: string) => {
    const i = names.indexOf(tok);
    return i >= 0 ? Number(m[i + 1]) : undefined;
  };
  let y = get('yyyy');
  if (y === undefined) {
    const yy = get('yy');
    if (yy === undefined) throw new TransformError(`the date format ${format} has no year`);
    // Two-digit years: the most recent past year with those digits (dates of birth, records).
    const now = new Date().getUTCFullYear();
    y = 2000 + yy > now ? 1900 + yy : 2000 + yy;
  }
  const hh = get('HH');
  const time = hh === undefined ? null : `${pad(hh)}:${pad(get('mm') ?? 0)}:${pad(get('ss') ?? 0)}`;
  return check(y, get('MM') ?? get('M') ?? 1, get('dd') ?? get('d') ?? 1, time, text, format);
}

function check(y: number, mo: number, d: number, time: string | null, text: string, format: string) {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    throw new TransformError(`${JSON.stringify(text)} is not a real date (read as ${y}-${pad(mo)}-${pad(d)} by ${format})`);
  }
  return { date: `${y}-${pad(mo)}-${pad(d)}`, time };
}

/** A date by the first of several formats it matches; the error names them all. */
export function parseDateByFormats(text: string, formats: string | string[]): { date: string; time: string | null } {
  const list = Array.isArray(formats) ? formats : [formats];
  let first: TransformError | undefined;
  for (const f of list) {
    try {
      return parseDateByFormat(text, f);
    } catch (e) {
      if (!(e instanceof TransformError)) throw e;
      // "not a real date" says more than "does not match" and is kept over it.
      if (!first || (/not a real date/.test(e.message) && !/not a real date/.test(first.message))) first = e;
    }
  }
  if (list.length === 1 || /not a real date/.test(first!.message)) throw first!;
  throw new TransformError(`${JSON.stringify(text)} matches none of the date formats ${list.join(', ')}`);
}

/**
 * A phone number as E.164, read for one region: a number written with its country code
 * (+33 ..., 0033 ...) is read as written, and any other is read as a number of that region.
 * A number that is not a possible number there is refused, never read as another country's
 * (9-(233)340-7834 is not taken for a Pakistani number because its digits would make one).
 */
export function phoneForRegion(text: string, region: string): string {
  const cleaned = text.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, region.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isPossible()) throw new TransformError(`${JSON.stringify(text)} is not a phone number of region ${region.toUpperCase()} nor written with a country code`);
  return parsed.number;
}

const title = (s: string) => s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());

/** "Family, Given" or "Given [Middle] Family" (or family first when the source writes it so). */
export function splitName(full: string, order: 'given-first' | 'family-first' = 'given-first'): { given: string | null; family: string | null } {
  const t = full.trim().replace(/\s+/g, ' ');
  const comma = t.indexOf(',');
  if (comma > 0) return { family: t.slice(0, comma).trim() || null, given: t.slice(comma + 1).trim() || null };
  const words = t.split(' ');
  if (words.length === 1) return { given: null, family: words[0] || null };
  return order === 'family-first'
    ? { family: words[0]!, given: words.slice(1).join(' ') }
    : { given: words.slice(0, -1).join(' '), family: words[words.length - 1]! };
}

export function applyTransform(value: unknown, t: Transform): unknown {
  if (value === null || value === undefined) return typeof t === 'object' && 'map' in t && t.default !== undefined ? t.default : null;
  if (Array.isArray(value)) return value.map((v) => applyTransform(v, t)).filter((v) => v !== null && v !== undefined);
  const s = typeof value === 'string' ? value : String(value);
  if (typeof t === 'string') {
    switch (t) {
      case 'trim':
        return s.trim();
      case 'upper':
        return s.toUpperCase();
      case 'lower':
        return s.toLowerCase();
      case 'title':
        return title(s);
      case 'collapse_spaces':
        return s.replace(/\s+/g, ' ').trim();
      case 'digits':
        return s.replace(/\D/g, '');
      case 'null_if_empty':
        return s.trim() === '' ? null : s;
      case 'postcode': {
        const p = parsePostcode(s);
        if (!p) throw new TransformError(`${JSON.stringify(s)} is not a UK postcode`);
        return p.formatted;
      }
      case 'given_name':
        return splitName(s).given;
      case 'family_name':
        return splitName(s).family;
      case 'number': {
        const n = Number(s.replace(/,/g, ''));
        if (!Number.isFinite(n)) throw new TransformError(`${JSON.stringify(s)} is not a number`);
        return n;
      }
      case 'integer': {
        const n = Number(s.replace(/,/g, ''));
        if (!Number.isInteger(n)) throw new TransformError(`${JSON.stringify(s)} is not a whole number`);
        return n;
      }
      case 'boolean': {
        const l = s.trim().toLowerCase();
        if (['true', 'yes', 'y', '1'].includes(l)) return true;
        if (['false', 'no', 'n', '0', ''].includes(l)) return false;
        throw new TransformError(`${JSON.stringify(s)} is not yes or no`);
      }
    }
  }
  if ('date' in t) return parseDateByFormats(s, t.date).date;
  if ('datetime' in t) {
    const { date, time } = parseDateByFormat(s, t.datetime);
    return `${date}T${time ?? '00:00:00'}${t.zone ?? 'Z'}`;
  }
  if ('phone' in t) return phoneForRegion(s, t.phone);
  if ('map' in t) {
    if (Object.hasOwn(t.map, s)) return t.map[s];
    if (Object.hasOwn(t.map, s.trim().toLowerCase())) return t.map[s.trim().toLowerCase()];
    if (t.default !== undefined) return t.default;
    throw new TransformError(`${JSON.stringify(s)} is not one of ${Object.keys(t.map).join(', ')}`);
  }
  if ('split' in t) return s.split(t.split).map((x) => x.trim()).filter(Boolean);
  if ('replace' in t) return s.replace(new RegExp(t.replace[0], 'g'), t.replace[1]);
  if ('split_name' in t) return splitName(s, t.order)[t.split_name];
  return value;
}
