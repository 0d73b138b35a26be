/**
 * API latency: p50, p95 and p99 of search, neighbourhood (1 and 2 hops), paths and subgraph
 * through GraphQL over HTTP (keep-alive node:http) and of the same Cypher through the raw driver in
 * the same run: each GraphQL request's statements are recorded by the gateway (of an app in this
 * process) and replayed in one read transaction by neo4j-driver. The GraphQL server is
 * `lantern serve` in its own process, as deployed (production mode, every operation audited);
 * `--server in-process` measures the app in this process instead, without the audit log.
 * GraphQL and raw calls alternate sample by sample, so both see the same noise; the ratio of
 * p95s is taken within the run. Beside each sample a signed-in `{ __typename }` is timed too: the
 * floor of any GraphQL request (HTTP, authentication, limits, Apollo, request log, no data), and
 * `<kind>_p50_gap_ms` is GraphQL's p50 less the raw driver's: what only the GraphQL path costs.
 * Before the rounds, whole passes over the samples through both paths until a pass is no longer
 * 5% faster than the best before it (at least 3, at most 6).
 *
 *   tsx bench/api-latency.ts [--people 100k,1m] [--samples 150] [--rounds 3] [--server child|in-process]
 */
import { arg, machine, median, printMachine, quantile, round, settled, sizeName, sizes, writeResult } from './lib.ts';
import { FLOOR, graphql, KINDS, recordStatements, replay, samples, scaleStore, startServeChild, startServer, type Kind } from './api.ts';

const count = Number(arg('samples', '150'));
const rounds = Number(arg('rounds', '3'));
const inProcess = arg('server', 'child') === 'in-process';
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;

for (const people of sizes('100k')) {
  const size = sizeName(people);
  const db = await scaleStore(people);
  version = db.neo4jVersion;
  const all = samples(people, count);
  // Warm up (plans, page cache) and record each sample's statements once.
  const recorded = await recordStatements(db, all);
  const server = inProcess ? await startServer(db) : await startServeChild(db);
  // Then whole passes through both paths until a pass stops getting faster (Neo4j's and V8's JITs
  // are still compiling after one pass; the first measured round used to be the slowest by far).
  // At least three: at 1M the second pass was usually the big drop (24.8 -> 16.8 s), but once,
  // on a machine slowed by a CI run, it was slower than the first (27.1, 29.1 s) and the rounds
  // that followed were still warming.
  const passes: number[] = [];
  for (let pass = 0; pass < 6; pass++) {
    const t = performance.now();
    for (const [i, s] of all.entries()) {
      await graphql(server.url, s);
      await replay(db.gateway.driver, recorded[i]!);
    }
    passes.push(round((performance.now() - t) / 1000, 1));
    if (settled(passes, 3)) break;
  }
  process.stdout.write(`${size} warm-up passes: ${passes.join(', ')} s\n`);
  const perRound: Record<string, number[]> = {};
  const put = (k: string, v: number) => (perRound[k] ??= []).push(v);
  for (let round_ = 0; round_ < rounds; round_++) {
    const times: Record<Kind, { gql: number[]; raw: number[] }> = Object.fromEntries(KINDS.map((k) => [k, { gql: [], raw: [] }])) as never;
    const floor: number[] = [];
    for (const [i, s] of all.entries()) {
      const gqlFirst = (i + round_) % 2 === 0;
      for (const which of gqlFirst ? ['gql', 'raw', 'floor'] : ['floor', 'raw', 'gql']) {
        const t = performance.now();
        if (which === 'gql') await graphql(server.url, s);
        else if (which === 'raw') await replay(db.gateway.driver, recorded[i]!);
        else await graphql(server.url, FLOOR);
        if (which === 'floor') floor.push(performance.now() - t);
        else times[s.kind][which as 'gql' | 'raw'].push(performance.now() - t);
      }
    }
    put(`floor_graphql_p50_ms_${size}`, quantile(floor, 0.5));
    put(`floor_graphql_p95_ms_${size}`, quantile(floor, 0.95));
    for (const k of KINDS) {
      for (const [q, qn] of [[0.5, 'p50'], [0.95, 'p95'], [0.99, 'p99']] as const) {
        put(`${k}_graphql_${qn}_ms_${size}`, quantile(times[k].gql, q));
        put(`${k}_driver_${qn}_ms_${size}`, quantile(times[k].raw, q));
      }
      put(`${k}_p95_ratio_${size}`, quantile(times[k].gql, 0.95) / quantile(times[k].raw, 0.95));
      put(`${k}_p50_gap_ms_${size}`, quantile(times[k].gql, 0.5) - quantile(times[k].raw, 0.5));
    }
    process.stdout.write(`${size} round ${round_ + 1}/${rounds}: ${KINDS.map((k) => `${k} p95 ${round(quantile(times[k].gql, 0.95), 1)} / ${round(quantile(times[k].raw, 0.95), 1)} ms`).join('; ')}; { __typename } p50 ${round(quantile(floor, 0.5), 2)}, p95 ${round(quantile(floor, 0.95), 2)} ms\n`);
  }
  // Medians over the rounds.
  for (const [k, v] of Object.entries(perRound)) figures[k] = round(median(v));
  notes[`neo4j_memory_${size}`] = { heap: db.heap, pageCache: db.pageCache };
  notes[`samples_${size}`] = { perKind: count, rounds, statistic: 'median over rounds of each round’s percentile', warmUpPassesSeconds: passes, server: inProcess ? 'the app in the bench process, no audit log' : 'lantern serve in its own process (NODE_ENV=production, audit log on)' };
  await server.close();
  await db.close();
}

const m = machine(version);
printMachine(m);
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
process.stdout.write(`wrote ${writeResult({ name: 'api-latency', machine: m, figures, notes })}\n`);
