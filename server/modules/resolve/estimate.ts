/** Estimating a resolver's model (m, u and the prior) from the records themselves. */
import { applyOverrides, decodeLevels, encodeLevels, estimateFromPatterns, levelCounts, priorModel, uFromCounts } from './fellegi-sunter.ts';
import type { Levels } from './compare.ts';
import type { ResolveOptions } from './resolver.ts';
import type { Scheme } from './scheme.ts';
import { seededRandom } from '../../kernel/random.ts';

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
