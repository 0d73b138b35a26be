/**
 * Blocking: two records are compared only when they share a blocking key. People's keys and the
 * training sessions their keys make (the other kinds' are in places.ts), and the candidate pairs
 * that keys make, for any kind of record.
 */
import type { ComparisonName } from './compare.ts';
import { nicknameGroups } from './nicknames.ts';
import type { Prepared } from './person.ts';
import type { TrainingSession } from './scheme.ts';
import { metaphone } from './text.ts';

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

/** Candidate pairs (indexes i < j) of records sharing a blocking key. */
export function candidatePairs<P extends { id: string }>(
  records: P[],
  maxBlockSize: number,
  touching?: ReadonlySet<string>,
  keysOf: (p: P) => string[] = blockingKeys as unknown as (p: P) => string[],
  trainingSessions: readonly TrainingSession[] = TRAINING_SESSIONS,
) {
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const k of keysOf(r)) {
      const b = blocks.get(k);
      if (b) b.push(i);
      else blocks.set(k, [i]);
    }
  });
  const seen = new Map<number, number>();
  const pairs: [number, number][] = [];
  /** Per pair, a bit per training session whose keys made it. */
  const sessions: number[] = [];
  let skipped = 0;
  const n = records.length;
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    const sessionBit = trainingSessions.reduce((bits, t, k) => (key.startsWith(t.prefix) ? bits | (1 << k) : bits), 0);
    if (members.length > maxBlockSize) {
      skipped++;
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        if (touching && !touching.has(records[i]!.id) && !touching.has(records[j]!.id)) continue;
        const pairKey = i * n + j;
        const at = seen.get(pairKey);
        if (at !== undefined) {
          sessions[at]! |= sessionBit;
          continue;
        }
        seen.set(pairKey, pairs.length);
        pairs.push([i, j]);
        sessions.push(sessionBit);
      }
    }
  }
  return { pairs, sessions, blocks: blocks.size, skipped };
}
