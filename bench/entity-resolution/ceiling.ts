/**
 * How far names alone can go on a labelled data set: the share of true pairs that a judge who
 * sees only the names, and knows every other person's records, could tell apart at all.
 *
 * Two records' names are scored by the resolver's own name comparisons (given and family name
 * levels, swapped names, nicknames), each level worth its prior log2(m/u) (COMPARISONS: the same
 * for every data set, no rarity). A true pair counts when its names score above zero and above
 * every pair that either record makes with a record of another person: anything that merged it
 * on names would merge a pair of different people that looks at least as alike. Chains of such
 * pairs within one true cluster count too (clusters are transitive). The rest (a record with
 * "Oliver" only, where two Olivers are in the file; a name replaced wholesale) cannot be merged
 * from names without a wrong merge, so recall above this figure is not reachable at precision 1.
 */
import { COMPARISONS, comparePeople, preparePerson } from '../../server/modules/resolve/compare.ts';
import { clustersOf } from '../../server/modules/resolve/resolver.ts';
import { pairwiseScore, type PairwiseScore } from '../../server/modules/resolve/evaluate.ts';
import type { Labelled } from './datasets.ts';

const NAME_COMPARISONS = [0, 1] as const;

const weight = (c: number, l: number | null) => (l === null ? 0 : Math.log2(COMPARISONS[c]!.mPrior[l]! / COMPARISONS[c]!.uPrior[l]!));

export function nameOnlyCeiling(data: Labelled): PairwiseScore {
  const records = data.records.map(preparePerson);
  const person = new Map<string, number>();
  data.truth.forEach((ids, k) => ids.forEach((id) => person.set(id, k)));
  const of = records.map((r, i) => person.get(r.id) ?? -1 - i);
  const n = records.length;
  const score = Array.from({ length: n }, () => new Float64Array(n));
  const bestElsewhere = new Float64Array(n).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const l = comparePeople(records[i]!, records[j]!).levels;
      const s = NAME_COMPARISONS.every((c) => l[c] === null) ? -Infinity : NAME_COMPARISONS.reduce<number>((sum, c) => sum + weight(c, l[c]!), 0);
      score[i]![j] = s;
      if (of[i] !== of[j]) {
        bestElsewhere[i] = Math.max(bestElsewhere[i]!, s);
        bestElsewhere[j] = Math.max(bestElsewhere[j]!, s);
      }
    }
  }
  const told: { a: string; b: string }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = score[i]![j]!;
      if (of[i] === of[j] && s > 0 && s > bestElsewhere[i]! && s > bestElsewhere[j]!) told.push({ a: records[i]!.id, b: records[j]!.id });
    }
  }
  return pairwiseScore(clustersOf(told), data.truth);
}
