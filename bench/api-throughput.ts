/**
 * API throughput: autocannon against /graphql of `lantern serve` (its own process, as deployed),
 * 50 connections for 30 s, on a mix of search, neighbourhood 1 and 2 hops, paths and subgraph
 * requests (equal shares). Requests per second, latency p50/p99, errors (non-2xx, timeouts, and
 * GraphQL errors in 200 answers, checked on a sample of bodies).
 *
 *   tsx bench/api-throughput.ts [--people 100k,1m] [--connections 50] [--seconds 30] [--runs 3]
 */
import autocannon from 'autocannon';
import { arg, machine, median, printMachine, round, sizeName, sizes, writeResult } from './lib.ts';
import { mixRequests, samples, scaleStore, startServeChild } from './api.ts';

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
  const requests = mixRequests(samples(people, 200, 11));
  // Warm-up: plans and page cache.
  await autocannon({ url: server.url, connections: 10, duration: 5, requests });
  const rps: number[] = [];
  const p99: number[] = [];
  const p50: number[] = [];
  const errors: number[] = [];
  for (let run = 0; run < runs; run++) {
    let graphqlErrors = 0;
    const inst = autocannon({ url: server.url, connections, duration: seconds, requests });
    inst.on('response', (_client: unknown, _status: number, _bytes: number, _ms: number) => undefined);
    let seen = 0;
    // Bodies are checked on every 50th answer: GraphQL errors come back with status 200.
    inst.on('resBody' as never, ((_c: unknown, body: string) => {
      if (++seen % 50 === 0 && body.includes('"errors"')) graphqlErrors += 1;
    }) as never);
    const r = await inst;
    const errs = r.errors + r.timeouts + r.non2xx + graphqlErrors;
    rps.push(r.requests.average);
    p50.push(r.latency.p50);
    p99.push(r.latency.p99);
    errors.push(errs);
    process.stdout.write(`${size} run ${run + 1}/${runs}: ${round(r.requests.average, 1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${errs} (${r.errors} socket, ${r.timeouts} timeouts, ${r.non2xx} non-2xx, ${graphqlErrors} GraphQL of the bodies checked)\n`);
  }
  figures[`requests_per_s_${size}`] = round(median(rps), 1);
  figures[`p50_ms_${size}`] = median(p50);
  figures[`p99_ms_${size}`] = median(p99);
  figures[`errors_${size}`] = Math.max(...errors);
  notes[`load_${size}`] = { connections, seconds, runs, mix: 'search, neighbourhood 1 hop, neighbourhood 2 hops, paths (maxLength 4), subgraph (20 ids), equal shares', statistic: 'median of runs; errors: the worst run' };
  notes[`neo4j_memory_${size}`] = { heap: db.heap, pageCache: db.pageCache };
  await server.stop();
  await db.close();
}

const m = machine(version);
printMachine(m);
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
process.stdout.write(`wrote ${writeResult({ name: 'api-throughput', machine: m, figures, notes })}\n`);
