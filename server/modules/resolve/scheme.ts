/**
 * What the resolver needs to know about a kind of record: how to prepare one, its field
 * comparisons (levels with prior m and u), its blocking keys and training sessions, and which
 * exact agreements are weighed by how common the value is (term frequency). People
 * (people.ts), organisations and premises (places.ts) each have one; the pipeline in
 * resolver.ts is the same for all.
 */
import type { Comparison, Levels } from './compare.ts';
import type { RuleOptions } from './person-rules.ts';

export type ResolvableType = 'PERSON' | 'ORGANISATION' | 'PREMISES';

export interface TrainingSession {
  /** Blocking keys starting with this make the session's pairs. */
  prefix: string;
  /** Comparisons the keys are made of: they agree on every such pair, so they are left out of it. */
  excludes: string[];
  /** Only these comparisons take their m from this session (default: every one not excluded). */
  trains?: string[];
}

export interface Scheme<I extends { id: string }, P extends { id: string }> {
  type: ResolvableType;
  comparisons: readonly Comparison[];
  sessions: readonly TrainingSession[];
  prepare(input: I): P;
  compare(a: P, b: P): { levels: Levels; swapped: boolean };
  blockingKeys(p: P): string[];
  /**
   * Term-frequency adjustment (as in Splink): for a comparison named here, an exact agreement
   * (level 0) on a value is weighed m / tf(value) instead of m / u, where tf is the share of
   * records with that value. Two records agreeing on a common surname say less than two
   * agreeing on a rare one. The function gives the value compared (empty: none).
   */
  termFrequency?: Readonly<Record<string, (p: P) => string>>;
  /**
   * Hard rules over the score. Conflicts veto a merge (the pair goes at most to review), also
   * between clusters: two groups are not joined when any record of one conflicts with any of
   * the other. A decisive agreement (a shared match key) merges whatever the score.
   */
  conflicts?(a: P, b: P, o: RuleOptions): string[];
  decisive?(a: P, b: P, o: RuleOptions): string | null;
  /** A pair the score would merge despite a conflict goes to review instead of away when this says so. */
  reviewsConflict?(a: P, b: P, levels: Levels, o: RuleOptions): boolean;
  /**
   * A strict deterministic rule (e.g. names and date of birth exactly the same), for the prior:
   * how many candidate pairs it calls the same, divided by sureMatchRecall (the chance that a
   * true match with these fields present passes it, from the m probabilities), is the expected
   * number of matches. Without it the prior is EM's share of matches among candidates.
   */
  sureMatch?(levels: Levels): boolean;
  /** null: the rule's main part does not apply to the pair (a field it needs is missing), so it is left out of the average. */
  sureMatchRecall?(m: number[][], levels: Levels): number | null;
  /** A reason to send a pair the score would merge to review instead (softer than a conflict: not checked between clusters). */
  holds?(a: P, b: P, levels: Levels): string | null;
  /** A field's value of a record as the evidence shows it (lists comma separated). */
  show(input: I, field: string): string | null;
}

export const joined = (xs: readonly (string | null | undefined)[] | null | undefined): string | null => {
  const v = (xs ?? []).filter((x): x is string => !!x);
  return v.length ? [...new Set(v)].join(', ') : null;
};
