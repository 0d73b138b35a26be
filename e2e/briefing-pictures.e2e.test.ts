/**
 * Briefings with the map and the occupancy (issue 26), from the workspace: an analyst opens a
 * chart of Operation Harrier's visits and the premises they went to (each placed, with the dated
 * stays of the people met there), opens Briefing…, finds "Include map" and "Include occupancy"
 * ticked, makes the snapshot and downloads its HTML; opened as a recipient opens the file, it runs
 * nothing and fetches nothing, and shows both pictures with their legends.
 * Build first: npm run build && npx vitest run --project e2e e2e/briefing-pictures.e2e.test.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Gateway } from '../server/db/gateway.ts';
import { startTestServer, testGateway, type TestServer } from '../server/testing/harness.ts';
import { launch, localOnly, openSaved, openWorkspace, shot } from './support/browser.ts';
import { saveHarrierChart } from './support/harrier.ts';
const TAG = `${process.pid}`;

let server: TestServer;
let gateway: Gateway;
let browser: Browser;
let chartId = '';
const chart = { name: `Harrier briefing ${TAG}`, entities: 0 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-briefing-pictures-'));

beforeAll(async () => {
  if (!fs.existsSync('dist/client/briefing.html')) throw new Error('Build the workspace first: npm run build');
  gateway = testGateway({ queryTimeoutMs: 60_000 });
  server = await startTestServer({ gateway });
  const saved = await saveHarrierChart(server, chart.name);
  chart.entities = saved.graph.nodes.length;
  chartId = saved.id;
  browser = await launch();
});

afterAll(async () => {
  if (chartId) await server?.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id: chartId });
  await browser?.close();
  await server?.close();
  await gateway?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a briefing with the map and the occupancy', () => {
  it('is offered with both ticked for a chart of placed premises and dated stays, and its HTML shows both with their legends, fetching nothing', async () => {
    const offHost: string[] = [];
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization, (p) => localOnly(p, offHost));
    await openSaved(page, chart.name, chart.entities);
    await page.getByRole('button', { name: 'Briefing…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Briefing snapshot' });
    const map = dialog.getByLabel('Include map');
    const occupancy = dialog.getByLabel('Include occupancy');
    expect(await map.isChecked()).toBe(true);
    expect(await occupancy.isChecked()).toBe(true);
    await dialog.getByLabel('Title').fill(`Harrier premises ${TAG}`);
    await shot(page, 'e2e-briefing-pictures-01-dialog');
    await dialog.getByRole('button', { name: 'Make snapshot' }).click();
    const made = dialog.locator('.snapshot-made');
    await made.waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await made.getByRole('button', { name: 'HTML' }).click();
    const file = path.join(dir, 'harrier.html');
    await (await download).saveAs(file);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();

    // The file as a recipient opens it: no script, no request, both pictures and their legends.
    const reader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    reader.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await reader.goto(`file://${file}`);
    await reader.getByRole('heading', { level: 1 }).waitFor();
    const mapImage = reader.getByTestId('map-image');
    expect(await mapImage.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    // Drawn: the picture decoded at its size.
    await expect.poll(() => mapImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1400);
    expect(await reader.getByTestId('map-legend').textContent()).toMatch(/Premises.*Scale bar \d+ k?m · 57 entities placed/);
    const bars = reader.getByTestId('occupancy-picture').locator('rect.stay');
    expect(await bars.count()).toBeGreaterThan(10);
    expect(await reader.getByTestId('occupancy-legend').textContent()).toMatch(/\d+ people · .* to .* · a tall bar: works at/);
    await reader.locator('#map').scrollIntoViewIfNeeded();
    await shot(reader, 'e2e-briefing-pictures-02-map');
    await reader.locator('#occupancy').scrollIntoViewIfNeeded();
    await shot(reader, 'e2e-briefing-pictures-03-occupancy');
    expect(requests).toEqual([]);
    expect(await reader.locator('script').count()).toBe(0);
    await reader.close();
    // A cold database and a first render on a loaded machine: minutes, not seconds.
  }, 300_000);
});
