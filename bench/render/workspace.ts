/**
 * The workspace itself under the render benchmark (issue 30): the built app, served by the
 * server against a bench Neo4j holding `seed scale` data, opens a saved chart of about 3k, 5k and
 * 20k elements; the mouse drags the chart (down, 30 moves, up) and the wheel zooms it (10 notches
 * in, 10 out), and every animation frame is timed in the page (bench/render/gestures.ts), each
 * frame waiting for SwiftShader to finish its WebGL drawing as the bench page's frames do. In the
 * same browser and round, the bench page (bench/render/page.ts) runs the workspace's renderer
 * (`cytoscape-webgl-snapshot`) and sigma.js on the synthetic graph of the same size, so the
 * product is read beside its model and the baseline under the same load.
 *
 *   npx tsx bench/render/workspace.ts [--sizes 3000,5000,20000] [--rounds 2] [--seconds 4]
 *                                     [--profile 5000] [--shots DIR]
 *
 * --profile SIZE: a V8 CPU profile and a Chromium trace of the pan and of the zoom at that size,
 * summed by function and by trace event (style recalculation, layout, paint, React commits).
 * Charts: the fewest `seed scale` cells with at least 95% of the size, laid out once here with
 * ForceAtlas2 and scaled as the workspace scales a layout (layoutScale.ts), saved as a chart.
 * The store is kept in .data/bench-scale-1450 (loaded once, 1,450 people). Build the app first (npm run build).
 *
 * Merges workspace_* figures into bench/results/render.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UndirectedGraph } from 'graphology';
import * as fa2 from 'graphology-layout-forceatlas2';
import type { Page } from 'playwright-core';
import { arg, machine, median as exactMedian, root, round, sizeName, writeResult } from '../lib.ts';
import { scaleStore } from '../api.ts';
import { generateCell } from '../../seed/scale/index.ts';
import { startTestServer } from '../../server/testing/harness.ts';
import { visible } from '../../server/modules/chart/chart.repository.ts';
import { scaleToLinks } from '../../client/src/chart/layoutScale.ts';
import { seededRandom } from '../../server/kernel/random.ts';
import { openBench } from './browser.ts';
import { chartBox, commits, countCommits, drag, wheel, type Gesture } from './gestures.ts';
import type { RendererName } from './page.ts';

// The package is CommonJS: the loader hands over module.exports, the types describe `.default` (as in layout.worker.ts).
interface FA2 {
  (graph: UndirectedGraph, params: { iterations: number; settings: object }): Record<string, { x: number; y: number }>;
  inferSettings(graph: UndirectedGraph): object;
}
const forceAtlas2: FA2 = (fa2 as unknown as { default?: FA2 }).default ?? (fa2 as unknown as FA2);

const median = (xs: number[]) => round(exactMedian(xs), 1);

const sizes = arg('sizes', '3000,5000,20000').split(',').map(Number);
const rounds = Number(arg('rounds', '2'));
const seconds = Number(arg('seconds', '4'));
const profileSize = Number(arg('profile', '0'));
const shots = arg('shots', '');

if (!fs.existsSync(path.join(root, 'dist/client/index.html'))) throw new Error('Build the workspace first: npm run build');

/** Cells of `seed scale` (50 people each) for a chart of about `size` elements. */
function cellsFor(size: number): number {
  let total = 0;
  for (let c = 0; ; c++) {
    const d = generateCell(c).data;
    total += d.entities.length + d.links.length;
    if (total >= size * 0.95) return c + 1;
  }
}

const cellsBySize = new Map(sizes.map((s) => [s, cellsFor(s)]));
// One store for every run, whatever its sizes: the people of the default 20k chart, or more.
const people = Math.max(cellsFor(20000), ...cellsBySize.values()) * 50;
process.env.BENCH_NEO4J_HEAP ??= '1g';
const db = await scaleStore(people);
const server = await startTestServer({ gateway: db.gateway });

/** Saves a chart of the first `cells` cells with ForceAtlas2 positions; its id and element count. */
async function saveChart(size: number, cells: number): Promise<{ id: string; nodes: number; edges: number }> {
  const ids = Array.from({ length: cells }, (_, c) => generateCell(c).data.entities.map((e) => e.id)).flat();
  const found = await visible(db.gateway, ids);
  const g = new UndirectedGraph();
  const random = seededRandom(7);
  for (const n of found.nodes) g.addNode(n.id, { x: random() * 1000, y: random() * 1000 });
  for (const e of found.edges) if (e.source !== e.target && !g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target);
  const raw = forceAtlas2(g, { iterations: 150, settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: true } });
  const scaled: Record<string, { x: number; y: number }> = {};
  for (const [id, p] of Object.entries(raw)) scaled[id] = { x: p.x * 12, y: p.y * 12 };
  const positions = scaleToLinks(scaled, found.edges.map((e) => [e.source, e.target] as const), false);
  const document = { version: 1, elements: { nodes: found.nodes.map((n) => ({ id: n.id })), edges: found.edges.map((e) => ({ id: e.id })) }, positions, hidden: [], pinned: [], viewport: null };
  const save = () =>
    server.graphql<{ saveChart: { id: string; nodeCount: number; edgeCount: number } }>(
      'mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id nodeCount edgeCount } }',
      { name: `Render bench ${sizeName(size)} (${process.pid})`, document },
    );
  // The layout above takes seconds, past the server's keep-alive: the client may reuse the
  // connection the server is closing (ECONNRESET, the request never read), so that is tried once more.
  const res = await save().catch((e: Error) => {
    if ((e.cause as { code?: string } | undefined)?.code !== 'ECONNRESET') throw e;
    return save();
  });
  if (res.errors) throw new Error(`saving the ${size} chart: ${JSON.stringify(res.errors)}`);
  const s = res.data!.saveChart;
  return { id: s.id, nodes: s.nodeCount, edges: s.edgeCount };
}

const charts = new Map<number, { id: string; nodes: number; edges: number }>();
for (const size of sizes) {
  const c = await saveChart(size, cellsBySize.get(size)!);
  charts.set(size, c);
  console.log(`${sizeName(size)}: chart of ${c.nodes} entities and ${c.edges} links (${c.nodes + c.edges} elements, ${cellsBySize.get(size)} cells)`);
}

const bench = await openBench();
const gl = await (async () => {
  const p = await bench.newPage();
  const info = await p.evaluate(() => window.bench.webglInfo());
  await p.close();
  return info;
})();
const loadBefore = machine().loadAverage;
console.log(`Chromium ${bench.browser.version()}; WebGL: ${gl.renderer}; load average ${loadBefore.join(' ')}`);
if (!/swiftshader/i.test(gl.renderer)) console.warn('Warning: the WebGL renderer is not SwiftShader; figures are not comparable with the bench page figures.');

/** Opens the saved chart in the workspace and waits until it is drawn and idle. */
async function openChart(size: number): Promise<Page> {
  const chart = charts.get(size)!;
  const page = await bench.browser.newPage({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { authorization: server.authorization } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.addInitScript(() => sessionStorage.setItem('lantern.purpose', 'render benchmark'));
  await countCommits(page);
  await page.goto(`${server.url}/#chart=${encodeURIComponent(chart.id)}`);
  await page.waitForFunction((n) => document.querySelector('[data-testid="counts"]')?.textContent?.startsWith(`${n} entities`), chart.nodes, { timeout: 300_000 });
  await page.locator('.stage[aria-busy="false"]').waitFor({ timeout: 300_000 });
  const renderer = await page.getByTestId('renderer').textContent();
  if (renderer !== 'WebGL renderer') throw new Error(`the workspace drew the ${size} chart with "${renderer}", not WebGL`);
  // Until the first full frame is on screen and the page is quiet.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  return page;
}

/** The pan (a drag from the empty top edge, inside the fit padding) and the zoom (at the centre). */
async function gestures(page: Page, size: number, round: number): Promise<{ pan: Gesture; zoom: Gesture }> {
  const box = await chartBox(page);
  const pan = await drag(page, { x: box.x + 12, y: box.y + 12 }, { dx: 300, dy: 160 }, { finish: true });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 600)));
  if (shots && round === 0) await page.screenshot({ path: path.join(shots, `workspace-${sizeName(size)}-panned.png`) });
  const zoom = await wheel(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, { finish: true });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 600)));
  if (shots && round === 0) {
    // At rest after the zoom (10 notches in and out), then zoomed in 5 notches and at rest again.
    await page.waitForFunction(() => !window.lanternChart!.renderStats().moving);
    await page.screenshot({ path: path.join(shots, `workspace-${sizeName(size)}-zoomed.png`) });
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    await page.waitForFunction(() => !window.lanternChart!.renderStats().moving);
    await page.screenshot({ path: path.join(shots, `workspace-${sizeName(size)}-zoomed-in.png`) });
  }
  return { pan, zoom };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** A CPU profile and a trace around `act`, printed as the top functions and trace events by self time. */
async function profiled(page: Page, label: string, act: () => Promise<Gesture>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const events: { name: string; ph: string; dur?: number; cat: string }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const g = await act();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nprofile ${label}: wall ${g.wallMs} ms, ${g.frames} frames, p50 ${g.p50} p95 ${g.p95} max ${g.max} ms, ${g.commits} React commits`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(`  ${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  const byEvent = new Map<string, { n: number; ms: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const x = byEvent.get(e.name) ?? { n: 0, ms: 0 };
    x.n += 1;
    x.ms += e.dur / 1000;
    byEvent.set(e.name, x);
  }
  const wanted = ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'RunTask', 'FunctionCall', 'FireAnimationFrame', 'EventDispatch', 'HitTest', 'TimerFire', 'v8.run', 'ParseHTML', 'Commit'];
  console.log('  trace (main and compositor threads, count and total ms):');
  for (const name of wanted) {
    const x = byEvent.get(name);
    if (x) console.log(`    ${name.padEnd(20)} ${String(x.n).padStart(6)}  ${x.ms.toFixed(0).padStart(7)} ms`);
  }
}

if (profileSize) {
  if (!charts.has(profileSize)) throw new Error(`--profile ${profileSize}: not among --sizes`);
  const page = await openChart(profileSize);
  const box = await chartBox(page);
  await profiled(page, `pan ${sizeName(profileSize)}`, () => drag(page, { x: box.x + 12, y: box.y + 12 }, { dx: 300, dy: 160 }, { finish: true }));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 600)));
  await profiled(page, `zoom ${sizeName(profileSize)}`, () => wheel(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, { finish: true }));
  await page.close();
  await bench.browser.close();
  await server.close();
  await db.close();
  process.exit(0);
}

if (shots) fs.mkdirSync(shots, { recursive: true });
const figures: Record<string, number> = {};
const runs: Record<string, unknown> = {};
for (const size of sizes) {
  const s = sizeName(size);
  const chart = charts.get(size)!;
  const elements = chart.nodes + chart.edges;
  const ws: { pan: Gesture; zoom: Gesture; load: number }[] = [];
  const page: Record<'snapshot' | 'sigma', { p50: number; p95: number; max: number }[]> = { snapshot: [], sigma: [] };
  for (let round = 0; round < rounds; round++) {
    const p = await openChart(size);
    const g = await gestures(p, size, round);
    const load = machine().loadAverage[0]!;
    ws.push({ ...g, load });
    const c = await commits(p);
    await p.close();
    console.log(
      `${s.padStart(4)} round ${round + 1}  workspace (${elements} elements, load ${load}): pan wall ${g.pan.wallMs} ms, ${g.pan.frames} frames, p50 ${g.pan.p50} p95 ${g.pan.p95} max ${g.pan.max} ms (frames that drew: ${g.pan.drawn.frames}, p50 ${g.pan.drawn.p50} p95 ${g.pan.drawn.p95}), ${g.pan.commits} React commits; zoom wall ${g.zoom.wallMs} ms, ${g.zoom.frames} frames, p50 ${g.zoom.p50} p95 ${g.zoom.p95} max ${g.zoom.max} ms (drew: ${g.zoom.drawn.frames}, p50 ${g.zoom.drawn.p50} p95 ${g.zoom.drawn.p95}), ${g.zoom.commits} commits (${c} since load)`,
    );
    const slow = (x: Gesture) => x.slowest.map((f) => `${f.ms}${f.kind ? ` ${f.kind}` : ''}`).join(', ');
    console.log(`${s.padStart(4)} round ${round + 1}  retakes pan ${g.pan.retakes}, zoom ${g.zoom.retakes}; slowest frames (ms and what drew: q quad, r snapshot retaken, f full, p replay, s snapshots at rest, c change) pan: ${slow(g.pan)}; zoom: ${slow(g.zoom)}`);
    for (const [which, renderer] of [['snapshot', 'cytoscape-webgl-snapshot'], ['sigma', 'sigma']] as const) {
      const bp = await bench.newPage();
      const r = await bp.evaluate(([name, n, ms]) => window.bench.run(name as RendererName, n as number, ms as number), [renderer, elements, seconds * 1000] as const);
      await bp.close();
      page[which].push({ p50: r.msPerFrameP50, p95: r.msPerFrameP95, max: r.msPerFrameMax });
      console.log(`${s.padStart(4)} round ${round + 1}  bench page ${renderer}: p50 ${r.msPerFrameP50} p95 ${r.msPerFrameP95} max ${r.msPerFrameMax} ms (${r.fps} fps)`);
    }
  }
  for (const gesture of ['pan', 'zoom'] as const) {
    for (const q of ['p50', 'p95', 'max'] as const) figures[`workspace_${gesture}_${q}_ms_${s}`] = median(ws.map((w) => w[gesture][q]));
    for (const q of ['p50', 'p95'] as const) figures[`workspace_${gesture}_drawn_${q}_ms_${s}`] = median(ws.map((w) => w[gesture].drawn[q]));
    figures[`workspace_${gesture}_drawn_frames_${s}`] = median(ws.map((w) => w[gesture].drawn.frames));
    figures[`workspace_${gesture}_wall_ms_${s}`] = median(ws.map((w) => w[gesture].wallMs));
    figures[`workspace_${gesture}_react_commits_${s}`] = Math.max(...ws.map((w) => w[gesture].commits));
    figures[`workspace_${gesture}_retakes_${s}`] = Math.max(...ws.map((w) => w[gesture].retakes));
  }
  for (const q of ['p50', 'p95', 'max'] as const) {
    figures[`workspace_bench_snapshot_${q}_ms_${s}`] = median(page.snapshot.map((x) => x[q]));
    figures[`workspace_sigma_${q}_ms_${s}`] = median(page.sigma.map((x) => x[q]));
  }
  figures[`workspace_elements_${s}`] = elements;
  runs[s] = ws.map((w) => ({ load1: w.load, pan: w.pan, zoom: w.zoom }));
}
await bench.browser.close();
await server.close();
await db.close();

const m = machine();
const file = writeResult({
  name: 'render',
  machine: m,
  figures,
  notes: {
    workspace: {
      how: 'the built workspace (dist/client) served against a bench Neo4j with seed scale data, a saved chart (ForceAtlas2 positions) opened by #chart=ID at 1280x800; a mouse drag of the background (30 moves) and 10 wheel notches in, 10 out; frame p50/p95/max over the gaps between animation frames from the first input to two frames after the last, each frame reading one pixel back from the chart\'s WebGL canvases; median over the rounds. The gestures are paced by their input events, so some frames between events draw nothing: *_drawn_* keeps only the frames in which the chart drew (its renderStats counters moved). Beside it in the same round: the bench page\'s cytoscape-webgl-snapshot and sigma.js on the synthetic graph of the same element count (workspace_bench_snapshot_*, workspace_sigma_*). React commits counted through the DevTools hook',
      loadAverageBefore: loadBefore,
      loadAverageAfter: m.loadAverage,
      rounds: runs,
    },
  },
});
console.log(`Wrote ${file}`);
process.exit(0);
