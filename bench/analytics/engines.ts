/**
 * Whole-graph communities and centrality in Node (graphology) and in Graph Data Science, side by
 * side, on a copy of a scale store (the source is never opened, only copied with cp -a): the
 * measurement behind LANTERN_ANALYTICS_ENGINE=auto (decision 0043). Both through
 * wholeGraphMetrics, as a request or the kept results compute them (Louvain, PageRank, degree,
 * exact betweenness, brokers), so only graphs Node takes (up to 20,000 entities). Larger graphs:
 * bench/analytics/scale.ts. Merges its figures into bench/results/analytics.json.
 *
 *   npx tsx bench/analytics/engines.ts --store .data/bench-scale-1450 [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { arg, machine, median, openBenchDb, printMachine, root, round, writeResult } from '../lib.ts';
import { compareEngines } from './demo-bench.ts';

const store = arg('store', '');
if (!store) {
  process.stderr.write('--store DIR: the scale store to copy (e.g. .data/bench-scale-1450)\n');
  process.exit(2);
}
const source = path.resolve(store);
const name = path.basename(source).replace(/^bench-scale-/, '');
const runs = Number(arg('runs', '3'));
const copy = path.join(root, '.data', `bench-engines-${name}`);
if (!fs.existsSync(path.join(copy, 'COPIED'))) {
  fs.rmSync(copy, { recursive: true, force: true });
  process.stdout.write(`copying ${source} to ${copy}\n`);
  execFileSync('cp', ['-a', source, copy]);
  fs.writeFileSync(path.join(copy, 'COPIED'), source);
}

// Whole-graph runs outlast the bench database's 2-minute query limit on a loaded machine.
const db = await openBenchDb(`engines-${name}`, { heap: '1g', pageCache: '512m', queryTimeoutMs: 1_800_000 });
try {
  const m = machine(db.neo4jVersion);
  printMachine(m);
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const c = await compareEngines(db.gateway, runs);
  if (!c) process.exit(1);
  const figures = {
    [`engines_${name}_entities`]: c.entities,
    [`engines_${name}_node_ms_median`]: round(median(c.nodeMs), 0),
    [`engines_${name}_gds_ms_median`]: round(median(c.gdsMs), 0),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const file = writeResult({
    name: 'analytics',
    machine: m,
    figures,
    notes: {
      [`engines_${name}`]:
        `A copy of the ${name}-people scale store in a local Neo4j 5.26 (heap ${db.heap}, page cache ${db.pageCache}) with Graph Data Science 2.13.9, system scope: wholeGraphMetrics (weighted) forced to Node and to GDS, alternating, median of ${runs} after one warm-up of each; load average ${load} at the start.`,
    },
  });
  process.stdout.write(`wrote ${file}\n`);
} finally {
  await db.close();
}
