/**
 * Planning the chart statements, before and after the stored chart card (docs/decisions/
 * 0018-stored-chart-card.md). "Before" is each statement as it was sent until then, its chart
 * projections rewritten into a CASE per entity type (frozen from commit acd117e in
 * bench/planning/before-acd117e.json, with its text as written); "after" is the statement as
 * cypher() sends it now. Same run, same Neo4j, on the demo: each round clears Neo4j's query
 * caches (`CALL db.clearQueryCaches()`) and times `EXPLAIN <text>` (planning without running),
 * before and after alternating. Also the text sizes: the neighbourhood statement as sent against
 * its file.
 *
 *   tsx bench/planning.ts [--rounds 5]
 */
import fs from 'node:fs';
import path from 'node:path';
import { cypher, cypherRoot } from '../server/db/cypher.ts';
import { seedDemoIfEmpty } from '../seed/demo/index.ts';
import { arg, machine, median, openBenchDb, printMachine, root, round, writeResult } from './lib.ts';

const rounds = Number(arg('rounds', '5'));
const before = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'planning', 'before-acd117e.json'), 'utf8')) as Record<string, { written: string; sent: string }>;
const short: Record<string, string> = {
  'graph/neighbourhood-step': 'neighbourhood',
  'graph/subgraph': 'subgraph',
  'graph/common': 'common',
  'graph/chart-nodes': 'chart_nodes',
  'graph/chart-links': 'chart_links',
  'search/entities': 'search',
  'search/entities-top': 'search_top',
  'graph/paths-3': 'paths3',
};

const figures: Record<string, number> = {};
const fileBytes = (name: string) => fs.readFileSync(path.join(cypherRoot, 'queries', `${name}.cypher`), 'utf8').length;
for (const [name, k] of Object.entries(short)) {
  figures[`${k}_sent_chars_after`] = cypher(name).length;
  figures[`${k}_sent_chars_before`] = before[name]!.sent.length;
}
const nbh = 'graph/neighbourhood-step';
figures.neighbourhood_file_chars = fileBytes(nbh);
figures.neighbourhood_sent_to_file_ratio_after = round(cypher(nbh).length / fileBytes(nbh), 2);
figures.neighbourhood_sent_to_file_ratio_before = round(before[nbh]!.sent.length / before[nbh]!.written.length, 2);
process.stdout.write(
  `graph/neighbourhood-step: file ${fileBytes(nbh)} characters; sent ${cypher(nbh).length} now, ${before[nbh]!.sent.length} before (as written then ${before[nbh]!.written.length})\n`,
);

const db = await openBenchDb('planning', { heap: '1g', pageCache: '512m', startTimeoutMs: 600_000 });
try {
  await seedDemoIfEmpty(db, { info: () => undefined } as never);
  /** Milliseconds to plan `text` with empty query caches. */
  const plan = async (text: string) => {
    await db.gateway.runScript('CALL db.clearQueryCaches()');
    const t = performance.now();
    await db.gateway.runScript(`EXPLAIN ${text}`);
    return performance.now() - t;
  };
  // One untimed round, so that the JVM's own first-use costs fall on neither side.
  for (const name of Object.keys(short)) {
    await plan(before[name]!.sent);
    await plan(cypher(name));
  }
  const seen: Record<string, { before: number[]; after: number[] }> = {};
  for (let i = 0; i < rounds; i++) {
    for (const [name] of Object.entries(short)) {
      const s = (seen[name] ??= { before: [], after: [] });
      // Alternating which goes first.
      if (i % 2 === 0) {
        s.before.push(await plan(before[name]!.sent));
        s.after.push(await plan(cypher(name)));
      } else {
        s.after.push(await plan(cypher(name)));
        s.before.push(await plan(before[name]!.sent));
      }
    }
  }
  let totalBefore = 0;
  let totalAfter = 0;
  for (const [name, k] of Object.entries(short)) {
    const b = Math.round(median(seen[name]!.before));
    const a = Math.round(median(seen[name]!.after));
    figures[`${k}_plan_ms_before`] = b;
    figures[`${k}_plan_ms_after`] = a;
    totalBefore += b;
    totalAfter += a;
    process.stdout.write(`${name}: planned in ${a} ms now, ${b} ms before (${round(b / Math.max(a, 1), 1)}x); sent ${cypher(name).length} characters now, ${before[name]!.sent.length} before\n`);
  }
  figures.all_plan_ms_before = totalBefore;
  figures.all_plan_ms_after = totalAfter;
  process.stdout.write(`all ${Object.keys(short).length} statements: ${totalAfter} ms now, ${totalBefore} ms before\n`);
  const m = machine(db.neo4jVersion);
  printMachine(m);
  process.stdout.write(
    `wrote ${writeResult({
      name: 'planning',
      machine: m,
      figures,
      notes: {
        planning: {
          rounds,
          statistic: 'median of rounds; EXPLAIN after CALL db.clearQueryCaches(), on the demo; before and after alternate',
          before: 'the statements as sent at commit acd117e (chart projections rewritten into a CASE per type), bench/planning/before-acd117e.json',
        },
      },
    })}\n`,
  );
} finally {
  await db.close();
}
