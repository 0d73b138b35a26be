/**
 * Adjusted Rand index (Hubert and Arabie, 1985) of two partitions of the same items: 1 when they
 * agree exactly, about 0 for a chance agreement. Each partition maps an item to a cluster label;
 * items missing from a partition are singletons in it. Only `items` are compared.
 */
export function adjustedRandIndex(items: readonly string[], a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const n = items.length;
  if (n < 2) return 1;
  const labelA = (x: string) => a.get(x) ?? `\u0000single:${x}`;
  const labelB = (x: string) => b.get(x) ?? `\u0000single:${x}`;
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const x of items) {
    const ra = labelA(x);
    const cb = labelB(x);
    const key = `${ra}\u0001${cb}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(ra, (rows.get(ra) ?? 0) + 1);
    cols.set(cb, (cols.get(cb) ?? 0) + 1);
  }
  const c2 = (k: number) => (k * (k - 1)) / 2;
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, k) => s + c2(k), 0);
  const index = sum(cells);
  const sa = sum(rows);
  const sb = sum(cols);
  const expected = (sa * sb) / c2(n);
  const max = (sa + sb) / 2;
  // Both partitions all singletons (or both one cluster): they agree exactly.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
