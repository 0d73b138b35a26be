/**
 * A person as the resolver reads one: the input (anything may be missing) and its prepared form,
 * names plain and split, generational suffix taken off, date of birth parsed, phones, emails,
 * postcodes and identifiers normalised, so that a record is prepared once and compared many times.
 */
import { plain, plainName, splitName } from './text.ts';

/** A person as it comes from a source record: anything may be missing. */
export interface PersonInput {
  id: string;
  source?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  /** Used when given and family names are not given apart. */
  fullName?: string | null;
  aliases?: string[] | null;
  /** YYYY-MM-DD. */
  dateOfBirth?: string | null;
  gender?: string | null;
  phones?: string[] | null;
  emails?: string[] | null;
  postcodes?: string[] | null;
  /** Address lines (house number and street). */
  addresses?: string[] | null;
  towns?: string[] | null;
  /** Exact identifiers as `kind:value` (ni:AB123456C, passport:123456789, pnc:..., ssn:...). */
  identifiers?: string[] | null;
}

export interface Dob {
  y: number;
  m: number;
  d: number;
  /** YYYYMMDD. */
  s: string;
}

/** A person prepared once for comparing many times. */
export interface Prepared {
  id: string;
  source: string | null;
  /** All given names, space separated ("thi lan"). */
  given: string;
  /** The first given name ("thi"). */
  first: string;
  family: string;
  /** Other given-name words (middle names) and aliases' words. */
  otherNames: string[];
  dob: Dob | null;
  gender: string | null;
  phones: string[];
  emails: string[];
  postcodes: string[];
  addresses: string[];
  towns: string[];
  identifiers: Map<string, string[]>;
  /** A generational suffix (jr, sr, ii, iii, iv) taken off the names, or null. */
  suffix: string | null;
}

/** Generational suffixes as written, each to one form: "Jnr" and "Junior" are "jr". */
const SUFFIXES: Record<string, string> = { jr: 'jr', jnr: 'jr', junior: 'jr', sr: 'sr', snr: 'sr', senior: 'sr', ii: 'ii', '2nd': 'ii', iii: 'iii', '3rd': 'iii', iv: 'iv', '4th': 'iv' };

/** The words of a name without its generational suffix, and the suffix. */
export function takeSuffix(words: string[]): { words: string[]; suffix: string | null } {
  let suffix: string | null = null;
  // Never the first word: "Junior" alone, or first, is a name.
  const kept = words.filter((w, i) => {
    const s = i > 0 ? SUFFIXES[w] : undefined;
    if (s) suffix = s;
    return !s;
  });
  return { words: kept, suffix };
}

const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];

export function parseDob(text: string | null | undefined): Dob | null {
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length !== 8) return null;
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  if (!y || m < 1 || m > 12 || d < 1 || d > 31) return { y, m, d, s: digits };
  return { y, m, d, s: digits };
}

export function preparePerson(p: PersonInput): Prepared {
  let given = plainName(p.givenName);
  let family = plainName(p.familyName);
  let suffix: string | null = null;
  if (!given && !family && p.fullName) {
    // "Smith Jr, John" or "John Smith Jr": the suffix comes off either part.
    const comma = p.fullName.indexOf(',');
    const parts = (comma > 0 ? [p.fullName.slice(0, comma), p.fullName.slice(comma + 1)] : [p.fullName]).map((x) => {
      const t = takeSuffix(plainName(x).split(' ').filter(Boolean));
      suffix ??= t.suffix;
      return t.words.join(' ');
    });
    ({ givenName: given, familyName: family } = splitName(parts.length > 1 ? `${parts[0]}, ${parts[1]}` : parts[0]!));
  }
  const g = takeSuffix(given.split(' ').filter(Boolean));
  const f = takeSuffix(family.split(' ').filter(Boolean));
  const givenWords = g.words;
  const familyWords = f.words;
  suffix = f.suffix ?? g.suffix ?? suffix;
  const aliasWords = (p.aliases ?? []).flatMap((a) => plainName(a).split(' ')).filter(Boolean);
  const identifiers = new Map<string, string[]>();
  for (const raw of p.identifiers ?? []) {
    const i = raw.indexOf(':');
    if (i <= 0) continue;
    const kind = raw.slice(0, i).toLowerCase();
    const value = raw.slice(i + 1).toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (!value) continue;
    identifiers.set(kind, uniq([...(identifiers.get(kind) ?? []), value]));
  }
  const gender = p.gender ? String(p.gender).toUpperCase() : null;
  return {
    id: p.id,
    source: p.source ?? null,
    given: givenWords.join(' '),
    first: givenWords[0] ?? '',
    // Double-barrelled and compound family names compare as one word.
    family: familyWords.join(''),
    otherNames: uniq([...givenWords.slice(1), ...aliasWords]),
    dob: parseDob(p.dateOfBirth),
    gender: gender === 'MALE' || gender === 'FEMALE' || gender === 'M' || gender === 'F' ? gender[0]! : null,
    phones: uniq((p.phones ?? []).map((x) => x.replace(/[^\d+]/g, ''))),
    emails: uniq((p.emails ?? []).map((x) => x.trim().toLowerCase())),
    postcodes: uniq((p.postcodes ?? []).map((x) => x.toUpperCase().replace(/[^A-Z0-9]/g, ''))),
    addresses: uniq((p.addresses ?? []).map(plain)),
    towns: uniq((p.towns ?? []).map(plain)),
    identifiers,
    suffix,
  };
}
