/**
 * Entity resolution, pure and in memory, for people, organisations and premises (one Scheme
 * each): blocking, field comparisons, a Fellegi-Sunter score with weights estimated from the
 * data, exact agreements weighed by how common the value is, and two thresholds (merge,
 * review). Every pair above the review threshold comes with its evidence: which fields agreed
 * at what level, with both values, and how many bits each added. `resolve.service.ts` applies
 * it to the graph. Its stages: candidate pairs (blocking.ts), the model's estimation
 * (estimate.ts), term frequencies (term-frequency.ts), clusters and merges held back (clusters.ts).
 */
import { COMPARISONS, type Comparison, type Levels } from './compare.ts';
import { applyOverrides, decodeLevels, encodeLevels, levelWeight, matchWeight, probability, type Model, type ModelOverrides } from './fellegi-sunter.ts';
import { candidatePairs } from './blocking.ts';
import { clustersOf, holdBackConflictingMerges } from './clusters.ts';
import { estimateModel } from './estimate.ts';
import { PEOPLE } from './people.ts';
import type { PersonInput } from './person.ts';
import { DEFAULT_MATCH_KEYS, type RuleOptions } from './person-rules.ts';
import type { Scheme } from './scheme.ts';
import { termFrequencies } from './term-frequency.ts';

export interface Thresholds {
  /** Posterior probability at or above which a pair is merged without review. */
  merge: number;
  /** At or above this (and below merge) a pair goes to the review queue. */
  review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { merge: 0.95, review: 0.5 };

export interface ResolveOptions {
  thresholds?: Thresholds;
  /** Blocks bigger than this are skipped (a common key says little and costs n²). */
  maxBlockSize?: number;
  /** Random pairs used to estimate u. */
  uSamplePairs?: number;
  seed?: number;
  /** A model to use as it is (no estimation), e.g. one saved from an earlier run. */
  model?: Model;
  /** m, u or lambda set by hand (per source), applied after estimation and held fixed in it. */
  overrides?: ModelOverrides;
  /** Incremental runs: only pairs with at least one record in this set are scored. */
  onlyTouching?: ReadonlySet<string>;
  /** Weigh exact agreements by how common the value is (default true; false for comparison). */
  termFrequency?: boolean;
  /** Identifier kinds declared as match keys: a shared value decides a match, different values veto one (default DEFAULT_MATCH_KEYS). */
  matchKeys?: readonly string[];
}

export interface Evidence {
  field: string;
  level: string;
  /** Bits this field added to the match weight (negative: counted against). */
  weight: number;
  /** The two records' values of the field, as shown (a: the pair's first id). */
  a?: string | null;
  b?: string | null;
}

export type Decision = 'MERGE' | 'REVIEW' | 'NO_MATCH';

export interface ScoredPair {
  a: string;
  b: string;
  weight: number;
  probability: number;
  decision: Decision;
  /** Given and family names were compared crossed over. */
  swapped: boolean;
  evidence: Evidence[];
  /** A hard rule that decided the pair or held it back from a merge, in words; null when the score alone decided. */
  rule: string | null;
}

export interface ResolveResult {
  /** Pairs at or above the review threshold, best first. */
  pairs: ScoredPair[];
  /** Groups of two or more records joined by merge decisions (transitively). */
  clusters: string[][];
  model: Model;
  stats: { records: number; blocks: number; skippedBlocks: number; candidatePairs: number; emIterations: number; ms: number };
}

export function evidenceOf(model: Model, levels: Levels, comparisons: readonly Comparison[] = COMPARISONS, adjust: (number | undefined)[] = []): Evidence[] {
  const out: Evidence[] = [];
  levels.forEach((l, c) => {
    if (l === null) return;
    out.push({ field: comparisons[c]!.name, level: comparisons[c]!.levels[l]!, weight: Math.round((levelWeight(model, c, l) + (adjust[c] ?? 0)) * 100) / 100 });
  });
  return out;
}

export function decide(p: number, t: Thresholds): Decision {
  return p >= t.merge ? 'MERGE' : p >= t.review ? 'REVIEW' : 'NO_MATCH';
}

export function resolveWith<I extends { id: string }, P extends { id: string }>(scheme: Scheme<I, P>, inputs: readonly I[], o: ResolveOptions = {}): ResolveResult {
  const started = performance.now();
  const thresholds = o.thresholds ?? DEFAULT_THRESHOLDS;
  const size = scheme.comparisons.length;
  const records = inputs.map((x) => scheme.prepare(x));
  const { pairs: idx, sessions, blocks, skipped } = candidatePairs(records, o.maxBlockSize ?? 100, o.onlyTouching, (p) => scheme.blockingKeys(p), scheme.sessions);
  // Each pair kept as its level pattern (one number) and whether names were crossed.
  const codes = new Int32Array(idx.length);
  const swappedPairs = new Uint8Array(idx.length);
  idx.forEach(([i, j], k) => {
    const c = scheme.compare(records[i]!, records[j]!);
    codes[k] = encodeLevels(c.levels);
    swappedPairs[k] = c.swapped ? 1 : 0;
  });
  let model: Model;
  let iterations = 0;
  if (o.model) model = applyOverrides(o.model, o.overrides, scheme.comparisons);
  else {
    const est = estimateModel(scheme, records, { codes, sessions }, o);
    iterations = est.iterations;
    // EM estimates the share of matches among candidate pairs; the prior a score needs is the
    // chance that two records picked at random are the same entity. Blocking keeps (nearly)
    // every match, so the expected matches are spread over all pairs instead.
    const n = records.length;
    const allPairs = o.onlyTouching ? Math.max(1, o.onlyTouching.size * (n - 1)) : Math.max(1, (n * (n - 1)) / 2);
    // The prior from deterministic rules, as Splink estimates it: pairs that a strict rule calls
    // the same (scheme.sureMatch), divided by the share of true matches that rule finds (from
    // the estimated m), spread over all pairs. EM's own share among candidates takes namesakes
    // for matches where names repeat (the scale generator's people: 2^-10 against a true 2^-19).
    let lambda: number;
    if (scheme.sureMatch) {
      let sure = 0;
      let recall = 0;
      let counted = 0;
      for (let k = 0; k < codes.length; k++) {
        const levels = decodeLevels(codes[k]!, size);
        if (scheme.sureMatch(levels)) sure++;
        const r = scheme.sureMatchRecall!(est.m, levels);
        if (r === null) continue;
        recall += r;
        counted++;
      }
      recall = counted ? recall / counted : 1;
      // At least one match is expected, so that a file with no exact duplicate keeps a prior.
      // The rule finds matches only among pairs it applies to (names on both sides): the share of
      // matches there is taken for the share among all pairs, not the matches there spread over all.
      lambda = (Math.max(1, sure) / Math.max(0.05, recall)) / (allPairs * Math.max(0.05, est.applies));
    } else lambda = (est.lambda * codes.length) / allPairs;
    lambda = o.overrides?.lambda ?? Math.min(0.5, Math.max(1e-9, lambda));
    model = { lambda, m: est.m, u: est.u };
  }
  // Term-frequency adjustment: an exact agreement on a value is worth log2(m / tf) rather than
  // log2(m / u), i.e. log2(u / tf) more (less for a common value, more for a rare one).
  const tf = o.termFrequency === false ? [] : termFrequencies(scheme as unknown as Scheme<never, P>, records, model);
  // For pairs with nothing but names the counts are taken nearly as they are (worth one record of u).
  const rawTf = o.termFrequency === false ? [] : termFrequencies(scheme as unknown as Scheme<never, P>, records, model, 1, true, true);
  const tfComparisons = tf.flatMap((f, c) => (f ? [c] : []));
  const rules: RuleOptions = { matchKeys: new Set(o.matchKeys ?? DEFAULT_MATCH_KEYS) };
  const pairs: ScoredPair[] = [];
  const weightOf = new Map<number, number>();
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k]!;
    let weight = weightOf.get(code);
    if (weight === undefined) {
      weight = matchWeight(model, decodeLevels(code, size));
      weightOf.set(code, weight);
    }
    const [i, j] = idx[k]!;
    let adjust: (number | undefined)[] | undefined;
    if (tfComparisons.length) {
      // Records with nothing to compare but the weighed values (names only, a watch list):
      // rarity is all the evidence there is, and it counts both ways, as in Splink.
      const onlyWeighed = decodeLevels(code, size).every((l, c) => l === null || tf[c] !== undefined);
      for (const c of tfComparisons) {
        const level = Math.floor(code / 8 ** c) % 8;
        // Names only: a near agreement ("Merkel" / "Merkur") is weighed by rarity too, by the
        // commoner of the two values (as Splink does for fuzzy levels), so that it never counts
        // for more than the commoner name would. Disagreement (the last level) is not weighed.
        const lastLevel = scheme.comparisons[c]!.levels.length - 1;
        if (level !== 0 && !(onlyWeighed && level < lastLevel && level !== 7)) continue;
        // Otherwise only ever less: a value rare in the whole file is not rare where its
        // namesakes meet (a household, a community), so rarity adds no more than an average
        // agreement does.
        // Crossed names compare the second record's other weighed value (its family name with the
        // first's given name): the commoner of the two values compared.
        const other = swappedPairs[k] && tfComparisons.length === 2 ? tfComparisons[1 - tfComparisons.indexOf(c)]! : c;
        const freq = onlyWeighed ? Math.max(rawTf[c]!(records[i]!), rawTf[other]!(records[j]!)) : tf[c]!(records[i]!);
        const full = Math.log2(model.u[c]![0]! / freq);
        const a = onlyWeighed ? full : Math.min(0, full);
        adjust ??= [];
        adjust[c] = a;
        weight += a;
      }
    }
    const p = probability(weight);
    let decision = decide(p, thresholds);
    const decisive = scheme.decisive?.(records[i]!, records[j]!, rules) ?? null;
    if (decision === 'NO_MATCH' && !decisive) continue;
    const vetoes = scheme.conflicts?.(records[i]!, records[j]!, rules) ?? [];
    let rule: string | null = null;
    if (vetoes.length) {
      // A conflict vetoes a merge. A pair that a match key would have decided goes to review
      // (a person sees both), and so does one the score would merge when the scheme says its
      // conflict is worth a look (reviewsConflict); namesakes of one household are not queued.
      const queued = !!decisive || (decision === 'MERGE' && !!scheme.reviewsConflict?.(records[i]!, records[j]!, decodeLevels(code, size), rules));
      decision = queued ? 'REVIEW' : 'NO_MATCH';
      rule = `no merge: ${vetoes.join('; ')}${decisive ? ` (despite the ${decisive})` : queued ? ' (sent to review: everything else agrees)' : ''}`;
      if (decision === 'NO_MATCH') continue;
    } else if (decisive) {
      decision = 'MERGE';
      rule = `merged on the ${decisive}`;
    } else if (decision === 'MERGE') {
      const held = scheme.holds?.(records[i]!, records[j]!, decodeLevels(code, size)) ?? null;
      if (held) {
        decision = 'REVIEW';
        rule = `sent to review: ${held}`;
      }
    }
    const [x, y] = records[i]!.id < records[j]!.id ? [i, j] : [j, i];
    const evidence = evidenceOf(model, decodeLevels(code, size), scheme.comparisons, adjust).map((e) => ({ ...e, a: scheme.show(inputs[x]!, e.field), b: scheme.show(inputs[y]!, e.field) }));
    pairs.push({ a: records[x]!.id, b: records[y]!.id, weight: Math.round(weight * 100) / 100, probability: p, decision, swapped: swappedPairs[k] === 1, evidence, rule });
  }
  // (On an incremental run only the new pairs are checked against each other: merges made
  // earlier among old records are not seen here.)
  if (scheme.conflicts) holdBackConflictingMerges(pairs, records, (a, b) => scheme.conflicts!(a, b, rules));
  pairs.sort((x, y) => y.weight - x.weight);
  return {
    pairs,
    clusters: clustersOf(pairs.filter((p) => p.decision === 'MERGE')),
    model,
    stats: { records: records.length, blocks, skippedBlocks: skipped, candidatePairs: idx.length, emIterations: iterations, ms: Math.round(performance.now() - started) },
  };
}

export function resolvePeople(inputs: readonly PersonInput[], o: ResolveOptions = {}): ResolveResult {
  return resolveWith(PEOPLE, inputs, o);
}
