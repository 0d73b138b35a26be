/**
 * Normal forms of identifiers, shared by the API (search, mutations), the seed and the
 * importers, so that every path writes and finds the same forms.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface PhoneForms {
  e164: string;
  /** The national form as written in the country, e.g. 07700 900123. */
  national: string;
  country: string | undefined;
  lineType: 'MOBILE' | 'FIXED_LINE' | 'VOIP' | 'UNKNOWN';
  /** Every form an analyst might type: +447700900123 447700900123 07700900123 7700900123. */
  searchForms: string[];
}

/** Parses a phone number written any way; undefined when it is not a possible number. */
export function parsePhone(text: string, defaultRegion: CountryCode = 'GB'): PhoneForms | undefined {
  const cleaned = text.trim().replace(/^00/, '+');
  let parsed = parsePhoneNumberFromString(cleaned, defaultRegion);
  // 447700900123 written without its plus sign.
  if ((!parsed || !parsed.isPossible()) && /^\d{10,15}$/.test(cleaned.replace(/\D/g, ''))) {
    parsed = parsePhoneNumberFromString(`+${cleaned.replace(/\D/g, '')}`);
  }
  if (!parsed || !parsed.isPossible()) return undefined;
  const e164 = parsed.number;
  const national = parsed.formatNational();
  const nationalDigits = national.replace(/\D/g, '');
  const type = parsed.getType();
  const lineType = type === 'MOBILE' ? 'MOBILE' : type === 'FIXED_LINE' ? 'FIXED_LINE' : type === 'VOIP' ? 'VOIP' : 'UNKNOWN';
  const searchForms = [...new Set([e164, e164.slice(1), nationalDigits, parsed.nationalNumber])];
  // A number outside the ranges in service (Ofcom's drama ranges, a new range) has no country of
  // its own when written with its calling code: +44 is the United Kingdom's, or the region the
  // caller expects when the code is shared (GB, GG, IM and JE all use +44).
  const possible = parsed.getPossibleCountries();
  const country = parsed.country ?? (possible.includes(defaultRegion) ? defaultRegion : possible[0]);
  return { e164, national, country, lineType, searchForms };
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;

/** A UK postcode in its two forms, or undefined when the text is not one. */
export function parsePostcode(text: string): { formatted: string; compact: string } | undefined {
  const m = POSTCODE.exec(text.trim().toUpperCase().replace(/\s+/g, ' '));
  if (!m) return undefined;
  return { formatted: `${m[1]} ${m[2]}`, compact: `${m[1]}${m[2]}` };
}

/** A vehicle registration mark: upper case, no spaces, and the spaced form of current UK marks. */
export function parseVrm(text: string): { compact: string; spaced: string } | undefined {
  const compact = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact.length < 2 || compact.length > 8) return undefined;
  // Current-style marks (AB12CDE) are written AB12 CDE.
  const spaced = /^[A-Z]{2}\d{2}[A-Z]{3}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
  return { compact, spaced };
}

export function normaliseEmail(text: string): string | undefined {
  const e = text.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : undefined;
}

/** Folds accents and case so that "Zoë" finds "Zoe". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The text the full-text index sees for an entity: every form under which it should be
 * found, accents folded, duplicates removed.
 */
export function searchText(forms: (string | null | undefined)[]): string {
  const words = new Set<string>();
  for (const f of forms) {
    if (!f) continue;
    const folded = fold(f).trim();
    if (folded) words.add(folded);
  }
  return [...words].join(' | ');
}

/** The searchable forms of a person: the name both ways round, aliases and identifiers. */
export function personSearchForms(p: {
  givenName?: string | null;
  familyName?: string | null;
  aliases?: string[] | null;
  niNumber?: string | null;
  passportNumber?: string | null;
  pncId?: string | null;
}): string[] {
  const given = p.givenName ?? '';
  const family = p.familyName ?? '';
  return [`${given} ${family}`, `${family} ${given}`, ...(p.aliases ?? []), p.niNumber ?? '', p.passportNumber ?? '', p.pncId ?? ''];
}
