/**
 * The analysis pages in Chromium against the built app, a real server and the demo data: the
 * flagged list and why a person is flagged, suspected networks, the operation dashboard against
 * the demo's ground truth, and the network-analysis panel on the chart.
 * Build first: npx vite build && npx vitest run --project e2e e2e/analysis.e2e.test.ts
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, testGateway, type TestServer } from '../server/testing/harness.ts';
import type { Gateway } from '../server/db/gateway.ts';
import { demo } from '../seed/demo/index.ts';
import { idle, launch, nodePosition, openWorkspace, searchAndAdd, shot, waitForEntities } from './support/browser.ts';

const { truth } = demo();
const CONTROLLERS = [...new Set(truth.networks.flatMap((n) => n.controllerIds))];

// Whole-graph analyses answer in seconds, in a minute or more on a loaded machine.
vi.setConfig({ testTimeout: 300_000 });

let server: TestServer;
// Whole-graph analyses take seconds, and longer on a loaded machine: a longer query timeout than the default.
let gateway: Gateway;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('Build the workspace first: npx vite build');
  gateway = testGateway({ queryTimeoutMs: 180_000 });
  server = await startTestServer({ gateway });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await gateway?.close();
});


async function openPage(page: Page, button: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('flagged people and premises', () => {
  it('lists the demo’s people with a combination of risk factors, sorts them, and adds one to the chart', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openPage(page, 'Flagged', 'Flagged people and premises');
    const table = page.getByRole('table', { name: 'Flagged people and premises' });
    await table.waitFor({ timeout: 150_000 });
    await shot(page, 'analysis-01-flagged');

    const flaggedPage = page.getByRole('region', { name: 'Flagged people and premises' });
    await flaggedPage.getByLabel('Type', { exact: true }).selectOption('PERSON');
    await flaggedPage.getByLabel('combination of risk factors only').check();
    const summary = page.getByTestId('flagged-summary');
    await summary.filter({ hasText: new RegExp(`^${truth.totals.peopleWithRiskFactorCombination} flagged`) }).waitFor({ timeout: 150_000 });
    const ids = await table.locator('tbody tr .mono').allTextContents();
    expect(ids).toHaveLength(truth.totals.peopleWithRiskFactorCombination);
    for (const c of CONTROLLERS) expect(ids, c).toContain(c);

    // Sorting by name puts the names in order; again reverses it.
    await table.getByRole('button', { name: /^Name/ }).click();
    await table.locator('th[aria-sort="ascending"]').waitFor();
    // The list is sorted by the server: the rows change when its answer arrives.
    const names = async () => (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => t.replace(/person-\d+$/, ''));
    const sorted = async () => {
      const n = await names();
      return n.length > 0 && n.every((x, i) => i === 0 || n[i - 1]!.localeCompare(x, 'en', { sensitivity: 'base' }) <= 0);
    };
    await expect.poll(sorted, { timeout: 60_000 }).toBe(true);

    // One click puts a flagged person on the chart.
    const row = table.locator('tbody tr').filter({ hasText: CONTROLLERS[0]! });
    await row.getByRole('button', { name: /^Add / }).click();
    await row.getByText('on chart').waitFor({ timeout: 150_000 });
    await page.keyboard.press('Escape');
    await waitForEntities(page, (n) => n === 1, 150_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains why a controller is flagged, factor by factor with sources, and puts indicator evidence on the chart', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openPage(page, 'Flagged', 'Flagged people and premises');
    const table = page.getByRole('table', { name: 'Flagged people and premises' });
    await table.waitFor({ timeout: 150_000 });
    await table.locator('tbody tr').filter({ hasText: CONTROLLERS[0]! }).getByRole('button', { name: /^Add / }).click();
    await page.getByRole('button', { name: '← Chart' }).click();
    await waitForEntities(page, (n) => n === 1, 150_000);
    await idle(page);
    const p = await nodePosition(page, CONTROLLERS[0]!);
    await page.mouse.click(p.x, p.y);

    const why = page.getByRole('region', { name: 'Why flagged' });
    const factors = why.getByRole('list', { name: 'Risk factors' });
    await factors.waitFor({ timeout: 150_000 });
    await expect(why.textContent()).resolves.toMatch(/combination of risk factors/);
    // Every controller has an organised-crime link recorded in the intelligence log.
    const organised = factors.locator('> li').filter({ hasText: /organised crime/i });
    await expect(organised.count()).resolves.toBe(1);
    await expect(organised.textContent()).resolves.toMatch(/INTEL/);
    await expect(organised.textContent()).resolves.toMatch(/×.*=/);
    await shot(page, 'analysis-02-why-flagged');

    // A controller operates premises of a network: an indicator fires, and its evidence goes on the chart.
    const hits = why.getByRole('list', { name: 'Indicator hits' });
    if (await hits.count()) {
      const before = (await page.getByTestId('counts').textContent()) ?? '';
      await hits.getByRole('button', { name: 'Put evidence on chart' }).first().click();
      await waitForEntities(page, (n) => n > 1, 150_000);
      await page.locator('.statusbar .hl').waitFor({ timeout: 150_000 });
      expect(await page.getByTestId('counts').textContent()).not.toBe(before);
      await idle(page);
      await shot(page, 'analysis-03-indicator-evidence');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the flagged list as known on a date', () => {
  it('shows the date it is as known on, labels the weights, and exports what it lists as CSV for a chosen date', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openPage(page, 'Flagged', 'Flagged people and premises');
    const flaggedPage = page.getByRole('region', { name: 'Flagged people and premises' });
    const table = page.getByRole('table', { name: 'Flagged people and premises' });
    await table.waitFor({ timeout: 150_000 });
    const today = new Date().toISOString().slice(0, 10);
    const asOf = flaggedPage.getByLabel('As known on');
    await expect(asOf.inputValue()).resolves.toBe(today);
    const summary = page.getByTestId('flagged-summary');
    await summary.filter({ hasText: `flagged as known on ${today}` }).waitFor({ timeout: 150_000 });
    // People, whose risk factors carry their weights from the rules ("Links to organised crime (1)").
    await flaggedPage.getByLabel('Type', { exact: true }).selectOption('PERSON');
    await summary.filter({ hasText: `flagged as known on ${today}` }).waitFor({ timeout: 150_000 });
    await expect(table.getByRole('columnheader', { name: 'Risk factors (weight)' }).count()).resolves.toBe(1);
    await expect.poll(async () => (await table.locator('tbody tr').first().locator('.pill .weight').allTextContents()).length, { timeout: 60_000 }).toBeGreaterThan(0);
    expect((await table.locator('tbody tr').first().locator('.pill .weight').first().textContent())?.trim()).toMatch(/^\(\d+(\.\d+)?\)$/);
    await shot(page, 'analysis-08-flagged-as-known-on');

    // An earlier date: evidence recorded later is left out, and the list says which date it is.
    const earlier = '2025-06-30';
    await asOf.fill(earlier);
    await summary.filter({ hasText: `flagged as known on ${earlier}` }).waitFor({ timeout: 150_000 });
    await page.getByTestId('flagged-as-of').filter({ hasText: earlier }).waitFor();
    const listed = Number(/^(\d+) flagged/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(listed).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 150_000 }), flaggedPage.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`lantern-flagged-as-known-on-${earlier}.csv`);
    const rows = parse(fs.readFileSync((await download.path())!, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['as_known_on', 'id', 'type', 'label']);
    // Every entity the list counts, each a person, each as known on the chosen date.
    expect(rows.length - 1).toBe(listed);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set([earlier]));
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['PERSON']));
    const shownIds = await table.locator('tbody tr .mono').allTextContents();
    expect(rows.slice(1, 1 + shownIds.length).map((r) => r[1])).toEqual(shownIds);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('suspected networks', () => {
  it('lists the planted networks with their evidence and puts one on the chart', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openPage(page, 'Networks', 'Suspected networks');
    const list = page.getByRole('list', { name: 'Suspected networks' });
    await list.locator('> li').first().waitFor({ timeout: 150_000 });
    await expect(list.locator('> li').count()).resolves.toBe(truth.networks.length);
    await shot(page, 'analysis-04-networks');
    await list.locator('> li').first().getByRole('button', { name: 'Add network to chart' }).click();
    await page.getByRole('heading', { name: 'Start with a search' }).waitFor({ state: 'detached' });
    const n = await waitForEntities(page, (x) => x > 4, 60_000);
    await idle(page);
    const parlours = truth.networks.flatMap((x) => x.premisesIds);
    const visible = await page.evaluate(() => window.lanternChart!.visibleIds());
    expect(visible.filter((id) => parlours.includes(id)).length).toBeGreaterThanOrEqual(4);
    expect(n).toBeGreaterThan(4);
    await shot(page, 'analysis-05-network-on-chart');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the operation dashboard', () => {
  it('shows each operation’s numbers as the demo’s ground truth has them, with charts', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await openPage(page, 'Dashboard', 'Operation dashboard');
    for (const [i, op] of truth.operations.entries()) {
      await page.getByLabel('Operation', { exact: true }).selectOption(op.id);
      await page.locator(`.dashboard[data-operation="${op.id}"][aria-busy="false"]`).waitFor({ timeout: 150_000 });
      const fig = (label: string) => page.getByTestId(`figure-${label}`).textContent();
      await expect(fig('Premises visited')).resolves.toBe(String(op.premisesVisited));
      await expect(fig('People encountered')).resolves.toBe(String(op.peopleEncountered));
      await expect(fig('Potential victims identified')).resolves.toBe(String(op.potentialVictimsIdentified));
      await expect(fig('Safeguarded')).resolves.toBe(String(op.safeguarded));
      const referrals = Object.fromEntries(
        (await page.getByRole('table', { name: 'Referrals by type' }).locator('tr').allTextContents()).map((t) => {
          const m = /^(.*?)(\d+)$/.exec(t)!;
          return [m[1]!.trim().toLowerCase(), Number(m[2])];
        }),
      );
      const expected = Object.fromEntries(Object.entries(op.referralsByKind).map(([k, v]) => [k.replace(/_/g, ' ').toLowerCase(), v]));
      expect(referrals).toEqual(expected);
      // The charts are drawn (Chart.js canvases with pixels), not blank.
      const canvases = page.locator('.chart-box canvas');
      await expect(canvases.count()).resolves.toBeGreaterThanOrEqual(3);
      const inked = await canvases.first().evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let k = 3; k < d.length; k += 4) if (d[k]! > 0) n++;
        return n;
      });
      expect(inked).toBeGreaterThan(1000);
      await shot(page, `analysis-06-dashboard-${i + 1}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('network analysis on the chart', () => {
  it('finds communities and sizes and colours the chart by them', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await searchAndAdd(page, 'Velvet Willow', /Velvet Willow/);
    const p = await nodePosition(page, 'premises-000001');
    await page.mouse.dblclick(p.x, p.y);
    const n = await waitForEntities(page, (x) => x > 1, 150_000);
    await idle(page);
    const panel = page.getByRole('region', { name: 'Network analysis' });
    await panel.getByRole('button', { name: 'Analyse chart' }).click();
    const summary = panel.getByTestId('analysis-summary');
    await summary.waitFor({ timeout: 150_000 });
    await expect(summary.textContent()).resolves.toMatch(new RegExp(`^${n} entities`));
    await expect(panel.getByLabel('Colour by').inputValue()).resolves.toBe('community');
    await panel.getByRole('list', { name: 'Communities' }).waitFor();
    await shot(page, 'analysis-07-communities');
    expect(errors).toEqual([]);
    await page.close();
  });
});
