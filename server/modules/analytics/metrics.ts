/**
 * Network metrics on a graphology graph built from entities and links: Louvain communities
 * (seeded, so the same graph gives the same answer), degree, betweenness, PageRank and brokers.
 * Weighted, a link counts by its grading (gradeWeight: low-grade links count less); for
 * betweenness the weight becomes a distance (1 / weight), so a path over well-graded links is
 * shorter than one over doubtful ones.
 */
import { UndirectedGraph as Graph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { linkGradeWeight } from './grading.ts';
import type { ANode, WLink } from './analytics.types.ts';
import type { EntityType } from '../../model/model.ts';
import { seededRandom } from '../../kernel/random.ts';

// The package is CommonJS: under NodeNext its default import is module.exports, the function itself.
const louvain = louvainModule as unknown as (typeof louvainModule)['default'];
const betweennessCentrality = betweennessModule as unknown as (typeof betweennessModule)['default'];
const pagerank = pagerankModule as unknown as (typeof pagerankModule)['default'];

export interface NodeMetrics {
  id: string;
  type: EntityType;
  label: string;
  community: number;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  pageRank: number;
  /** How many communities other than its own its neighbours belong to. */
  communitiesLinked: number;
  broker: boolean;
}

export interface Metrics {
  nodes: NodeMetrics[];
  communities: { id: number; size: number; nodeIds: string[] }[];
  modularity: number;
  weighted: boolean;
}

/** Brokers: betweenness in the top tenth (and above zero), with neighbours in another community. */
const BROKER_QUANTILE = 0.9;

export function buildGraph(nodes: readonly ANode[], links: readonly WLink[], weighted: boolean): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const n of [...nodes].sort((a, b) => a.id.localeCompare(b.id))) g.addNode(n.id);
  for (const l of links) {
    if (l.source === l.target || !g.hasNode(l.source) || !g.hasNode(l.target)) continue;
    const w = weighted ? linkGradeWeight(l) : 1;
    // Parallel links (a person who both works and lives at a place) add up into one edge.
    if (g.hasEdge(l.source, l.target)) g.updateEdgeAttribute(l.source, l.target, 'weight', (x: number | undefined) => (x ?? 0) + w);
    else g.addEdge(l.source, l.target, { weight: w });
  }
  g.forEachEdge((e, attrs) => g.setEdgeAttribute(e, 'distance', 1 / (attrs.weight as number)));
  return g;
}

/** One entity's metrics before communities are numbered (its community under any labelling) and brokers picked. */
export type RawNodeMetrics = Omit<NodeMetrics, 'broker'>;

/**
 * The answer from raw metrics, whichever engine computed them (graphology here, GDS in gds.ts):
 * communities numbered by size (largest 0), then by their first id, for stable answers; brokers.
 */
export function assembleMetrics(raw: readonly RawNodeMetrics[], modularity: number, weighted: boolean): Metrics {
  const groups = new Map<number, string[]>();
  for (const n of raw) {
    const g = groups.get(n.community);
    if (g) g.push(n.id);
    else groups.set(n.community, [n.id]);
  }
  const ordered = [...groups.entries()].map(([c, m]) => ({ c, m: m.sort() })).sort((a, b) => b.m.length - a.m.length || a.m[0]!.localeCompare(b.m[0]!));
  const number = new Map(ordered.map((x, i) => [x.c, i]));
  const positive = raw.map((n) => n.betweenness).filter((b) => b > 0).sort((a, b) => a - b);
  const cut = positive.length > 0 ? positive[Math.min(positive.length - 1, Math.floor(positive.length * BROKER_QUANTILE))]! : Infinity;
  const nodes = [...raw]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((n): NodeMetrics => ({ ...n, community: number.get(n.community)!, broker: n.betweenness > 0 && n.betweenness >= cut && n.communitiesLinked > 0 }));
  return { nodes, communities: ordered.map((x, i) => ({ id: i, size: x.m.length, nodeIds: x.m })), modularity, weighted };
}

export function networkMetrics(nodes: readonly ANode[], links: readonly WLink[], o: { weighted: boolean; seed?: number }): Metrics {
  const g = buildGraph(nodes, links, o.weighted);
  if (g.order === 0) return { nodes: [], communities: [], modularity: 0, weighted: o.weighted };
  const hasEdges = g.size > 0;
  const detailed = hasEdges ? louvain.detailed(g, { getEdgeWeight: 'weight', rng: seededRandom(o.seed ?? 1) }) : null;
  const community: Record<string, number> = detailed?.communities ?? Object.fromEntries(g.nodes().map((n, i) => [n, i]));
  const betweenness = hasEdges ? betweennessCentrality(g, { getEdgeWeight: o.weighted ? 'distance' : null, normalized: true }) : {};
  const ranks = hasEdges ? pagerank(g, { getEdgeWeight: o.weighted ? 'weight' : null }) : {};
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const raw = g.nodes().map((id): RawNodeMetrics => {
    const own = community[id]!;
    const others = new Set<number>();
    let weightedDegree = 0;
    g.forEachEdge(id, (_e, attrs, s, t) => {
      weightedDegree += attrs.weight as number;
      const c = community[s === id ? t : s]!;
      if (c !== own) others.add(c);
    });
    const n = byId.get(id)!;
    return {
      id,
      type: n.type,
      label: n.label,
      community: own,
      degree: g.degree(id),
      weightedDegree,
      betweenness: betweenness[id] ?? 0,
      pageRank: ranks[id] ?? 1 / g.order,
      communitiesLinked: others.size,
    };
  });
  return assembleMetrics(raw, detailed?.modularity ?? 0, o.weighted);
}
