/**
 * Field comparisons for people: each turns a pair of records into a level (0 = strongest
 * agreement, last = disagreement) or null when either side lacks the field, so that missing
 * data neither helps nor hurts a match. The Fellegi-Sunter model (fellegi-sunter.ts) weighs
 * the levels. Levels are ordered by how much agreement they show, never by data set.
 */
import { nicknameGroups, nicknameMatch } from './nicknames.ts';
import { editDistance, jaroWinkler, metaphone, plain, plainName, soundsAlike, splitName } from './text.ts';
import { joined, type Scheme } from './scheme.ts';

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

export interface Comparison {
  name: string;
  /** Level labels, strongest agreement first, disagreement last. */
  levels: readonly string[];
  /** Starting m probabilities (P(level | same person)), before estimation. */
  mPrior: readonly number[];
  /** Starting u probabilities (P(level | different people)), worth 1,000 random pairs: small imports lean on them. */
  uPrior: readonly number[];
  /** false: m is never estimated from the data (the prior stands). */
  trained?: boolean;
}

export const COMPARISONS = [
  { name: 'givenName', levels: ['exact', 'nickname or variant', 'Jaro-Winkler >= 0.92', 'sounds alike', 'Jaro-Winkler >= 0.80', 'letters swapped or two typos', 'different'], mPrior: [0.8, 0.04, 0.07, 0.02, 0.03, 0.01, 0.03], uPrior: [0.01, 0.001, 0.002, 0.004, 0.01, 0.0005, 0.9725] },
  { name: 'familyName', levels: ['exact', 'Jaro-Winkler >= 0.92', 'sounds alike', 'Jaro-Winkler >= 0.80', 'letters swapped or two typos', 'different'], mPrior: [0.82, 0.08, 0.03, 0.03, 0.01, 0.03], uPrior: [0.005, 0.001, 0.002, 0.006, 0.0005, 0.9855] },
  { name: 'dateOfBirth', levels: ['exact', 'day and month swapped', 'one typo or a day apart', 'same year', 'different'], mPrior: [0.85, 0.03, 0.06, 0.02, 0.04], uPrior: [0.0001, 0.00002, 0.002, 0.02, 0.97788] },
  { name: 'gender', levels: ['same', 'different'], mPrior: [0.97, 0.03], uPrior: [0.5, 0.5], trained: false },
  { name: 'phone', levels: ['shared', 'different'], mPrior: [0.6, 0.4], uPrior: [0.0001, 0.9999] },
  { name: 'email', levels: ['exact', 'Jaro-Winkler >= 0.88', 'different'], mPrior: [0.7, 0.15, 0.15], uPrior: [0.0001, 0.001, 0.9989] },
  // Address line and postcode are one comparison: they say the same thing (where someone
  // lives), and counting them apart would count a shared address twice.
  { name: 'address', levels: ['same address', 'nearly the same address', 'same postcode', 'similar address or postcode', 'different'], mPrior: [0.65, 0.12, 0.08, 0.05, 0.1], uPrior: [0.0005, 0.0005, 0.005, 0.01, 0.984] },
  { name: 'town', levels: ['exact', 'Jaro-Winkler >= 0.88', 'different'], mPrior: [0.8, 0.08, 0.12], uPrior: [0.05, 0.02, 0.93] },
  { name: 'identifier', levels: ['exact', 'one or two typos', 'different'], mPrior: [0.85, 0.1, 0.05], uPrior: [0.00001, 0.0001, 0.99989] },
] as const satisfies readonly Comparison[];

export type ComparisonName = (typeof COMPARISONS)[number]['name'];
export const COMPARISON_NAMES: ComparisonName[] = COMPARISONS.map((c) => c.name);

/** Levels of one pair, in COMPARISONS order (null: a side lacks the field). */
export type Levels = (number | null)[];

function givenLevel(a: string, b: string, aFirst: string, bFirst: string, aOther: string[], bOther: string[]): number | null {
  if (!a || !b) return null;
  if (a === b) return 0;
  if (nicknameMatch(a, b) || (aFirst !== a && bFirst !== b ? false : nicknameMatch(aFirst, bFirst))) return 1;
  // A middle name or alias on one side that is the other's given name.
  if (bOther.includes(a) || aOther.includes(b)) return 1;
  // An initial against a name ("J" / "John").
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 4;
  const j = jaroWinkler(a, b);
  if (j >= 0.92) return 2;
  if (soundsAlike(a, b)) return 3;
  if (j >= 0.8) return 4;
  return typos(a, b) ? 5 : 6;
}

/**
 * Typed names Jaro-Winkler scores low: the same letters in another order ("Pcire" / "Price",
 * "Fosia" / "Sofia"), or two letters changed, dropped, added or swapped in a name of five letters
 * or more ("Nleaeor" / "Eleanor"). Shorter names two edits apart are other names (Jack / Jane).
 */
export function typos(a: string, b: string): boolean {
  if (a.length === b.length && a.length >= 3 && [...a].sort().join('') === [...b].sort().join('')) return true;
  // Letters typed out of order with one of them wrong, doubled or dropped ("hnoan" / "noah",
  // "tmhsmoo" / "thomson"), in names of five letters or more.
  if (Math.max(a.length, b.length) >= 5 && Math.min(a.length, b.length) >= 4 && Math.abs(a.length - b.length) <= 1 && bagDistance(a, b) <= 1) return true;
  return a.length >= 5 && b.length >= 5 && Math.abs(a.length - b.length) <= 2 && editDistance(a, b, 2) <= 2;
}

/** Letters one word has that the other lacks, counted with repeats, the larger of the two ways. */
export function bagDistance(a: string, b: string): number {
  const count = new Map<string, number>();
  for (const c of a) count.set(c, (count.get(c) ?? 0) + 1);
  for (const c of b) count.set(c, (count.get(c) ?? 0) - 1);
  let more = 0;
  let fewer = 0;
  for (const n of count.values()) {
    if (n > 0) more += n;
    else fewer -= n;
  }
  return Math.max(more, fewer);
}

function familyLevel(a: string, b: string): number | null {
  if (!a || !b) return null;
  if (a === b) return 0;
  const j = jaroWinkler(a, b);
  if (j >= 0.92) return 1;
  if (soundsAlike(a, b)) return 2;
  if (j >= 0.8) return 3;
  return typos(a, b) ? 4 : 5;
}

/** Within `max` substituted characters, or one adjacent transposition (cheap: no DP for equal lengths). */
export function nearlyEqual(a: string, b: string, max: number): boolean {
  if (a.length !== b.length) return editDistance(a, b, max) <= max;
  let diff = 0;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      if (first < 0) first = i;
      diff++;
    }
  }
  if (diff <= max) return true;
  return diff === 2 && a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2);
}

function dobLevel(a: Dob | null, b: Dob | null): number | null {
  if (!a || !b) return null;
  if (a.s === b.s) return 0;
  if (a.y === b.y && a.m === b.d && a.d === b.m) return 1;
  if (nearlyEqual(a.s, b.s, 1)) return 2;
  if (a.y === b.y && a.m === b.m && Math.abs(a.d - b.d) <= 1) return 2;
  if (a.y === b.y) return 3;
  return 4;
}

/** Dates of birth further apart than a typo: not the same, not day and month swapped, not one digit or a day apart. */
export function dobConflict(a: Dob | null, b: Dob | null): boolean {
  const l = dobLevel(a, b);
  return l !== null && l >= 3;
}

/** What the hard rules need to know: the identifier kinds declared as match keys. */
export interface RuleOptions {
  matchKeys: ReadonlySet<string>;
}

/** Identifier kinds that decide a match by default: a person's NI number, passport, PNC id and NHS number. */
export const DEFAULT_MATCH_KEYS: readonly string[] = ['ni', 'passport', 'pnc', 'nhs'];

/**
 * Conflicts that veto a merge whatever the score (docs/decisions/0005): dates of birth beyond a
 * typo apart, different generational suffixes, different values of a declared match key (not
 * within one character). A father and son of one name at one address are two people.
 */
export function personConflicts(a: Prepared, b: Prepared, o: RuleOptions): string[] {
  const out: string[] = [];
  // An email address both records use is personal to one person (households share phones and
  // addresses, rarely a mailbox): it outweighs a date of birth that was mistyped beyond a typo.
  // So does one mistyped (sameMailbox): letters a typo apart, the same digits; and so does an
  // identifier of one kind with the same value (a social security or customer number), match
  // key or not: a number is issued to one person, a date of birth is retyped.
  if (a.dob && b.dob && dobConflict(a.dob, b.dob) && !sameMailbox(a.emails, b.emails) && !sharedIdentifier(a, b)) out.push(`dates of birth differ by more than a typo (${a.dob.s}, ${b.dob.s})`);
  if (a.suffix && b.suffix && a.suffix !== b.suffix) out.push(`generational suffixes differ (${a.suffix}, ${b.suffix})`);
  for (const kind of o.matchKeys) {
    const av = a.identifiers.get(kind);
    const bv = b.identifiers.get(kind);
    if (!av || !bv || av.some((x) => bv.includes(x))) continue;
    if (!best(av, bv, (x, y) => (nearlyEqual(x, y, 1) ? 1 : 0))) out.push(`different ${kind} identifiers`);
  }
  return out;
}

/**
 * A pair whose score would merge it but whose dates of birth conflict goes to review, not
 * away, when that date is its only conflict and the rest of the agreement is not a household's:
 * a date of birth mistyped beyond a typo (a wrong year, a decade) with names, town and mailbox
 * agreeing is for a person to judge. Namesakes sharing an address or a phone (a father and his
 * son) are vetoed outright and not queued: that is the case the veto is for.
 */
export function personReviewsConflict(a: Prepared, b: Prepared, levels: Levels, o: RuleOptions): boolean {
  if (!a.dob || !b.dob || !dobConflict(a.dob, b.dob)) return false;
  if (personConflicts({ ...a, dob: null }, b, o).length) return false;
  const household = (levels[4] !== null && levels[4] === 0) || (levels[6] !== null && levels[6]! <= 2);
  return !household;
}

/**
 * A merge needs more than a name and a date of birth: namesakes born on one day are found in
 * any large register, and a date that agrees only up to a typo is what namesakes born a few
 * years apart share. With nothing else agreeing (a phone, an email, an address, a town or an
 * identifier), the pair goes at most to review, where a person decides.
 */
export function personHolds(_a: Prepared, _b: Prepared, levels: Levels): string | null {
  const dob = levels[2];
  if (dob === null || dob === undefined || dob > 2) return null;
  const agrees = (c: number, upTo: number) => levels[c] !== null && levels[c]! <= upTo;
  if (agrees(4, 0) || agrees(5, 1) || agrees(6, 2) || agrees(7, 0) || agrees(8, 1)) return null;
  return dob === 0 ? 'only the name and date of birth agree' : 'the date of birth agrees only up to a typo and nothing but the name agrees besides it';
}

/**
 * Pairs the prior counts as sure matches: given and family names exactly the same and the date
 * of birth too (or no other field to compare), or an exact phone, email or identifier.
 */
export function personSureMatch(l: Levels): boolean {
  const names = l[0] === 0 && l[1] === 0;
  if (names && l[2] === 0) return true;
  if (l[4] === 0 || l[5] === 0 || l[8] === 0) return true;
  return names && l.every((x, c) => c <= 1 || x === null);
}

/** The chance a true match passes personSureMatch's name rule, given the fields the pair has (null without both names). */
export function personSureMatchRecall(m: number[][], l: Levels): number | null {
  if (l[0] === null || l[1] === null) return null;
  return m[0]![0]! * m[1]![0]! * (l[2] === null ? 1 : m[2]![0]!);
}

/** A declared match key both records share: it decides the match (unless a conflict vetoes it). */
export function personDecisive(a: Prepared, b: Prepared, o: RuleOptions): string | null {
  for (const kind of o.matchKeys) {
    const av = a.identifiers.get(kind);
    const bv = b.identifiers.get(kind);
    if (av && bv && av.some((x) => bv.includes(x))) return `same ${kind} identifier`;
  }
  return null;
}

const digitsOf = (x: string) => x.replace(/\D/g, '');

/**
 * Two lists of email addresses share one, or one written with a typo: within two edits
 * (a letter changed, dropped, doubled or two swapped) and with exactly the same digits. Digits
 * are what tell a family's or a firm's mailboxes apart (j.smith1@, j.smith2@; a generator's
 * numbered addresses), so a differing digit is never taken for a typo.
 */
export function sameMailbox(a: string[], b: string[]): boolean {
  return a.some((x) => b.some((y) => x === y || (digitsOf(x) === digitsOf(y) && Math.abs(x.length - y.length) <= 2 && editDistance(x, y, 2) <= 2)));
}

/** The two records hold an identifier of one kind with the same value. */
export function sharedIdentifier(a: Prepared, b: Prepared): boolean {
  for (const [kind, av] of a.identifiers) if (b.identifiers.get(kind)?.some((x) => av.includes(x))) return true;
  return false;
}

export function anyShared(a: string[], b: string[]): boolean | null {
  if (a.length === 0 || b.length === 0) return null;
  return a.some((x) => b.includes(x));
}

export function best(a: string[], b: string[], f: (x: string, y: string) => number): number {
  let m = 0;
  for (const x of a) for (const y of b) m = Math.max(m, f(x, y));
  return m;
}

const sortedTokens = (s: string) => s.split(' ').sort().join(' ');

export function addressSimilarity(x: string, y: string): number {
  if (x === y) return 1;
  const direct = jaroWinkler(x, y);
  // Words in another order ("flat 2 12 high st" / "12 high st flat 2"), only worth trying when close.
  return direct >= 0.9 || direct < 0.6 ? direct : Math.max(direct, jaroWinkler(sortedTokens(x), sortedTokens(y)));
}

/** Address line and postcode together (people's homes, organisations' premises). */
export function addressLevel(a: { addresses: string[]; postcodes: string[] }, b: { addresses: string[]; postcodes: string[] }): number | null {
  const hasPostcodes = a.postcodes.length > 0 && b.postcodes.length > 0;
  const hasAddresses = a.addresses.length > 0 && b.addresses.length > 0;
  if (!hasPostcodes && !hasAddresses) return null;
  const samePostcode = hasPostcodes ? a.postcodes.some((x) => b.postcodes.includes(x)) : null;
  const postcodeTypo = hasPostcodes && !samePostcode ? best(a.postcodes, b.postcodes, (x, y) => (nearlyEqual(x, y, 1) ? 1 : 0)) === 1 : false;
  const sim = hasAddresses ? best(a.addresses, b.addresses, addressSimilarity) : null;
  if (sim === 1 && samePostcode !== false) return 0;
  if ((sim !== null && sim >= 0.9 && samePostcode !== false) || (sim === 1 && postcodeTypo)) return 1;
  if (samePostcode) return 2;
  if ((sim !== null && sim >= 0.75) || postcodeTypo) return 3;
  return 4;
}

export interface PairComparison {
  levels: Levels;
  /** The second record's given and family names were compared the other way round. */
  swapped: boolean;
}

/** Compares two prepared people on every field. */
export function comparePeople(a: Prepared, b: Prepared): PairComparison {
  // Given and family names swapped (common when systems disagree on name order): compare
  // the way round that agrees more, and say so in the evidence.
  let bGiven = b.given;
  let bFirst = b.first;
  let bFamily = b.family;
  let swapped = false;
  // A record with one name compares it with whichever of the other's names it agrees with
  // ("|Clark" / "Clark|Violet": a list that put the name in the wrong column).
  if ((a.given || a.family) && (b.given || b.family) && a.given !== b.given && a.family !== b.family) {
    const straight = jaroWinkler(a.given, b.given) + jaroWinkler(a.family, b.family);
    const crossed = jaroWinkler(a.given, b.family) + jaroWinkler(a.family, b.given);
    if (crossed > straight + 0.15) {
      bGiven = b.family;
      bFirst = b.family;
      bFamily = b.given.replace(/ /g, '');
      swapped = true;
    }
  }
  const levels: Levels = new Array<number | null>(COMPARISONS.length).fill(null);
  levels[0] = givenLevel(a.given, bGiven, a.first, bFirst, a.otherNames, b.otherNames);
  levels[1] = familyLevel(a.family, bFamily);
  levels[2] = dobLevel(a.dob, b.dob);
  // Gender mostly follows from the given name, so agreeing on it adds nothing the name has not
  // said already (counting it would count the name twice); disagreeing on it is evidence.
  levels[3] = a.gender && b.gender && a.gender !== b.gender ? 1 : null;
  const phone = anyShared(a.phones, b.phones);
  levels[4] = phone === null ? null : phone ? 0 : 1;
  if (a.emails.length && b.emails.length) {
    const e = anyShared(a.emails, b.emails) ? 1 : best(a.emails, b.emails, jaroWinkler);
    levels[5] = e === 1 ? 0 : e >= 0.88 ? 1 : 2;
  }
  levels[6] = addressLevel(a, b);
  if (a.towns.length && b.towns.length) {
    const s = best(a.towns, b.towns, jaroWinkler);
    levels[7] = s === 1 ? 0 : s >= 0.88 ? 1 : 2;
  }
  let idLevel: number | null = null;
  for (const [kind, av] of a.identifiers) {
    const bv = b.identifiers.get(kind);
    if (!bv) continue;
    const l = av.some((x) => bv.includes(x)) ? 0 : best(av, bv, (x, y) => (nearlyEqual(x, y, 2) ? 1 : 0)) ? 1 : 2;
    idLevel = idLevel === null ? l : Math.min(idLevel, l);
  }
  levels[8] = idLevel;
  return { levels, swapped };
}

/**
 * Training sessions: the blocking keys whose pairs estimate the m probabilities of every
 * comparison except the ones the keys are made of (those agree on every pair the keys make, so
 * they say nothing there). This is Splink's way of keeping EM from taking "same name" for
 * "same person" when many people share a name: the names' pairs teach what dates of birth,
 * phones and addresses do among true matches, and the dates' pairs teach the names'.
 */
export const TRAINING_SESSIONS: { prefix: string; excludes: ComparisonName[]; trains?: ComparisonName[] }[] = [
  { prefix: 'n:', excludes: ['givenName', 'familyName'] },
  { prefix: 'sf:', excludes: ['familyName'], trains: ['givenName'] },
  { prefix: 'sg:', excludes: ['givenName'], trains: ['familyName'] },
  { prefix: 'd:', excludes: ['dateOfBirth'] },
  { prefix: 'p:', excludes: ['phone'] },
  { prefix: 'e:', excludes: ['email'] },
  { prefix: 'i:', excludes: ['identifier'] },
];

/** Blocking keys: two people are compared only when they share at least one. */
export function blockingKeys(p: Prepared): string[] {
  const keys: string[] = [];
  const g = p.first ? metaphone(p.first)[0] || p.first : '';
  const f = p.family ? metaphone(p.family)[0] || p.family : '';
  if (f || g) keys.push(`n:${[g, f].sort().join(':')}`);
  // The same family name, and the same first given name, exactly: training sessions for the
  // other name (as Splink trains first names on pairs blocked by surname).
  if (p.family) keys.push(`sf:${p.family}`);
  if (p.first) keys.push(`sg:${p.first}`);
  for (const n of p.first ? nicknameGroups(p.first) : []) keys.push(`nn:${n}:${f}`);
  if (p.dob) {
    if (f) keys.push(`fy:${f}:${p.dob.y}`);
    if (g) keys.push(`gd:${g}:${p.dob.s}`);
    // Date of birth alone (day and month either way round): names are the likeliest fields to be
    // missing or mangled, and a date of birth is shared by few people.
    keys.push(`d:${p.dob.y}:${[p.dob.m, p.dob.d].sort((x, y) => x - y).join('-')}`);
  }
  for (const x of p.phones) keys.push(`p:${x}`);
  for (const x of p.emails) {
    keys.push(`e:${x}`);
    // The mailbox without its domain, and the domain's typos with it.
    const local = x.split('@')[0];
    if (local && local.length >= 4) keys.push(`el:${local}`);
  }
  for (const [kind, vs] of p.identifiers) for (const v of vs) keys.push(`i:${kind}:${v}`);
  for (const x of p.postcodes) keys.push(`pc:${x}:${g || f}`);
  // Every name word and its Double Metaphone codes on their own, so that records with only a
  // name are compared ("Angela Merkur" and "Angela Merkel" share "angela" and ANJL). Common
  // words make blocks over the size limit and are skipped there.
  for (const w of new Set([...p.given.split(' '), p.family])) {
    if (w.length < 2) continue;
    keys.push(`t:${w}`);
    for (const m of new Set(metaphone(w))) if (m) keys.push(`tm:${m}`);
  }
  return keys;
}

/** A field of a person as the review queue and the evidence show it. */
function showPerson(p: PersonInput, field: string): string | null {
  switch (field) {
    case 'givenName':
      return p.givenName ?? (p.fullName ? splitName(p.fullName).givenName || null : null);
    case 'familyName':
      return p.familyName ?? (p.fullName ? splitName(p.fullName).familyName || null : null);
    case 'dateOfBirth':
      return p.dateOfBirth ?? null;
    case 'gender':
      return p.gender ?? null;
    case 'phone':
      return joined(p.phones);
    case 'email':
      return joined(p.emails);
    case 'address':
      return joined([...(p.addresses ?? []), ...(p.postcodes ?? [])]);
    case 'town':
      return joined(p.towns);
    case 'identifier':
      return joined(p.identifiers);
    default:
      return null;
  }
}

export const PEOPLE: Scheme<PersonInput, Prepared> = {
  type: 'PERSON',
  comparisons: COMPARISONS,
  sessions: TRAINING_SESSIONS,
  prepare: preparePerson,
  compare: comparePeople,
  blockingKeys,
  conflicts: personConflicts,
  holds: personHolds,
  reviewsConflict: personReviewsConflict,
  sureMatch: personSureMatch,
  sureMatchRecall: personSureMatchRecall,
  decisive: personDecisive,
  termFrequency: { givenName: (p) => p.given, familyName: (p) => p.family },
  show: showPerson,
};
