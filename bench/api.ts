/**
 * Shared parts of the API benchmarks: a scale store of N people (made by `seed scale` if it is
 * not there yet), the sample requests (search, neighbourhood 1 and 2 hops, paths, subgraph) drawn
 * with a seeded generator from ids the scale generator is known to make, and a gateway that
 * records the statements a GraphQL request runs so the raw driver can replay the same Cypher.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon, { type Result as AutocannonResult } from 'autocannon';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { Gateway, type Params, type Tx } from '../server/db/gateway.ts';
import { cypher } from '../server/db/cypher.ts';
import { scopeParams } from '../server/db/scope.ts';
import { toParams } from '../server/db/values.ts';
import { createApp } from '../server/http/app.ts';
import { createApiToken } from '../server/modules/auth/auth.service.ts';
import { graphCounts } from '../server/modules/load/load.repository.ts';
import { Random } from '../server/kernel/random.ts';
import { cellCount, generateCell, seedScale } from '../seed/scale/index.ts';
import { freePort } from '../neo4j/local.ts';
import { arg, log, memoryFor, openBenchDb, root, sizeName, type BenchDb } from './lib.ts';

/**
 * The store of `people` people, loaded by seed scale when missing or incomplete. `--store <tag>`
 * uses `.data/bench-<tag>-<size>` instead of `.data/bench-scale-<size>` (e.g. a copy of a store
 * another run loaded, so that two runs never open the same one).
 */
export async function scaleStore(people: number): Promise<BenchDb> {
  const mem = memoryFor(people);
  const tag = `${arg('store', 'scale')}-${sizeName(people)}`;
  let db = await openBenchDb(tag, mem);
  const counts = await graphCounts(db.gateway);
  if ((counts.entities.PERSON ?? 0) < people) {
    await db.close();
    db = await openBenchDb(tag, { ...mem, fresh: true });
    process.stdout.write(`loading ${people} people with seed scale (once; kept in ${db.dataDir})...\n`);
    await seedScale(db.gateway, { people });
  }
  return db;
}

export type Kind = 'search' | 'neighbourhood1' | 'neighbourhood2' | 'paths' | 'subgraph';
export const KINDS: Kind[] = ['search', 'neighbourhood1', 'neighbourhood2', 'paths', 'subgraph'];

const GRAPH = 'nodes { id type label } edges { id type source target } truncated';
export const QUERIES: Record<Kind, string> = {
  search: 'query Search($text: String!) { search(text: $text, first: 20) { edges { cursor node { id type label } } pageInfo { hasNextPage endCursor } } }',
  neighbourhood1: `query N1($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 1) { ${GRAPH} } }`,
  neighbourhood2: `query N2($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 2) { ${GRAPH} } }`,
  paths: `query P($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4) { ${GRAPH} } }`,
  subgraph: `query S($ids: [ID!]!) { subgraph(ids: $ids) { ${GRAPH} } }`,
};

export interface Sample {
  kind: Kind;
  variables: Record<string, unknown>;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** `count` samples of each kind over the cells of a store of `people` people; deterministic. */
export function samples(people: number, count: number, seed = 7): Sample[] {
  const rng = new Random(seed);
  const cells = Math.max(1, Math.floor(people / 50));
  const out: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const cell = rng.int(0, cells - 1);
    const tag = `s${pad(cell, 6)}`;
    const person = (n: number) => `person-${tag}-${pad(n, 3)}`;
    const g = generateCell(cell);
    const labels = g.data.entities;
    const pick = rng.next();
    const e = pick < 0.5 ? rng.pick(labels.filter((x) => x.type === 'PERSON')) : pick < 0.75 ? rng.pick(labels.filter((x) => x.type === 'PREMISES' && x.props.name)) : rng.pick(labels.filter((x) => x.type === 'PHONE'));
    const text = e.type === 'PERSON' ? `${String(e.props.givenName)} ${String(e.props.familyName)}` : e.type === 'PREMISES' ? String(e.props.name) : String(e.props.number);
    out.push({ kind: 'search', variables: { text } });
    out.push({ kind: 'neighbourhood1', variables: { ids: [rng.chance(0.5) ? person(rng.int(1, 50)) : `premises-${tag}-${pad(rng.int(1, 8), 3)}`] } });
    // Two hops from a controller (the densest corner of a cell) or from anyone.
    out.push({ kind: 'neighbourhood2', variables: { ids: [rng.chance(0.5) ? person(1) : person(rng.int(1, 50))] } });
    out.push({ kind: 'paths', variables: { from: person(1), to: person(rng.int(5, 13)) } });
    out.push({ kind: 'subgraph', variables: { ids: [...Array.from({ length: 13 }, (_, k) => person(k + 1)), ...Array.from({ length: 7 }, (_, k) => `premises-${tag}-${pad(k + 1, 3)}`)] } });
  }
  void cellCount;
  return out;
}

export interface Statement {
  name: string;
  params: Params;
  /** The `$scope` the gateway added (the caller's access scope). */
  scope: ReturnType<typeof scopeParams>;
}

/** A gateway that also records the statements each read runs, for replay through the raw driver. */
export class RecordingGateway extends Gateway {
  recording: Statement[] | undefined;

  override readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const scope = scopeParams(this.scope);
    return super.readTx((tx) =>
      work({
        run: (name, params = {}) => {
          this.recording?.push({ name, params, scope });
          return tx.run(name, params);
        },
      }),
    );
  }
}

/** The same statements in one read transaction through neo4j-driver alone; records consumed. */
export async function replay(driver: Driver, statements: Statement[]): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      let n = 0;
      for (const s of statements) n += (await tx.run(cypher(s.name), toParams({ ...s.params, scope: s.scope }) as Params)).records.length;
      return n;
    });
  } finally {
    await session.close();
  }
}

export interface BenchServer {
  url: string;
  gateway: RecordingGateway;
  close(): Promise<void>;
}

/** Lantern's HTTP app in this process, on an ephemeral port, over the bench store. */
export async function startServer(db: BenchDb): Promise<BenchServer> {
  const gateway = new RecordingGateway(db.gateway.driver, { queryTimeoutMs: 120_000, log });
  await signIn(db);
  // Signed in by API token like any tool; no rate limit, which would otherwise cap the load.
  const { app, stop } = await createApp({ gateway, log, development: false, limits: { ratePerMinute: 1_000_000_000 } });
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    gateway,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    },
  };
}

/** The bench's API token (an analyst), made in the bench store when a server starts; a run over
 * several stores (--people 10k,100k) makes one in each, since a token lives in its store. */
const auth = { authorization: '', dataDir: '' };

async function signIn(db: BenchDb): Promise<void> {
  if (auth.authorization && auth.dataDir === db.dataDir) return;
  const { secret } = await createApiToken(db.gateway, { name: `bench-${process.pid}-${Date.now()}`, role: 'analyst', createdBy: 'bench' });
  auth.authorization = `Bearer ${secret}`;
  auth.dataDir = db.dataDir;
}

/**
 * The bench's HTTP client: node:http with keep-alive. Not fetch: in this process beside the
 * server, undici's fetch cost about 1 ms of CPU a request more (streams, Headers, a Request per
 * call; bench/ANALYSIS.md, session 6), time that is neither Lantern's nor any real client's.
 */
const agent = new http.Agent({ keepAlive: true });

/** A signed-in `{ __typename }`: HTTP, authentication, limits, Apollo and the request log, no data. */
export const FLOOR = { query: '{ __typename }', variables: {} };

export function graphql(url: string, s: Sample | typeof FLOOR): Promise<{ status: number; errors: number }> {
  const body = JSON.stringify({ query: 'kind' in s ? QUERIES[s.kind] : s.query, variables: s.variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          accept: 'application/graphql-response+json, application/json',
          authorization: auth.authorization,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: unknown[] };
            resolve({ status: res.statusCode ?? 0, errors: parsed.errors?.length ?? 0 });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Like BenchServer (a URL to send GraphQL to, and close), with the process's id for its CPU time. */
export interface ServeChild {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * `node bin/lantern.js serve` as its own process (as deployed), on the bench store's Neo4j.
 * `checkout`: serve another checkout's code instead (a git worktree with node_modules linked), for
 * an A/B of the server in one run. Resolves once /readyz answers and the server's warm-up
 * (LANTERN_WARM_UP_SECONDS) is over, as analysts would find it an hour after a restart, unless
 * `warmUp: 'skip'` (cold-start measures the first requests with and without it). The background
 * analysis worker is off: on a store whose kept scores were never computed it would run a
 * whole-graph recompute beside the requests measured.
 */
export async function startServeChild(
  db: BenchDb,
  o: { nodeArgs?: string[]; env?: Record<string, string>; checkout?: string; warmUp?: 'wait' | 'skip' } = {},
): Promise<ServeChild> {
  const port = await freePort();
  await signIn(db);
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), path.join(o.checkout ?? root, 'bin', 'lantern.js'), 'serve'], {
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_USERNAME: '', NEO4J_PASSWORD: '', PORT: String(port), LANTERN_SEED_DEMO: 'never', LOG_LEVEL: 'warn', LANTERN_QUERY_TIMEOUT_MS: '60000', LANTERN_RATE_LIMIT: '1000000000', LANTERN_ANALYSIS_WORKER: 'off', ...o.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`lantern serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('lantern serve did not become ready in 3 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  if (o.warmUp !== 'skip') await warmUpOver(base);
  return {
    url: `${base}/graphql`,
    pid: child.pid!,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Waits until the server at `base` says its warm-up is over (/readyz's `warmUp` no longer
 * `running`; a checkout from before the warm-up says nothing of it) and returns how it ended.
 */
export async function warmUpOver(base: string): Promise<string> {
  for (;;) {
    const state = ((await (await fetch(`${base}/readyz`)).json()) as { warmUp?: string }).warmUp ?? 'off';
    if (state !== 'running') return state;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc. */
export function cpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * (1000 / 100);
  } catch {
    return NaN;
  }
}

export interface MixRun {
  result: AutocannonResult;
  /** Errors of every kind: socket errors, timeouts, non-2xx, GraphQL errors in the bodies checked. */
  errors: number;
  graphqlErrors: number;
  /** CPU ms per answered request of the server process and of Neo4j's JVM: what a request costs,
   * whatever else the machine is doing (wall-clock figures are not). */
  serverCpuMsPerRequest: number;
  neo4jCpuMsPerRequest: number;
}

/**
 * The api-throughput mix against `lantern serve` (its own process): autocannon with `connections`
 * for `seconds`, the sample requests round robin. `each` is called every 500 ms while it runs.
 */
export async function runMix(server: ServeChild, db: BenchDb, o: { connections: number; seconds: number; samples: Sample[]; each?: () => void }): Promise<MixRun> {
  const neo4jPid = db.local?.child.pid;
  const before = [cpuMs(server.pid), neo4jPid ? cpuMs(neo4jPid) : NaN];
  let graphqlErrors = 0;
  let seen = 0;
  const inst = autocannon({ url: server.url, connections: o.connections, duration: o.seconds, requests: mixRequests(o.samples), timeout: 30 });
  // Bodies are checked on every 50th answer: GraphQL errors come back with status 200.
  inst.on('resBody' as never, ((_c: unknown, body: string) => {
    if (++seen % 50 === 0 && body.includes('"errors"')) graphqlErrors += 1;
  }) as never);
  const timer = o.each ? setInterval(o.each, 500) : undefined;
  const result = await inst;
  clearInterval(timer);
  const n = Math.max(1, result.requests.total);
  return {
    result,
    // autocannon counts timeouts among `errors` too.
    errors: result.errors + result.non2xx + graphqlErrors,
    graphqlErrors,
    serverCpuMsPerRequest: (cpuMs(server.pid) - before[0]!) / n,
    neo4jCpuMsPerRequest: neo4jPid ? (cpuMs(neo4jPid) - before[1]!) / n : NaN,
  };
}

/** autocannon's request list for the mix: every sample, in order, round robin per connection. */
export function mixRequests(all: Sample[]) {
  return all.map((s) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: auth.authorization },
    body: JSON.stringify({ query: QUERIES[s.kind], variables: s.variables }),
  }));
}

export interface RawMixRun {
  requests: number;
  requestsPerS: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU ms per request of this process (the driver's side) and of Neo4j's JVM. */
  clientCpuMsPerRequest: number;
  neo4jCpuMsPerRequest: number;
}

/**
 * The same mix through neo4j-driver alone: each request is one sample's recorded statements
 * replayed in one read transaction (as api-latency does), `connections` of them at a time, round
 * robin over the samples, for `seconds`. No HTTP, GraphQL, authentication or mapping: what this
 * machine's Neo4j and the driver can do at best with the same statements.
 */
export async function runRawMix(driver: Driver, db: BenchDb, o: { connections: number; seconds: number; recorded: Statement[][] }): Promise<RawMixRun> {
  const neo4jPid = db.local?.child.pid;
  const n4Before = neo4jPid ? cpuMs(neo4jPid) : NaN;
  const self = process.cpuUsage();
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + o.seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (performance.now() < end) {
        const statements = o.recorded[next++ % o.recorded.length]!;
        const t = performance.now();
        try {
          await replay(driver, statements);
          latencies.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const used = process.cpuUsage(self);
  const n = Math.max(1, latencies.length);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))] ?? NaN);
  return {
    requests: latencies.length,
    requestsPerS: latencies.length / elapsed,
    p50: q(0.5),
    p99: q(0.99),
    errors,
    clientCpuMsPerRequest: (used.user + used.system) / 1000 / n,
    neo4jCpuMsPerRequest: neo4jPid ? (cpuMs(neo4jPid) - n4Before) / n : NaN,
  };
}

/** Each sample's statements, recorded once through Lantern's app in this process (a GraphQL
 * request each, checked for errors), for the raw driver to replay. */
export async function recordStatements(db: BenchDb, all: Sample[]): Promise<Statement[][]> {
  const server = await startServer(db);
  try {
    const out: Statement[][] = [];
    for (const s of all) {
      server.gateway.recording = [];
      const r = await graphql(server.url, s);
      if (r.errors > 0 || r.status !== 200) throw new Error(`${s.kind} ${JSON.stringify(s.variables)} answered ${r.status} with ${r.errors} error(s)`);
      out.push(server.gateway.recording);
      server.gateway.recording = undefined;
    }
    return out;
  } finally {
    await server.close();
  }
}
