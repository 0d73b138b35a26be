/**
 * Network analytics benchmark on the demo scenario, in a Neo4j of its own: how well the
 * suspected networks of premises recover the demo's planted networks (adjusted Rand index over
 * every premises of the demo, those outside the networks as singletons), and how long the
 * analyses take through the real service (scoped gateway read + graphology in Node).
 * Writes bench/results/analytics.json.
 *
 *   npx tsx bench/analytics/run.ts [--runs 5]
 *
 * The truth comes from seed/demo's generator, in process; nothing in the method reads it.
 */
import { arg, machine, median, openBenchDb, printMachine, round, writeResult } from '../lib.ts';
import { demo, seedDemoIfEmpty } from '../../seed/demo/index.ts';
import type { Context } from '../../server/graphql/context.ts';
import { SYSTEM_PRINCIPAL } from '../../server/graphql/context.ts';
import { networkAnalytics, suspectedNetworks } from '../../server/modules/analytics/analytics.service.ts';
import { scoreNetworks } from '../../server/modules/analytics/evaluate.ts';

const runs = Number(arg('runs', '5'));
const db = await openBenchDb('analytics', { heap: '1g', pageCache: '512m' });
try {
  await seedDemoIfEmpty(db, { info: (m: string) => process.stdout.write(`${m}\n`) });
  const m = machine(db.neo4jVersion);
  printMachine(m);
  // The services need only the gateway from the request context (the system's, unscoped).
  const ctx = { gateway: db.gateway, principal: SYSTEM_PRINCIPAL } as unknown as Context;
  const { truth, data } = demo();
  const premises = data.entities.filter((e) => e.type === 'PREMISES').map((e) => e.id);

  const time = async <T>(f: () => Promise<T>): Promise<{ ms: number[]; last: T }> => {
    await f(); // warm-up: plans, page cache, JIT
    const ms: number[] = [];
    let last: T | undefined;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      last = await f();
      ms.push(performance.now() - t);
    }
    return { ms, last: last! };
  };

  const sn = await time(() => suspectedNetworks(ctx, {}));
  const s = scoreNetworks(premises, truth.networks, sn.last);
  const na = await time(() => networkAnalytics(ctx, { weighted: true }));
  const nu = await time(() => networkAnalytics(ctx, { weighted: false }));

  for (const n of sn.last) {
    const planted = truth.networks.find((t) => t.premisesIds.some((p) => n.premisesIds.includes(p)));
    process.stdout.write(`found ${n.id}: ${n.premisesIds.length} premises, score ${n.score}, planted ${planted?.id ?? '-'} (${planted?.premisesIds.length ?? 0})\n`);
  }
  process.stdout.write(`ARI ${s.ari.toFixed(4)}; ${s.exact}/${s.planted} planted networks found exactly; ${s.found} found\n`);
  const figures = {
    demo_networks_ari: round(s.ari, 4),
    demo_networks_exact: s.exact,
    demo_networks_planted: s.planted,
    demo_networks_found: s.found,
    suspected_networks_ms_median: round(median(sn.ms), 1),
    network_analytics_weighted_ms_median: round(median(na.ms), 1),
    network_analytics_unweighted_ms_median: round(median(nu.ms), 1),
    demo_entities_analysed: na.last.nodes.length,
    demo_communities: na.last.communities.length,
    demo_modularity_weighted: round(na.last.modularity, 4),
    demo_brokers: na.last.nodes.filter((x) => x.broker).length,
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const file = writeResult({
    name: 'analytics',
    machine: m,
    figures,
    notes: {
      method:
        'ARI of suspectedNetworks (default settings) against the demo truth networks, over every premises of the demo (premises outside the planted and the found networks are singletons). ' +
        `Timings: median of ${runs} runs after one warm-up, through the service with the system scope on the demo in a local Neo4j (heap 1g, page cache 512m): one read transaction plus the analysis in Node.`,
    },
  });
  process.stdout.write(`wrote ${file}\n`);
} finally {
  await db.close();
}
