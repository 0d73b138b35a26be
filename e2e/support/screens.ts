/**
 * Development aid: drives the built workspace in Chromium against the fixture's fake /graphql
 * and writes screenshots to e2e/screenshots/. Run: npx vite build && npx tsx e2e/support/screens.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { addBigChart, answer } from './fixture.ts';

const dist = path.resolve('dist/client');
const out = path.resolve('e2e/screenshots');
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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
await page.goto('http://lantern.test/');
await page.screenshot({ path: `${out}/01-empty.png` });
await page.keyboard.press('/');
await page.keyboard.type('lotus');
await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
await page.screenshot({ path: `${out}/02-search.png` });
await page.keyboard.press('Enter');
await page.getByTestId('counts').filter({ hasText: '1 entities' }).waitFor();
// Expand via double click on the node at the centre of the chart.
const box = (await page.getByTestId('chart').boundingBox())!;
await page.mouse.dblclick(box.x + box.width / 2, box.y + (box.height - 26) / 2);
await page.getByTestId('counts').filter({ hasText: /^1[0-9] entities|^[2-9] entities/ }).waitFor();
await page.waitForTimeout(600);
await page.screenshot({ path: `${out}/03-expanded.png` });
await page.mouse.click(box.x + box.width / 2, box.y + (box.height - 26) / 2);
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/04-details.png` });
await page.mouse.click(box.x + box.width / 2, box.y + (box.height - 26) / 2, { button: 'right' });
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/05-menu.png` });
// The supernode guard: the controller's phone has 412 links.
await page.keyboard.press('Escape');
await page.keyboard.press('/');
await page.keyboard.press('Control+a');
await page.keyboard.type('900123');
await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
await page.keyboard.press('Enter');
await page.waitForTimeout(400);
const phone = await page.evaluate(() => window.lanternChart!.pagePosition('phone-000001'));
await page.mouse.dblclick(phone!.x, phone!.y);
await page.getByRole('dialog').waitFor();
await page.screenshot({ path: `${out}/06-supernode.png` });
await page.getByRole('button', { name: 'Cancel' }).click();
// Filters and the navigator.
await page.getByLabel('To date').fill('2024-04-30');
await page.getByRole('button', { name: 'Navigator' }).click();
await page.waitForTimeout(800);
await page.screenshot({ path: `${out}/07-filtered-navigator.png` });
// A large chart: WebGL renderer (where WebGL 2 exists) and the worker layout.
addBigChart();
await page.getByRole('button', { name: 'Open…' }).click();
await page.waitForTimeout(1000);
await page.screenshot({ path: `${out}/08a-open.png` });
console.log(await page.locator('dialog').evaluateAll((ds) => ds.map((d) => d.outerHTML.slice(0, 300))));
await page.getByText('Scale test (3,000 elements)').click();
await page.getByTestId('counts').filter({ hasText: '1200 entities' }).waitFor();
await page.screenshot({ path: `${out}/08b-large-opened.png` });
await page.locator('button', { hasText: 'Lay out' }).click({ timeout: 60_000 });
await page.waitForTimeout(300);
await page.locator('.stage[aria-busy="false"]').waitFor({ timeout: 120_000 });
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/08-large.png` });
console.log('renderer:', await page.getByTestId('renderer').textContent());
await browser.close();
