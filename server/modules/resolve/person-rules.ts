/**
 * The hard rules for people, over the score (docs/decisions/0005): conflicts that veto a merge,
 * a declared match key that decides one, pairs held back to review, and the strict rule the
 * prior is estimated from.
 */
import { dobConflict, type Levels } from './compare.ts';
import type { Prepared } from './person.ts';
import { best, nearlyEqual } from './similarity.ts';
import { editDistance } from './text.ts';

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
