/**
 * Importing and reviewing in Chromium against the built app and a real server: upload a small
 * CSV, see the preview with the bad value named (its row kept), import it, find the person by search; then the
 * review queue side by side, accept and undo. Each test uses its own source names and removes
 * what it imported.
 * Build first: npx vite build && npx vitest run --project e2e e2e/importing.e2e.test.ts
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, testGateway, type TestServer } from '../server/testing/harness.ts';
import type { Gateway } from '../server/db/gateway.ts';
import { removeSource } from '../server/modules/import/import.repository.ts';
import { sourceIdPrefix } from '../server/model/source-ids.ts';
import { resolveGraph } from '../server/modules/resolve/resolve.service.ts';
import { TEMPLATES } from '../client/src/importing/templates.ts';
import { launch, openWorkspace, shot } from './support/browser.ts';

const stamp = `${process.pid}`;
const SOURCE = `E2E_IMPORT_${stamp}`;
const SRC_A = `E2E_REVIEW_A_${stamp}`;
const SRC_B = `E2E_REVIEW_B_${stamp}`;
const PEOPLE = TEMPLATES.find((t) => t.name.startsWith('People with phones'))!;

// Fictional people; phones from Ofcom's drama range, postcode units that do not exist.
const CSV = [
  'ref,given,family,dob,tel,postcode,street',
  'E1,Oriel,Vantrossen,04/03/1991,07700 900871,RG1 7KC,4 Quill Row',
  'E2,Maud,Pellinore,31/02/1988,07700 900872,RG1 7KC,6 Quill Row',
  'E3,Tamsin,Quarrender,12/12/1979,07700 900873,OX1 3VI,9 Tern Lane',
].join('\n');

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
  if (server) {
    for (const s of [SOURCE, SRC_A, SRC_B]) await removeSource(server.gateway, s);
    await server.close();
  }
  await gateway?.close();
});

describe('importing a file from the workspace', () => {
  it('previews a CSV with its bad value named, imports every row with a summary of what was left out, and the person is found by search', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a file' }).waitFor();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    // A CSV gets the CSV template; the analyst picks the one that fits and names the source.
    await page.getByLabel('Mapping', { exact: true }).selectOption(PEOPLE.name);
    await expect(page.getByLabel('Mapping (YAML or JSON)').inputValue()).resolves.toBe(PEOPLE.text);
    await page.getByLabel('Source system').fill(SOURCE);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const bad = page.getByRole('table', { name: 'Left out of rows in the preview' });
    await bad.waitFor({ timeout: 150_000 });
    // 31 February is no date: line 3, column dob, the value as written; the row itself is kept.
    const cells = await bad.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['3', 'dob', '31/02/1988']);
    expect(cells[3]).toMatch(/date/i);
    const rows = page.getByRole('table', { name: 'Rows with the mapping applied' });
    await expect(rows.textContent()).resolves.toMatch(/Vantrossen/);
    await expect(rows.textContent()).resolves.toMatch(/Pellinore/);
    await expect(rows.textContent()).resolves.toMatch(/\+447700900871/);
    await expect(page.getByTestId('preview-summary').textContent()).resolves.toMatch(/^3 rows in the file .* 0 bad rows among them · 1 value or link left out of kept rows/);
    await shot(page, 'importing-01-preview');

    await page.getByLabel('resolve people afterwards').uncheck();
    await page.getByRole('button', { name: /^Import 3 rows/ }).click();
    const result = page.getByRole('status', { name: 'Import result' });
    await result.waitFor({ timeout: 150_000 });
    await expect(result.getByRole('heading').textContent()).resolves.toMatch(/^Imported 3 of 3 rows/);
    await expect(result.textContent()).resolves.toMatch(/New records3/);
    await expect(result.textContent()).resolves.toMatch(/Values left out1/);
    await expect(result.getByRole('table', { name: 'Left out of imported rows' }).textContent()).resolves.toMatch(/dob31\/02\/1988/);
    await shot(page, 'importing-02-result');

    // Back on the chart, the imported person is found by search.
    await page.getByRole('button', { name: '← Chart' }).click();
    await page.locator('body').press('/');
    await page.keyboard.type('Oriel Vantrossen');
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: /Vantrossen/i }).first().waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the review queue', () => {
  // Two systems recorded some of the same people differently; the resolver cannot decide some pairs.
  const HEAD = 'ref,given,family,dob,tel,postcode,street';
  // The second system recorded three of the first system's people without a date of birth.
  const A = [
    'A1,Ottoline,Brackenridge,03/05/1987,,,',
    'A2,Peregrine,Waddesdon,11/10/1990,,,',
    'A3,Rosamund,Quickfall,22/08/1972,07700 900891,,',
    'A4,Thaddeus,Ormerod,09/01/1969,,RG1 7KC,8 Quill Row',
  ];
  const B = ['B1,Ottoline,Brackenridge,,,,', 'B2,Ysolde,Merriweather,30/04/1998,,,', 'B3,Rosamund,Quickfall,,,,', 'B4,Thaddeus,Ormerod,,,,'];
  const NAMES = /Brackenridge|Quickfall|Ormerod/;
  let recordIds: string[] = [];

  afterAll(async () => {
    if (server && recordIds.length) await server.gateway.write('resolve/delete-decisions', { ids: recordIds });
  });

  it('shows a pair side by side with its score, accepts it from the keyboard and undoes the merge', async () => {
    const enc = (rows: string[]) => Buffer.from([HEAD, ...rows].join('\n')).toString('base64');
    for (const [source, rows] of [[SRC_A, A], [SRC_B, B]] as const) {
      const r = await server.graphql<{ startImport: { id: string } }>(
        `mutation($source: String!, $mapping: String!, $content: String!) { startImport(source: $source, mapping: $mapping, fileName: "people.csv", content: $content) { id } }`,
        { source, mapping: PEOPLE.text, content: enc(rows) },
      );
      expect(r.errors).toBeUndefined();
      for (;;) {
        const j = await server.graphql<{ importJob: { status: string; error: string | null } }>(`query($id: ID!) { importJob(id: $id) { status error } }`, { id: r.data!.startImport.id });
        if (j.data!.importJob.status !== 'RUNNING') {
          expect(j.data!.importJob).toEqual({ status: 'SUCCEEDED', error: null });
          break;
        }
        await new Promise((ok) => setTimeout(ok, 300));
      }
    }
    // `lantern resolve` over this test's two sources only, so the demo's records are left as they are,
    // with every scored pair sent to review (weights estimated from eight records say little): the
    // queue is what this test is about.
    recordIds = (await server.gateway.read('resolve/test-person-keys', { prefixes: [sourceIdPrefix(SRC_A), sourceIdPrefix(SRC_B)] })).map((r) => String(r.id));
    const run = await resolveGraph(server.gateway, { sources: [SRC_A, SRC_B], types: ['PERSON'], thresholds: { merge: 1.01, review: 0.01 } });
    expect(run.review, 'pairs sent to review').toBeGreaterThan(0);
    const queue = await server.graphql<{ reviewQueue: { items: { id: string; a: { label: string }; b: { label: string } }[] } }>(
      '{ reviewQueue(first: 100, entityType: PERSON) { items { id a { label } b { label } } } }',
    );
    const mine = queue.data!.reviewQueue.items.filter((d) => NAMES.test(d.a.label + d.b.label));
    expect(mine.length, 'pairs of this test waiting for review').toBeGreaterThan(0);
    const first = mine[0]!;

    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    const pairs = page.getByRole('navigation', { name: 'Pairs' });
    await pairs.waitFor({ timeout: 150_000 });
    await pairs.getByRole('button').filter({ hasText: first.a.label }).filter({ hasText: first.b.label }).first().click();
    const pair = page.getByRole('region', { name: `${first.a.label} and ${first.b.label}` });
    await pair.waitFor();
    const compare = pair.getByRole('table', { name: 'Field by field' });
    await expect(compare.textContent()).resolves.toMatch(/Jaro|exact|agree|differ/i);
    await expect(pair.textContent()).resolves.toMatch(/\d+\.\d%/);
    await shot(page, 'importing-03-review');

    // A accepts; the pair is merged and the page moves on to the next pair waiting. U undoes the
    // merge. The queue's entry for the pair shows its status throughout.
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).click();
    await page.keyboard.press('a');
    const status = pairs.locator(`[data-decision-id="${first.id}"]`);
    await status.filter({ hasText: 'Merged' }).waitFor({ timeout: 150_000 });
    await expect(page.getByTestId('review-said').textContent()).resolves.toMatch(/^Merged .+ U undoes it\.$/);
    const merged = await server.graphql<{ matchDecision: { status: string; a: { resolvedId: string | null }; b: { resolvedId: string | null } } }>(
      'query($id: ID!) { matchDecision(id: $id) { status a { resolvedId } b { resolvedId } } }',
      { id: first.id },
    );
    expect(merged.data!.matchDecision.status).toBe('MERGED');
    expect(merged.data!.matchDecision.a.resolvedId).toBe(merged.data!.matchDecision.b.resolvedId);
    await shot(page, 'importing-04-accepted');
    await page.keyboard.press('u');
    await status.filter({ hasText: 'Undone' }).waitFor({ timeout: 150_000 });
    const undone = await server.graphql<{ matchDecision: { status: string; history: string[] } }>('query($id: ID!) { matchDecision(id: $id) { status history } }', { id: first.id });
    expect(undone.data!.matchDecision.status).toBe('UNDONE');

    // Merged again, the pair shows as a cluster in the second view, with its evidence, and can
    // be undone from there.
    await server.graphql('mutation($id: ID!) { acceptMatch(id: $id) { status } }', { id: first.id });
    await page.getByRole('button', { name: 'Merged clusters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Merged clusters' }).waitFor();
    const clusters = page.getByRole('navigation', { name: 'Clusters' });
    await clusters.waitFor({ timeout: 150_000 });
    await clusters.getByRole('button').filter({ hasText: first.a.label }).first().click();
    const merge = page.getByRole('region', { name: `${first.a.label} and ${first.b.label}` });
    await merge.waitFor();
    await expect(merge.getByRole('table', { name: 'Field by field' }).textContent()).resolves.toMatch(/exact|Jaro|agree|differ/i);
    await shot(page, 'importing-05-clusters');
    await merge.getByRole('button', { name: /Undo merge/ }).click();
    await page.getByTestId('review-said').filter({ hasText: /^Merge undone for / }).waitFor({ timeout: 150_000 });
    const again = await server.graphql<{ matchDecision: { status: string } }>('query($id: ID!) { matchDecision(id: $id) { status } }', { id: first.id });
    expect(again.data!.matchDecision.status).toBe('UNDONE');
    expect(errors).toEqual([]);
    await page.close();
  });
});
