/**
 * Every link among what is drawn (issue 23), in Chromium against the built app and the demo: an
 * analyst opens a saved chart whose entities have links among them that were never expanded
 * (saved with the parlour's own links only); every such link is drawn, and the briefing made
 * from the chart with the Briefing… dialog counts the same entities and links. Expanding an
 * entity brings its links to everything already on the chart, and one undo takes them back with
 * the entities.
 * Build first: npm run build && npx vitest run --project e2e e2e/chart-links.e2e.test.ts
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Gateway } from '../server/db/gateway.ts';
import { startTestServer, testGateway, type TestServer } from '../server/testing/harness.ts';
import { NEIGHBOURHOOD } from '../server/kernel/documents.ts';
import { addGraph, EMPTY_DOC, toSaved } from '../client/src/state/chartDoc.ts';
import type { Graph, GraphEdge } from '../client/src/model/types.ts';
import { clickBackground, counts, idle, launch, nodePosition, openSaved, openWorkspace, shot, waitForEntities } from './support/browser.ts';

// Demo scenario (seed/demo): network 1's first parlour and one of its controllers.
const PARLOUR = 'premises-000001';
const CONTROLLER = 'person-000003';
const TAG = `${process.pid}`;

let server: TestServer;
let gateway: Gateway;
let browser: Browser;
const charts: string[] = [];
const chart = { name: `Unexpanded network ${TAG}`, entities: 0, linksSaved: 0, among: [] as string[], victim: { id: '', label: '' } };

async function neighbourhood(id: string): Promise<Graph> {
  const res = await server.graphql<{ neighbourhood: Graph }>(String(NEIGHBOURHOOD), { ids: [id], hops: 1, limit: 500 });
  expect(res.errors).toBeUndefined();
  return res.data!.neighbourhood;
}

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('Build the workspace first: npm run build');
  // A cold database's first reads can outlast the default query timeout on a loaded machine.
  gateway = testGateway({ queryTimeoutMs: 60_000 });
  server = await startTestServer({ gateway });
  // The parlour expanded, and the controller's network added without expanding it.
  const a = await neighbourhood(PARLOUR);
  const b = await neighbourhood(CONTROLLER);
  const nodes = [...new Map([...a.nodes, ...b.nodes].map((n) => [n.id, n])).values()];
  const saved = toSaved(addGraph(EMPTY_DOC, { nodes, edges: a.edges }), null);
  const r = await server.graphql<{ saveChart: { id: string } }>('mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id } }', {
    name: chart.name,
    document: saved,
  });
  expect(r.errors).toBeUndefined();
  charts.push(r.data!.saveChart.id);
  const among = await server.graphql<{ linksAmong: GraphEdge[] }>('query($ids: [ID!]!) { linksAmong(ids: $ids) { id } }', { ids: nodes.map((n) => n.id) });
  chart.entities = nodes.length;
  chart.linksSaved = saved.elements.edges.length;
  chart.among = among.data!.linksAmong.map((l) => l.id);
  chart.victim = nodes.find((n) => n.potentialVictim)!;
  browser = await launch();
});

afterAll(async () => {
  for (const id of charts) await server?.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id });
  await browser?.close();
  await server?.close();
  await gateway?.close();
});

describe('every link among what is drawn', () => {
  it('draws every link among a saved chart’s entities when it is opened, and its briefing counts the same', async () => {
    expect(chart.among.length).toBeGreaterThan(chart.linksSaved);
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openSaved(page, chart.name, chart.entities);
    await expect.poll(async () => (await counts(page)).links, { timeout: 30_000 }).toBe(chart.among.length);
    // Drawn, not only in the document: every one is on the canvas.
    const drawn = new Set(await page.evaluate(() => window.lanternChart!.visibleIds()));
    expect(chart.among.filter((id) => !drawn.has(id))).toEqual([]);
    // The victim is drawn under the pseudonym the server gives everywhere.
    expect(await page.evaluate((id) => window.lanternChart!.positions()[id] !== undefined, chart.victim.id)).toBe(true);
    await page.evaluate(() => window.lanternChart!.fit());
    await idle(page);
    await shot(page, 'e2e-chart-links-01-opened');
    console.info(`chart-links: ${chart.entities} entities; ${chart.linksSaved} links saved, ${chart.among.length} drawn on opening`);

    await page.getByRole('button', { name: 'Briefing…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Briefing snapshot' });
    const title = `Every link ${TAG}`;
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Purpose and audience').fill('e2e test');
    await dialog.getByRole('button', { name: 'Make snapshot' }).click();
    await dialog.locator('.snapshot-made').waitFor({ timeout: 120_000 });
    const made = await server.graphql<{ snapshots: { title: string; nodeCount: number; edgeCount: number }[] }>('query($t: String) { snapshots(first: 5, title: $t) { title nodeCount edgeCount } }', { t: title });
    expect(made.data!.snapshots[0]).toMatchObject({ title, nodeCount: chart.entities, edgeCount: chart.among.length });
    expect(await counts(page)).toEqual({ entities: chart.entities, links: chart.among.length });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('brings an expanded entity’s links to everything on the chart, and one undo takes back the entities and their links', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openSaved(page, chart.name, chart.entities);
    await expect.poll(async () => (await counts(page)).links, { timeout: 30_000 }).toBe(chart.among.length);
    const before = await counts(page);
    // Expand an entity on the chart that was not expanded: the victim, who also works elsewhere.
    const p = await nodePosition(page, chart.victim.id);
    await page.mouse.dblclick(p.x, p.y);
    const after = await waitForEntities(page, (n) => n > before.entities, 60_000);
    await idle(page);
    const ids = await page.evaluate(() => Object.keys(window.lanternChart!.positions()));
    const expected = await server.graphql<{ linksAmong: GraphEdge[] }>('query($ids: [ID!]!) { linksAmong(ids: $ids) { id } }', { ids });
    await expect.poll(async () => (await counts(page)).links, { timeout: 30_000 }).toBe(expected.data!.linksAmong.length);
    console.info(`chart-links: expanding ${chart.victim.id} took the chart from ${before.entities} entities / ${before.links} links to ${after} / ${expected.data!.linksAmong.length}`);
    await clickBackground(page);
    await page.keyboard.press('Control+z');
    await waitForEntities(page, (n) => n === before.entities);
    expect(await counts(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
