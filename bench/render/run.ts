/**
 * Render benchmark: time to first frame and frames per second during a scripted pan and zoom,
 * for 1k, 5k and 20k element graphs, with Cytoscape's canvas and WebGL renderers and sigma.js
 * as the baseline, in one headless Chromium with software WebGL (SwiftShader).
 *
 *   npm run bench:render [-- --sizes 1000,5000,20000 --seconds 4]
 *
 * Writes bench/results/render-<date>.json and prints a table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { RendererName, RunResult } from './page.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outDir = path.join(os.tmpdir(), 'lantern-bench-render');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = arg('sizes', '1000,5000,20000').split(',').map(Number);
const seconds = Number(arg('seconds', '4'));
const renderers = arg('renderers', 'cytoscape-canvas,cytoscape-webgl,sigma').split(',') as RendererName[];

await build({ root: here, configFile: false, logLevel: 'warn', base: './', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist',
    '--disable-frame-rate-limit',
    '--disable-gpu-vsync',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
  ],
});
browser.on('disconnected', () => console.error('Chromium exited.'));
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.error('page error:', e.message));
page.on('crash', () => console.error('The page crashed.'));
page.on('console', (m) => {
  if (m.type() === 'error') console.error('console:', m.text());
});
await page.route('http://bench.test/**', async (route) => {
  const url = new URL(route.request().url());
  const file = path.join(outDir, url.pathname === '/' ? 'index.html' : url.pathname);
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
  await route.fulfill({ body: fs.readFileSync(file), contentType: type });
});
await page.goto('http://bench.test/');
await page.waitForFunction(() => 'bench' in window);
const gl = await page.evaluate(() => window.bench.webglInfo());
const version = browser.version();
console.log(`Chromium ${version}; WebGL renderer: ${gl.renderer} (${gl.vendor}); WebGL 2: ${gl.webgl2}`);
if (!/swiftshader/i.test(gl.renderer)) console.warn('Warning: the WebGL renderer is not SwiftShader; figures are not comparable.');

const results: RunResult[] = [];
for (const size of sizes) {
  for (const r of renderers) {
    const res = await page.evaluate(([renderer, elements, ms]) => window.bench.run(renderer as RendererName, elements as number, ms as number), [r, size, seconds * 1000] as const);
    results.push(res);
    console.log(
      `${String(size).padStart(6)}  ${r.padEnd(17)} first frame ${String(res.firstFrameMs).padStart(6)} ms   ${String(res.fps).padStart(6)} fps   p50 ${res.msPerFrameP50} ms  p95 ${res.msPerFrameP95} ms${res.webglActive ? '' : '  (no WebGL)'}`,
    );
  }
}
await browser.close();

const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const file = path.join(root, 'bench/results', `render-${stamp}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(
  file,
  JSON.stringify({ date: new Date().toISOString(), chromium: version, webgl: gl, cpus: os.cpus().length, seconds, results }, null, 2) + '\n',
);
console.log(`Wrote ${path.relative(root, file)}`);
