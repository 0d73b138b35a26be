/**
 * What each kind of request in the throughput mix costs, in CPU: the server process and Neo4j's
 * JVM per GraphQL request (autocannon, one kind at a time), and Neo4j and the driver per request
 * replayed through the raw driver. CPU per request, unlike requests per second, does not depend on
 * what else the machine runs, so it says which kind caps the mix and how far 2 cores can go.
 * A diagnostic, not a figure of the table: it prints and writes nothing.
 *
 *   tsx bench/api-kinds.ts [--people 100k] [--store scale] [--seconds 10] [--connections 8] [--kinds search,paths] [--prof DIR]
 *
 * --prof DIR writes a V8 CPU profile of the server process (the whole run) into DIR.
 */
import os from 'node:os';
import { arg, round, sizeName, sizes } from './lib.ts';
import { KINDS, recordStatements, runMix, runRawMix, samples, scaleStore, startServeChild, type Kind } from './api.ts';

const seconds = Number(arg('seconds', '10'));
const connections = Number(arg('connections', '8'));
const kinds = arg('kinds', KINDS.join(',')).split(',') as Kind[];
const prof = arg('prof', '');

for (const people of sizes('100k')) {
  const db = await scaleStore(people);
  const mix = samples(people, 200, 11);
  const recorded = await recordStatements(db, mix);
  const server = await startServeChild(db, prof ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', prof] } : {});
  try {
    // Warm-up: the whole mix twice, both paths.
    for (let i = 0; i < 2; i++) {
      await runMix(server, db, { connections, seconds, samples: mix });
      await runRawMix(db.gateway.driver, db, { connections, seconds, recorded });
    }
    process.stdout.write(`${sizeName(people)}: CPU ms per request (GraphQL: server + Neo4j | raw: driver + Neo4j), statements per request\n`);
    const rawNeo4j: number[] = [];
    const rawAll: number[] = [];
    for (const kind of kinds) {
      const idx = mix.flatMap((s, i) => (s.kind === kind ? [i] : []));
      const g = await runMix(server, db, { connections, seconds, samples: idx.map((i) => mix[i]!) });
      const r = await runRawMix(db.gateway.driver, db, { connections, seconds, recorded: idx.map((i) => recorded[i]!) });
      rawNeo4j.push(r.neo4jCpuMsPerRequest);
      rawAll.push(r.neo4jCpuMsPerRequest + r.clientCpuMsPerRequest);
      const statements = idx.reduce((n, i) => n + recorded[i]!.length, 0) / idx.length;
      process.stdout.write(
        `${kind.padEnd(15)} GraphQL ${round(g.result.requests.average, 1)} req/s: server ${round(g.serverCpuMsPerRequest)} + Neo4j ${round(g.neo4jCpuMsPerRequest)} | raw ${round(r.requestsPerS, 1)} req/s: driver ${round(r.clientCpuMsPerRequest)} + Neo4j ${round(r.neo4jCpuMsPerRequest)} | ${round(statements, 1)} statements\n`,
      );
    }
    // The mix has equal shares, so its CPU a request is the mean over the kinds.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const cores = os.cpus().length;
    process.stdout.write(
      `mix of ${kinds.length} kinds, raw driver: Neo4j ${round(mean(rawNeo4j))} ms a request (at most ${Math.round((cores * 1000) / mean(rawNeo4j))} req/s on ${cores} cores for Neo4j alone), Neo4j + driver ${round(mean(rawAll))} ms (at most ${Math.round((cores * 1000) / mean(rawAll))} req/s)\n`,
    );
  } finally {
    await server.close();
    await db.close();
  }
}
