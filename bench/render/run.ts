/**
 * Render benchmark: time to first frame and frames per second during a scripted pan and zoom,
 * for 1k, 5k and 20k element graphs, with Cytoscape's canvas and WebGL renderers (configured as
 * the workspace configures them at that size) and sigma.js as the baseline, in one headless
 * Chromium with software WebGL (SwiftShader).
 *
 *   npm run bench:render [-- --sizes 1000,5000,20000 --seconds 4 --rounds 2 --shots dir]
 *
 * Before measuring a size it checks the workspace's viewport cache (a replayed frame equals a
 * full frame pixel for pixel; picking finds the node under the pointer) and stops if not.
 * --shots writes one screenshot per renderer and size at the same step of the pan and zoom,
 * to see that every renderer shows the same region. Refuses to run on anything but SwiftShader
 * unless --any-gpu is given.
 *
 * Writes bench/results/render.json ({ name, machine, figures, notes }) and prints a table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { arg, machine, printMachine, sizeName, writeResult } from '../lib.ts';
import { openBench } from './browser.ts';
import type { RendererName, RunResult } from './page.ts';

const sizes = arg('sizes', '1000,5000,20000').split(',').map(Number);
const seconds = Number(arg('seconds', '4'));
const rounds = Number(arg('rounds', '2'));
const renderers = arg('renderers', 'cytoscape-canvas,cytoscape-webgl,cytoscape-webgl-snapshot,cytoscape-webgl-stock,sigma').split(',') as RendererName[];
const shots = arg('shots', '');
const anyGpu = process.argv.includes('--any-gpu');

const loadBefore = machine().loadAverage;
const { browser, newPage } = await openBench();
const first = await newPage();
const gl = await first.evaluate(() => window.bench.webglInfo());
await first.close();
const version = browser.version();
console.log(`Chromium ${version}; WebGL renderer: ${gl.renderer} (${gl.vendor}); WebGL 2: ${gl.webgl2}; load average before: ${loadBefore.join(' ')}`);
if (!/swiftshader/i.test(gl.renderer)) {
  if (!anyGpu) {
    console.error(`The WebGL renderer is ${gl.renderer}, not SwiftShader: figures would not be comparable (--any-gpu to run anyway).`);
    await browser.close();
    process.exit(1);
  }
  console.warn('Warning: the WebGL renderer is not SwiftShader; figures are not comparable.');
}

const key = (r: RendererName) => r.replace(/-/g, '_');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h]! : Math.round(((s[h - 1]! + s[h]!) / 2) * 10) / 10;
};
const figures: Record<string, number> = {};
/** Frames longer than a second, per renderer and size, per round: [frame, ms]. */
const stalls: Record<string, [number, number][][]> = {};
const verified: Record<string, unknown> = {};
for (const size of sizes) {
  if (renderers.includes('cytoscape-webgl')) {
    const page = await newPage();
    const v = await page.evaluate((n) => window.bench.verify(n), size);
    await page.close();
    console.log(
      `${String(size).padStart(6)}  viewport cache: frame replayed ${v.replayed}, ${v.differing} of ${v.pixels} pixels differ from a full frame (${v.inked} drawn); picking found ${v.pickedRight} of ${v.picked} nodes (replayed ${v.pickingReplayed}); GPU after ${v.gpu.fullFrames} full frames: ${v.gpu.vaos} VAOs, ${v.gpu.buffers} buffers for ${v.gpu.recorded} recorded batches (${v.gpu.vaosBefore} before), ${v.gpu.afterDestroy} after destroy`,
    );
    verified[sizeName(size)] = v;
    if (!v.replayed || v.differing > 0 || v.inked === 0 || v.picked === 0 || v.pickedRight < v.picked || !v.pickingReplayed || v.gpu.vaos !== v.gpu.recorded || v.gpu.afterDestroy !== 0) {
      console.error('The viewport cache does not reproduce a full frame, or keeps GPU buffers it dropped: not measuring.');
      await browser.close();
      process.exit(1);
    }
  }
  if (renderers.includes('cytoscape-webgl-snapshot')) {
    const page = await newPage();
    const v = await page.evaluate(([n, images]) => window.bench.verifySnapshot(n as number, images as boolean), [size, !!shots] as const);
    if (shots) {
      // Crops of each mid-motion snapshot frame and the full frame of the same view, then kept out of the result.
      fs.mkdirSync(shots, { recursive: true });
      for (const m of v.motion) {
        for (const [which, url] of Object.entries(m.images ?? {})) fs.writeFileSync(path.join(shots, `motion-${sizeName(size)}-${m.step.replace(/[^a-z0-9.]+/gi, '-')}-${which}.png`), Buffer.from(url.split(',')[1]!, 'base64'));
        delete m.images;
      }
    }
    await page.close();
    const motion = v.motion.map((m) => `${m.step}: ${m.diff.differing} px (${(m.diff.shareOfInked * 100).toFixed(2)}% of ${m.diff.inked} drawn) differ by >${m.diff.threshold}, mean ${m.diff.meanAbs}${m.quad ? '' : ' (NOT a snapshot frame)'}`);
    console.log(
      `${String(size).padStart(6)}  snapshot: at rest ${v.rest.differing} of ${v.rest.pixels} pixels differ from a full frame (drawn in full ${v.rest.drawnInFull}), ${v.restAgainstCanvasMultisampled.differing} from the same view on a canvas Chromium multisamples; mid-motion against a full frame of the same view: ${motion.join('; ')}; first frames from the snapshots at rest: ${v.fromRest.map((f) => `${f.step}: ${(f.diff.shareOfInked * 100).toFixed(2)}% of drawn pixels differ${f.quad ? '' : ' (NOT a snapshot frame)'}`).join('; ')}; picking while moving ${v.pickedRight} of ${v.picked}; ${v.vaosAfterDestroy} VAOs after destroy`,
    );
    verified[`snapshot_${sizeName(size)}`] = v;
    if (v.rest.differing > 0 || !v.rest.drawnInFull || (v.large && v.restAgainstCanvasMultisampled.differing > 0) || v.picked === 0 || v.pickedRight < v.picked || v.vaosAfterDestroy !== 0 || v.motion.some((m) => !m.quad) || v.fromRest.some((f) => !f.quad)) {
      console.error('Snapshot mode: the frame at rest is not a full frame (or not as a multisampled canvas draws it), a motion frame was not a snapshot, or picking failed: not measuring.');
      await browser.close();
      process.exit(1);
    }
  }
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    if (renderers.includes('cytoscape-webgl-snapshot')) {
      for (const r of ['cytoscape-webgl-snapshot', 'cytoscape-webgl'] as const) {
        const page = await newPage();
        const s = await page.evaluate(([renderer, n]) => window.bench.shots(renderer as RendererName, n as number, 60), [r, size] as const);
        await page.close();
        for (const [when, url] of Object.entries(s)) fs.writeFileSync(path.join(shots, `frame-${sizeName(size)}-${r}-${when}.png`), Buffer.from(url.split(',')[1]!, 'base64'));
      }
    }
    for (const r of renderers) {
      const page = await newPage();
      await page.evaluate(([renderer, n]) => window.bench.show(renderer as RendererName, n as number, 60), [r, size] as const);
      await page.screenshot({ path: path.join(shots, `render-${sizeName(size)}-${r}.png`), timeout: 120_000 }).catch((e: Error) => console.warn(`No screenshot of ${r} at ${size}: ${e.message.split('\n')[0]}`));
      await page.close();
    }
  }
  // Rounds interleave the renderers, so a burst of load on the shared machine hits them alike;
  // each figure is the median over the rounds.
  const all = new Map<RendererName, RunResult[]>();
  for (let round = 0; round < rounds; round++) {
    for (const r of renderers) {
      const page = await newPage();
      const res = await page.evaluate(([renderer, elements, ms]) => window.bench.run(renderer as RendererName, elements as number, ms as number), [r, size, seconds * 1000] as const);
      await page.close();
      all.set(r, [...(all.get(r) ?? []), res]);
      const stalls = res.stalls.length > 0 ? `  stalls (frame, ms): ${res.stalls.map(([i, ms]) => `${i}: ${ms}`).join(', ')}, ${res.fpsWithoutStalls} fps without them` : '';
      const snap = res.snapshot;
      const cache = snap
        ? `  snapshot: ${snap.quad} quad, ${snap.refresh} refreshed, ${snap.full} full; frame after a refresh p50 ${snap.refreshMsP50} ms, max ${snap.refreshMsMax} ms; after a quad p50 ${snap.quadMsP50} ms`
        : res.cache
          ? `  cache: ${res.cache.replayed} replayed, ${res.cache.full} full`
          : '';
      console.log(
        `${String(size).padStart(6)}  ${r.padEnd(21)} first frame ${String(res.firstFrameMs).padStart(6)} ms   ${String(res.fps).padStart(6)} fps (${res.draws} draws in ${res.frames} frames)   p50 ${res.msPerFrameP50} ms  p95 ${res.msPerFrameP95} ms  max ${res.msPerFrameMax} ms${res.webglActive ? '' : '  (no WebGL)'}${cache}${stalls}`,
      );
    }
  }
  const med = new Map<RendererName, Record<'fps' | 'fpsWithoutStalls' | 'firstFrameMs' | 'msPerFrameP50' | 'msPerFrameP95' | 'msPerFrameMax', number>>();
  for (const [r, runs] of all) {
    const s = sizeName(size);
    const m = {
      fps: median(runs.map((x) => x.fps)),
      fpsWithoutStalls: median(runs.map((x) => x.fpsWithoutStalls)),
      firstFrameMs: median(runs.map((x) => x.firstFrameMs)),
      msPerFrameP50: median(runs.map((x) => x.msPerFrameP50)),
      msPerFrameP95: median(runs.map((x) => x.msPerFrameP95)),
      msPerFrameMax: median(runs.map((x) => x.msPerFrameMax)),
    };
    med.set(r, m);
    figures[`${key(r)}_fps_${s}`] = m.fps;
    if (m.fpsWithoutStalls !== m.fps) figures[`${key(r)}_fps_without_stalls_${s}`] = m.fpsWithoutStalls;
    figures[`${key(r)}_first_frame_ms_${s}`] = m.firstFrameMs;
    figures[`${key(r)}_ms_per_frame_p50_${s}`] = m.msPerFrameP50;
    figures[`${key(r)}_ms_per_frame_p95_${s}`] = m.msPerFrameP95;
    figures[`${key(r)}_ms_per_frame_max_${s}`] = m.msPerFrameMax;
    const snaps = runs.flatMap((x) => (x.snapshot ? [x.snapshot] : []));
    if (snaps.length > 0) {
      figures[`${key(r)}_quad_frames_${s}`] = median(snaps.map((x) => x.quad));
      figures[`${key(r)}_refresh_frames_${s}`] = median(snaps.map((x) => x.refresh));
      figures[`${key(r)}_full_frames_${s}`] = median(snaps.map((x) => x.full));
      // Over the rounds that took a snapshot during the window (a round without one has no such frame).
      const refreshed = snaps.filter((x) => x.refresh > 0);
      if (refreshed.length > 0) figures[`${key(r)}_refresh_ms_p50_${s}`] = median(refreshed.map((x) => x.refreshMsP50));
      figures[`${key(r)}_quad_ms_p50_${s}`] = median(snaps.map((x) => x.quadMsP50));
    }
    stalls[`${key(r)}_${s}`] = runs.map((x) => x.stalls);
  }
  const sigma = med.get('sigma');
  const webgl = med.get('cytoscape-webgl');
  const stock = med.get('cytoscape-webgl-stock');
  if (sigma && webgl && sigma.fps > 0) figures[`cytoscape_webgl_to_sigma_fps_${sizeName(size)}`] = Math.round((webgl.fps / sigma.fps) * 100) / 100;
  if (sigma && webgl && sigma.fpsWithoutStalls > 0) figures[`cytoscape_webgl_to_sigma_fps_without_stalls_${sizeName(size)}`] = Math.round((webgl.fpsWithoutStalls / sigma.fpsWithoutStalls) * 100) / 100;
  if (stock && webgl && stock.fps > 0) figures[`cytoscape_webgl_to_stock_fps_${sizeName(size)}`] = Math.round((webgl.fps / stock.fps) * 100) / 100;
  const snapshot = med.get('cytoscape-webgl-snapshot');
  if (sigma && snapshot && sigma.fps > 0) figures[`cytoscape_webgl_snapshot_to_sigma_fps_${sizeName(size)}`] = Math.round((snapshot.fps / sigma.fps) * 100) / 100;
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
    statistic: 'median of the interleaved rounds per renderer and size; frames per second counts the library\'s own draws, each frame waiting for the GPU to finish its WebGL drawing (a one-pixel readPixels per WebGL context; 2D canvases are not waited for); fps_without_stalls leaves out frames longer than 1 s',
    loadAverageAfter: m.loadAverage,
    stalls,
    viewport: '1280x800, pixel ratio 1; every renderer shown the same region at every step (page.ts camera())',
    firstFrameSmallStyle:
      'at 1k (2,000 elements or fewer) the WebGL modes draw the small-chart style, which the workspace draws with the canvas renderer, never WebGL: its node icons and labels fill six 4096x4096 texture atlases with mipmaps, which SwiftShader uploads before the first read-back returns (15 to 60 s by load). Not shader compilation: compiling and linking take about 16 ms, and a second chart in the same page still took 32 to 38 s (session 6)',
    renderers: {
      'cytoscape-webgl': 'Cytoscape WebGL with the viewport cache replaying recorded batches (rendererOptions, large-chart style above 2,000 elements): the workspace\'s mode before snapshots',
      'cytoscape-webgl-snapshot': 'the same with snapshots while the view moves (viewportSnapshot.ts): as the workspace runs charts above 2,000 elements',
      'cytoscape-webgl-stock': 'the same without the viewport cache: Cytoscape as shipped',
    },
    viewportCacheCheck: verified,
  },
});
console.log(`Wrote ${file}`);
