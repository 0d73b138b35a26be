/**
 * A briefing built from hostile names, opened in Chromium as a recipient would open the file:
 * no script runs, no dialog opens, nothing is fetched, and the names show literally.
 * Build first: npx vite build && npx vitest run --project e2e e2e/snapshot.e2e.test.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/testing/harness.ts';
import { idle, launch, openWorkspace, searchAndAdd, shot, waitForEntities } from './support/browser.ts';
import { runOffline } from '../server/testing/statements.ts';

const TAG = `snapxss${Date.now()}`;
const HOSTILE = '<img src=x onerror=alert(1)>';
const ID = `premises-${TAG}`;

let server: TestServer;
let browser: Browser;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-briefing-'));

beforeAll(async () => {
  if (!fs.existsSync('dist/client/briefing.html')) throw new Error('Build the client first: npx vite build');
  server = await startTestServer();
  browser = await launch();
  const res = await server.graphql('mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }', {
    input: {
      id: ID,
      type: 'PREMISES',
      properties: [{ name: 'name', value: `${HOSTILE} Parlour` }, { name: 'town', value: '<script>alert(2)</script>' }],
      provenance: { source: `test-${TAG}`, recordKey: 'r-1', sourceEvaluation: 'RELIABLE', intelligenceAssessment: 'A', handlingCode: 'P' },
    },
  });
  expect(res.errors).toBeUndefined();
});

afterAll(async () => {
  if (server) await runOffline(server.gateway, 'testing/remove-fixture', { ids: [ID], prefix: `src-${TAG}-`, source: `test-${TAG}` });
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a briefing with hostile names', () => {
  it('runs no script, fetches nothing and shows the names literally when the HTML file is opened', async () => {
    const made = await server.graphql<{ createSnapshot: { files: { html: string; pdf: string } } }>(
      'mutation($input: CreateSnapshotInput!) { createSnapshot(input: $input) { files { html pdf } } }',
      { input: { title: `${HOSTILE} briefing`, selection: { ids: [ID], hops: 0 }, findings: [{ text: `${HOSTILE} <b>not bold</b>`, elementIds: [ID] }] } },
    );
    expect(made.errors).toBeUndefined();
    const res = await fetch(`${server.url}${made.data!.createSnapshot.files.html}`, { headers: { authorization: server.authorization } });
    expect(res.status).toBe(200);
    const file = path.join(dir, 'briefing.html');
    fs.writeFileSync(file, await res.text());

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.goto(`file://${file}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'e2e-snapshot-hostile-html');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`${HOSTILE} briefing`);
    await expect.poll(() => page.getByText(`${HOSTILE} Parlour`).count()).toBeGreaterThan(0);
    expect(await page.getByText('<script>alert(2)</script>', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText(`${HOSTILE} <b>not bold</b>`).count()).toBe(1);
    // The chart is an image (SVG data URL) and the marking and hash are on the page.
    expect(await page.getByTestId('chart-image').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await page.getByTestId('marking').textContent()).toMatch(/OFFICIAL/);
    expect(await page.getByTestId('hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await page.close();
  });

  it('is made from the workspace chart with the Briefing… dialog, which shows its marking, hash and masking and offers the files', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    // The demo's parlour, added from search (not expanded: a cold database's first expansion can
    // outlast the test on a loaded machine).
    await searchAndAdd(page, 'Velvet Willow', /Velvet Willow/);
    const n = await waitForEntities(page, (x) => x >= 1);
    await idle(page);
    await page.getByRole('button', { name: 'Briefing…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Briefing snapshot' });
    await expect.poll(() => dialog.textContent()).toContain(n === 1 ? 'The entity on the chart' : `The ${n} entities on the chart`);
    await dialog.getByLabel('Title').fill(`Velvet Willow network ${TAG}`);
    await dialog.getByLabel('Purpose and audience').fill('Tasking meeting');
    await dialog.getByLabel('Findings, one per line').fill('The parlour shares a booking phone with two others.\nWorkers rotate between them.');
    await shot(page, 'e2e-snapshot-01-dialog');
    await dialog.getByRole('button', { name: 'Make snapshot' }).click();
    const made = dialog.locator('.snapshot-made');
    await made.waitFor({ timeout: 60_000 });
    await shot(page, 'e2e-snapshot-02-made');
    expect(await made.textContent()).toMatch(new RegExp(`Velvet Willow network ${TAG}.*version 1.*OFFICIAL.*SHA-256 [0-9a-f]{64}.*Potential victims are masked`));
    expect(await made.getByRole('button').allTextContents()).toEqual(['PDF', 'HTML', 'PNG']);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await made.getByRole('button', { name: 'PNG' }).click();
    const file = path.join(dir, 'dialog.png');
    await (await download).saveAs(file);
    expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
    await page.close();
    // A cold database and a first render on a loaded machine: minutes, not seconds.
  }, 300_000);
});
