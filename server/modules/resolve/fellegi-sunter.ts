/**
 * A Fellegi-Sunter model: for each comparison, m = P(level | same person) and
 * u = P(level | different people); a pair's match weight is log2 of the prior odds plus the sum
 * of log2(m/u) over the levels it has (a missing field adds nothing). u is estimated from
 * random pairs (nearly all of them different people), m and the prior by expectation
 * maximisation over the blocked candidate pairs, as Splink does.
 */
import { COMPARISONS, type Comparison, type Levels } from './compare.ts';

type Comparisons = readonly Comparison[];

export interface Model {
  /** Prior probability that a candidate pair is the same person. */
  lambda: number;
  m: number[][];
  u: number[][];
}

export interface ModelOverrides {
  lambda?: number;
  /** Per comparison name, m probabilities per level (e.g. set for a source known to be clean). */
  m?: Record<string, number[]>;
  u?: Record<string, number[]>;
}

const EPS = 1e-6;

function normalise(xs: number[]): number[] {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => Math.max(EPS, x / s));
}

/** u probabilities from level counts over random pairs, with the prior u worth `strength` pairs. */
export function uFromCounts(counts: number[][], strength = 1000, comparisons: Comparisons = COMPARISONS): number[][] {
  return counts.map((c, i) => normalise(c.map((n, l) => n + strength * comparisons[i]!.uPrior[l]!)));
}

/** Level counts of a sample of pairs, one row per comparison. */
export function levelCounts(vectors: Iterable<Levels>, comparisons: Comparisons = COMPARISONS): number[][] {
  const counts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
  for (const v of vectors) v.forEach((l, i) => l !== null && counts[i]![l]!++);
  return counts;
}

export function priorModel(u: number[][], lambda = 0.01, comparisons: Comparisons = COMPARISONS): Model {
  return { lambda, m: comparisons.map((c) => normalise([...c.mPrior])), u };
}

/** Contribution of one comparison at one level, in bits. */
export function levelWeight(model: Model, c: number, l: number): number {
  return Math.log2(model.m[c]![l]! / model.u[c]![l]!);
}

export function matchWeight(model: Model, levels: Levels): number {
  let w = Math.log2(model.lambda / (1 - model.lambda));
  levels.forEach((l, c) => {
    if (l !== null) w += levelWeight(model, c, l);
  });
  return w;
}

export const probability = (weight: number): number => 1 / (1 + 2 ** -weight);

export interface EmOptions {
  iterations?: number;
  /** Stop when no m moves by more than this. */
  tolerance?: number;
  /** Comparisons whose m is held fixed (set per source, or too sparse to estimate). */
  fixed?: Set<number>;
  /** How many matched pairs the prior m is worth (default 200). */
  priorStrength?: number;
}

/**
 * Expectation maximisation of m and lambda over candidate pairs, u held fixed. Pairs with the
 * same level vector are counted once with their multiplicity, so the cost is per pattern.
 */
export function estimate(start: Model, vectors: Iterable<Levels>, o: EmOptions = {}): Model & { iterations: number } {
  const patterns = new Map<number, { levels: Levels; n: number }>();
  for (const v of vectors) {
    const key = encodeLevels(v);
    const p = patterns.get(key);
    if (p) p.n++;
    else patterns.set(key, { levels: v, n: 1 });
  }
  return estimateFromPatterns(start, [...patterns.values()], o);
}

/** Levels as one number (3 bits a comparison, 7 for missing), so that pairs group cheaply by pattern. */
export function encodeLevels(levels: Levels): number {
  let code = 0;
  for (let c = levels.length - 1; c >= 0; c--) code = code * 8 + (levels[c] ?? 7);
  return code;
}

export function decodeLevels(code: number, size: number = COMPARISONS.length): Levels {
  const out: Levels = [];
  for (let c = 0; c < size; c++) {
    const l = code % 8;
    out.push(l === 7 ? null : l);
    code = Math.floor(code / 8);
  }
  return out;
}

/** EM over distinct level patterns, each with how many pairs show it. */
export function estimateFromPatterns(start: Model, list: { levels: Levels; n: number }[], o: EmOptions = {}): Model & { iterations: number } {
  const priorStrength = o.priorStrength ?? 200;
  let model: Model = { lambda: start.lambda, m: start.m.map((r) => [...r]), u: start.u };
  let it = 0;
  for (; it < (o.iterations ?? 50); it++) {
    const mCounts = model.m.map((row) => new Array<number>(row.length).fill(0));
    let matches = 0;
    let total = 0;
    for (const { levels, n } of list) {
      const p = probability(matchWeight(model, levels));
      matches += p * n;
      total += n;
      levels.forEach((l, c) => {
        if (l !== null) mCounts[c]![l]! += p * n;
      });
    }
    // The prior m is a Dirichlet prior worth `priorStrength` matched pairs: with hundreds of
    // matches the data decide; with a handful (a small import) the prior does, so that EM
    // cannot turn "same household" into "same person". It also keeps a level never seen among
    // matches from getting m = 0 (an infinite penalty).
    const m = mCounts.map((row, c) => (o.fixed?.has(c) ? model.m[c]! : normalise(row.map((x, l) => x + priorStrength * start.m[c]![l]!))));
    const lambda = Math.min(0.99, Math.max(1e-6, (matches + priorStrength * start.lambda) / (total + priorStrength)));
    const moved = Math.max(...m.flatMap((row, c) => row.map((x, l) => Math.abs(x - model.m[c]![l]!))));
    model = { lambda, m, u: model.u };
    if (moved < (o.tolerance ?? 1e-4)) break;
  }
  return { ...model, iterations: it };
}

export function applyOverrides(model: Model, o: ModelOverrides | undefined, comparisons: Comparisons = COMPARISONS): Model {
  if (!o) return model;
  const idx = (name: string) => comparisons.findIndex((c) => c.name === name);
  const m = model.m.map((r) => [...r]);
  const u = model.u.map((r) => [...r]);
  for (const [name, values] of Object.entries(o.m ?? {})) if (idx(name) >= 0) m[idx(name)] = normalise(values);
  for (const [name, values] of Object.entries(o.u ?? {})) if (idx(name) >= 0) u[idx(name)] = normalise(values);
  return { lambda: o.lambda ?? model.lambda, m, u };
}
