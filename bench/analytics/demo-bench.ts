/**
 * What the demo analytics benchmarks share: the demo in a Neo4j of their own (seeded when empty),
 * the machine printed, a system-scope context for the services, the demo's truth and premises,
 * and timing as a median of `runs` after one warm-up.
 */
import { machine, median, openBenchDb, printMachine, round, type BenchDb, type Machine } from '../lib.ts';
import { demo, seedDemoIfEmpty } from '../../seed/demo/index.ts';
import type { Context } from '../../server/graphql/context.ts';
import { SYSTEM_PRINCIPAL } from '../../server/graphql/context.ts';
import type { Gateway } from '../../server/db/gateway.ts';
import { wholeGraphMetrics } from '../../server/modules/analytics/index.ts';
import { gdsAvailable } from '../../server/modules/analytics/gds.ts';
import { keptResults } from '../../server/modules/scores/index.ts';

export interface DemoBench {
  db: BenchDb;
  m: Machine;
  ctx: Context;
  truth: ReturnType<typeof demo>['truth'];
  data: ReturnType<typeof demo>['data'];
  premises: string[];
}

/**
 * The services need the gateway from the request context (the system's, unscoped) and the kept
 * results' reader (networkAnalytics and suspectedNetworks answer from kept results when there are some).
 */
export const systemContext = (db: Pick<BenchDb, 'gateway'>) =>
  ({ gateway: db.gateway, principal: SYSTEM_PRINCIPAL, services: { system: db.gateway, kept: keptResults } }) as unknown as Context;

export async function openDemoBench(tag: string): Promise<DemoBench> {
  const db = await openBenchDb(tag, { heap: '1g', pageCache: '512m' });
  await seedDemoIfEmpty(db, { info: (msg: string) => process.stdout.write(`${msg}\n`) });
  const m = machine(db.neo4jVersion);
  printMachine(m);
  const { truth, data } = demo();
  return { db, m, ctx: systemContext(db), truth, data, premises: data.entities.filter((e) => e.type === 'PREMISES').map((e) => e.id) };
}

/** `f` once to warm up (plans, page cache, JIT), then `runs` times: the times and the last answer. */
export async function timed<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  await f();
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await f();
    ms.push(performance.now() - t);
  }
  return { ms, last: last! };
}

export interface EngineComparison {
  entities: number;
  nodeMs: number[];
  gdsMs: number[];
}

/**
 * Whole-graph communities and centrality as a request computes them (wholeGraphMetrics: Louvain,
 * PageRank, degree, betweenness, brokers) in Node (graphology) and in GDS, alternating, `runs`
 * times each after one warm-up of each; both printed side by side. Null when the Neo4j has no GDS.
 */
export async function compareEngines(gw: Gateway, runs: number, weighted = true): Promise<EngineComparison | null> {
  if (!(await gdsAvailable(gw))) {
    process.stdout.write('Graph Data Science is not installed: Node only (LANTERN_GDS=off?)\n');
    return null;
  }
  const engines = ['node', 'gds'] as const;
  const ms: Record<(typeof engines)[number], number[]> = { node: [], gds: [] };
  let entities = 0;
  for (const e of engines) await wholeGraphMetrics(gw, weighted, e);
  for (let i = 0; i < runs; i++) {
    for (const e of engines) {
      const t = performance.now();
      const m = await wholeGraphMetrics(gw, weighted, e);
      ms[e].push(performance.now() - t);
      if (!m) throw new Error(`${e}: the graph is larger than this engine takes`);
      entities = m.nodes.length;
    }
  }
  const node = median(ms.node);
  const gds = median(ms.gds);
  process.stdout.write(
    `whole-graph communities and centrality, ${entities} entities, ${weighted ? 'weighted' : 'unweighted'}, median of ${runs}:\n` +
      `  Node (graphology) ${round(node, 0)} ms [${ms.node.map((x) => round(x, 0)).join(', ')}]\n` +
      `  GDS               ${round(gds, 0)} ms [${ms.gds.map((x) => round(x, 0)).join(', ')}]\n` +
      `  ${gds < node ? `GDS faster, ${round(node / gds, 2)}x` : `Node faster, ${round(gds / node, 2)}x`}\n`,
  );
  return { entities, nodeMs: ms.node, gdsMs: ms.gds };
}
