/**
 * Field comparisons for people: each turns a pair of records into a level (0 = strongest
 * agreement, last = disagreement) or null when either side lacks the field, so that missing
 * data neither helps nor hurts a match. The Fellegi-Sunter model (fellegi-sunter.ts) weighs
 * the levels. Levels are ordered by how much agreement they show, never by data set.
 */
import { nicknameMatch } from './nicknames.ts';
import type { Dob, Prepared } from './person.ts';
import { addressLevel, anyShared, best, nearlyEqual, typos } from './similarity.ts';
import { jaroWinkler, soundsAlike } from './text.ts';

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

function familyLevel(a: string, b: string): number | null {
  if (!a || !b) return null;
  if (a === b) return 0;
  const j = jaroWinkler(a, b);
  if (j >= 0.92) return 1;
  if (soundsAlike(a, b)) return 2;
  if (j >= 0.8) return 3;
  return typos(a, b) ? 4 : 5;
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
