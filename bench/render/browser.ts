/** The benchmark page, built by Vite and opened in headless Chromium with software WebGL. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(os.tmpdir(), `lantern-bench-render-${process.pid}`);

export const CHROMIUM_ARGS = [
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
];

export interface Bench {
  browser: Browser;
  /** A fresh page with the benchmark loaded: each run gets its own, so no run inherits another's WebGL contexts or heap. */
  newPage(): Promise<Page>;
}

export async function openBench(viewport = { width: 1280, height: 800 }): Promise<Bench> {
  await build({ root: here, configFile: false, logLevel: 'warn', base: './', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, minify: process.env.BENCH_MINIFY !== '0' } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  browser.on('disconnected', () => fs.rmSync(outDir, { recursive: true, force: true }));
  const newPage = async () => {
    const page = await browser.newPage({ viewport });
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
    return page;
  };
  return { browser, newPage };
}
