/**
 * The map beside the chart (issue 26), in Chromium against the built app and the demo, with
 * every request off this host refused and recorded: an analyst opens a chart of Operation
 * Harrier's visits and the premises they went to, opens the map, sees the premises placed;
 * selecting one on the map selects it on the chart, and selecting one on the chart selects it
 * on the map (opening its cluster). The map asks for no tile, font or anything else off the host.
 * Build first: npm run build && npx vitest run --project e2e e2e/map.e2e.test.ts
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import type { Gateway } from '../server/db/gateway.ts';
import { startTestServer, testGateway, type TestServer } from '../server/testing/harness.ts';
import type { Graph } from '../client/src/model/types.ts';
import { launch, localOnly, nodePosition, openSaved, openWorkspace, shot } from './support/browser.ts';
import { saveHarrierChart } from './support/harrier.ts';

// Demo scenario (seed/demo): Operation Harrier visited 57 premises, each with a latitude and longitude.
const TAG = `${process.pid}`;

let server: TestServer;
let gateway: Gateway;
let browser: Browser;
const charts: string[] = [];
const chart = { name: `Harrier on the map ${TAG}`, entities: 0, premises: [] as { id: string; label: string }[], graph: null as Graph | null };

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('Build the workspace first: npm run build');
  gateway = testGateway({ queryTimeoutMs: 60_000 });
  server = await startTestServer({ gateway });
  const { id, graph: g } = await saveHarrierChart(server, chart.name);
  chart.entities = g.nodes.length;
  chart.premises = g.nodes.filter((n) => n.type === 'PREMISES');
  chart.graph = g;
  charts.push(id);
  browser = await launch();
});

afterAll(async () => {
  for (const id of charts) await server?.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id });
  await browser?.close();
  await server?.close();
  await gateway?.close();
});

const chartSelection = (page: Page) => page.evaluate(() => window.lanternChart!.selectedIds());
const mapSelection = (page: Page) => page.evaluate(() => window.lanternMap?.selected() ?? []);

describe('the map', () => {
  it('places the premises of an operation, and shares its selection with the chart both ways, with nothing asked of another host', async () => {
    expect(chart.premises).toHaveLength(57);
    const offHost: string[] = [];
    const requests: string[] = [];
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization, (p) => {
      p.on('request', (r: Request) => requests.push(r.url()));
      return localOnly(p, offHost);
    });
    await openSaved(page, chart.name, chart.entities);
    const beforeMap = requests.length;

    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.getByTestId('map-counts').filter({ hasText: '57 placed' }).waitFor({ timeout: 30_000 });
    // The outline is drawn (a canvas in the map's overlay pane), with its scale bar.
    await page.getByTestId('map').locator('.leaflet-overlay-pane canvas').waitFor();
    await expect.poll(() => page.getByTestId('map').locator('.leaflet-control-scale-line').textContent()).toMatch(/\d+ k?m/);
    expect((await page.evaluate(() => window.lanternMap!.points())).sort()).toEqual(chart.premises.map((p) => p.id).sort());
    // Clustered where they crowd: fewer markers than premises when the map shows them all.
    const pins = () => page.getByTestId('map').locator('.map-pin img[data-id]').count();
    const clusters = await page.getByTestId('map').locator('.map-cluster').count();
    expect(clusters).toBeGreaterThan(0);
    expect((await pins()) + clusters).toBeLessThan(57);
    await shot(page, 'e2e-map-01-opened');
    // A click on a cluster zooms into it, down to pins.
    for (let i = 0; i < 5 && (await pins()) === 0; i++) {
      await page.getByTestId('map').locator('.map-cluster').first().click();
      await page.waitForTimeout(800);
    }
    expect(await pins()).toBeGreaterThan(0);

    // Map to chart: a click on a pin selects that premises on the chart, and the details show it.
    const visible = await page.evaluate(() => window.lanternMap!.visible());
    const picked = chart.premises.find((p) => p.id === visible[0])!;
    await page.getByTestId('map').locator(`.map-pin img[data-id="${picked.id}"]`).click();
    await expect.poll(() => chartSelection(page)).toEqual([picked.id]);
    await page.locator('.statusbar').getByText('1 selected', { exact: true }).waitFor();
    await expect.poll(() => mapSelection(page)).toEqual([picked.id]);
    await expect.poll(() => page.locator('.details-title').first().textContent()).toBe(picked.label);

    // Chart to map: a premises clicked on the chart is selected on the map, its cluster opened to show it.
    await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Fit' }).click();
    await page.waitForTimeout(400);
    const hidden = chart.premises.find((p) => !visible.includes(p.id))!;
    const at = await nodePosition(page, hidden.id);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => chartSelection(page)).toEqual([hidden.id]);
    await expect.poll(() => mapSelection(page), { timeout: 10_000 }).toEqual([hidden.id]);
    await page.getByTestId('map').locator(`.map-pin.selected img[data-id="${hidden.id}"]`).waitFor({ timeout: 10_000 });
    await shot(page, 'e2e-map-02-selected-from-chart');

    // A click on the map's ground clears the selection on both.
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width - 30, box.y + box.height - 60);
    await expect.poll(() => chartSelection(page)).toEqual([]);

    // Nothing went off this host, and the map asked this host for no tile or font either.
    expect(offHost).toEqual([]);
    expect(requests.slice(beforeMap).filter((u) => /\/tiles?\/|\.pbf|\.mvt|\/fonts?\/|glyphs|sprite/i.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it("shows the dated stays of the people at a premises selected on the chart, and a bar clicked selects that stay's link on the chart", async () => {
    const offHost: string[] = [];
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization, (p) => localOnly(p, offHost));
    await openSaved(page, chart.name, chart.entities);
    // The premises with the most people staying there, and those people, from the chart's own links.
    const stays = chart.graph!.edges.filter((e) => ['WORKS_AT', 'LIVES_AT'].includes(e.type) && e.validFrom);
    const people = new Map<string, Set<string>>();
    for (const e of stays) people.set(e.target, new Set([...(people.get(e.target) ?? []), e.source]));
    const [premises, staying] = [...people].sort((a, b) => b[1].size - a[1].size)[0]!;
    expect(staying.size).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Occupancy', exact: true }).click();
    await page.evaluate((id) => window.lanternChart!.select([id]), premises);
    await page.getByTestId('occupancy-counts').filter({ hasText: `${staying.size} people` }).waitFor({ timeout: 10_000 });
    const names = chart.graph!.nodes.filter((n) => staying.has(n.id)).map((n) => n.label);
    for (const name of names) await page.locator('.occupancy-name').filter({ hasText: name.slice(0, 25) }).first().waitFor();
    // Every drawn stay of those people is a bar; the selected premises' bars are outlined.
    const theirs = stays.filter((e) => staying.has(e.source));
    await expect.poll(() => page.locator('rect.stay').count()).toBe(theirs.length);
    expect(await page.locator('rect.stay.on').count()).toBe(theirs.filter((e) => e.target === premises).length);
    await shot(page, 'e2e-map-03-occupancy');

    // A bar clicked selects its link on the chart, and the rows stay as they were.
    const bar = theirs.find((e) => e.target !== premises) ?? theirs[0]!;
    await page.locator(`rect.stay[data-id="${bar.id}"]`).click();
    await expect.poll(() => chartSelection(page)).toEqual([bar.id]);
    await page.getByTestId('occupancy-counts').filter({ hasText: `${staying.size} people` }).waitFor();
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
