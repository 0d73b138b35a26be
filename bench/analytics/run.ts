/**
 * Network analytics benchmark on the demo scenario, in a Neo4j of its own: how well the
 * suspected networks of premises recover the demo's planted networks (adjusted Rand index over
 * every premises of the demo, those outside the networks as singletons), and how long the
 * analyses take through the real service (scoped gateway read + graphology in Node), and the
 * whole-graph communities and centrality in Node and in Graph Data Science side by side (the
 * measurement behind LANTERN_ANALYTICS_ENGINE=auto, decision 0043).
 * Writes bench/results/analytics.json.
 *
 *   npx tsx bench/analytics/run.ts [--runs 5]
 *
 * The truth comes from seed/demo's generator, in process; nothing in the method reads it.
 */
import { arg, median, round, writeResult } from '../lib.ts';
import { compareEngines, openDemoBench, timed } from './demo-bench.ts';
import { networkAnalytics, allSuspectedNetworks } from '../../server/modules/analytics/analytics.service.ts';
import { scoreNetworks } from '../../server/modules/analytics/evaluate.ts';
import { allProfiles } from '../../server/modules/risk/risk.service.ts';
import { allHits, flaggedAll } from '../../server/modules/indicators/indicators.service.ts';
import { operationDashboard } from '../../server/modules/operations/operations.service.ts';

const runs = Number(arg('runs', '5'));
const { db, m, ctx, truth, premises } = await openDemoBench('analytics');
try {
  const time = <T>(f: () => Promise<T>) => timed(runs, f);

  const sn = await time(() => allSuspectedNetworks(ctx));
  const s = scoreNetworks(premises, truth.networks, sn.last);
  const na = await time(() => networkAnalytics(ctx, { weighted: true }));
  const nu = await time(() => networkAnalytics(ctx, { weighted: false }));
  const engines = await compareEngines(db.gateway, runs);
  // Risk profiles and indicators over the whole demo, as known on the eve of Operation Kestrel
  // (the demo's risk review) and as known at the end of the scenario.
  const rp = await time(() => allProfiles(ctx, '2025-06-22'));
  const combination = rp.last.filter((p) => p.combination).map((p) => p.personId).sort();
  const combinationExact = JSON.stringify(combination) === JSON.stringify(truth.riskFactorCombination);
  const ih = await time(() => allHits(ctx, '2025-10-01'));
  const fl = await time(() => flaggedAll(ctx, '2025-10-01'));
  const planted = new Set(truth.networks.flatMap((n) => n.premisesIds));
  const flaggedPremises = fl.last.filter((f) => f.type === 'PREMISES');
  const dashboards = await Promise.all(truth.operations.map((o) => operationDashboard(ctx, { operationId: o.id, bucket: 'DAY' })));
  const dashboardsMatch = truth.operations.every((o, i) => {
    const d = dashboards[i]!;
    return d.premisesVisited === o.premisesVisited && d.peopleEncountered === o.peopleEncountered && d.potentialVictimsIdentified === o.potentialVictimsIdentified && d.safeguarded === o.safeguarded;
  });
  process.stdout.write(`risk combination ${combination.length} (truth ${truth.riskFactorCombination.length}, exact ${combinationExact}); hits ${ih.last.length}; flagged ${fl.last.length}; dashboards match ${dashboardsMatch}\n`);

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
    ...(engines
      ? {
          demo_whole_graph_node_ms_median: round(median(engines.nodeMs), 1),
          demo_whole_graph_gds_ms_median: round(median(engines.gdsMs), 1),
        }
      : {}),
    demo_entities_analysed: na.last.nodes.length,
    demo_communities: na.last.communities.length,
    demo_modularity_weighted: round(na.last.modularity, 4),
    demo_brokers: na.last.nodes.filter((x) => x.broker).length,
    demo_risk_combination_people: combination.length,
    demo_risk_combination_exact: combinationExact ? 1 : 0,
    risk_profiles_ms_median: round(median(rp.ms), 1),
    indicator_hits_ms_median: round(median(ih.ms), 1),
    flagged_ms_median: round(median(fl.ms), 1),
    demo_indicator_hits: ih.last.length,
    demo_flagged_people: fl.last.length - flaggedPremises.length,
    demo_flagged_premises: flaggedPremises.length,
    demo_planted_premises_flagged: [...planted].filter((p) => flaggedPremises.some((f) => f.id === p)).length,
    demo_planted_premises: planted.size,
    demo_dashboards_match_truth: dashboardsMatch ? 1 : 0,
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const file = writeResult({
    name: 'analytics',
    machine: m,
    figures,
    notes: {
      method:
        'ARI of suspectedNetworks (default settings) against the demo truth networks, over every premises of the demo (premises outside the planted and the found networks are singletons). ' +
        'Risk: riskProfiles combination list as of 2025-06-22 against truth.riskFactorCombination; indicators and flagged (risk + indicators) over the whole demo as of 2025-10-01. ' +
        `Timings: median of ${runs} runs after one warm-up, through the service with the system scope on the demo in a local Neo4j (heap 1g, page cache 512m): one read transaction plus the analysis in Node. ` +
        'demo_whole_graph_{node,gds}_ms_median: wholeGraphMetrics (weighted; Louvain, PageRank, degree, exact betweenness, brokers) forced to each engine, alternating in the same run.',
    },
  });
  process.stdout.write(`wrote ${file}\n`);
} finally {
  await db.close();
}
