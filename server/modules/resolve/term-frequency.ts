/** Term frequencies: how common each value of the weighed comparisons is (exact agreements weighed by it, as in Splink). */
import type { Model } from './fellegi-sunter.ts';
import type { Scheme } from './scheme.ts';

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
export function termFrequencies<P extends { id: string }>(scheme: Scheme<never, P>, records: P[], model: Model, priorRecords = TF_PRIOR_RECORDS, distinct = false, pooled = false) {
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
