/**
 * Argument checking for the graph queries (pure): bounds on hops, limits and id lists, and the
 * link filter turned into query parameters. Every error names the argument.
 */
import { badInput } from '../../errors.ts';
import { SOURCE_EVALUATION_VALUE, type SourceEvaluationName } from '../entity/index.ts';
import { parseDate } from '../entity/index.ts';

export interface LinkFilterArg {
  linkTypes?: readonly string[] | null;
  entityTypes?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  minGrade?: { sourceEvaluation?: SourceEvaluationName | null; intelligenceAssessment?: string | null } | null;
  asKnownOn?: string | null;
}

/** The filter as Cypher parameters; null means "no restriction". */
export interface FilterParams {
  linkTypes: string[] | null;
  entityTypes: string[] | null;
  from: string | null;
  to: string | null;
  maxSourceEvaluation: number | null;
  maxAssessment: string | null;
  /** Exclusive upper bound on recordedAt: the day after `asKnownOn`, at midnight UTC. */
  knownBefore: string | null;
}

export function dayAfter(date: string): string {
  const d = new Date(`${parseDate(date)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export function filterParams(f: LinkFilterArg | null | undefined, argument = 'filter'): FilterParams {
  if (f?.from && f.to && f.from > f.to) throw badInput(`${argument}.to`, `must be on or after ${argument}.from (${f.from}).`);
  return {
    linkTypes: f?.linkTypes?.length ? [...f.linkTypes] : null,
    entityTypes: f?.entityTypes?.length ? [...f.entityTypes] : null,
    from: f?.from ?? null,
    to: f?.to ?? null,
    maxSourceEvaluation: f?.minGrade?.sourceEvaluation ? SOURCE_EVALUATION_VALUE[f.minGrade.sourceEvaluation] : null,
    maxAssessment: f?.minGrade?.intelligenceAssessment ?? null,
    knownBefore: f?.asKnownOn ? dayAfter(f.asKnownOn) : null,
  };
}

/** A whole number in [min, max], the default when absent; BAD_USER_INPUT naming it otherwise. */
export function bounded(argument: string, value: number | null | undefined, min: number, max: number, dflt: number): number {
  if (value === null || value === undefined) return dflt;
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(argument, `must be between ${min} and ${max} (got ${value}).`);
  return value;
}

export function ids(argument: string, list: readonly string[], min: number, max: number): string[] {
  const unique = [...new Set(list)];
  if (unique.length < min || list.length > max) throw badInput(argument, `give ${min} to ${max} distinct ids (got ${unique.length}).`);
  list.forEach((id, i) => {
    if (id.length === 0 || id.length > 200) throw badInput(`${argument}[${i}]`, 'an id has 1 to 200 characters.');
  });
  return unique;
}

export const LIMITS = {
  ids: 100,
  hops: 3,
  nodes: { max: 5000, default: 500 },
  supernode: { max: 100_000, default: 100 },
  pathLength: { max: 8, default: 6 },
  paths: { max: 100, default: 25 },
  connecting: { ids: 20, maxLength: 4, perPair: 10 },
  subgraph: 5000,
  /** Entities on a chart whose links are read at once (linksAmong). */
  linksAmong: 20_000,
  common: { ids: 50, max: 500, default: 100 },
  timeline: { ids: 500, max: 2000, default: 500 },
} as const;
