/**
 * Entity resolution, pure and in memory, for people, organisations and premises (one Scheme
 * each): blocking, field comparisons, a Fellegi-Sunter score with weights estimated from the
 * data, exact agreements weighed by how common the value is, and two thresholds (merge,
 * review). Every pair above the review threshold comes with its evidence: which fields agreed
 * at what level, with both values, and how many bits each added. `resolve.service.ts` applies
 * it to the graph.
 */
import { COMPARISONS, DEFAULT_MATCH_KEYS, PEOPLE, TRAINING_SESSIONS, blockingKeys, type Comparison, type Levels, type PersonInput, type RuleOptions } from './compare.ts';
import { applyOverrides, decodeLevels, encodeLevels, estimateFromPatterns, levelCounts, levelWeight, matchWeight, priorModel, probability, uFromCounts, type Model, type ModelOverrides } from './fellegi-sunter.ts';
import type { Scheme, TrainingSession } from './scheme.ts';
import { seededRandom } from '../../kernel/random.ts';

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

export function evidenceOf(model: Model, levels: Levels, comparisons: readonly Comparison[] = COMPARISONS, adjust: (number | undefined)[] = []): Evidence[] {
  const out: Evidence[] = [];
  levels.forEach((l, c) => {
    if (l === null) return;
    out.push({ field: comparisons[c]!.name, level: comparisons[c]!.levels[l]!, weight: Math.round((levelWeight(model, c, l) + (adjust[c] ?? 0)) * 100) / 100 });
  });
  return out;
}

/**
 * Estimates a model from the records themselves: u from random pairs; m by EM in training
 * sessions (TRAINING_SESSIONS: each estimates the comparisons its keys are not made of, with
 * those left out of the score), averaged over the sessions; then the share of matches among
 * all candidate pairs by EM with m held.
 */
export function estimateModel<I extends { id: string }, P extends { id: string }>(
  scheme: Scheme<I, P>,
  records: P[],
  candidates: { codes: Int32Array | number[]; sessions: number[] },
  o: Pick<ResolveOptions, 'uSamplePairs' | 'seed' | 'overrides'> = {},
) {
  const comparisons = scheme.comparisons;
  const size = comparisons.length;
  const n = records.length;
  const random = seededRandom(o.seed ?? 42); // the same estimates on every run
  const sample: Levels[] = [];
  const want = Math.min(o.uSamplePairs ?? 100_000, (n * (n - 1)) / 2);
  for (let k = 0; k < want && n > 1; k++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    sample.push(scheme.compare(records[i]!, records[j]!).levels);
  }
  const u = uFromCounts(levelCounts(sample, comparisons), 1000, comparisons);
  const start = applyOverrides(priorModel(u, 0.05, comparisons), o.overrides, comparisons);
  const setByHand = new Set([
    ...Object.keys(o.overrides?.m ?? {}).map((name) => comparisons.findIndex((c) => c.name === name)),
    ...comparisons.flatMap((c, i) => (c.trained === false ? [i] : [])),
  ]);
  // Pairs grouped by (pattern, sessions) once: EM then costs per pattern, not per pair.
  const groups = new Map<number, { code: number; sessions: number; n: number }>();
  for (let k = 0; k < candidates.codes.length; k++) {
    const code = candidates.codes[k]!;
    const key = code * 256 + candidates.sessions[k]!;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { code, sessions: candidates.sessions[k]!, n: 1 });
  }
  const sums = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
  const counts = comparisons.map(() => 0);
  let iterations = 0;
  scheme.sessions.forEach((t, k) => {
    const excluded = new Set(t.excludes.map((name) => comparisons.findIndex((c) => c.name === name)));
    const trains = (c: number) => !excluded.has(c) && !setByHand.has(c) && (!t.trains || t.trains.includes(comparisons[c]!.name));
    // The session's own comparisons agree on all its pairs: leave them out of the score.
    const patterns = new Map<number, { levels: Levels; n: number }>();
    let pairs = 0;
    for (const g of groups.values()) {
      if (!(g.sessions & (1 << k))) continue;
      const levels = decodeLevels(g.code, size).map((l, i) => (excluded.has(i) ? null : l));
      const key = encodeLevels(levels);
      const p = patterns.get(key);
      if (p) p.n += g.n;
      else patterns.set(key, { levels, n: g.n });
      pairs += g.n;
    }
    if (pairs < 10) return;
    const est = estimateFromPatterns(start, [...patterns.values()], { fixed: new Set([...excluded, ...setByHand]) });
    iterations += est.iterations;
    comparisons.forEach((_, c) => {
      if (!trains(c)) return;
      est.m[c]!.forEach((x, l) => (sums[c]![l]! += x));
      counts[c]!++;
    });
  });
  const m = start.m.map((row, c) => (counts[c] ? sums[c]!.map((x) => x / counts[c]!) : row));
  // The prior (share of matches among candidates) with every m held.
  const all = new Map<number, { levels: Levels; n: number }>();
  for (const g of groups.values()) {
    const p = all.get(g.code);
    if (p) p.n += g.n;
    else all.set(g.code, { levels: decodeLevels(g.code, size), n: g.n });
  }
  const est = estimateFromPatterns({ lambda: start.lambda, m, u }, [...all.values()], { fixed: new Set(comparisons.map((_, c) => c)) });
  // The share of random pairs the prior's strict rule can apply to at all (both records have the
  // fields it needs): its sure matches are found among those pairs only.
  const applies = scheme.sureMatchRecall && sample.length ? sample.filter((l) => scheme.sureMatchRecall!(m, l) !== null).length / sample.length : 1;
  return { lambda: est.lambda, m, u, iterations: iterations + est.iterations, applies };
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** Groups of ids joined (transitively) by the given pairs. */
export function clustersOf(pairs: readonly { a: string; b: string }[]): string[][] {
  const uf = new UnionFind();
  for (const p of pairs) uf.union(p.a, p.b);
  const groups = new Map<string, string[]>();
  for (const id of new Set(pairs.flatMap((p) => [p.a, p.b]))) {
    const r = uf.find(id);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

/**
 * Merges that would put two conflicting records in one cluster (a father and his son joined
 * through a third record that has no date of birth) are held back to review: merges are taken
 * decided-by-rule first, then best score first, and each joins two groups only when no record of
 * one conflicts with any record of the other (cannot-link constraints on the transitive closure).
 */
export function holdBackConflictingMerges<P extends { id: string }>(pairs: ScoredPair[], records: readonly P[], conflicts: (a: P, b: P) => string[]): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  const uf = new UnionFind();
  const members = new Map<string, P[]>();
  const order = pairs.filter((p) => p.decision === 'MERGE').sort((x, y) => Number(y.rule !== null) - Number(x.rule !== null) || y.weight - x.weight);
  for (const p of order) {
    const ra = uf.find(p.a);
    const rb = uf.find(p.b);
    if (ra === rb) continue;
    const ma = members.get(ra) ?? [byId.get(p.a)!];
    const mb = members.get(rb) ?? [byId.get(p.b)!];
    let conflict: string | undefined;
    // Across the two groups, records other than the pair itself (its own conflicts were seen when it was scored).
    for (const x of ma) {
      for (const y of mb) {
        conflict = conflicts(x, y)[0];
        if (conflict) {
          conflict = `${x.id} and ${y.id}: ${conflict}`;
          break;
        }
      }
      if (conflict) break;
    }
    if (conflict) {
      p.decision = 'REVIEW';
      p.rule = `no merge: it would join records that conflict (${conflict})`;
      continue;
    }
    uf.union(p.a, p.b);
    const root = uf.find(p.a);
    members.delete(ra);
    members.delete(rb);
    members.set(root, [...ma, ...mb]);
  }
}

export function decide(p: number, t: Thresholds): Decision {
  return p >= t.merge ? 'MERGE' : p >= t.review ? 'REVIEW' : 'NO_MATCH';
}

/** A record's weighed values together (its full name). */
const weighedKey = <P extends { id: string }>(scheme: Scheme<never, P>, r: P) =>
  Object.values(scheme.termFrequency ?? {})
    .map((f) => f(r))
    .join('\u0000');

/** How many records the u probability is worth when a value's frequency is estimated. */
const TF_PRIOR_RECORDS = 200;

/**
 * Term frequencies for the scheme's comparisons that have them: for each value, the chance that
 * another record picked at random has it, (count - 1) / (n - 1), the record itself not counted,
 * drawn toward the comparison's u (its exact level) as if from TF_PRIOR_RECORDS more records, so
 * that a small import, where every count is small, does not take each value for a rare one or
 * a common one on little evidence.
 */
function termFrequencies<P extends { id: string }>(scheme: Scheme<never, P>, records: P[], model: Model, priorRecords = TF_PRIOR_RECORDS, distinct = false, pooled = false) {
  const out: (((p: P) => number) | undefined)[] = scheme.comparisons.map(() => undefined);
  // distinct: each value counted once per distinct combination of the weighed values (a full
  // name) it appears in, not once per record, out of the distinct combinations. A file with
  // duplicates holds the same person several times: "Lola Brown" written four times is one
  // Lola, and counting her four times makes "Lola" look four times as common among other
  // people as it is. Misspelt copies still count apart, which errs towards common.
  const keyOf = (r: P) => weighedKey(scheme, r);
  const rows = distinct ? [...new Map(records.map((r) => [keyOf(r), r])).values()] : records;
  const n = rows.length;
  if (n < 3) return out;
  // pooled: a value counted in whichever weighed field it was written ("Hall" as a given name in
  // a list where names are written either way round is as common as the surname Hall).
  const shared = new Map<string, number>();
  if (pooled) {
    for (const valueOf of Object.values(scheme.termFrequency ?? {})) {
      for (const r of rows) {
        const v = valueOf(r);
        if (v) shared.set(v, (shared.get(v) ?? 0) + 1);
      }
    }
  }
  for (const [name, valueOf] of Object.entries(scheme.termFrequency ?? {})) {
    const c = scheme.comparisons.findIndex((x) => x.name === name);
    if (c < 0) continue;
    const counts = pooled ? shared : new Map<string, number>();
    for (const r of pooled ? [] : rows) {
      const v = valueOf(r);
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const u = model.u[c]![0]!;
    out[c] = (p: P) => (Math.max(1, (counts.get(valueOf(p)) ?? 1) - 1) + priorRecords * u) / (n - 1 + priorRecords);
  }
  return out;
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
