/**
 * docs/BENCHMARKS.md from bench/results/*.json: one current table per benchmark (figure, value,
 * same-run baseline, target, where it stands), with the machine and the date the figures were
 * recorded. Run histories stay in git and bench/ANALYSIS.md, not on this page. Run by
 * `npm run bench` at the end, or alone: `npx tsx bench/table.ts`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { memoryText, resultsDir, root, type Result } from './lib.ts';

interface Target {
  figure: string;
  text: string;
  ok: (v: number) => boolean;
}

const SIZES = ['10k', '100k', '1m'];
const TARGETS: Target[] = [
  ...['search', 'neighbourhood1', 'neighbourhood2', 'paths', 'subgraph'].flatMap((k) =>
    SIZES.map((s) => ({ figure: `${k}_p95_ratio_${s}`, text: 'GraphQL p95 within 1.3x of the raw driver’s', ok: (v: number) => v <= 1.3 })),
  ),
  { figure: 'neighbourhood1_graphql_p95_ms_1m', text: 'at 1M people, <= 15 ms', ok: (v) => v <= 15 },
  { figure: 'neighbourhood2_graphql_p95_ms_1m', text: 'at 1M people, <= 60 ms', ok: (v) => v <= 60 },
  { figure: 'search_graphql_p95_ms_1m', text: 'at 1M people, <= 30 ms', ok: (v) => v <= 30 },
  ...SIZES.flatMap((s) => [
    { figure: `requests_per_s_${s}`, text: '>= 800 requests/s under the mix', ok: (v: number) => v >= 800 },
    { figure: `errors_${s}`, text: 'no errors', ok: (v: number) => v === 0 },
    { figure: `ratio_to_baseline_${s}`, text: '>= 0.8x the baseline', ok: (v: number) => v >= 0.8 },
  ]),
  { figure: 'seed_scale_seconds_1m', text: '1M people loaded in under 10 minutes (600 s)', ok: (v) => v < 600 },
  // The workspace draws charts above 2,000 elements with WebGL and viewport snapshots (LARGE_CHART).
  { figure: 'cytoscape_webgl_snapshot_fps_5k', text: '>= 30 frames/s at 5k elements (the workspace’s renderer)', ok: (v) => v >= 30 },
  // Issue 22: queries built to make the server work are refused at once (whole HTTP round trip).
  ...['chain40', 'aliases1000_search', 'aliases100_schema', 'copies700_field'].map((k) => ({
    figure: `${k}_refused_ms_median`, text: 'refused in under 50 ms', ok: (v: number) => v < 50,
  })),
  // Issue 30: the workspace itself, dragged and wheel-zoomed (bench/render/workspace.ts), under SwiftShader.
  ...(['pan', 'zoom'] as const).flatMap((g) => [
    { figure: `workspace_${g}_p50_ms_5k`, text: '<= 33 ms a frame at 5k elements (the workspace, mouse and wheel)', ok: (v: number) => v <= 33 },
    { figure: `workspace_${g}_p95_ms_5k`, text: '<= 50 ms a frame at 5k elements (the workspace, mouse and wheel)', ok: (v: number) => v <= 50 },
  ]),
  ...['3k', '5k', '20k'].flatMap((s) => (['pan', 'zoom'] as const).map((g) => ({ figure: `workspace_${g}_react_commits_${s}`, text: 'no React commit during the gesture', ok: (v: number) => v === 0 }))),
  { figure: 'cytoscape_webgl_snapshot_to_sigma_fps_20k', text: '>= sigma.js’s rate at 20k (same run)', ok: (v) => v >= 1 },
  { figure: 'febrl1_f1', text: '>= 0.95', ok: (v) => v >= 0.95 },
  { figure: 'splink_fake_1000_f1', text: '>= 0.90', ok: (v) => v >= 0.9 },
  ...['febrl1', 'splink_fake_1000', 'demo'].map((d) => ({ figure: `${d}_precision`, text: '1.000: no false merge', ok: (v: number) => v >= 1 })),
  { figure: 'scale_100k_precision', text: '>= 0.95', ok: (v) => v >= 0.95 },
  { figure: 'name_only_f1', text: '>= 0.8', ok: (v) => v >= 0.8 },
  // Issue 26: the map and the occupancy view opening on Operation Harrier's 57 premises (bench/map.ts).
  ...['map', 'occupancy'].flatMap((v) => ['p50', 'p95'].map((q) => ({ figure: `${v}_open_ms_${q}`, text: 'opens on an operation’s 57 premises within 1 s', ok: (x: number) => x <= 1000 }))),
  // Issue 29: the neighbourhood statement sent within 1.5x of its file (the stored chart card).
  { figure: 'neighbourhood_sent_to_file_ratio_after', text: '<= 1.5x of the file', ok: (v) => v <= 1.5 },
];

/**
 * The same-run baseline a figure is measured against, by the benchmarks' naming: GraphQL beside
 * the raw driver, the bulk loader beside batched MERGE, Cytoscape beside sigma.js, with audit
 * beside without, warm-up on beside off, each export and briefing beside its floor.
 */
const BASELINES: [RegExp, string][] = [
  [/_graphql_/, '_driver_'],
  [/^seed_scale_(rows_per_s_\w+)$/, 'baseline_$1'],
  [/^cytoscape_\w+?_(fps|first_frame_ms|ms_per_frame_p50)_(\w+)$/, 'sigma_$1_$2'],
  [/_with_audit$/, '_without_audit'],
  [/_with_chain$/, '_plain'],
  [/_on_(\w+)$/, '_off_$1'],
  [/^requests_per_s_(\w+)$/, 'driver_requests_per_s_$1'],
  [/^(html|pdf|png)_warm_ms_\d+$/, '$1_baseline_empty_ms'],
  [/^(graphml|gexf|anx|csv|ftm)_write_ms$/, 'baseline_json_stringify_ms'],
  [/_refused_ms_median$/, '_graphql_validate_alone_ms'],
  [/_after$/, '_before'],
  [/^workspace_(?:pan|zoom)_(p50|p95|max)_ms_(\w+)$/, 'workspace_sigma_$1_ms_$2'],
  [/^(?:map|occupancy)_open_ms_(p50|p95)$/, 'map_baseline_chart_open_ms_$1'],
  [/^(.+)$/, '$1_without_tf'],
];

function baselineOf(figure: string, figures: Record<string, number>): string | undefined {
  for (const [from, to] of BASELINES) {
    if (!from.test(figure)) continue;
    const b = figure.replace(from, to);
    if (b !== figure && figures[b] !== undefined) return b;
  }
  return undefined;
}

/** The day the results file was last committed, or today's for figures not committed yet. */
function recordedOn(file: string): string {
  try {
    const committed = execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { cwd: root, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', file], { cwd: root, encoding: 'utf8' }).trim();
    return changed || !committed ? new Date().toISOString().slice(0, 10) : committed;
  } catch {
    return 'unknown';
  }
}

/** Settings short enough to read in a line; longer run notes stay in the results file. */
function settingsText(notes: Record<string, unknown> | undefined): string {
  const short = Object.entries(notes ?? {})
    .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as const)
    .filter(([, v]) => v.length <= 60)
    .map(([k, v]) => `${k} ${v}`);
  return short.join('; ');
}

const ORDER = ['load', 'api-latency', 'api-throughput', 'memory', 'cold-start', 'render'];
const files = fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir).filter((f) => f.endsWith('.json')) : [];
const results = files
  .map((f) => ({ file: path.join(resultsDir, f), r: JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8')) as Result }))
  .sort((a, b) => ((ORDER.indexOf(a.r.name) + 100) % 100) - ((ORDER.indexOf(b.r.name) + 100) % 100) || a.r.name.localeCompare(b.r.name));

const lines: string[] = [
  '# Benchmarks',
  '',
  '<!-- Generated by `npx tsx bench/table.ts` from bench/results/*.json; do not edit by hand. -->',
  '',
  '`npm run bench` runs the suite (load, api-latency, api-throughput, memory, cold-start, and render when',
  '`bench/render/` is present) and regenerates this page; each benchmark also runs alone:',
  '`npx tsx bench/<name>.ts [--people 100k,1m]`. Each starts its own local Neo4j in',
  '`.data/bench-<store>` by the project’s own `openDatabase`. Benchmarks are not tests: nothing in',
  '`npm test` fails on a timing.',
  '',
  'One current table per benchmark: each figure beside its same-run baseline where it has one, and',
  'its target where one is set. Latency figures are medians over rounds of each round’s percentile;',
  'ratios are taken within the same run. How the figures were taken, and every earlier run, are in',
  'the results files’ notes, in git history and in [bench/ANALYSIS.md](../bench/ANALYSIS.md).',
  '',
];

for (const { file, r } of results) {
  const m = r.machine;
  const asBaseline = new Set(Object.keys(r.figures).map((k) => baselineOf(k, r.figures)).filter((b): b is string => b !== undefined));
  lines.push(`## ${r.name}`, '');
  lines.push(`Recorded ${recordedOn(file)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; Neo4j ${m.neo4j ?? '?'}; ${m.chromium ?? 'no Chromium'}; load average at the end ${m.loadAverage.join(', ')}${memoryText(m)}.`, '');
  const settings = settingsText(r.notes);
  if (settings) lines.push(`Settings: ${settings}. (\`bench/results/${path.basename(file)}\`)`, '');
  lines.push('| figure | value | same-run baseline | target | stands |', '|---|---:|---|---|---|');
  for (const [k, v] of Object.entries(r.figures)) {
    const b = baselineOf(k, r.figures);
    if (asBaseline.has(k) && !b) continue;
    const t = TARGETS.find((x) => x.figure === k);
    lines.push(`| ${k} | ${v} | ${b ? `${r.figures[b]} (${b})` : ''} | ${t?.text ?? ''} | ${t ? (t.ok(v) ? 'met' : '**missed**') : ''} |`);
  }
  for (const t of TARGETS.filter((t) => r.figures[t.figure] === undefined && belongsTo(t.figure, r))) {
    lines.push(`| ${t.figure} | not measured |  | ${t.text} | unknown |`);
  }
  lines.push('');
}

/** Targets named for this benchmark that it has not measured yet, so a gap shows. */
function belongsTo(figure: string, r: Result): boolean {
  if (r.name === 'entity-resolution') return ['scale_100k_precision', 'name_only_f1', 'febrl1_f1', 'splink_fake_1000_f1'].includes(figure);
  if (!figure.endsWith('_1m')) return false;
  if (r.name === 'load') return figure.includes('seed') || figure.includes('ratio_to');
  if (r.name === 'api-latency') return figure.includes('graphql');
  if (r.name === 'api-throughput') return figure.includes('requests');
  return false;
}

fs.writeFileSync(path.join(root, 'docs', 'BENCHMARKS.md'), `${lines.join('\n')}\n`);
process.stdout.write('wrote docs/BENCHMARKS.md\n');
