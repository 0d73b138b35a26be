/**
 * Risk profiles for people (score.ts) over what the caller may see, by the versioned rules
 * (rules.ts): one person's profile, a paged list, and the rules themselves.
 */
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { toGrading } from '../entity/index.ts';
import { decodeCursor, intArg, page } from '../entity/index.ts';
import { parseDate } from '../entity/index.ts';
import { riskRules, rulesVersion, type RiskRules } from './rules.ts';
import { profile, type Profile } from './score.ts';
import * as repo from './risk.repository.ts';

export const today = () => new Date().toISOString().slice(0, 10);

/** The asOf argument as a date (today when absent); BAD_USER_INPUT naming it otherwise. */
export function asOfArg(value: string | null | undefined, argument = 'asOf'): string {
  if (value === null || value === undefined) return today();
  try {
    return parseDate(value);
  } catch {
    throw badInput(argument, `must be a date, YYYY-MM-DD (got ${JSON.stringify(value)}).`);
  }
}

/** Profiles of every visible person with risk-factor evidence, highest score first. */
export async function allProfiles(ctx: Pick<Context, 'gateway'>, asOf: string, rules: RiskRules = riskRules()): Promise<Profile[]> {
  const people = await repo.allEvidence(ctx.gateway);
  return people.map((p) => profile(rules, p, asOf)).sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
}

/** GraphQL shape: gradings as the Grading type. */
/** Evidence of a risk profile as the API gives it; its sources are resolved when asked for. */
export type RiskEvidenceOut = ReturnType<typeof out>['factors'][number]['evidence'][number];

function out(p: Profile) {
  return { ...p, factors: p.factors.map((f) => ({ ...f, evidence: f.evidence.map((e) => ({ ...e, grading: toGrading(e.grading as Record<string, unknown>) })) })) };
}

export async function riskProfile(ctx: Context, args: { personId: string; asOf?: string | null }) {
  const asOf = asOfArg(args.asOf);
  const [person] = await repo.evidenceOf(ctx.gateway, [args.personId]);
  return person ? out(profile(riskRules(), person, asOf)) : null;
}

export interface RiskProfilesArgs {
  filter?: { combinationOnly?: boolean | null; minScore?: number | null; factorKinds?: readonly string[] | null } | null;
  asOf?: string | null;
  first?: number | null;
  after?: string | null;
}

export async function riskProfiles(ctx: Context, args: RiskProfilesArgs) {
  const asOf = asOfArg(args.asOf);
  const first = intArg('first', args.first, { min: 1, max: 500, default: 50 });
  const offset = decodeCursor('riskProfiles', args.after);
  const f = args.filter ?? {};
  if (f.minScore !== null && f.minScore !== undefined && !(f.minScore >= 0)) throw badInput('filter.minScore', `must be 0 or more (got ${f.minScore}).`);
  const fresh = await ctx.services.kept.storedFor(ctx.gateway, args.asOf ? asOf : null);
  if (fresh) {
    const filter = { combinationOnly: !!f.combinationOnly, minScore: f.minScore ?? null, factorKinds: f.factorKinds?.length ? [...f.factorKinds] : null };
    const kept = await ctx.services.kept.profilesPage<Profile>(ctx, filter, offset, first + 1);
    const pg = page('riskProfiles', kept.rows, offset, first);
    return { totalCount: kept.total, pageInfo: pg.pageInfo, edges: pg.items.map(({ item, cursor }) => ({ cursor, node: out(item) })), freshness: fresh };
  }
  const kinds = f.factorKinds?.length ? new Set(f.factorKinds) : null;
  const all = (await allProfiles(ctx, asOf)).filter(
    (p) =>
      p.distinctFactors > 0 &&
      (!f.combinationOnly || p.combination) &&
      (f.minScore === null || f.minScore === undefined || p.score >= f.minScore) &&
      (!kinds || p.factorKinds.some((k) => kinds.has(k))),
  );
  const pg = page('riskProfiles', all.slice(offset, offset + first + 1), offset, first);
  return { totalCount: all.length, pageInfo: pg.pageInfo, edges: pg.items.map(({ item, cursor }) => ({ cursor, node: out(item) })), freshness: ctx.services.kept.computed(asOf) };
}

export function rulesOut() {
  const r = riskRules();
  return {
    version: rulesVersion(r),
    description: r.description,
    factors: Object.entries(r.factors).map(([kind, f]) => ({ kind, ...f })),
    combinations: r.combinations.map((c) => ({ ...c, anyOf: c.anyOf ?? [], minScore: c.minScore ?? null })),
    text: r.text,
  };
}
