/**
 * Network analytics (communities, centrality, brokers) and suspected networks of premises.
 * The subgraph is read through the caller's scoped gateway; the analysis runs in Node with
 * graphology (metrics.ts, networks.ts), so what a caller cannot see cannot shape the answer.
 * The whole-graph analytics run in Node or inside Neo4j with Graph Data Science (gds.ts: projected
 * through the same scoped gateway), whichever was measured faster for the graph's size
 * (LANTERN_ANALYTICS_ENGINE; docs/decisions/0043-analytics-engine-by-measurement.md).
 */
import type { Context } from '../../graphql/context.ts';
import type { Gateway } from '../../db/gateway.ts';
import { badInput, unavailable } from '../../errors.ts';
import { ids as idArg } from '../graph/index.ts';
import { decodeCursor, intArg, page } from '../entity/index.ts';
import { assembleMetrics, networkMetrics, type Metrics } from './metrics.ts';
import { gdsAvailable, gdsMetrics, TooManyEntities, type GdsResult } from './gds.ts';
import { PROJECTION_LINK_TYPES, suspectedNetworks as findNetworks, type SuspectedNetwork } from './networks.ts';
import * as repo from './analytics.repository.ts';
import { today } from '../risk/index.ts';

/** Betweenness is O(nodes x links): past this many entities, ask for a selection (or install GDS). */
export const MAX_ANALYTICS_NODES = 20_000;
/**
 * With GDS, the whole graph up to this many entities; past MAX_ANALYTICS_NODES its betweenness is
 * estimated from BETWEENNESS_SAMPLE sampled sources (exact Brandes would take days at 100k people).
 */
export const MAX_GDS_ANALYTICS_NODES = 1_000_000;
export const BETWEENNESS_SAMPLE = 100;
const MAX_IDS = 5_000;

/**
 * Where whole-graph communities and centrality run: 'node' (graphology, up to
 * MAX_ANALYTICS_NODES), 'gds' (Graph Data Science, which the Neo4j must have), or 'auto': in Node
 * up to AUTO_NODE_MAX entities and in GDS above, when the Neo4j has it (else in Node).
 */
export type AnalyticsEngine = 'auto' | 'gds' | 'node';

/**
 * 'auto' runs graphs of up to this many entities in Node, larger ones in GDS, as measured through
 * wholeGraphMetrics (bench/analytics/run.ts and engines.ts; docs/analytics.md, decision 0043): on
 * the demo (1,089 entities) Node took 2.7 s against GDS's 8.9 s (GDS pays a fixed cost per run:
 * projection, five procedures, the stream back); at 6,808 entities GDS 55.4 s against Node's
 * 61.2 s (Node's exact betweenness grows with entities times links): the two cross at about 5,800
 * (interpolated), one run under load. Past 20,000 entities only GDS answers. Set to Node's whole
 * limit (20,000) until the crossover is measured on a quiet machine (decision 0043, amended).
 */
export const AUTO_NODE_MAX = 20_000;

let configuredEngine: AnalyticsEngine = 'auto';

/**
 * The largest whole graph (in entities) that runs in Node on `engine`, given whether the Neo4j has
 * GDS (a larger one runs in GDS, or, without it, is refused): none with 'gds'.
 */
export function nodeUpTo(engine: AnalyticsEngine, gds: boolean): number {
  if (engine === 'node' || !gds) return MAX_ANALYTICS_NODES;
  return engine === 'auto' ? Math.min(AUTO_NODE_MAX, MAX_ANALYTICS_NODES) : 0;
}

/** LANTERN_ANALYTICS_ENGINE: this process's engine for the whole-graph analytics (set at start). */
export function useAnalyticsEngine(engine: AnalyticsEngine): void {
  configuredEngine = engine;
}

export interface NetworkAnalyticsArgs {
  ids?: readonly string[] | null;
  weighted?: boolean | null;
  excludeTypes?: readonly string[] | null;
}

/**
 * The graph without the entities of `excluded` types and their links: administrative hubs (an
 * operation, its visits, a landlord company) otherwise come out as the top brokers.
 */
export function leaveOut<N extends { id: string; type: string }, L extends { source: string; target: string }>(
  g: { nodes: N[]; links: L[] },
  excluded: ReadonlySet<string>,
): { nodes: N[]; links: L[] } {
  if (excluded.size === 0) return g;
  const nodes = g.nodes.filter((n) => !excluded.has(n.type));
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, links: g.links.filter((l) => kept.has(l.source) && kept.has(l.target)) };
}

/** `engine` given (tests, benchmarks): the whole graph computed now on that engine, the kept metrics not read. */
export async function networkAnalytics(ctx: Context, args: NetworkAnalyticsArgs, engine?: AnalyticsEngine): Promise<Metrics & { freshness: Freshness }> {
  const ids = args.ids ? idArg('ids', args.ids, 1, MAX_IDS) : null;
  const weighted = args.weighted ?? true;
  const excluded = new Set(args.excludeTypes ?? []);
  // The whole graph as it is: the kept metrics when they answer (they are computed as below).
  if (!ids && excluded.size === 0) {
    const fresh = engine === undefined ? await ctx.services.kept.storedFor(ctx.gateway, null) : null;
    const kept = fresh ? await ctx.services.kept.metrics(ctx, weighted, fresh) : null;
    if (kept) return kept;
    const now = ctx.services.kept.computed(today());
    const m = await wholeGraphMetrics(ctx.gateway, weighted, engine);
    const gdsTakes = (engine ?? configuredEngine) !== 'node' && (await gdsAvailable(ctx.gateway));
    if (m === null) throw badInput('ids', `the graph has more than ${gdsTakes ? MAX_GDS_ANALYTICS_NODES : MAX_ANALYTICS_NODES} entities: give the ids of the part to analyse.`);
    return { ...m, freshness: now };
  }
  const read = await repo.read(ctx.gateway, async (tx) => {
    if (ids) return { nodes: await repo.nodes(tx, ids), links: await repo.linksAmong(tx, ids) };
    const whole = await repo.graph(tx, MAX_ANALYTICS_NODES + 1);
    if (whole.nodes.length > MAX_ANALYTICS_NODES) throw badInput('ids', `the graph has more than ${MAX_ANALYTICS_NODES} entities: give the ids of the part to analyse.`);
    return whole;
  });
  const { nodes, links } = leaveOut(read, excluded);
  return { ...networkMetrics(nodes, links, { weighted }), freshness: ctx.services.kept.computed(today()) };
}

/**
 * Communities and centrality over the whole graph the gateway sees, on `engine` (by default the
 * configured one, LANTERN_ANALYTICS_ENGINE): in GDS up to MAX_GDS_ANALYTICS_NODES entities
 * (betweenness sampled past MAX_ANALYTICS_NODES), in Node (graphology) up to MAX_ANALYTICS_NODES;
 * null when the graph is larger than the engine takes. The kept metrics (scores module) are
 * computed with it, per view and weighting.
 */
export async function wholeGraphMetrics(gw: Gateway, weighted: boolean, engine: AnalyticsEngine = configuredEngine): Promise<Metrics | null> {
  const gds = engine !== 'node' && (await gdsAvailable(gw));
  if (engine === 'gds' && !gds) {
    throw unavailable('LANTERN_ANALYTICS_ENGINE is gds, but the Neo4j has no Graph Data Science: install it (the local Neo4j fetches it unless LANTERN_GDS=off), or set LANTERN_ANALYTICS_ENGINE to auto or node.');
  }
  // Read with one entity more than Node takes, to know whether the graph is larger.
  const upTo = nodeUpTo(engine, gds);
  if (upTo > 0) {
    const whole = await repo.read(gw, (tx) => repo.graph(tx, upTo + 1));
    if (whole.nodes.length <= upTo) return networkMetrics(whole.nodes, whole.links, { weighted });
    if (!gds) return null;
  }
  // GDS projects the whole graph as it is; leaving types out is done in Node (graphology).
  try {
    const r = await gdsMetrics(gw, {
      weighted,
      betweenness: (n) => (n <= MAX_ANALYTICS_NODES ? 'exact' : BETWEENNESS_SAMPLE),
      neighbours: true,
      maxNodes: MAX_GDS_ANALYTICS_NODES,
    });
    return fromGds(r, weighted);
  } catch (e) {
    if (e instanceof TooManyEntities) return null;
    throw e;
  }
}

/**
 * GDS's figures on graphology's scales: PageRank sums to 1; betweenness normalised by
 * (n - 1)(n - 2) / 2, as graphology normalises an undirected graph's (GDS counts each pair once).
 */
function fromGds(r: GdsResult, weighted: boolean): Metrics {
  const n = r.nodes.length;
  const rankSum = r.nodes.reduce((a, x) => a + x.pageRank, 0) || 1;
  const scale = n > 2 ? 2 / ((n - 1) * (n - 2)) : 0;
  return assembleMetrics(
    r.nodes.map((x) => ({ ...x, pageRank: x.pageRank / rankSum, betweenness: x.betweenness * scale })),
    r.modularity,
    weighted,
  );
}

export interface SuspectedNetworksArgs {
  minScore?: number | null;
  first?: number | null;
  after?: string | null;
}

/** Every suspected network of the caller's visible graph, computed now (no kept results read). */
export async function allSuspectedNetworks(ctx: Pick<Context, 'gateway'>, minScore = 0): Promise<SuspectedNetwork[]> {
  const { nodes, links } = await repo.read(ctx.gateway, async (tx) => {
    const l = await repo.allLinks(tx, PROJECTION_LINK_TYPES);
    return { nodes: await repo.nodes(tx, [...new Set(l.flatMap((x) => [x.source, x.target]))]), links: l };
  });
  return findNetworks(nodes, links, { minScore });
}

/** How fresh an answer is (kept results, or computed now): the context's kept-results reader says. */
type Freshness = ReturnType<Context['services']['kept']['computed']>;

/**
 * A page of the suspected networks, strongest first, with their count and freshness: from the
 * kept results when they answer (only the page's networks are read), else computed over the
 * caller's whole visible graph for this request.
 */
export async function suspectedNetworks(ctx: Context, args: SuspectedNetworksArgs) {
  const minScore = args.minScore ?? 0;
  if (!Number.isFinite(minScore) || minScore < 0) throw badInput('minScore', `must be 0 or more (got ${minScore}).`);
  const first = intArg('first', args.first, { min: 1, max: 500, default: 50 });
  const offset = decodeCursor('suspectedNetworks', args.after);
  const fresh = await ctx.services.kept.storedFor(ctx.gateway, null);
  const connection = (total: number, rows: SuspectedNetwork[], freshness: Freshness) => {
    const pg = page('suspectedNetworks', rows, offset, first);
    return { totalCount: total, pageInfo: pg.pageInfo, edges: pg.items.map(({ item, cursor }) => ({ cursor, node: item })), freshness };
  };
  if (fresh) {
    const kept = await ctx.services.kept.networksPage<SuspectedNetwork>(ctx, minScore, offset, first + 1);
    return connection(kept.total, kept.rows, fresh);
  }
  const all = await allSuspectedNetworks(ctx, minScore);
  return connection(all.length, all.slice(offset, offset + first + 1), ctx.services.kept.computed(today()));
}
