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
import { seededRandom } from './random.ts';

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

export function networkMetrics(nodes: readonly ANode[], links: readonly WLink[], o: { weighted: boolean; seed?: number }): Metrics {
  const g = buildGraph(nodes, links, o.weighted);
  if (g.order === 0) return { nodes: [], communities: [], modularity: 0, weighted: o.weighted };
  const hasEdges = g.size > 0;
  const detailed = hasEdges ? louvain.detailed(g, { getEdgeWeight: 'weight', rng: seededRandom(o.seed ?? 1) }) : null;
  // Communities numbered by size (largest 0), then by their first id, for stable answers.
  const raw = detailed?.communities ?? Object.fromEntries(g.nodes().map((n, i) => [n, i]));
  const groups = new Map<number, string[]>();
  for (const n of g.nodes()) groups.set(raw[n]!, [...(groups.get(raw[n]!) ?? []), n]);
  const ordered = [...groups.values()].map((m) => m.sort()).sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  const community = new Map<string, number>();
  ordered.forEach((m, i) => m.forEach((n) => community.set(n, i)));

  const betweenness = hasEdges ? betweennessCentrality(g, { getEdgeWeight: o.weighted ? 'distance' : null, normalized: true }) : {};
  const ranks = hasEdges ? pagerank(g, { getEdgeWeight: o.weighted ? 'weight' : null }) : {};
  const positive = Object.values(betweenness).filter((b) => b > 0).sort((a, b) => a - b);
  const cut = positive.length > 0 ? positive[Math.min(positive.length - 1, Math.floor(positive.length * BROKER_QUANTILE))]! : Infinity;
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const out = g.nodes().map((id): NodeMetrics => {
    const own = community.get(id)!;
    const others = new Set<number>();
    let weightedDegree = 0;
    g.forEachEdge(id, (_e, attrs, s, t) => {
      weightedDegree += attrs.weight as number;
      const c = community.get(s === id ? t : s)!;
      if (c !== own) others.add(c);
    });
    const b = betweenness[id] ?? 0;
    const n = byId.get(id)!;
    return {
      id,
      type: n.type,
      label: n.label,
      community: own,
      degree: g.degree(id),
      weightedDegree,
      betweenness: b,
      pageRank: ranks[id] ?? 1 / g.order,
      communitiesLinked: others.size,
      broker: b > 0 && b >= cut && others.size > 0,
    };
  });
  return {
    nodes: out,
    communities: ordered.map((m, i) => ({ id: i, size: m.length, nodeIds: m })),
    modularity: detailed?.modularity ?? 0,
    weighted: o.weighted,
  };
}
