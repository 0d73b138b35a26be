/**
 * Network analytics, risk profiles and indicators over a whole scale graph (100k people by
 * default), in a copy of the store the load benchmark leaves in .data/bench-scale-<size> (with a
 * READY file once complete): the source store is never opened, only copied (cp -a).
 * Merges its figures into bench/results/analytics.json.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx bench/analytics/scale.ts [--people 100k] [--sources 100]
 *
 * Whole-graph analytics run in Node with graphology on the fetched graph, as the service does
 * (networkAnalytics refuses more than 20,000 entities; this bench calls the same pieces directly):
 * read, graph build, Louvain (seeded), PageRank and degree are timed once each. Exact betweenness
 * (Brandes, O(nodes x links)) is out of reach at this size in Node, so it is measured on a sample of
 * source nodes (the Brandes-Pich estimator) and the time of the exact run extrapolated from it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import brandesLib from 'graphology-shortest-path/indexed-brandes.js';
import { arg, log, machine, memoryFor, openBenchDb, printMachine, root, round, sizeName, sizes, writeResult } from '../lib.ts';
import { Gateway } from '../../server/db/gateway.ts';
import type { Context } from '../../server/graphql/context.ts';
import { SYSTEM_PRINCIPAL } from '../../server/graphql/context.ts';
import * as repo from '../../server/modules/analytics/analytics.repository.ts';
import { buildGraph } from '../../server/modules/analytics/metrics.ts';
import { seededRandom } from '../../server/modules/analytics/random.ts';
import { suspectedNetworks } from '../../server/modules/analytics/analytics.service.ts';
import { allProfiles, today } from '../../server/modules/risk/risk.service.ts';
import { allHits } from '../../server/modules/indicators/indicators.service.ts';

const louvain = louvainModule as unknown as (typeof louvainModule)['default'];
const pagerank = pagerankModule as unknown as (typeof pagerankModule)['default'];
const { createDijkstraIndexedBrandes } = brandesLib as unknown as { createDijkstraIndexedBrandes: (g: unknown, w: string) => ((i: number) => [{ size: number; pop(): number }, number[][], Float64Array | Uint32Array]) & { index: { nodes: string[] } } };

const [people] = sizes('100k') as [number];
const size = sizeName(people);
const sampleSources = Number(arg('sources', '100'));
const source = path.join(root, '.data', `bench-scale-${size}`);
const copy = path.join(root, '.data', `bench-analytics-${size}`);
if (!fs.existsSync(path.join(source, 'READY'))) {
  process.stderr.write(`${source}/READY does not exist yet: run the load benchmark (bench/load.ts) first.\n`);
  process.exit(2);
}
if (!fs.existsSync(path.join(copy, 'READY'))) {
  fs.rmSync(copy, { recursive: true, force: true });
  process.stdout.write(`copying ${source} to ${copy}\n`);
  execFileSync('cp', ['-a', source, copy]);
}

const db = await openBenchDb(`analytics-${size}`, memoryFor(people));
try {
  const m = machine(db.neo4jVersion);
  printMachine(m);
  // Whole-graph reads of millions of links outlast the bench database's 2-minute query limit.
  const gateway = new Gateway(db.gateway.driver, { queryTimeoutMs: 1_800_000, log });
  const ctx = { gateway, principal: SYSTEM_PRINCIPAL } as unknown as Context;
  const timed = async <T>(label: string, f: () => T | Promise<T>): Promise<{ ms: number; value: T }> => {
    const t = performance.now();
    const value = await f();
    const ms = performance.now() - t;
    process.stdout.write(`${label}: ${round(ms / 1000, 1)} s\n`);
    return { ms, value };
  };

  const read = await timed('read the whole graph', () => repo.read(gateway, async (tx) => ({ nodes: await repo.allNodes(tx, 50_000_000), links: await repo.allLinks(tx, null) })));
  const { nodes, links } = read.value;
  process.stdout.write(`${nodes.length} entities, ${links.length} links\n`);
  const built = await timed('build the weighted graph', () => buildGraph(nodes, links, true));
  const g = built.value;
  const lv = await timed('Louvain', () => louvain.detailed(g, { getEdgeWeight: 'weight', rng: seededRandom(1) }));
  const pr = await timed('PageRank', () => pagerank(g, { getEdgeWeight: 'weight' }));
  const deg = await timed('degree', () => g.nodes().map((n) => g.degree(n)));
  // Sampled betweenness: Brandes accumulation from `sampleSources` random sources.
  const brandes = createDijkstraIndexedBrandes(g, 'distance');
  const rng = seededRandom(7);
  const bt = await timed(`betweenness from ${sampleSources} sampled sources`, () => {
    const N = g.order;
    const delta = new Float64Array(N);
    const c = new Float64Array(N);
    for (let k = 0; k < sampleSources; k++) {
      const i = Math.floor(rng() * N);
      const [S, P, sigma] = brandes(i);
      delta.fill(0);
      while (S.size !== 0) {
        const w = S.pop();
        const coefficient = (1 + delta[w]!) / sigma[w]!;
        for (const v of P[w]!) delta[v]! += sigma[v]! * coefficient;
        if (w !== i) c[w]! += delta[w]!;
      }
    }
    return c;
  });
  const exactEstimateMs = (bt.ms / sampleSources) * g.order;
  process.stdout.write(`exact betweenness would take about ${round(exactEstimateMs / 3_600_000, 1)} h\n`);

  const sn = await timed('suspected networks (whole graph, through the service)', () => suspectedNetworks(ctx, {}));
  const asOf = today();
  const rp = await timed('risk profiles (whole graph, through the service)', () => allProfiles(ctx, asOf));
  const ih = await timed('indicator hits (whole graph, through the service)', () => allHits(ctx, asOf));

  const figures: Record<string, number> = {
    [`scale_${size}_entities`]: nodes.length,
    [`scale_${size}_links`]: links.length,
    [`scale_${size}_read_ms`]: round(read.ms, 0),
    [`scale_${size}_build_graph_ms`]: round(built.ms, 0),
    [`scale_${size}_louvain_ms`]: round(lv.ms, 0),
    [`scale_${size}_pagerank_ms`]: round(pr.ms, 0),
    [`scale_${size}_degree_ms`]: round(deg.ms, 0),
    [`scale_${size}_communities_and_centrality_ms`]: round(read.ms + built.ms + lv.ms + pr.ms + deg.ms, 0),
    [`scale_${size}_communities`]: lv.value.count,
    [`scale_${size}_modularity`]: round(lv.value.modularity, 4),
    [`scale_${size}_betweenness_sample_sources`]: sampleSources,
    [`scale_${size}_betweenness_sample_ms`]: round(bt.ms, 0),
    [`scale_${size}_betweenness_exact_estimate_h`]: round(exactEstimateMs / 3_600_000, 1),
    [`scale_${size}_suspected_networks_ms`]: round(sn.ms, 0),
    [`scale_${size}_suspected_networks`]: sn.value.length,
    [`scale_${size}_risk_profiles_ms`]: round(rp.ms, 0),
    [`scale_${size}_risk_profiles`]: rp.value.length,
    [`scale_${size}_risk_combination_people`]: rp.value.filter((p) => p.combination).length,
    [`scale_${size}_indicator_hits_ms`]: round(ih.ms, 0),
    [`scale_${size}_indicator_hits`]: ih.value.length,
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const file = writeResult({
    name: 'analytics',
    machine: m,
    figures,
    notes: {
      [`scale_${size}`]:
        `Whole graph of the scale generator at ${size} people, a copy of .data/bench-scale-${size} in a local Neo4j (heap ${db.heap}, page cache ${db.pageCache}), one run each, system scope. ` +
        'communities_and_centrality_ms = read + graph build + Louvain + PageRank + degree in Node (graphology). Exact betweenness is O(nodes x links): ' +
        `measured from ${sampleSources} sampled sources (Brandes-Pich) and extrapolated (betweenness_exact_estimate_h). Risk profiles and indicator hits: the services' whole-graph runs.`,
    },
  });
  process.stdout.write(`wrote ${file}\n`);
} finally {
  await db.close();
}
