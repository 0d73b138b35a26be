/**
 * Network analytics (communities, centrality, brokers) and suspected networks of premises.
 * The subgraph is read through the caller's scoped gateway; the analysis runs in Node with
 * graphology (metrics.ts, networks.ts), so what a caller cannot see cannot shape the answer.
 */
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { ids as idArg } from '../graph/graph.args.ts';
import { networkMetrics, type Metrics } from './metrics.ts';
import { PROJECTION_LINK_TYPES, suspectedNetworks as findNetworks, type SuspectedNetwork } from './networks.ts';
import * as repo from './analytics.repository.ts';

/** Betweenness is O(nodes x links): past this many entities, ask for a selection. */
export const MAX_ANALYTICS_NODES = 20_000;
const MAX_IDS = 5_000;

export interface NetworkAnalyticsArgs {
  ids?: readonly string[] | null;
  weighted?: boolean | null;
}

export async function networkAnalytics(ctx: Context, args: NetworkAnalyticsArgs): Promise<Metrics> {
  const ids = args.ids ? idArg('ids', args.ids, 1, MAX_IDS) : null;
  const weighted = args.weighted ?? true;
  const { nodes, links } = await repo.read(ctx.gateway, async (tx) => {
    if (ids) return { nodes: await repo.nodes(tx, ids), links: await repo.linksAmong(tx, ids) };
    const whole = await repo.graph(tx, MAX_ANALYTICS_NODES + 1);
    if (whole.nodes.length > MAX_ANALYTICS_NODES) throw badInput('ids', `the graph has more than ${MAX_ANALYTICS_NODES} entities: give the ids of the part to analyse.`);
    return whole;
  });
  return networkMetrics(nodes, links, { weighted });
}

export interface SuspectedNetworksArgs {
  minScore?: number | null;
}

export async function suspectedNetworks(ctx: Context, args: SuspectedNetworksArgs): Promise<SuspectedNetwork[]> {
  const minScore = args.minScore ?? 0;
  if (!Number.isFinite(minScore) || minScore < 0) throw badInput('minScore', `must be 0 or more (got ${minScore}).`);
  const { nodes, links } = await repo.read(ctx.gateway, async (tx) => {
    const l = await repo.allLinks(tx, PROJECTION_LINK_TYPES);
    return { nodes: await repo.nodes(tx, [...new Set(l.flatMap((x) => [x.source, x.target]))]), links: l };
  });
  return findNetworks(nodes, links, { minScore });
}
