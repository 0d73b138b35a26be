/**
 * The map beside the chart (issue 26), in Chromium against the built app and the demo, with
 * every request off this host refused and recorded: an analyst opens a chart of Operation
 * Harrier's visits and the premises they went to, opens the map, sees the premises placed;
 * selecting one on the map selects it on the chart, and selecting one on the chart selects it
 * on the map (opening its cluster). The map asks for no tile, font or anything else off the host.
 * The occupancy view shows the stays the server gives; a range brushed on it filters the chart and
 * the map, and clearing it restores them. The circuit finder puts a circuit on the chart in one step.
 * Build first: npm run build && npx vitest run --project e2e e2e/map.e2e.test.ts
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import type { Gateway } from '../server/db/gateway.ts';
import { startTestServer, testGateway, type TestServer } from '../server/testing/harness.ts';
import { SUBGRAPH } from '../server/kernel/documents.ts';
import { edgePassesDates } from '../server/kernel/filters.ts';
import { demo } from '../seed/demo/index.ts';
import { addGraph, EMPTY_DOC, toSaved } from '../client/src/state/chartDoc.ts';
import type { Graph } from '../client/src/model/types.ts';
import { counts, launch, localOnly, nodePosition, openSaved, openWorkspace, shot, waitForEntities } from './support/browser.ts';
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

type StayOut = { id: string; type: string; validFrom: string; validTo: string | null; person: { id: string; label: string }; premises: { id: string; label: string } };
const STAYS = `query ($ids: [ID!]!) { stays(ids: $ids) { id type validFrom validTo person { id label } premises { id label } } }`;

/** The chart's premises with the most people staying there (as the server gives them), those people and every stay of theirs. */
async function busiestPremises(): Promise<{ premises: string; staying: Set<string>; stays: StayOut[] }> {
  const at = await server.graphql<{ stays: StayOut[] }>(STAYS, { ids: chart.premises.map((p) => p.id) });
  expect(at.errors).toBeUndefined();
  const people = new Map<string, Set<string>>();
  for (const s of at.data!.stays) people.set(s.premises.id, new Set([...(people.get(s.premises.id) ?? []), s.person.id]));
  const [premises, staying] = [...people].sort((a, b) => b[1].size - a[1].size)[0]!;
  expect(staying.size).toBeGreaterThan(1);
  const theirs = await server.graphql<{ stays: StayOut[] }>(STAYS, { ids: [...staying] });
  return { premises, staying, stays: theirs.data!.stays };
}

const chartSelection = (page: Page) => page.evaluate(() => window.lanternChart!.selectedIds());
const mapSelection = (page: Page) => page.evaluate(() => window.lanternMap?.selected() ?? []);

describe('the map', () => {
  it('places the premises of an operation, and shares its selection with the chart both ways, with nothing asked of another host', async () => {
    expect(chart.premises).toHaveLength(57);
    const offHost: string[] = [];
    const requests: string[] = [];
    const outline: { encoding?: string; cache?: string }[] = [];
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization, (p) => {
      p.on('request', (r: Request) => requests.push(r.url()));
      p.on('response', (r) => {
        if (/countries-50m[^/]*\.json$/.test(r.url())) outline.push({ encoding: r.headers()['content-encoding'], cache: r.headers()['cache-control'] });
      });
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
    // The outline came once, compressed, for the browser to keep: opening the map again asks for it no more.
    expect(outline).toEqual([{ encoding: 'br', cache: 'public, max-age=31536000, immutable' }]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it("shows the dated stays of the people at a premises selected on the chart, and a bar clicked selects that stay's link on the chart", async () => {
    const offHost: string[] = [];
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization, (p) => localOnly(p, offHost));
    await openSaved(page, chart.name, chart.entities);
    const { premises, staying, stays: theirs } = await busiestPremises();

    await page.getByRole('button', { name: 'Occupancy', exact: true }).click();
    await page.evaluate((id) => window.lanternChart!.select([id]), premises);
    await page.getByTestId('occupancy-counts').filter({ hasText: `${staying.size} people` }).waitFor({ timeout: 10_000 });
    const names = [...new Set(theirs.map((s) => s.person).filter((p) => staying.has(p.id)).map((p) => p.label))];
    for (const name of names) await page.locator('.occupancy-name').filter({ hasText: name.slice(0, 25) }).first().waitFor();
    // Every stay the server gives for those people is a bar; the selected premises' bars are outlined.
    await expect.poll(() => page.locator('rect.stay').count()).toBe(theirs.length);
    expect(await page.locator('rect.stay.on').count()).toBe(theirs.filter((e) => e.premises.id === premises).length);
    await shot(page, 'e2e-map-03-occupancy');

    // A bar clicked selects its link on the chart, and the rows stay as they were.
    const onChart = theirs.filter((e) => chart.graph!.edges.some((x) => x.id === e.id));
    const bar = onChart.find((e) => e.premises.id !== premises) ?? onChart[0]!;
    await page.locator(`rect.stay[data-id="${bar.id}"]`).click();
    await expect.poll(() => chartSelection(page)).toEqual([bar.id]);
    await page.getByTestId('occupancy-counts').filter({ hasText: `${staying.size} people` }).waitFor();
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
  it('brushes a date range on the occupancy view: the chart filters to it, the map follows, and clearing the range restores them', async () => {
    const offHost: string[] = [];
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization, (p) => localOnly(p, offHost));
    await openSaved(page, chart.name, chart.entities);
    const total = await counts(page);
    const visibleIds = async () => new Set(await page.evaluate(() => window.lanternChart!.visibleIds()));
    const before = await visibleIds();
    expect(before.size).toBe(total.entities + total.links);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.getByTestId('map-counts').filter({ hasText: '57 placed' }).waitFor({ timeout: 30_000 });
    const { premises, staying } = await busiestPremises();
    await page.getByRole('button', { name: 'Occupancy', exact: true }).click();
    await page.evaluate((id) => window.lanternChart!.select([id]), premises);
    await page.getByTestId('occupancy-counts').filter({ hasText: `${staying.size} people` }).waitFor({ timeout: 10_000 });

    // Drag across the time axis, over the middle of the span.
    const box = (await page.locator('.occupancy-body svg').boundingBox())!;
    const at = (f: number) => box.x + (box.width * (170 + f * 822)) / 1000;
    const y = box.y + 8;
    await page.mouse.move(at(0.3), y);
    await page.mouse.down();
    await page.mouse.move(at(0.4), y, { steps: 4 });
    await page.mouse.move(at(0.55), y, { steps: 4 });
    await page.mouse.up();

    // The range is the chart's date filter: the filter panel shows it.
    await expect.poll(() => page.getByLabel('From date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const from = await page.getByLabel('From date').inputValue();
    const to = await page.getByLabel('To date').inputValue();
    expect(from < to).toBe(true);
    await page.getByTestId('occupancy-range').filter({ hasText: `${from} – ${to}` }).waitFor();
    // The chart hides exactly the links outside the range, and says how many it filters out.
    const edges = chart.graph!.edges;
    const outside = edges.filter((e) => !edgePassesDates(e, from, to));
    expect(outside.length).toBeGreaterThan(0);
    await expect.poll(async () => {
      const shown = await visibleIds();
      return outside.filter((e) => shown.has(e.id)).length;
    }).toBe(0);
    const visible = await visibleIds();
    for (const e of edges.filter((e) => edgePassesDates(e, from, to))) expect(visible.has(e.id), e.id).toBe(true);
    const hiddenCount = total.entities + total.links - visible.size;
    await page.getByTestId('counts').filter({ hasText: `${hiddenCount} filtered out` }).waitFor();
    // The map follows: it places the premises the chart still shows.
    const shownPremises = chart.premises.filter((p) => visible.has(p.id)).map((p) => p.id).sort();
    expect(shownPremises.length).toBeLessThan(57);
    await expect.poll(async () => (await page.evaluate(() => window.lanternMap!.points())).sort()).toEqual(shownPremises);
    // The view keeps its span and dims the stays outside the range.
    expect(await page.locator('rect.stay.out').count()).toBeGreaterThan(0);
    await shot(page, 'e2e-map-04-occupancy-brushed');

    // Clearing the range restores the chart and the map.
    await page.getByRole('button', { name: 'Clear range' }).click();
    await expect.poll(async () => (await visibleIds()).size).toBe(before.size);
    expect(await page.getByLabel('From date').inputValue()).toBe('');
    expect(await page.getByTestId('counts').textContent()).not.toMatch(/filtered out/);
    await expect.poll(async () => (await page.evaluate(() => window.lanternMap!.points())).length).toBe(57);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('puts a circuit found from one parlour on the chart in one step, undone in one step', async () => {
    // A planted rotation (demo truth) through a parlour: a chart of that parlour alone.
    const { truth } = demo();
    const r = truth.rotations.find((x) => x.premisesIds.length >= 3)!;
    const start = r.premisesIds[0]!;
    const g = await server.graphql<{ subgraph: Graph }>(String(SUBGRAPH), { ids: [start] });
    expect(g.errors).toBeUndefined();
    const name = `One parlour ${TAG}`;
    const saved = await server.graphql<{ saveChart: { id: string } }>('mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id } }', { name, document: toSaved(addGraph(EMPTY_DOC, g.data!.subgraph), null) });
    charts.push(saved.data!.saveChart.id);
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openSaved(page, name, 1);

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Circuits' }).click();
    await page.getByTestId('circuit-counts').waitFor({ timeout: 30_000 });
    // The planted worker's circuit is listed with its stays as evidence.
    const circuits = page.getByRole('list', { name: 'Circuits' }).getByRole('listitem');
    const api = await server.graphql<{ circuits: { kind: string; people: { id: string }[]; premises: { id: string }[]; stays: { id: string }[] }[] }>(`query ($ids: [ID!]!) { circuits(ids: $ids) { kind people { id } premises { id } stays { id } } }`, { ids: [start] });
    const listed = api.data!.circuits;
    expect(listed.some((c) => c.kind === 'PERSON' && c.people[0]!.id === r.personId)).toBe(true);
    expect(await circuits.count()).toBe(listed.length);
    const first = listed[0]!;
    await expect.poll(() => circuits.first().getByRole('table').getByRole('row').count()).toBe(first.stays.length + 1);
    await shot(page, 'e2e-map-05-circuits');

    await circuits.first().getByRole('button', { name: 'Put circuit 1 on the chart' }).click();
    const ids = [...new Set([...first.people.map((p) => p.id), ...first.premises.map((p) => p.id)])];
    const entities = new Set([start, ...ids]).size;
    await waitForEntities(page, (n) => n === entities, 30_000);
    // The circuit's stays are on the chart, as links among its people and premises.
    await expect.poll(async () => {
      const shown = new Set(await page.evaluate(() => window.lanternChart!.visibleIds()));
      return first.stays.filter((s) => shown.has(s.id)).length;
    }, { timeout: 20_000 }).toBe(first.stays.length);
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/^Undo Add \d+ entities/);
    // One undo takes the whole circuit off again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForEntities(page, (n) => n === 1, 20_000);
    expect((await counts(page)).links).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
