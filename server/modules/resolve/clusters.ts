/** Clusters: records joined by merge decisions, transitively, and merges held back where they would join records that conflict. */
import type { ScoredPair } from './resolver.ts';

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
