/**
 * What the demo analytics benchmarks share: the demo in a Neo4j of their own (seeded when empty),
 * the machine printed, a system-scope context for the services, the demo's truth and premises,
 * and timing as a median of `runs` after one warm-up.
 */
import { machine, openBenchDb, printMachine, type BenchDb, type Machine } from '../lib.ts';
import { demo, seedDemoIfEmpty } from '../../seed/demo/index.ts';
import type { Context } from '../../server/graphql/context.ts';
import { SYSTEM_PRINCIPAL } from '../../server/graphql/context.ts';

export interface DemoBench {
  db: BenchDb;
  m: Machine;
  ctx: Context;
  truth: ReturnType<typeof demo>['truth'];
  data: ReturnType<typeof demo>['data'];
  premises: string[];
}

/** The services need only the gateway from the request context (the system's, unscoped). */
export const systemContext = (db: Pick<BenchDb, 'gateway'>) => ({ gateway: db.gateway, principal: SYSTEM_PRINCIPAL }) as unknown as Context;

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
