/**
 * The analyst workspace in Chromium, against the built app, a real server and the demo data.
 * Build first: npx vite build && npx vitest run --project e2e
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, testGateway, type TestServer } from '../server/testing/harness.ts';
import type { Gateway } from '../server/db/gateway.ts';
import { Fixture } from '../server/testing/fixture.ts';
import { clickBackground, counts, idle, launch, nodePosition, openWorkspace, searchAndAdd, shot, waitForEntities } from './support/browser.ts';

// Demo scenario (seed/demo): network 1's first parlour, and one of its controllers.
const PARLOUR = 'premises-000001';
const PARLOUR_NAME = /Velvet Willow/;
const CONTROLLER = 'person-000003';
// The parlour's controller, linked to it directly.
const CONTROLLER_NEIGHBOUR = 'person-000002';

// A hub with more links than the workspace's supernode guard lets through unasked (100): this
// suite's own data, written to the real database and removed after.
const HUB_WORKERS = 130;
const hub = new Fixture(`e2ehub${process.pid}`);
const HUB = hub.entity('PREMISES', { name: 'Quarrington Lodge', kind: 'HMO', addressLine: '9 Quarry Lane', town: 'Reading', postcode: 'RG4 8QL' }, { key: 'hub' });
for (let i = 1; i <= HUB_WORKERS; i++) {
  const w = hub.entity('PERSON', { givenName: `Lodger${i}`, familyName: 'Quarrington' }, { key: `w${i}` });
  hub.link({ type: 'LIVES_AT', from: w, to: HUB, validFrom: '2024-02-01' });
}

let server: TestServer;
let gateway: Gateway;
let browser: Browser;
const savedCharts: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('Build the workspace first: npx vite build');
  // Reads on a cold database on a loaded machine can take longer than the default 15 s.
  gateway = testGateway({ queryTimeoutMs: 120_000 });
  server = await startTestServer({ gateway });
  await hub.write(server.gateway);
  browser = await launch();
});

afterAll(async () => {
  if (server) await hub.remove(server.gateway);
  for (const id of savedCharts) await server.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id });
  await browser?.close();
  await server?.close();
  await gateway?.close();
});

async function parlourExpanded(page: Page): Promise<number> {
  await searchAndAdd(page, 'Velvet Willow', PARLOUR_NAME);
  await waitForEntities(page, (n) => n === 1);
  const p = await nodePosition(page, PARLOUR);
  await page.mouse.dblclick(p.x, p.y);
  return waitForEntities(page, (n) => n > 1);
}

/** A potential victim who works at the parlour, as the server shows them to the test's analyst (masked). */
async function parlourVictim(): Promise<{ id: string; label: string }> {
  const hood = await server.graphql<{ neighbourhood: { nodes: { id: string; label: string; potentialVictim: boolean }[] } }>(
    'query($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 1) { nodes { id label potentialVictim } } }',
    { ids: [PARLOUR] },
  );
  return hood.data!.neighbourhood.nodes.find((n) => n.potentialVictim)!;
}

describe('the analyst workspace', () => {
  it('tells a new user what to do first and says the data is synthetic', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await expect(page.getByRole('note').textContent()).resolves.toMatch(/synthetic/i);
    await expect(page.locator('.empty-state').textContent()).resolves.toMatch(/search for a person, premises, phone number/);
    await shot(page, 'e2e-01-empty');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches, adds a parlour, expands it, expands a neighbour without moving anything, and undoes and redoes', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await page.locator('body').press('/');
    await page.keyboard.type('Velvet Willow');
    const results = page.getByRole('listbox', { name: 'Search results' });
    // Results follow the typing; wait for those of the whole text, best match first.
    await results.getByRole('option').first().filter({ hasText: PARLOUR_NAME }).waitFor();
    await expect(results.getByRole('option').first().textContent()).resolves.toMatch(PARLOUR_NAME);
    await shot(page, 'e2e-02-search');
    await page.keyboard.press('Enter');
    await waitForEntities(page, (n) => n === 1);
    const p = await nodePosition(page, PARLOUR);
    await page.mouse.dblclick(p.x, p.y);
    // The run's first expansion meets a cold database (plans, page cache): allow it longer.
    const first = await waitForEntities(page, (n) => n > 1, 60_000);
    await idle(page);
    await shot(page, 'e2e-03-expanded');

    // Expanding again keeps every position on the chart and places the new entities near their parent.
    const before = await page.evaluate(() => window.lanternChart!.positions());
    expect(Object.keys(before)).toContain(CONTROLLER_NEIGHBOUR);
    const c = await nodePosition(page, CONTROLLER_NEIGHBOUR);
    await page.mouse.dblclick(c.x, c.y);
    const second = await waitForEntities(page, (n) => n > first);
    await idle(page);
    const after = await page.evaluate(() => window.lanternChart!.positions());
    for (const [id, q] of Object.entries(before)) expect(after[id]).toEqual(q);
    const parent = after[CONTROLLER_NEIGHBOUR]!;
    const added = Object.entries(after).filter(([id]) => !before[id]);
    expect(added.length).toBe(second - first);
    for (const [, q] of added) expect(Math.hypot(q.x - parent.x, q.y - parent.y)).toBeLessThan(700);
    await shot(page, 'e2e-03b-expanded-again');

    await clickBackground(page);
    await page.keyboard.press('Control+z');
    await waitForEntities(page, (n) => n === first);
    await page.keyboard.press('Control+Shift+z');
    await expect(waitForEntities(page, (n) => n === second)).resolves.toBe(second);
    await expect(page.evaluate(() => window.lanternChart!.positions())).resolves.toEqual(after);

    // The details panel shows the selected entity with its provenance.
    const q = await nodePosition(page, PARLOUR);
    await page.mouse.click(q.x, q.y);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: PARLOUR_NAME }).waitFor();
    await details.getByRole('heading', { name: 'Provenance' }).waitFor();
    await details.getByRole('heading', { name: 'Timeline' }).waitFor();
    await idle(page);
    await shot(page, 'e2e-04-details');
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('expands by two hops after showing what it would add, and one undo takes a whole expansion back', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await searchAndAdd(page, 'Velvet Willow', PARLOUR_NAME);
    await waitForEntities(page, (n) => n === 1);
    const p = await nodePosition(page, PARLOUR);
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('2');
    const dialog = page.getByRole('dialog', { name: /by 2 hops/ });
    // The first two-hop read of a run meets a cold database: allow it longer.
    await dialog.waitFor({ timeout: 150_000 }).catch(async (e: Error) => {
      await shot(page, 'e2e-05a-no-dialog');
      throw new Error(`${e.message}\nOn the page: ${(await page.locator('.messages').textContent().catch(() => '')) ?? ''}`);
    });
    const text = (await dialog.getByTestId('expand-count').textContent()) ?? '';
    const m = /Adds (\d+) entities and (\d+) links/.exec(text);
    expect(m, text).not.toBeNull();
    const [entities, links] = [Number(m![1]), Number(m![2])];
    // Two hops from a parlour reach more than its own neighbours (20 links).
    expect(entities).toBeGreaterThan(20);
    // Nothing is drawn until the analyst says so.
    await expect(counts(page)).resolves.toEqual({ entities: 1, links: 0 });
    await shot(page, 'e2e-05a-expand-two-hops');
    await dialog.getByRole('button', { name: `Add ${entities} entities` }).click();
    await waitForEntities(page, (n) => n === 1 + entities, 60_000);
    expect((await counts(page)).links).toBeGreaterThanOrEqual(links);
    await idle(page);
    // The expansion and the layout that followed it are one step.
    await clickBackground(page);
    await expect(page.getByRole('button', { name: 'Undo' }).getAttribute('title')).resolves.toMatch(/^Undo Expand Velvet Willow.*\(2 hops\)/);
    await page.keyboard.press('Control+z');
    await waitForEntities(page, (n) => n === 1);
    // What is left to undo is the search's addition, not part of the expansion.
    await expect(page.getByRole('button', { name: 'Undo' }).getAttribute('title')).resolves.toMatch(/^Undo Add Velvet Willow/);
    await page.keyboard.press('Control+Shift+z');
    await waitForEntities(page, (n) => n === 1 + entities);

    // Back to one hop, then a selection of nine expanded with E: one request, one undo step.
    await page.keyboard.press('Control+z');
    await waitForEntities(page, (n) => n === 1);
    await idle(page);
    // The layout moved the view: where the parlour is drawn now.
    const q = await nodePosition(page, PARLOUR);
    await page.mouse.click(q.x, q.y);
    await page.locator('.statusbar').getByText('1 selected', { exact: true }).waitFor();
    await page.keyboard.press('e');
    const first = await waitForEntities(page, (n) => n > 1, 60_000);
    await idle(page);
    const nine = await page.evaluate((parlour) => Object.keys(window.lanternChart!.positions()).filter((id) => id !== parlour).slice(0, 9), PARLOUR);
    expect(nine).toHaveLength(9);
    await page.evaluate((ids) => window.lanternChart!.select(ids), nine);
    await page.locator('.statusbar').getByText('9 selected', { exact: true }).waitFor();
    await page.keyboard.press('e');
    const second = await waitForEntities(page, (n) => n > first, 60_000);
    await idle(page);
    await expect(page.getByRole('button', { name: 'Undo' }).getAttribute('title')).resolves.toMatch(/^Undo Expand 9 entities/);
    await clickBackground(page);
    await page.keyboard.press('Control+z');
    await expect(waitForEntities(page, (n) => n === first)).resolves.toBe(first);
    expect(second).toBeGreaterThan(first);

    // The hierarchy of the parlour's neighbourhood: every label has room (looked at: e2e-05b).
    await page.getByRole('combobox', { name: 'Layout' }).selectOption('dagre');
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title'), { timeout: 60_000 }).toMatch(/Layout: Hierarchy/);
    await idle(page);
    await shot(page, 'e2e-05b-hierarchy');
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);

  it('finds the shortest paths between two selected entities and highlights them', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await searchAndAdd(page, 'Velvet Willow', PARLOUR_NAME);
    await searchAndAdd(page, 'Mihai Ionescu', /Mihai IONESCU|Mihai Ionescu/i);
    await waitForEntities(page, (n) => n >= 2);
    await clickBackground(page);
    const a = await nodePosition(page, PARLOUR);
    const b = await nodePosition(page, CONTROLLER);
    await page.mouse.click(a.x, a.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    await page.locator('.statusbar').getByText('2 selected', { exact: true }).waitFor();
    // Quick clicks on the background and on two different entities are not a double click:
    // nothing was expanded.
    await idle(page);
    expect(await counts(page)).toEqual({ entities: 2, links: 0 });
    await page.getByRole('button', { name: 'Analyse ▾' }).click();
    await page.getByRole('menuitem', { name: 'Shortest paths between the two' }).click();
    const hl = page.locator('.statusbar .hl');
    await hl.waitFor();
    const text = (await hl.textContent()) ?? '';
    const m = /Shortest paths: (\d+) entities, (\d+) links/.exec(text);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(2);
    expect(Number(m![2])).toBeGreaterThanOrEqual(1);
    // The pointer went from an entity straight to the toolbar: nothing stays dimmed by hovering.
    await expect(page.evaluate(() => window.lanternChart!.dimmedIds())).resolves.toEqual([]);
    await idle(page);
    await shot(page, 'e2e-05-path');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the chart to a date range and back', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await parlourExpanded(page);
    await idle(page);
    const all = await page.evaluate(() => window.lanternChart!.visibleIds().length);
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByLabel('To date').fill('2025-01-31');
    await page.getByTestId('counts').filter({ hasText: 'filtered out' }).waitFor();
    const fewer = await page.evaluate(() => window.lanternChart!.visibleIds().length);
    expect(fewer).toBeLessThan(all);
    await shot(page, 'e2e-06-date-filter');
    // Undo takes the filter back too.
    await clickBackground(page);
    await page.keyboard.press('Control+z');
    await page.getByTestId('counts').filter({ hasNotText: 'filtered out' }).waitFor();
    await expect(page.evaluate(() => window.lanternChart!.visibleIds().length)).resolves.toBe(all);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves a chart, and after a reload reopens it with the same positions', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await parlourExpanded(page);
    await idle(page);
    // Move the parlour, so what is saved is not what a layout would give again.
    const p = await nodePosition(page, PARLOUR);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x + 60, p.y + 40, { steps: 5 });
    await page.mouse.up();
    const positions = await page.evaluate(() => window.lanternChart!.positions());
    const before = await counts(page);

    const name = `e2e chart ${Date.now()}`;
    await page.getByRole('button', { name: 'Save…' }).click();
    await page.getByLabel('Chart name').fill(name);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`Saved “${name}”`).waitFor();
    const list = await server.graphql<{ charts: { id: string; name: string }[] }>('{ charts { id name } }');
    const saved = list.data!.charts.find((c) => c.name === name)!;
    savedCharts.push(saved.id);

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Start with a search' }).waitFor();
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('dialog').getByRole('button', { name, exact: true }).click();
    await waitForEntities(page, (n) => n === before.entities);
    await idle(page);
    await expect(counts(page)).resolves.toEqual(before);
    const reopened = await page.evaluate(() => window.lanternChart!.positions());
    expect(Object.keys(reopened).sort()).toEqual(Object.keys(positions).sort());
    for (const [id, q] of Object.entries(positions)) {
      expect(reopened[id]!.x).toBeCloseTo(q.x, 3);
      expect(reopened[id]!.y).toBeCloseTo(q.y, 3);
    }
    await expect(page.locator('.chart-name').textContent()).resolves.toBe(name);
    // The server keeps ids and layout only; the labels drawn are read again when the chart opens.
    const { data } = await server.graphql<{ entity: { label: string } }>('query($id: ID!) { entity(id: $id) { label } }', { id: PARLOUR });
    const word = data!.entity.label.split(/[\s,]+/).find((w) => w.length >= 4)!;
    expect(await page.evaluate(() => window.lanternChart!.svg())).toContain(word);
    await shot(page, 'e2e-07-reopened');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the view as a PNG that is not blank', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await parlourExpanded(page);
    await idle(page);
    await page.getByRole('button', { name: 'Export ▾' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Image (PNG)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const file = await download.path();
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    fs.copyFileSync(file, 'e2e/screenshots/e2e-08-export.png');
    // Decode it in the page and count pixels that are not the white background.
    const inked = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240) n++;
      return { n, total: d.length / 4, w: img.width, h: img.height };
    }, png.toString('base64'));
    expect(inked.w).toBeGreaterThan(100);
    expect(inked.n / inked.total).toBeGreaterThan(0.005);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks before expanding an entity with more links than the guard allows, and expands anyway when told', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await searchAndAdd(page, 'Quarrington Lodge', /Quarrington Lodge/);
    await waitForEntities(page, (n) => n === 1);
    const p = await nodePosition(page, HUB);
    await page.mouse.dblclick(p.x, p.y);
    const guard = page.getByRole('dialog', { name: 'Large expansion' });
    await guard.waitFor();
    await expect(guard.textContent()).resolves.toMatch(new RegExp(`Quarrington Lodge.*has ${HUB_WORKERS} more links`));
    await idle(page);
    await shot(page, 'e2e-10-supernode-guard');
    // Cancel adds nothing.
    await guard.getByRole('button', { name: 'Cancel' }).click();
    await guard.waitFor({ state: 'detached' });
    expect((await counts(page)).entities).toBe(1);
    // Asked again (E on the selection), expanding anyway brings every link.
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('e');
    await guard.waitFor();
    await guard.getByRole('button', { name: `Expand anyway (${HUB_WORKERS})` }).click();
    await expect(waitForEntities(page, (n) => n === HUB_WORKERS + 1)).resolves.toBe(HUB_WORKERS + 1);
    await expect(counts(page)).resolves.toEqual({ entities: HUB_WORKERS + 1, links: HUB_WORKERS });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unmasks a potential victim for a need-to-know analyst who gives a reason, sent with that request only', async () => {
    const victim = await parlourVictim();
    expect(victim.label).toMatch(/^Protected person/);
    const analyst = await server.as('analyst', { needToKnow: true });
    const { page, errors } = await openWorkspace(browser, server.url, analyst.authorization);
    const unmaskHeaders: string[] = [];
    page.on('request', (r) => {
      const h = r.headers()['x-lantern-unmask'];
      if (r.url().endsWith('/graphql') && h) unmaskHeaders.push(h);
    });
    await parlourExpanded(page);
    await idle(page);
    const v = await nodePosition(page, victim.id);
    await page.mouse.click(v.x, v.y);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: victim.label }).waitFor();
    await details.getByText('Identity masked (potential victim).').waitFor();
    await details.getByRole('button', { name: 'Unmask…' }).click();
    const reason = `e2e safeguarding review ${Date.now()}`;
    await details.getByLabel('Why do you need to see who this is?').fill(reason);
    await shot(page, 'e2e-11-unmask-reason');
    await details.getByRole('button', { name: 'Unmask', exact: true }).click();
    await details.getByText(`for: ${reason}`).waitFor();
    const name = (await details.getByRole('heading', { level: 2 }).textContent()) ?? '';
    expect(name).not.toMatch(/Protected person/);
    expect(name.length).toBeGreaterThan(3);
    await shot(page, 'e2e-12-unmasked');
    // The reason went to the server with that request only (X-Lantern-Unmask, which the server
    // audits: server/modules/audit), and the chart keeps the pseudonym.
    expect(unmaskHeaders).toEqual([reason]);
    expect(await page.evaluate((id) => window.lanternChart!.pagePosition(id), victim.id)).not.toBeNull();
    await details.getByRole('button', { name: 'Mask again' }).click();
    await details.getByRole('heading', { name: victim.label }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not offer unmasking to an analyst without need-to-know', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await parlourExpanded(page);
    await idle(page);
    const victim = await parlourVictim();
    const v = await nodePosition(page, victim.id);
    await page.mouse.click(v.x, v.y);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText(/Only analysts and admins with need-to-know can unmask/).waitFor();
    expect(await details.getByRole('button', { name: 'Unmask…' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a failing server as an error in the page', async () => {
    const { page } = await openWorkspace(browser, server.url, server.authorization);
    await page.route('**/graphql', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'The graph database is not available: test. Try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }) }));
    await page.locator('body').press('/');
    await page.keyboard.type('Velvet');
    await page.getByRole('alert').filter({ hasText: 'graph database is not available' }).waitFor();
    await shot(page, 'e2e-09-error');
    await page.close();
  });
});
