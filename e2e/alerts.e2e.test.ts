/**
 * The Alerts page in Chromium against the built app and a real server: a watched phone, an import
 * with new adverts carrying it; the top bar's count of new alerts goes up live (alertRaised over
 * WebSocket); on the page, one alert's evidence goes on the chart in one action, one is confirmed
 * and one dismissed; the alerts' case is named in the list and opens the case.
 * Build first: npx vite build && npx vitest run --project e2e e2e/alerts.e2e.test.ts
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  startTestServer,
  testGateway,
  testLog,
  type TestServer,
} from '../server/testing/harness.ts';
import type { Gateway } from '../server/db/gateway.ts';
import { AlertHub } from '../server/modules/alerts/alerts.hub.ts';
import { startEngine, type Engine } from '../server/modules/alerts/alerts.engine.ts';
import { naturalIds, removeSource } from '../server/modules/import/import.repository.ts';
import { launch, openWorkspace, shot, waitForEntities } from './support/browser.ts';

vi.setConfig({ testTimeout: 300_000 });

const PHONE = `+447700${String(process.pid).padStart(6, '0').slice(-6)}`;
const SOURCE = `E2E_ALERTS_${process.pid}`;
const CASE_NAME = `OP-E2E-ALERTS ${process.pid}`;
const MAPPING = `
version: 1
recordKey: [ref]
summary: "Advert {ref}"
grading: { sourceEvaluation: 2, intelligenceAssessment: B, handlingCode: P, classification: OFFICIAL }
entities:
  advert: { type: ADVERT, properties: { site: site, title: title, obscuredNumber: { value: false } } }
  phone: { type: PHONE, properties: { number: { column: tel, transform: [{ phone: GB }] } } }
links:
  - { type: ADVERT_LISTS_PHONE, from: advert, to: phone }
`;

let server: TestServer;
let gateway: Gateway;
let browser: Browser;
let engine: Engine;
const hub = new AlertHub();

const importRows = (rows: string[][]) =>
  server.graphql(
    'mutation I($s: String!, $m: String!, $c: String!) { importFile(source: $s, mapping: $m, fileName: "ads.csv", content: $c) { imported } }',
    {
      s: SOURCE,
      m: MAPPING,
      c: Buffer.from(
        ['ref,site,title,tel', ...rows.map((r) => r.join(','))].join('\n') + '\n',
      ).toString('base64'),
    },
  );

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html'))
    throw new Error('Build the workspace first: npx vite build');
  gateway = testGateway({ queryTimeoutMs: 120_000 });
  server = await startTestServer({ gateway, alerts: hub });
  engine = startEngine(gateway, testLog, { intervalMs: 3_600_000, hub, debounceMs: 100 });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await engine?.stop();
  hub.close();
  await server?.close();
  await removeSource(gateway, SOURCE);
  await gateway?.close();
});

describe('the Alerts page', () => {
  it('counts new alerts live, puts an alert’s evidence on the chart, confirms one and dismisses another', async () => {
    expect((await importRows([['E0', 'site', 'Known advert', PHONE]])).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 300));
    await engine.pass();
    const phoneId = (await naturalIds(gateway, [{ type: 'PHONE', value: PHONE }])).get(
      `PHONE ${PHONE}`,
    )!;
    const made = await server.graphql<{ createCase: { id: string } }>(
      'mutation C($input: NewCaseInput!) { createCase(input: $input) { id } }',
      { input: { name: CASE_NAME, handlingCode: 'P' } },
    );
    expect(made.errors).toBeUndefined();
    const caseId = made.data!.createCase.id;
    const w = await server.graphql(
      'mutation W($id: ID!, $c: ID) { watch(input: { entityId: $id, caseId: $c }) { id } }',
      { id: phoneId, c: caseId },
    );
    expect(w.errors).toBeUndefined();

    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    const nav = page.getByRole('navigation', { name: 'Pages' });
    // New alerts other suites left in the shared store are counted too: this test's two come on top.
    const shown = async () => Number(((await nav.getByLabel(/^\d+ new alerts$/).getAttribute('aria-label', { timeout: 500 }).catch(() => null)) ?? '0 new').split(' ')[0]);
    await page.getByRole('heading', { level: 1 }).or(nav).first().waitFor();
    await new Promise((r) => setTimeout(r, 1000));
    const before = await shown();
    // Two new adverts with the watched phone: the count in the top bar arrives without a reload.
    expect(
      (
        await importRows([
          ['E1', 'vivastreet', 'New advert one', PHONE],
          ['E2', 'adultwork', 'New advert two', PHONE],
        ])
      ).errors,
    ).toBeUndefined();
    await expect.poll(shown, { timeout: 60_000 }).toBeGreaterThanOrEqual(before + 2);

    await nav.getByRole('button', { name: /^Alerts/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    const table = page.getByRole('table', { name: 'Alerts' });
    await table.waitFor({ timeout: 60_000 });
    // Other suites' alerts may fill the list: this case's own, chosen by the page's case filter.
    await page
      .getByRole('region', { name: 'Alerts' })
      .getByLabel('Case')
      .selectOption(caseId);
    const mine = table.locator('tbody tr').filter({ hasText: CASE_NAME });
    await expect.poll(() => mine.count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    await shot(page, 'alerts-01-page');

    // One action: the alert's advert and phone on the chart, the evidence highlighted.
    await mine.first().getByRole('button', { name: 'Put evidence on chart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor({ state: 'detached' });
    expect(await waitForEntities(page, (n) => n === 2, 60_000)).toBe(2);
    await shot(page, 'alerts-02-evidence-on-chart');

    // Back on the page: confirm one, dismiss the other; the New list empties.
    await nav.getByRole('button', { name: /^Alerts/ }).click();
    await page
      .getByRole('region', { name: 'Alerts' })
      .getByLabel('Case')
      .selectOption(caseId);
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    await table.locator('tbody tr').first().getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(1);
    await table.locator('tbody tr').first().getByRole('button', { name: 'Dismiss' }).click();
    await page
      .getByText('No alerts', { exact: false })
      .or(page.locator('.page-status'))
      .first()
      .waitFor({ timeout: 30_000 });
    await page
      .getByRole('region', { name: 'Alerts' })
      .getByLabel('Status')
      .selectOption({ label: 'All' });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    const statuses = await table.locator('.alert-status').allTextContents();
    expect(statuses.sort()).toEqual(['confirmed', 'dismissed']);
    await shot(page, 'alerts-03-decided');

    // The case is named, not given as its id, and opens the case on the Cases page.
    await table.locator('tbody tr').first().getByRole('button', { name: CASE_NAME }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.getByRole('article', { name: `Case ${CASE_NAME}` }).getByRole('heading', { name: CASE_NAME }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
