/**
 * API throughput: autocannon against /graphql of `lantern serve` (its own process, as deployed),
 * 50 connections for 30 s, on a mix of search, neighbourhood 1 and 2 hops, paths and subgraph
 * requests (equal shares). Requests per second, latency p50/p99, errors (non-2xx, timeouts, and
 * GraphQL errors in 200 answers, checked on a sample of bodies), and the CPU time one request
 * costs the server and Neo4j (which, unlike requests per second, does not depend on what else the
 * shared machine is doing).
 *
 * The ceiling, in the same run: the same mix through neo4j-driver alone (each sample's recorded
 * statements replayed in one read transaction, as many at a time as there are connections, no
 * HTTP or GraphQL), after each GraphQL run, so each run gives a ratio. The warm-up runs the mix in
 * 10 s steps until the CPU a request costs (server + Neo4j) stops falling (less than 5% below the
 * best step before; at least 6 steps, at most 10: at 10k it fell for about 70 s, 19.4 -> 9.8 ms).
 *
 *   tsx bench/api-throughput.ts [--people 100k,1m] [--store scale] [--connections 50] [--seconds 30] [--runs 3] [--no-raw]
 */
import os from 'node:os';
import { arg, machine, median, printMachine, round, settled, sizeName, sizes, writeResult } from './lib.ts';
import { recordStatements, runMix, runRawMix, samples, scaleStore, startServeChild } from './api.ts';

const connections = Number(arg('connections', '50'));
const seconds = Number(arg('seconds', '30'));
const runs = Number(arg('runs', '3'));
const withRaw = !process.argv.includes('--no-raw');
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;
const loadavg = () => os.loadavg().map((x) => round(x)).join(' ');

for (const people of sizes('100k')) {
  const size = sizeName(people);
  const db = await scaleStore(people);
  version = db.neo4jVersion;
  const mix = samples(people, 200, 11);
  const recorded = withRaw ? await recordStatements(db, mix) : [];
  const server = await startServeChild(db);
  // Warm-up (plans, page cache, both JITs): 10 s steps until CPU per request stops falling.
  const warm: number[] = [];
  for (let step = 0; step < 10; step++) {
    const w = await runMix(server, db, { connections, seconds: 10, samples: mix });
    warm.push(round(w.serverCpuMsPerRequest + w.neo4jCpuMsPerRequest));
    process.stdout.write(`${size} warm-up ${step + 1}: ${round(w.result.requests.average, 1)} req/s, CPU per request ${warm.at(-1)} ms (server ${round(w.serverCpuMsPerRequest)}, Neo4j ${round(w.neo4jCpuMsPerRequest)})\n`);
    if (settled(warm, 6)) break;
  }
  const raw = { rps: [] as number[], p99: [] as number[], neo4jCpu: [] as number[], clientCpu: [] as number[], errors: [] as number[], ratio: [] as number[] };
  const rps: number[] = [];
  const p99: number[] = [];
  const p50: number[] = [];
  const errors: number[] = [];
  const serverCpu: number[] = [];
  const neo4jCpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const r = await runMix(server, db, { connections, seconds, samples: mix });
    rps.push(r.result.requests.average);
    p50.push(r.result.latency.p50);
    p99.push(r.result.latency.p99);
    errors.push(r.errors);
    serverCpu.push(r.serverCpuMsPerRequest);
    neo4jCpu.push(r.neo4jCpuMsPerRequest);
    const x = r.result;
    process.stdout.write(
      `${size} run ${run + 1}/${runs}: ${round(x.requests.average, 1)} req/s, p50 ${x.latency.p50} ms, p99 ${x.latency.p99} ms, errors ${r.errors} (${x.errors - x.timeouts} socket, ${x.timeouts} timeouts, ${x.non2xx} non-2xx, ${r.graphqlErrors} GraphQL of the bodies checked); CPU per request: server ${round(r.serverCpuMsPerRequest)} ms, Neo4j ${round(r.neo4jCpuMsPerRequest)} ms; load ${loadavg()}\n`,
    );
    if (!withRaw) continue;
    const d = await runRawMix(db.gateway.driver, db, { connections, seconds, recorded });
    raw.rps.push(d.requestsPerS);
    raw.p99.push(d.p99);
    raw.neo4jCpu.push(d.neo4jCpuMsPerRequest);
    raw.clientCpu.push(d.clientCpuMsPerRequest);
    raw.errors.push(d.errors);
    raw.ratio.push(x.requests.average / d.requestsPerS);
    process.stdout.write(
      `${size} run ${run + 1}/${runs} raw driver: ${round(d.requestsPerS, 1)} req/s (GraphQL ${round(x.requests.average / d.requestsPerS, 2)}x of it), p50 ${d.p50} ms, p99 ${d.p99} ms, errors ${d.errors}; CPU per request: driver ${round(d.clientCpuMsPerRequest)} ms, Neo4j ${round(d.neo4jCpuMsPerRequest)} ms; load ${loadavg()}\n`,
    );
  }
  figures[`requests_per_s_${size}`] = round(median(rps), 1);
  figures[`p50_ms_${size}`] = median(p50);
  figures[`p99_ms_${size}`] = median(p99);
  figures[`errors_${size}`] = Math.max(...errors);
  figures[`server_cpu_ms_per_request_${size}`] = round(median(serverCpu));
  figures[`neo4j_cpu_ms_per_request_${size}`] = round(median(neo4jCpu));
  // What 2 cores could serve if the server and Neo4j had them to themselves.
  figures[`cpu_bound_requests_per_s_${size}`] = round(2000 / (median(serverCpu) + median(neo4jCpu)), 1);
  if (withRaw) {
    figures[`driver_requests_per_s_${size}`] = round(median(raw.rps), 1);
    figures[`driver_p99_ms_${size}`] = median(raw.p99);
    figures[`driver_errors_${size}`] = Math.max(...raw.errors);
    figures[`driver_neo4j_cpu_ms_per_request_${size}`] = round(median(raw.neo4jCpu));
    figures[`driver_client_cpu_ms_per_request_${size}`] = round(median(raw.clientCpu));
    figures[`graphql_to_driver_ratio_${size}`] = round(median(raw.ratio));
  }
  notes[`warmup_${size}`] = { stepSeconds: 10, connections, cpuMsPerRequestBySteps: warm };
  notes[`load_${size}`] = { connections, seconds, runs, mix: 'search, neighbourhood 1 hop, neighbourhood 2 hops, paths (maxLength 4), subgraph (20 ids), equal shares', statistic: 'median of runs; errors: the worst run', cpu: 'user+system CPU of each process over the run / requests answered (/proc)', driver: withRaw ? 'the same statements through neo4j-driver alone (one read transaction a request), same connections and seconds, after each GraphQL run; ratio: GraphQL req/s / driver req/s within a run, median' : 'not run' };
  notes[`neo4j_memory_${size}`] = { heap: db.heap, pageCache: db.pageCache };
  await server.close();
  await db.close();
}

const m = machine(version);
printMachine(m);
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
process.stdout.write(`wrote ${writeResult({ name: 'api-throughput', machine: m, figures, notes })}\n`);
