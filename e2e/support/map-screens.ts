/**
 * Development aid: the map's screenshot in docs/screenshots (map.png), taken in headless
 * Chromium against a running `lantern serve` with the demo. Every request off this host is
 * refused and counted: the map must draw without a network. Run: npx vite build, start the
 * server, make an analyst token (lantern token create --role analyst), then
 * URL=http://127.0.0.1:4000/ TOKEN=lt_... OUT=docs/screenshots npx tsx e2e/support/map-screens.ts
 */
import { idle, launch, localOnly, nodePosition, openWorkspace, searchAndAdd, waitForEntities } from './browser.ts';

const url = process.env.URL ?? 'http://127.0.0.1:4000/';
const out = process.env.OUT ?? 'e2e/screenshots';
const browser = await launch();
const offHost: string[] = [];
const { page, errors } = await openWorkspace(browser, url, `Bearer ${process.env.TOKEN}`, (p) => localOnly(p, offHost));
// Operation Harrier's visits and the premises they went to (57), with the people met there.
await searchAndAdd(page, 'Operation Harrier', /Operation Harrier/);
await waitForEntities(page, (n) => n === 1);
const op = await nodePosition(page, 'operation-000002');
await page.mouse.click(op.x, op.y);
await page.keyboard.press('2');
const dlg = page.getByRole('dialog', { name: /by 2 hops/ });
await dlg.waitFor();
await dlg.getByRole('button', { name: /^Add/ }).click();
await waitForEntities(page, (n) => n > 100, 60_000);
await idle(page);
await page.getByRole('button', { name: 'Map', exact: true }).click();
await page.getByTestId('map-counts').filter({ hasText: /\d+ placed/ }).waitFor();
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}/map-overview.png` });
// One worker selected on the chart: her route on the map.
const worker = await page.evaluate(() => Object.keys(window.lanternChart!.positions()).find((id) => id.startsWith('person-')));
if (worker) await page.evaluate((id) => window.lanternChart!.select([id]), worker);
await page.waitForTimeout(1200);
await page.screenshot({ path: `${out}/map.png` });
console.log('off-host requests', offHost.length, offHost.slice(0, 5));
console.log('map', await page.evaluate(() => ({ points: window.lanternMap?.points().length, visible: window.lanternMap?.visible().length, lines: window.lanternMap?.lines() })));
// The occupancy view of the premises' people: one parlour selected, everyone who stayed there.
await page.getByRole('button', { name: 'Occupancy', exact: true }).click();
await page.evaluate(() => window.lanternChart!.select(['premises-000001']));
await page.getByTestId('occupancy-counts').filter({ hasText: /[1-9]\d* (people|person)/ }).waitFor();
await page.waitForTimeout(1000);
await page.screenshot({ path: `${out}/occupancy.png` });
console.log('occupancy', await page.getByTestId('occupancy-counts').textContent());
console.log('errors', errors);
await browser.close();
