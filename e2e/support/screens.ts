/**
 * Development aid: drives the built workspace in Chromium (software WebGL, so the large chart
 * uses the WebGL renderer) against the fixture's fake /graphql, at 1440x900 and 1280x800 (or the sizes in SCREENS), and
 * writes screenshots to e2e/screenshots/<width>-*.png. The e2e tests take theirs against the
 * real server. Run: npx vite build && npx tsx e2e/support/screens.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { addBigChart, answer } from './fixture.ts';

const dist = path.resolve('dist/client');
const out = path.resolve('e2e/screenshots');
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
addBigChart(5000, true);

async function screens(page: Page, prefix: string): Promise<void> {
  const shot = (name: string) => page.screenshot({ path: `${out}/${prefix}-${name}.png` });
  const settle = () => page.locator('.stage[aria-busy="false"]').waitFor({ timeout: 120_000 });
  await page.goto('http://lantern.test/');
  await page.getByRole('heading', { name: 'Start with a search' }).waitFor();
  await shot('01-empty');
  await page.keyboard.press('/');
  await page.keyboard.type('lotus');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
  await shot('02-search');
  await page.keyboard.press('Enter');
  await page.getByTestId('counts').filter({ hasText: /^1 entities/ }).waitFor();
  const parlour = await page.evaluate(() => window.lanternChart!.pagePosition('premises-000001'));
  await page.mouse.dblclick(parlour!.x, parlour!.y);
  await page.getByTestId('counts').filter({ hasText: /^(1[0-9]|[2-9]) entities/ }).waitFor();
  await settle();
  await page.waitForTimeout(700);
  await shot('03-expanded');
  const p = await page.evaluate(() => window.lanternChart!.pagePosition('premises-000001'));
  await page.mouse.click(p!.x, p!.y);
  await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Timeline' }).waitFor();
  await shot('04-details');
  await page.mouse.click(p!.x, p!.y, { button: 'right' });
  await page.getByRole('menu').waitFor();
  await shot('05-menu');
  await page.keyboard.press('Escape');
  // Filters with the timeline brush.
  await page.getByLabel('To date').fill('2024-04-30');
  await page.getByTestId('counts').filter({ hasText: 'filtered out' }).waitFor();
  await shot('06-filters-timeline');
  // A 5,000-element chart: WebGL renderer, with the navigator.
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByText('Scale test (5,000 elements)').click();
  await page.getByTestId('counts').filter({ hasText: '2000 entities' }).waitFor();
  await settle();
  await page.getByRole('button', { name: 'Navigator' }).click();
  await page.waitForTimeout(1500);
  await shot('07-large-webgl-navigator');
  console.log(prefix, 'renderer:', await page.getByTestId('renderer').textContent());
}

// Sizes as WIDTHxHEIGHT, comma-separated (SCREENS=1920x1080 for a large screen).
for (const [width, height] of (process.env.SCREENS ?? '1440x900,1280x800').split(',').map((s) => s.split('x').map(Number) as [number, number])) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.route('http://lantern.test/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/graphql') {
      const body = route.request().postDataJSON() as { query: string; variables: Record<string, unknown> };
      await route.fulfill({ json: { data: answer(body) } });
      return;
    }
    const file = path.join(dist, url.pathname === '/' ? 'index.html' : url.pathname);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.svg') ? 'image/svg+xml' : 'text/html';
    await route.fulfill({ body: fs.readFileSync(fs.existsSync(file) ? file : path.join(dist, 'index.html')), contentType: type });
  });
  await screens(page, String(width));
  await page.close();
}
await browser.close();
