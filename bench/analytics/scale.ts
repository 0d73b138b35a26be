/**
 * Network analytics, risk profiles and indicators over a whole scale graph (100k people by
 * default), in a copy of the store the load benchmark leaves in .data/bench-scale-<size> (with a
 * READY file once complete): the source store is never opened, only copied (cp -a).
 * Merges its figures into bench/results/analytics.json.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx bench/analytics/scale.ts [--people 100k] [--sources 100]
 *
 *   [--store DIR] [--baseline-read no] [--services networks,risk,indicators]
 *
 * The read is analytics/graph (one row per entity with compact link triples); the earlier
 * two-statement read (analytics/nodes + analytics/links) is timed in the same run as its baseline.
 * Degree is also computed inside Neo4j (Cypher and APOC) for the in-database comparison.
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
// --store: another store to copy (a smaller one built with `lantern seed scale`), READY or not.
const source = arg('store', '') ? path.resolve(arg('store', '')) : path.join(root, '.data', `bench-scale-${size}`);
const baselineRead = arg('baseline-read', 'yes') !== 'no';
// --services: which whole-graph service runs to time (networks, risk, indicators).
const services = new Set(arg('services', 'networks,risk,indicators').split(','));
const copy = path.join(root, '.data', `bench-analytics-${size}`);
if (!arg('store', '') && !fs.existsSync(path.join(source, 'READY'))) {
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

  // The read: analytics/graph (one row per entity, compact link triples), and in the same run the
  // two-statement read it replaced (analytics/nodes + analytics/links, ten values per link).
  const read = await timed('read the whole graph (analytics/graph)', () => repo.read(gateway, (tx) => repo.graph(tx, 50_000_000)));
  const { nodes, links } = read.value;
  process.stdout.write(`${nodes.length} entities, ${links.length} links\n`);
  const old = baselineRead ? await timed('baseline: the earlier read (analytics/nodes + analytics/links)', () => repo.read(gateway, async (tx) => ({ nodes: await repo.allNodes(tx, 50_000_000), links: await repo.allLinks(tx, null) }))) : null;
  const again = baselineRead ? await timed('read the whole graph again (analytics/graph, after the baseline)', () => repo.read(gateway, (tx) => repo.graph(tx, 50_000_000))) : null;

  // What runs in Neo4j without GDS (not served by the Maven registry here; APOC core 5 has no
  // PageRank, Louvain or betweenness): degree, by Cypher's degree count and by APOC.
  const algo = await gateway.driver.executeQuery("SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc.algo' OR name STARTS WITH 'gds.' RETURN collect(name) AS names");
  process.stdout.write(`procedures in Neo4j: ${JSON.stringify(algo.records[0]?.get('names'))}\n`);
  const degreeQuery = (f: string) =>
    `MATCH (n:Entity) WHERE NOT coalesce(n.retired, false) RETURN n.id AS id, ${f} AS degree`;
  const cyDeg = await timed('degree in Neo4j (Cypher COUNT of distinct visible neighbours)', async () => (await gateway.driver.executeQuery(degreeQuery('COUNT { MATCH (n)-[r]-(m:Entity) WHERE NOT coalesce(r.retired, false) AND NOT coalesce(m.retired, false) AND m <> n RETURN DISTINCT m }'))).records.length);
  const apocDeg = await timed('degree in Neo4j (apoc.node.degree, every link)', async () => (await gateway.driver.executeQuery(degreeQuery('apoc.node.degree(n)'))).records.length);
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

  const sn = services.has('networks') ? await timed('suspected networks (whole graph, through the service)', () => suspectedNetworks(ctx, {})) : null;
  const asOf = today();
  const rp = services.has('risk') ? await timed('risk profiles (whole graph, through the service)', () => allProfiles(ctx, asOf)) : null;
  const ih = services.has('indicators') ? await timed('indicator hits (whole graph, through the service)', () => allHits(ctx, asOf)) : null;

  const figures: Record<string, number> = {
    [`scale_${size}_entities`]: nodes.length,
    [`scale_${size}_links`]: links.length,
    [`scale_${size}_read_ms`]: round(read.ms, 0),
    ...(old && again ? { [`scale_${size}_read_baseline_ms`]: round(old.ms, 0), [`scale_${size}_read_after_baseline_ms`]: round(again.ms, 0), [`scale_${size}_read_speedup`]: round(old.ms / again.ms, 2) } : {}),
    [`scale_${size}_neo4j_degree_cypher_ms`]: round(cyDeg.ms, 0),
    [`scale_${size}_neo4j_degree_apoc_ms`]: round(apocDeg.ms, 0),
    [`scale_${size}_node_degree_with_read_ms`]: round(read.ms + built.ms + deg.ms, 0),
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
    ...(sn ? { [`scale_${size}_suspected_networks_ms`]: round(sn.ms, 0), [`scale_${size}_suspected_networks`]: sn.value.length } : {}),
    ...(rp ? { [`scale_${size}_risk_profiles_ms`]: round(rp.ms, 0), [`scale_${size}_risk_profiles`]: rp.value.length, [`scale_${size}_risk_combination_people`]: rp.value.filter((p) => p.combination).length } : {}),
    ...(ih ? { [`scale_${size}_indicator_hits_ms`]: round(ih.ms, 0), [`scale_${size}_indicator_hits`]: ih.value.length } : {}),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const file = writeResult({
    name: 'analytics',
    machine: m,
    figures,
    notes: {
      [`scale_${size}`]:
        `Whole graph of the scale generator at ${size} people, a copy of .data/bench-scale-${size} in a local Neo4j (heap ${db.heap}, page cache ${db.pageCache}), one run each, system scope. ` +
        'communities_and_centrality_ms = read (analytics/graph) + graph build + Louvain + PageRank + degree in Node (graphology). read_baseline_ms: the earlier two-statement read (analytics/nodes + analytics/links) in the same run, after a first read of analytics/graph; read_after_baseline_ms: analytics/graph again after it; read_speedup = baseline / after. ' +
        'neo4j_degree_*: degree computed in Neo4j and returned per entity (no GDS here: the Maven registry serves no org.neo4j.gds artifact; APOC core 5 has no PageRank, Louvain or betweenness), against node_degree_with_read_ms (read + build + degree in Node). Exact betweenness is O(nodes x links): ' +
        `measured from ${sampleSources} sampled sources (Brandes-Pich) and extrapolated (betweenness_exact_estimate_h). Risk profiles and indicator hits: the services' whole-graph runs.`,
    },
  });
  process.stdout.write(`wrote ${file}\n`);
} finally {
  await db.close();
}
