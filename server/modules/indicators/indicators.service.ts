/**
 * The MSHT indicator library over what the caller may see: the rules, the hits on one entity
 * (read around it), and the flagged list (the whole visible graph, with risk profiles).
 */
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { toGrading } from '../entity/index.ts';
import { decodeCursor, intArg, page } from '../entity/index.ts';
import { allProfiles, asOfArg, type Profile } from '../risk/index.ts';
import { evaluate } from './evaluate.ts';
import type { Hit } from './graph.ts';
import { library, libraryVersion } from './library.ts';
import * as repo from './indicators.repository.ts';

export function indicators() {
  const l = library();
  return {
    version: libraryVersion(l),
    indicators: l.indicators.map((i) => ({
      ...i,
      parameters: Object.entries(i.parameters).map(([name, v]) => ({ name, value: Array.isArray(v) ? v.join(', ') : String(v) })),
      references: i.references.map((r) => l.references[r]!),
    })),
  };
}

/** GraphQL shape of a hit: gradings as the Grading type. */
/** A hit as the API gives it; its graph and its evidence's sources are resolved when asked for. */
export type HitOut = ReturnType<typeof hitOut>;
export type HitEvidenceOut = HitOut['evidence'][number];
/** A flagged entity as the API gives it: its hits' gradings in words. */
export type FlaggedOut = Omit<Flagged, 'hits'> & { hits: HitOut[] };

export function hitOut(h: Hit) {
  return { ...h, evidence: h.evidence.map((e) => ({ ...e, grading: toGrading(e.grading as Record<string, unknown>) })) };
}

export async function indicatorHits(ctx: Context, args: { entityId: string; asOf?: string | null }) {
  const asOf = asOfArg(args.asOf);
  if (args.entityId.length === 0 || args.entityId.length > 200) throw badInput('entityId', 'an id has 1 to 200 characters.');
  const { nodes, links } = await repo.around(ctx.gateway, args.entityId, asOf);
  return evaluate(library(), nodes, links, [args.entityId], asOf).map(hitOut);
}

/** Every hit over the whole visible graph. */
export async function allHits(ctx: Pick<Context, 'gateway'>, asOf: string): Promise<Hit[]> {
  const { nodes, links } = await repo.all(ctx.gateway, asOf);
  return evaluate(library(), nodes, links, null, asOf);
}

export interface FlaggedArgs {
  filter?: {
    types?: readonly string[] | null;
    indicatorIds?: readonly string[] | null;
    minScore?: number | null;
    operationId?: string | null;
    riskCombination?: boolean | null;
  } | null;
  sort?: { field: 'SCORE' | 'RISK_SCORE' | 'INDICATOR_SCORE' | 'INDICATORS' | 'LABEL' | 'TYPE'; direction?: 'ASC' | 'DESC' | null } | null;
  asOf?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface Flagged {
  id: string;
  type: string;
  label: string;
  score: number;
  riskScore: number;
  riskCombination: boolean;
  riskFactorKinds: string[];
  indicatorScore: number;
  indicatorIds: string[];
  hits: Hit[];
  operationIds: string[];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** People and premises flagged by a risk combination or by at least one indicator. */
export async function flaggedAll(ctx: Pick<Context, 'gateway'>, asOf: string): Promise<Flagged[]> {
  const [profiles, hits, ops] = await Promise.all([allProfiles(ctx, asOf), allHits(ctx, asOf), repo.operationsOf(ctx.gateway)]);
  return combineFlagged(profiles, hits, ops);
}

/**
 * The flagged rows from profiles and hits (pure; per entity, so a batch of entities gives the
 * same rows as the whole graph does for them): the stored analysis uses it too.
 */
export function combineFlagged(profiles: readonly Profile[], hits: readonly Hit[], ops: ReadonlyMap<string, string[]>): Flagged[] {
  const out = new Map<string, Flagged>();
  const get = (id: string, type: string, label: string) => {
    let f = out.get(id);
    if (!f) {
      f = { id, type, label, score: 0, riskScore: 0, riskCombination: false, riskFactorKinds: [], indicatorScore: 0, indicatorIds: [], hits: [], operationIds: ops.get(id) ?? [] };
      out.set(id, f);
    }
    return f;
  };
  for (const p of profiles) {
    if (!p.combination) continue;
    const f = get(p.personId, 'PERSON', p.label);
    f.riskScore = p.score;
    f.riskCombination = true;
    f.riskFactorKinds = p.factorKinds;
  }
  const byPerson = new Map(profiles.map((p) => [p.personId, p]));
  for (const h of hits) {
    const f = get(h.entityId, h.entityType, h.label);
    f.hits.push(h);
    f.indicatorIds.push(h.indicatorId);
    f.indicatorScore = round(f.indicatorScore + h.score);
    const p = byPerson.get(h.entityId);
    if (p && !f.riskCombination) {
      f.riskScore = p.score;
      f.riskFactorKinds = p.factorKinds;
    }
  }
  for (const f of out.values()) f.score = round(f.riskScore + f.indicatorScore);
  return [...out.values()];
}

export async function flagged(ctx: Context, args: FlaggedArgs) {
  const asOf = asOfArg(args.asOf);
  const first = intArg('first', args.first, { min: 1, max: 500, default: 50 });
  const offset = decodeCursor('flagged', args.after);
  const f = args.filter ?? {};
  if (f.minScore !== null && f.minScore !== undefined && !(f.minScore >= 0)) throw badInput('filter.minScore', `must be 0 or more (got ${f.minScore}).`);
  const known = new Set<string>(library().indicators.map((i) => i.id));
  f.indicatorIds?.forEach((id, i) => {
    if (!known.has(id)) throw badInput(`filter.indicatorIds[${i}]`, `${JSON.stringify(id)} is not an indicator; see the indicators query.`);
  });
  const field = args.sort?.field ?? 'SCORE';
  const dir = args.sort?.direction ?? (field === 'LABEL' || field === 'TYPE' ? 'ASC' : 'DESC');
  const fresh = await ctx.services.kept.storedFor(ctx.gateway, args.asOf ? asOf : null);
  if (fresh) {
    const filter = {
      types: f.types?.length ? [...f.types] : null,
      indicatorIds: f.indicatorIds?.length ? [...f.indicatorIds] : null,
      minScore: f.minScore ?? null,
      operationId: f.operationId || null,
      riskCombination: f.riskCombination ?? null,
    };
    const kept = await ctx.services.kept.flaggedPage(ctx, filter, { field, desc: dir === 'DESC' }, offset, first + 1);
    const pg = page('flagged', kept.rows, offset, first);
    return { totalCount: kept.total, pageInfo: pg.pageInfo, edges: pg.items.map(({ item, cursor }) => ({ cursor, node: { ...item, hits: (item.hits as Hit[]).map(hitOut) } })), freshness: fresh };
  }
  const types = f.types?.length ? new Set(f.types) : null;
  const ind = f.indicatorIds?.length ? new Set(f.indicatorIds) : null;
  const rows = (await flaggedAll(ctx, asOf)).filter(
    (x) =>
      (!types || types.has(x.type)) &&
      (!ind || x.indicatorIds.some((i) => ind.has(i))) &&
      (f.minScore === null || f.minScore === undefined || x.score >= f.minScore) &&
      (!f.operationId || x.operationIds.includes(f.operationId)) &&
      (f.riskCombination === null || f.riskCombination === undefined || x.riskCombination === f.riskCombination),
  );
  const sign = dir === 'ASC' ? 1 : -1;
  const key = (x: Flagged): number | string =>
    field === 'SCORE' ? x.score : field === 'RISK_SCORE' ? x.riskScore : field === 'INDICATOR_SCORE' ? x.indicatorScore : field === 'INDICATORS' ? x.indicatorIds.length : field === 'LABEL' ? x.label.toLowerCase() : x.type;
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = typeof ka === 'number' ? ka - (kb as number) : ka.localeCompare(kb as string);
    return sign * c || b.score - a.score || a.id.localeCompare(b.id);
  });
  const pg = page('flagged', rows.slice(offset, offset + first + 1), offset, first);
  return {
    totalCount: rows.length,
    pageInfo: pg.pageInfo,
    edges: pg.items.map(({ item, cursor }) => ({ cursor, node: { ...item, hits: item.hits.map(hitOut) } })),
    freshness: ctx.services.kept.computed(asOf),
  };
}
