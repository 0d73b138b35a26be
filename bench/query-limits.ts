/**
 * How fast the server refuses queries built to make it work hard (issue 22): a chain of 40
 * fragments that each spread the next twice (2^40 copies when expanded), 1,000 aliases of
 * `search`, 100 aliases of `__schema`, and 700 copies of one field. Each is sent through the real
 * HTTP pipeline (API token, rate limit, Apollo, the limits) of an in-process Lantern app on an
 * empty Neo4j of its own; the same run times, as baselines, graphql-js's `validate` alone on each
 * document (what validation costs without Lantern's limits), a small accepted query over HTTP
 * (the floor of a round trip), and /healthz while 20 refused chains arrive at once.
 * Writes bench/results/query-limits.json.
 *
 *   tsx bench/query-limits.ts [--rounds 20]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { arg, log, machine, median, openBenchDb, printMachine, quantile, round, writeResult } from './lib.ts';
import { createApp } from '../server/http/app.ts';
import { buildSchema } from '../server/graphql/schema.ts';
import { createApiToken } from '../server/modules/auth/auth.service.ts';

// The schema is built by @graphql-tools, which loads graphql's CommonJS build: validate with it.
const { parse, validate, specifiedRules } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const rounds = Number(arg('rounds', '20'));

function fragmentChain(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { about { version } ...F${i + 1} ...F${i + 1} }`);
  return ['query Chain { ...F0 }', ...fragments, `fragment F${n} on Query { about { version } }`].join('\n');
}
const aliases = (n: number, field: string) => `query Many { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const cases: [string, string][] = [
  ['chain40', fragmentChain(40)],
  ['aliases1000_search', aliases(1000, 'search(text: "a", first: 1) { edges { node { id } } }')],
  ['aliases100_schema', aliases(100, '__schema { types { name fields { name type { name ofType { name } } } } }')],
  ['copies700_field', `query Copies { ${Array.from({ length: 700 }, () => 'about { version }').join(' ')} }`],
];

const db = await openBenchDb('limits', { heap: '512m', pageCache: '256m' });
const { secret } = await createApiToken(db.gateway, { name: `bench-limits-${Date.now()}`, role: 'viewer' });
const { app, stop } = await createApp({ gateway: db.gateway, log, development: false, limits: { ratePerMinute: 1_000_000 } });
const server = http.createServer(app);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${secret}` };

async function send(query: string): Promise<{ ms: number; code: string; message: string }> {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return { ms: performance.now() - started, code: body.errors?.[0]?.extensions?.code ?? 'ok', message: body.errors?.[0]?.message ?? '' };
}
const timed = (f: () => void) => {
  const started = performance.now();
  f();
  return performance.now() - started;
};

const schema = buildSchema();
const figures: Record<string, number> = {};
const messages: Record<string, string> = {};
await send('{ __typename }'); // the first request pays for Apollo's and the JIT's start
for (const [name, query] of cases) {
  await send(query);
  const http = [];
  for (let i = 0; i < rounds; i++) http.push((await send(query)).ms);
  const last = await send(query);
  messages[name] = `${last.code}: ${last.message}`;
  const document = parse(query);
  const baseline = [];
  for (let i = 0; i < Math.min(rounds, 5); i++) baseline.push(timed(() => validate(schema, document, specifiedRules)));
  figures[`${name}_refused_ms_median`] = round(median(http), 1);
  figures[`${name}_refused_ms_max`] = round(Math.max(...http), 1);
  figures[`${name}_graphql_validate_alone_ms`] = round(median(baseline), 1);
  process.stdout.write(
    `${name}: refused in ${round(median(http), 1)} ms median, ${round(Math.max(...http), 1)} max over ${rounds} (${last.code}); ` +
      `graphql-js validate alone ${round(median(baseline), 1)} ms median of ${baseline.length}\n  ${last.message}\n`,
  );
}
const floor = [];
for (let i = 0; i < rounds; i++) floor.push((await send('{ __typename }')).ms);
figures.accepted_typename_ms_median = round(median(floor), 1);
process.stdout.write(`a small accepted query ({ __typename }) over HTTP: ${figures.accepted_typename_ms_median} ms median\n`);

const flood = Array.from({ length: 20 }, () => send(fragmentChain(40)));
const healthStarted = performance.now();
await fetch(`${url}/healthz`);
figures.healthz_ms_during_20_chains = round(performance.now() - healthStarted, 1);
const flooded = await Promise.all(flood);
figures.chain40_x20_concurrent_p95_ms = round(quantile(flooded.map((f) => f.ms), 0.95), 1);
process.stdout.write(`/healthz while 20 chains arrive at once: ${figures.healthz_ms_during_20_chains} ms; the chains' p95 ${figures.chain40_x20_concurrent_p95_ms} ms\n`);

server.closeAllConnections();
await new Promise<void>((resolve) => server.close(() => resolve()));
await stop();
const m = machine(db.neo4jVersion);
printMachine(m);
writeResult({
  name: 'query-limits',
  machine: m,
  figures,
  notes: {
    'query-limits': {
      rounds,
      path: 'HTTP POST /graphql with a viewer API token, in-process app, empty Neo4j (auth reads it); each time is the whole round trip',
      baseline: "graphql_validate_alone_ms: graphql-js validate(schema, document, specifiedRules) in-process on the parsed document, median of 5; the query's parse is not in it",
      limits: 'defaults: depth 15, cost 50,000, aliases 30, introspection 2, tokens 3,000, validation 100 ms, 200 fields a selection',
      answers: messages,
      goal: 'each refused in under 50 ms (issue 22)',
    },
  },
});
await db.close();
