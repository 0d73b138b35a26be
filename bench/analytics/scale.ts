/**
 * Network analytics, risk profiles and indicators over a whole scale graph (100k people by
 * default), in a copy of the store the load benchmark leaves in .data/bench-scale-<size> (with a
 * READY file once complete): the source store is never opened, only copied (cp -a).
 * Merges its figures into bench/results/analytics.json.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx bench/analytics/scale.ts [--people 100k] [--sources 100]
 *
 *   [--runs 3] [--store DIR] [--baseline-read no] [--neo4j-degree no] [--product no] [--services networks,risk,indicators|none]
 *
 * Whole-graph communities and centrality two ways, alternating, `--runs` times each (medians):
 * - in Node with graphology on the fetched graph, as the service does below GDS: the read
 *   (analytics/graph, one row per entity with compact link triples), graph build, Louvain (seeded),
 *   PageRank and degree;
 * - inside Neo4j with Graph Data Science (fetched and loaded unless LANTERN_GDS=off), as the
 *   service does with it (gds.ts): projection of the visible graph weighted by grading, Louvain,
 *   PageRank, degree (count and weighted), betweenness from `--sources` sampled sources, and the
 *   stream of every entity's metrics back to Node.
 * Exact betweenness (Brandes, O(nodes x links)) is out of reach at this size in Node, so it is
 * measured on `--sources` sampled sources (Brandes-Pich) and the exact run extrapolated from it.
 * Once: the earlier two-statement read (analytics/nodes + analytics/links) as the read's baseline,
 * and degree by Cypher and APOC inside Neo4j.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import brandesLib from 'graphology-shortest-path/indexed-brandes.js';
import { arg, log, machine, median, memoryFor, openBenchDb, printMachine, root, round, sizeName, sizes, writeResult } from '../lib.ts';
import { Gateway } from '../../server/db/gateway.ts';
import type { Context } from '../../server/graphql/context.ts';
import { SYSTEM_PRINCIPAL } from '../../server/graphql/context.ts';
import * as repo from '../../server/modules/analytics/analytics.repository.ts';
import { buildGraph } from '../../server/modules/analytics/metrics.ts';
import { seededRandom } from '../../server/kernel/random.ts';
import { allSuspectedNetworks } from '../../server/modules/analytics/analytics.service.ts';
import { allProfiles, today } from '../../server/modules/risk/risk.service.ts';
import { allHits } from '../../server/modules/indicators/indicators.service.ts';
import { gdsAvailable, gdsMetrics } from '../../server/modules/analytics/gds.ts';
import { wholeGraphMetrics } from '../../server/modules/analytics/index.ts';
import { runOffline } from '../../server/testing/statements.ts';

const louvain = louvainModule as unknown as (typeof louvainModule)['default'];
const pagerank = pagerankModule as unknown as (typeof pagerankModule)['default'];
const { createDijkstraIndexedBrandes } = brandesLib as unknown as { createDijkstraIndexedBrandes: (g: unknown, w: string) => ((i: number) => [{ size: number; pop(): number }, number[][], Float64Array | Uint32Array]) & { index: { nodes: string[] } } };

const [people] = sizes('100k') as [number];
const size = sizeName(people);
const sampleSources = Number(arg('sources', '100'));
// --store: another store to copy (a smaller one built with `lantern seed scale`), READY or not.
const source = arg('store', '') ? path.resolve(arg('store', '')) : path.join(root, '.data', `bench-scale-${size}`);
const baselineRead = arg('baseline-read', 'yes') !== 'no';
const neo4jDegree = arg('neo4j-degree', 'yes') !== 'no';
const runs = Number(arg('runs', '3'));
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

  const loadAverages: string[] = [];
  const loadNow = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const gds = await gdsAvailable(gateway);
  process.stdout.write(`Graph Data Science: ${gds ? 'installed' : 'not installed (LANTERN_GDS=off, or its fetch failed)'}\n`);

  // Node path: read + build + Louvain + PageRank + degree, then (run 1 only) sampled betweenness.
  type Stages = Record<string, number>;
  const nodeRuns: Stages[] = [];
  const gdsRuns: Stages[] = [];
  let g: ReturnType<typeof buildGraph> | undefined;
  let nodes: { id: string }[] = [];
  let links: unknown[] = [];
  let lvCount = 0;
  let lvModularity = 0;
  let gdsInfo: { communityCount: number; modularity: number; nodes: number; links: number } | undefined;
  for (let run = 1; run <= runs; run++) {
    loadAverages.push(loadNow());
    process.stdout.write(`-- run ${run} of ${runs} (load ${loadNow()})\n`);
    g = undefined; // let the previous run's graph go before the next read
    const st: Stages = {};
    const read = await timed('node: read the whole graph (analytics/graph)', () => repo.read(gateway, (tx) => repo.graph(tx, 50_000_000)));
    st.read = read.ms;
    ({ nodes, links } = read.value);
    process.stdout.write(`${nodes.length} entities, ${links.length} links\n`);
    const built = await timed('node: build the weighted graph', () => buildGraph(read.value.nodes, read.value.links, true));
    st.build = built.ms;
    g = built.value;
    const graph = g;
    const lv = await timed('node: Louvain', () => louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(1) }));
    st.louvain = lv.ms;
    lvCount = lv.value.count;
    lvModularity = lv.value.modularity;
    st.pagerank = (await timed('node: PageRank', () => pagerank(graph, { getEdgeWeight: 'weight' }))).ms;
    st.degree = (await timed('node: degree', () => graph.nodes().map((n) => graph.degree(n)))).ms;
    st.total = st.read + st.build + st.louvain + st.pagerank + st.degree;
    process.stdout.write(`node: communities and centrality ${round(st.total / 1000, 1)} s\n`);
    nodeRuns.push(st);
    if (gds) {
      g = undefined;
      const gs: Stages = {};
      const r = await timed('gds: whole run', () =>
        gdsMetrics(gateway, { weighted: true, betweenness: sampleSources > 0 ? sampleSources : false, neighbours: false, onStage: (stage, ms) => {
          gs[stage] = ms;
          process.stdout.write(`gds: ${stage} ${round(ms / 1000, 1)} s\n`);
        } }),
      );
      gs.total = (gs.project ?? 0) + (gs.louvain ?? 0) + (gs.pagerank ?? 0) + (gs.degree ?? 0) + (gs.stream ?? 0);
      process.stdout.write(`gds: communities and centrality ${round(gs.total / 1000, 1)} s (project + Louvain + PageRank + degree + stream; betweenness apart)\n`);
      gdsRuns.push(gs);
      gdsInfo = { communityCount: r.value.communityCount, modularity: r.value.modularity, nodes: r.value.nodes.length, links: r.value.links };
      g = built.value;
    }
  }
  const med = (rs: Stages[], k: string) => median(rs.map((x) => x[k] ?? NaN));
  g ??= buildGraph(nodes as never, links as never, true);
  const graph = g;

  // Once: the earlier two-statement read, and degree inside Neo4j by Cypher and APOC.
  const old = baselineRead ? await timed('baseline: the earlier read (analytics/nodes + analytics/links)', () => repo.read(gateway, async (tx) => ({ nodes: await repo.allNodes(tx, 50_000_000), links: await repo.allLinks(tx, null) }))) : null;
  const again = baselineRead ? await timed('read the whole graph again (analytics/graph, after the baseline)', () => repo.read(gateway, (tx) => repo.graph(tx, 50_000_000))) : null;
  const cyDeg = neo4jDegree ? await timed('degree in Neo4j (Cypher COUNT of distinct visible neighbours)', async () => (await runOffline(gateway, 'bench/degree-cypher')).length) : null;
  const apocDeg = neo4jDegree ? await timed('degree in Neo4j (apoc.node.degree, every link)', async () => (await runOffline(gateway, 'bench/degree-apoc')).length) : null;

  // Sampled betweenness in Node: Brandes accumulation from `sampleSources` random sources.
  const brandes = createDijkstraIndexedBrandes(graph, 'distance');
  const rng = seededRandom(7);
  const bt = sampleSources > 0 ? await timed(`node: betweenness from ${sampleSources} sampled sources`, () => {
    const N = graph.order;
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
  }) : null;
  const exactEstimateMs = bt ? (bt.ms / sampleSources) * graph.order : NaN;
  if (bt) process.stdout.write(`exact betweenness would take about ${round(exactEstimateMs / 3_600_000, 1)} h in Node\n`);

  // Once, with GDS: the whole answer as a request or the kept results compute it (wholeGraphMetrics:
  // betweenness from BETWEENNESS_SAMPLE sources past 20,000 entities, and brokers' neighbouring communities).
  const product = gds && arg('product', 'yes') !== 'no' ? await timed('gds: wholeGraphMetrics (the product path)', () => wholeGraphMetrics(gateway, true, 'gds')) : null;
  if (gdsInfo) {
    const s = (ms: number) => `${round(ms / 1000, 1)} s`.padStart(8);
    process.stdout.write(
      `\n${'side by side, medians'.padEnd(52)}${'Node'.padStart(8)}${'GDS'.padStart(8)}\n` +
        `${'communities and centrality (no betweenness)'.padEnd(52)}${s(med(nodeRuns, 'total'))}${s(med(gdsRuns, 'total'))}\n` +
        (bt && sampleSources > 0 ? `${`betweenness, ${sampleSources} sampled sources`.padEnd(52)}${s(bt.ms)}${s(med(gdsRuns, 'betweenness'))}\n` : '') +
        (product ? `${'whole answer as the service computes it'.padEnd(52)}${'refused'.padStart(8)}${s(product.ms)}\n` : ''),
    );
  }

  // Indicator hits first: the figure missing since session 3.
  const asOf = today();
  const ih = services.has('indicators') ? await timed('indicator hits (whole graph, through the service)', () => allHits(ctx, asOf)) : null;
  const rp = services.has('risk') ? await timed('risk profiles (whole graph, through the service)', () => allProfiles(ctx, asOf)) : null;
  const sn = services.has('networks') ? await timed('suspected networks (whole graph, through the service)', () => allSuspectedNetworks(ctx)) : null;

  const figures: Record<string, number> = {
    [`scale_${size}_entities`]: nodes.length,
    [`scale_${size}_links`]: links.length,
    [`scale_${size}_runs`]: runs,
    [`scale_${size}_read_ms`]: round(med(nodeRuns, 'read'), 0),
    [`scale_${size}_build_graph_ms`]: round(med(nodeRuns, 'build'), 0),
    [`scale_${size}_louvain_ms`]: round(med(nodeRuns, 'louvain'), 0),
    [`scale_${size}_pagerank_ms`]: round(med(nodeRuns, 'pagerank'), 0),
    [`scale_${size}_degree_ms`]: round(med(nodeRuns, 'degree'), 0),
    [`scale_${size}_communities_and_centrality_ms`]: round(med(nodeRuns, 'total'), 0),
    [`scale_${size}_communities`]: lvCount,
    [`scale_${size}_modularity`]: round(lvModularity, 4),
    ...(gdsInfo
      ? {
          [`scale_${size}_gds_project_ms`]: round(med(gdsRuns, 'project'), 0),
          [`scale_${size}_gds_louvain_ms`]: round(med(gdsRuns, 'louvain'), 0),
          [`scale_${size}_gds_pagerank_ms`]: round(med(gdsRuns, 'pagerank'), 0),
          [`scale_${size}_gds_degree_ms`]: round(med(gdsRuns, 'degree'), 0),
          [`scale_${size}_gds_stream_ms`]: round(med(gdsRuns, 'stream'), 0),
          [`scale_${size}_gds_communities_and_centrality_ms`]: round(med(gdsRuns, 'total'), 0),
          [`scale_${size}_gds_speedup`]: round(median(nodeRuns.map((x, i) => x.total! / gdsRuns[i]!.total!)), 2),
          [`scale_${size}_gds_communities`]: gdsInfo.communityCount,
          [`scale_${size}_gds_modularity`]: round(gdsInfo.modularity, 4),
          ...(sampleSources > 0 ? { [`scale_${size}_gds_betweenness_sample_ms`]: round(med(gdsRuns, 'betweenness'), 0) } : {}),
          ...(product ? { [`scale_${size}_gds_whole_graph_metrics_ms`]: round(product.ms, 0) } : {}),
        }
      : {}),
    ...(old && again ? { [`scale_${size}_read_baseline_ms`]: round(old.ms, 0), [`scale_${size}_read_after_baseline_ms`]: round(again.ms, 0), [`scale_${size}_read_speedup`]: round(old.ms / again.ms, 2) } : {}),
    ...(cyDeg && apocDeg
      ? {
          [`scale_${size}_neo4j_degree_cypher_ms`]: round(cyDeg.ms, 0),
          [`scale_${size}_neo4j_degree_apoc_ms`]: round(apocDeg.ms, 0),
          [`scale_${size}_node_degree_with_read_ms`]: round(med(nodeRuns, 'read') + med(nodeRuns, 'build') + med(nodeRuns, 'degree'), 0),
        }
      : {}),
    ...(bt
      ? {
          [`scale_${size}_betweenness_sample_sources`]: sampleSources,
          [`scale_${size}_betweenness_sample_ms`]: round(bt.ms, 0),
          [`scale_${size}_betweenness_exact_estimate_h`]: round(exactEstimateMs / 3_600_000, 1),
        }
      : {}),
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
        `Whole graph of the scale generator at ${size} people, a copy of .data/bench-scale-${size} in a local Neo4j 5.26 (heap ${db.heap}, page cache ${db.pageCache})${gdsInfo ? ' with Graph Data Science 2.13.9 (Community, from Maven Central)' : ''}, system scope. ` +
        `communities_and_centrality_ms (Node) = read (analytics/graph) + graph build + Louvain + PageRank + degree in Node (graphology); gds_communities_and_centrality_ms = projection of the visible graph weighted by grading (analytics/gds-project) + Louvain (one thread) + PageRank and degree (count and weighted; two threads) in GDS + the stream of every entity's metrics back to Node (analytics/gds-metrics). Both: median of ${runs} runs, alternating Node and GDS in the same process; gds_speedup = median of the per-run ratios. Load averages at each run's start: ${loadAverages.join('; ')}. ` +
        'read_baseline_ms: the earlier two-statement read (analytics/nodes + analytics/links), once, after the runs; read_after_baseline_ms: analytics/graph again after it; read_speedup = baseline / after. neo4j_degree_*: degree computed in Neo4j by Cypher and APOC and returned per entity, against node_degree_with_read_ms (read + build + degree in Node). ' +
        `Betweenness: from ${sampleSources} sampled sources in Node (Brandes-Pich, weighted by distance = 1 / weight; betweenness_exact_estimate_h extrapolates the exact run) and in GDS (samplingSize ${sampleSources}, weighted by the same distance). Risk profiles, indicator hits and suspected networks: the services' whole-graph runs, once. ` +
        'gds_whole_graph_metrics_ms: wholeGraphMetrics forced to GDS, once (the answer a request or the kept results get: betweenness from 100 sampled sources, brokers), which Node refuses past 20,000 entities.',
    },
  });
  process.stdout.write(`wrote ${file}\n`);
} finally {
  await db.close();
}
