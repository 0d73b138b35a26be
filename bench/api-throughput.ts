/**
 * API throughput: autocannon against /graphql of `lantern serve` (its own process, as deployed),
 * 50 connections for 30 s, on a mix of search, neighbourhood 1 and 2 hops, paths and subgraph
 * requests (equal shares). Requests per second, latency p50/p99, errors (non-2xx, timeouts, and
 * GraphQL errors in 200 answers, checked on a sample of bodies), and the CPU time one request
 * costs the server and Neo4j (which, unlike requests per second, does not depend on what else the
 * shared machine is doing).
 *
 *   tsx bench/api-throughput.ts [--people 100k,1m] [--store scale] [--connections 50] [--seconds 30] [--runs 3]
 */
import { arg, machine, median, printMachine, round, sizeName, sizes, writeResult } from './lib.ts';
import { runMix, samples, scaleStore, startServeChild } from './api.ts';

const connections = Number(arg('connections', '50'));
const seconds = Number(arg('seconds', '30'));
const runs = Number(arg('runs', '3'));
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;

for (const people of sizes('100k')) {
  const size = sizeName(people);
  const db = await scaleStore(people);
  version = db.neo4jVersion;
  const server = await startServeChild(db);
  const mix = samples(people, 200, 11);
  // Warm-up: plans and page cache.
  await runMix(server, db, { connections: 10, seconds: 10, samples: mix });
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
      `${size} run ${run + 1}/${runs}: ${round(x.requests.average, 1)} req/s, p50 ${x.latency.p50} ms, p99 ${x.latency.p99} ms, errors ${r.errors} (${x.errors - x.timeouts} socket, ${x.timeouts} timeouts, ${x.non2xx} non-2xx, ${r.graphqlErrors} GraphQL of the bodies checked); CPU per request: server ${round(r.serverCpuMsPerRequest)} ms, Neo4j ${round(r.neo4jCpuMsPerRequest)} ms\n`,
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
  notes[`load_${size}`] = { connections, seconds, runs, mix: 'search, neighbourhood 1 hop, neighbourhood 2 hops, paths (maxLength 4), subgraph (20 ids), equal shares', statistic: 'median of runs; errors: the worst run', cpu: 'user+system CPU of each process over the run / requests answered (/proc)' };
  notes[`neo4j_memory_${size}`] = { heap: db.heap, pageCache: db.pageCache };
  await server.stop();
  await db.close();
}

const m = machine(version);
printMachine(m);
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
process.stdout.write(`wrote ${writeResult({ name: 'api-throughput', machine: m, figures, notes })}\n`);
