/**
 * Pairwise precision, recall and F1 of predicted clusters against true ones: every pair of
 * records put in one cluster is a predicted match; every pair in one true cluster a true match.
 */
export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

function pairKeys(clusters: readonly (readonly string[])[], keep?: (a: string, b: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const c of clusters) {
    const s = [...new Set(c)].sort();
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) if (!keep || keep(s[i]!, s[j]!)) out.add(`${s[i]}\u0000${s[j]}`);
  }
  return out;
}

/** `keep`: only the pairs it accepts count (linking two files: pairs across them). */
export function pairwiseScore(predicted: readonly (readonly string[])[], truth: readonly (readonly string[])[], keep?: (a: string, b: string) => boolean): PairwiseScore {
  const p = pairKeys(predicted, keep);
  const t = pairKeys(truth, keep);
  let correct = 0;
  for (const k of p) if (t.has(k)) correct++;
  const precision = p.size ? correct / p.size : 1;
  const recall = t.size ? correct / t.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs: t.size, predictedPairs: p.size, correctPairs: correct };
}

/** Clusters from a record-to-entity assignment (records sharing a key are one entity). */
export function clustersByKey<T>(items: readonly T[], id: (x: T) => string, key: (x: T) => string): string[][] {
  const g = new Map<string, string[]>();
  for (const x of items) g.set(key(x), [...(g.get(key(x)) ?? []), id(x)]);
  return [...g.values()];
}
