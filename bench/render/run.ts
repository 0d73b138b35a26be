/**
 * Render benchmark: time to first frame and frames per second during a scripted pan and zoom,
 * for 1k, 5k and 20k element graphs, with Cytoscape's canvas and WebGL renderers (configured as
 * the workspace configures them at that size) and sigma.js as the baseline, in one headless
 * Chromium with software WebGL (SwiftShader).
 *
 *   npm run bench:render [-- --sizes 1000,5000,20000 --seconds 4 --rounds 2]
 *
 * Writes bench/results/render.json ({ name, machine, figures, notes }) and prints a table.
 */
import { arg, machine, printMachine, sizeName, writeResult } from '../lib.ts';
import { openBench } from './browser.ts';
import type { RendererName, RunResult } from './page.ts';

const sizes = arg('sizes', '1000,5000,20000').split(',').map(Number);
const seconds = Number(arg('seconds', '4'));
const rounds = Number(arg('rounds', '2'));
const renderers = arg('renderers', 'cytoscape-canvas,cytoscape-webgl,sigma').split(',') as RendererName[];

const loadBefore = machine().loadAverage;
const { browser, newPage } = await openBench();
const first = await newPage();
const gl = await first.evaluate(() => window.bench.webglInfo());
await first.close();
const version = browser.version();
console.log(`Chromium ${version}; WebGL renderer: ${gl.renderer} (${gl.vendor}); WebGL 2: ${gl.webgl2}; load average before: ${loadBefore.join(' ')}`);
if (!/swiftshader/i.test(gl.renderer)) console.warn('Warning: the WebGL renderer is not SwiftShader; figures are not comparable.');

const key = (r: RendererName) => r.replace(/-/g, '_');
const figures: Record<string, number> = {};
for (const size of sizes) {
  // Rounds interleave the renderers, so a burst of load on the shared machine hits them alike;
  // each figure is the best round's (the least disturbed).
  const best = new Map<RendererName, RunResult>();
  for (let round = 0; round < rounds; round++) {
    for (const r of renderers) {
      const page = await newPage();
      const res = await page.evaluate(([renderer, elements, ms]) => window.bench.run(renderer as RendererName, elements as number, ms as number), [r, size, seconds * 1000] as const);
      await page.close();
      const prev = best.get(r);
      if (!prev || res.fps > prev.fps) best.set(r, res);
      console.log(
        `${String(size).padStart(6)}  ${r.padEnd(17)} first frame ${String(res.firstFrameMs).padStart(6)} ms   ${String(res.fps).padStart(6)} fps   p50 ${res.msPerFrameP50} ms  p95 ${res.msPerFrameP95} ms${res.webglActive ? '' : '  (no WebGL)'}`,
      );
    }
  }
  for (const [r, res] of best) {
    const s = sizeName(size);
    figures[`${key(r)}_fps_${s}`] = res.fps;
    figures[`${key(r)}_first_frame_ms_${s}`] = res.firstFrameMs;
    figures[`${key(r)}_ms_per_frame_p50_${s}`] = res.msPerFrameP50;
  }
  const sigma = best.get('sigma');
  const webgl = best.get('cytoscape-webgl');
  if (sigma && webgl && sigma.fps > 0) figures[`cytoscape_webgl_to_sigma_fps_${sizeName(size)}`] = Math.round((webgl.fps / sigma.fps) * 100) / 100;
}
await browser.close();

const m = machine();
printMachine(m);
const file = writeResult({
  name: 'render',
  machine: m,
  figures,
  notes: {
    webglRenderer: gl.renderer,
    chromium: version,
    loadAverageBefore: loadBefore,
    seconds,
    rounds,
    statistic: 'best of the interleaved rounds per renderer and size',
    viewport: '1280x800, pixel ratio 1',
  },
});
console.log(`Wrote ${file}`);
