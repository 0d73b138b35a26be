/**
 * A large chart (about 4,000 elements) in Chromium, against the built app and a real server:
 * six cells of the scale generator (300 people) are loaded into the test's database, and an
 * analyst opens a saved chart of them from the chart list, lays it out, pans, zooms, clicks an
 * entity, saves it and reopens it. Issue 4: beyond 2,000 elements the workspace draws with
 * Cytoscape's WebGL renderer and lays out in a web worker, so the page does not freeze.
 * Build first: npm run build && npx vitest run --project e2e e2e/large-chart.e2e.test.ts
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/testing/harness.ts';
import { seedScale } from '../seed/scale/index.ts';
import { SUBGRAPH } from '../server/kernel/documents.ts';
import { addGraph, EMPTY_DOC, toSaved } from '../client/src/state/chartDoc.ts';
import type { Graph, Position } from '../client/src/model/types.ts';
import { counts, idle, launch, nodePosition, openWorkspace, shot, waitForEntities } from './support/browser.ts';
import { scalePeople } from './support/scale.ts';

// The first 300 people of `lantern seed scale` (six cells of 50), removed after.
const PEOPLE = 300;
const scale = scalePeople(PEOPLE);
const entityIds = scale.entityIds;

let server: TestServer;
let browser: Browser;
const savedCharts: string[] = [];
let chartName = '';
let elements = { nodes: 0, edges: 0 };
// Each entity's label as the server gives it to this analyst (potential victims masked).
const labels = new Map<string, string>();

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('Build the workspace first: npm run build');
  server = await startTestServer();
  const loaded = await seedScale(server.gateway, { people: PEOPLE });
  expect(loaded.entities).toBe(entityIds.length);
  // The chart as the workspace saves it after adding these entities: what the server answers
  // for them (masked as this analyst sees them), placed on the workspace's grid for new entities.
  const sub = await server.graphql<{ subgraph: Graph }>(
    String(SUBGRAPH),
    { ids: entityIds },
  );
  expect(sub.errors).toBeUndefined();
  const graph = sub.data!.subgraph;
  expect(graph.nodes).toHaveLength(entityIds.length);
  expect(graph.truncated).toBe(false);
  elements = { nodes: graph.nodes.length, edges: graph.edges.length };
  for (const n of graph.nodes) labels.set(n.id, n.label);
  chartName = `Scale: first ${PEOPLE} people (${process.pid})`;
  const saved = await server.graphql<{ saveChart: { id: string } }>('mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id } }', {
    name: chartName,
    document: toSaved(addGraph(EMPTY_DOC, graph), null),
  });
  expect(saved.errors).toBeUndefined();
  savedCharts.push(saved.data!.saveChart.id);
  browser = await launch();
});

afterAll(async () => {
  for (const id of savedCharts) await server?.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id });
  if (server) await scale.remove(server.gateway);
  await browser?.close();
  await server?.close();
});

async function openSaved(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('dialog').getByRole('button', { name, exact: true }).click();
  await waitForEntities(page, (n) => n === elements.nodes, 60_000);
  await idle(page);
}

const positions = (page: Page) => page.evaluate(() => window.lanternChart!.positions());

/** What the page records: when each animation frame came, when the stage turned busy or idle, and the first click. */
type Rec = { frames: number[]; busy: [number, string | null][]; running: boolean; clickAt: number | null };

/**
 * Starts recording, in the page, when each animation frame arrives, when the stage says it is busy
 * or idle, and when the next click comes; the function returned waits for the stage to have been
 * busy and to be idle again, stops, and returns the frames (ms), the click and when the stage was
 * idle again. From the click, not from the busy mark: work done in the click's own task (a layout
 * run in place) comes before React shows the stage busy.
 */
async function recordFrames(page: Page): Promise<() => Promise<{ frames: number[]; clickAt: number; idleAt: number }>> {
  await page.evaluate(() => {
    const stage = document.querySelector('.stage')!;
    const rec: Rec = { frames: [], busy: [], running: true, clickAt: null };
    (window as unknown as { frameRecord: Rec }).frameRecord = rec;
    document.addEventListener('click', () => (rec.clickAt ??= performance.now()), { capture: true });
    new MutationObserver(() => rec.busy.push([performance.now(), stage.getAttribute('aria-busy')])).observe(stage, { attributes: true, attributeFilter: ['aria-busy'] });
    const tick = () => {
      rec.frames.push(performance.now());
      if (rec.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return async () => {
    // Until the stage has been busy and is idle again.
    await page.waitForFunction(() => {
      const busy = (window as unknown as { frameRecord: Rec }).frameRecord.busy;
      return busy.some(([, b]) => b === 'true') && busy.at(-1)![1] === 'false';
    }, undefined, { timeout: 60_000 });
    return page.evaluate(() => {
      const rec = (window as unknown as { frameRecord: Rec }).frameRecord;
      rec.running = false;
      return { frames: rec.frames, clickAt: rec.clickAt ?? NaN, idleAt: rec.busy.at(-1)![0] };
    });
  };
}

/**
 * The person, in the upper half of the view and away from its sides, whose nearest other entity
 * is furthest (`clearance`, in px at the current zoom): page coordinates.
 */
async function personToCentre(page: Page): Promise<{ id: string; x: number; y: number; clearance: number }> {
  return page.evaluate(() => {
    const chart = window.lanternChart!;
    const box = document.querySelector('[data-testid="chart"]')!.getBoundingClientRect();
    const { zoom, pan } = chart.viewport();
    const all = Object.entries(chart.positions()).map(([id, q]) => ({ id, x: box.left + q.x * zoom + pan.x, y: box.top + q.y * zoom + pan.y }));
    const people = all.filter((n) => n.id.startsWith('person-') && n.x > box.left + 60 && n.x < box.right - 60 && n.y > box.top + 60 && n.y < box.top + box.height / 2);
    let best = { id: '', x: 0, y: 0, clearance: -1 };
    for (const n of people) {
      let clearance = Infinity;
      for (const m of all) if (m !== n) clearance = Math.min(clearance, Math.hypot(m.x - n.x, m.y - n.y));
      if (clearance > best.clearance) best = { ...n, clearance };
    }
    if (!best.id) throw new Error('no person in the upper half of the view');
    return best;
  });
}

describe('a large chart from the real server', () => {
  it('opens from the chart list on the WebGL renderer, lays out without freezing the page, pans, zooms, selects, and keeps its positions when saved and reopened', async () => {
    expect(elements.nodes + elements.edges).toBeGreaterThan(3000);
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openSaved(page, chartName);

    // Every element is on the chart, drawn by the WebGL renderer.
    await expect(counts(page)).resolves.toEqual({ entities: elements.nodes, links: elements.edges });
    await expect(page.evaluate(() => window.lanternChart!.visibleIds().length)).resolves.toBe(elements.nodes + elements.edges);
    await expect(page.getByTestId('renderer').textContent()).resolves.toBe('WebGL renderer');
    await expect(page.evaluate(() => window.lanternChart!.renderer())).resolves.toBe('webgl');
    const grid = await positions(page);

    // Lay out, as the analyst does with the toolbar button, while the page records its frames.
    const stop = await recordFrames(page);
    await page.getByRole('button', { name: 'Lay out' }).click();
    const { frames, clickAt, idleAt } = await stop();
    expect(idleAt).toBeGreaterThan(clickAt);
    // The longest wait for a frame from the click to the first frame after the layout.
    const during = frames.filter((t) => t >= clickAt && t <= idleAt);
    const after = frames.find((t) => t > idleAt) ?? Infinity;
    const marks = [clickAt, ...during, after];
    const longest = Math.max(...marks.slice(1).map((t, i) => t - marks[i]!));
    console.log(`layout: ${Math.round(idleAt - clickAt)} ms from the click, ${during.length} frames meanwhile, longest gap ${Math.round(longest)} ms`);
    // Not a timing of speed: a check that the main thread was not blocked for the whole layout.
    // The layout itself (ForceAtlas2 in the worker) took 2.5 to 9.6 s here (2 shared cores, load
    // 6 to 10): on the main thread that would be one pause as long. What pauses the page instead is
    // the work around it, each step one long task: starting the worker (about 0.25 s), applying the
    // positions with one full WebGL frame under SwiftShader (0.45 s), the chart document's update
    // (0.2 to 0.5 s). The longest pause in eight runs was 0.21 to 0.46 s, once 1.6 s (load 9);
    // with the main thread held for 3 s where the layout starts, this test saw a 3.0 s pause and
    // failed. So: frames all along, no pause over 2 s, and none over half the layout's time.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(longest).toBeLessThan(2000);
    expect(longest).toBeLessThan((idleAt - clickAt) / 2);

    // The positions came back: spread out, not at the origin and not the grid they started on.
    const laid = await positions(page);
    expect(Object.keys(laid)).toHaveLength(elements.nodes);
    const values = Object.values(laid);
    expect(values.filter((p) => p.x === 0 && p.y === 0).length).toBeLessThan(2);
    expect(new Set(values.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBeGreaterThan(elements.nodes * 0.95);
    const moved = Object.entries(laid).filter(([id, p]) => Math.hypot(p.x - grid[id]!.x, p.y - grid[id]!.y) > 1).length;
    expect(moved).toBeGreaterThan(elements.nodes * 0.9);
    await shot(page, 'e2e-large-01-laid-out');

    // The analyst picks a person in the upper half of the view, drags the chart from its empty top
    // edge to bring that person to the middle, scrolls the wheel there and then zooms in with the
    // zoom button until the person stands clear of the others.
    const box = (await page.getByTestId('chart').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const target = await personToCentre(page);
    const v0 = await page.evaluate(() => window.lanternChart!.viewport());
    const dx = Math.round(centre.x - target.x);
    const dy = Math.round(centre.y - target.y);
    // The top edge is inside the layout's fit padding: no entity or link is drawn there.
    const from = { x: dx >= 0 ? box.x + 10 : box.x + box.width - 10, y: box.y + 10 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
    await page.mouse.up();
    const v1 = await page.evaluate(() => window.lanternChart!.viewport());
    expect(v1.zoom).toBe(v0.zoom);
    expect(v1.pan.x - v0.pan.x).toBeCloseTo(dx, 0);
    expect(v1.pan.y - v0.pan.y).toBeCloseTo(dy, 0);
    // Panning moves the view, not the entities.
    await expect(positions(page)).resolves.toEqual(laid);
    const centred = await nodePosition(page, target.id);
    expect(Math.hypot(centred.x - centre.x, centred.y - centre.y)).toBeLessThan(2);

    // Ten notches of a mouse wheel over the person zoom in around it.
    await page.mouse.move(centred.x, centred.y);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -100);
    await expect.poll(() => page.evaluate(() => window.lanternChart!.viewport().zoom)).toBeGreaterThan(v1.zoom);
    const v2 = await page.evaluate(() => window.lanternChart!.viewport());
    console.log(`10 wheel notches (deltaY -100): zoom x${(v2.zoom / v1.zoom).toFixed(3)}`);
    // Then the zoom button, as often as it takes for entities to be drawn near their own size
    // (zoom 0.6) and the person to stand 40 px clear of the others.
    const wanted = Math.max(0.6 / v2.zoom, 40 / (target.clearance * (v2.zoom / v1.zoom)));
    const presses = Math.max(0, Math.ceil(Math.log(wanted) / Math.log(1.25)));
    for (let i = 0; i < presses; i++) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const v3 = await page.evaluate(() => window.lanternChart!.viewport());
    expect(v3.zoom / v2.zoom).toBeCloseTo(1.25 ** presses, 6);
    const p = await nodePosition(page, target.id);
    // Still in the middle, give or take what the wheel's zoom moved it (it was under the cursor).
    expect(Math.hypot(p.x - centre.x, p.y - centre.y)).toBeLessThan(20);

    // Clicking the person after the pan and zoom opens the details panel for that person.
    await page.mouse.click(p.x, p.y);
    await page.locator('.statusbar').getByText('1 selected', { exact: true }).waitFor();
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { level: 2, name: labels.get(target.id)!, exact: true }).waitFor();
    await details.getByText(target.id).first().waitFor();
    await details.getByRole('heading', { name: 'Provenance' }).waitFor();
    await shot(page, 'e2e-large-02-zoomed-selected');

    // Saved under a new name and reopened after a reload: every entity where it was.
    const before: Record<string, Position> = await positions(page);
    const name = `${chartName} laid out`;
    await page.getByRole('button', { name: 'Save…' }).click();
    await page.getByLabel('Chart name').fill(name);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`Saved “${name}”`).waitFor();
    const list = await server.graphql<{ charts: { id: string; name: string }[] }>('{ charts { id name } }');
    savedCharts.push(list.data!.charts.find((c) => c.name === name)!.id);

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Start with a search' }).waitFor();
    await openSaved(page, name);
    await expect(counts(page)).resolves.toEqual({ entities: elements.nodes, links: elements.edges });
    await expect(page.getByTestId('renderer').textContent()).resolves.toBe('WebGL renderer');
    // With the view it was saved with.
    const view = await page.evaluate(() => window.lanternChart!.viewport());
    expect(view.zoom).toBeCloseTo(v3.zoom, 6);
    expect(view.pan.x).toBeCloseTo(v3.pan.x, 3);
    expect(view.pan.y).toBeCloseTo(v3.pan.y, 3);
    const reopened = await positions(page);
    expect(Object.keys(reopened).sort()).toEqual(Object.keys(before).sort());
    for (const [id, q] of Object.entries(before)) {
      expect(reopened[id]!.x, id).toBeCloseTo(q.x, 3);
      expect(reopened[id]!.y, id).toBeCloseTo(q.y, 3);
    }
    await shot(page, 'e2e-large-03-reopened');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  // Cytoscape took a mouse's equal notches for an "inaccurate scroll device" and zoomed 0.83% a
  // notch (x1.11 for ten); the workspace now zooms as d3-zoom does (useWheelZoom: x1.15 a notch).
  it('zooms in at least 2x for ten notches of a mouse wheel', async () => {
    const { page } = await openWorkspace(browser, server.url, server.authorization);
    await openSaved(page, chartName);
    const box = (await page.getByTestId('chart').boundingBox())!;
    const before = await page.evaluate(() => window.lanternChart!.viewport().zoom);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -100);
    await expect.poll(() => page.evaluate(() => window.lanternChart!.viewport().zoom)).toBeGreaterThan(before);
    const after = await page.evaluate(() => window.lanternChart!.viewport().zoom);
    expect(after / before).toBeGreaterThan(2);
    await page.close();
  });
});
