/**
 * Scores suspected networks against planted ones (the demo's truth): the adjusted Rand index
 * over the given premises, premises outside every network counting as singletons on both sides.
 */
import { adjustedRandIndex } from './ari.ts';

export interface NetworkScore {
  ari: number;
  /** Planted networks whose premises all fall in one found network of no other planted premises. */
  exact: number;
  planted: number;
  found: number;
}

export function scoreNetworks(premisesIds: readonly string[], planted: readonly { premisesIds: readonly string[] }[], found: readonly { premisesIds: readonly string[] }[]): NetworkScore {
  const label = (groups: readonly { premisesIds: readonly string[] }[]) => {
    const m = new Map<string, string>();
    groups.forEach((g, i) => g.premisesIds.forEach((p) => m.set(p, String(i))));
    return m;
  };
  const truth = label(planted);
  const got = label(found);
  const exact = planted.filter((p) => found.some((f) => f.premisesIds.length === p.premisesIds.length && p.premisesIds.every((x) => f.premisesIds.includes(x)))).length;
  return { ari: adjustedRandIndex(premisesIds, truth, got), exact, planted: planted.length, found: found.length };
}
