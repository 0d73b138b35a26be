/**
 * Working together in a case (issue 27, decision 0035): two analysts in one case; one shares a
 * chart with the case, the other opens it from the Cases page, adds a note and saves; the first
 * is told who else has it open and that it changed, reloads and sees the note; a partner member
 * sees only what the handling codes let partners see, and no notes.
 * Build first: npx vite build && npx vitest run --project e2e e2e/cases.e2e.test.ts
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, testGateway, type TestClient, type TestServer } from '../server/testing/harness.ts';
import { runOffline } from '../server/testing/statements.ts';
import { demoEntityIds } from '../server/testing/test-data.ts';
import { idle, launch, openWorkspace, shot, waitForEntities } from './support/browser.ts';

let server: TestServer;
let browser: Browser;
const gateway = testGateway();
const stamp = `${process.pid}-${Date.now()}`;
const caseName = `Op Lantern e2e ${stamp}`;
const chartName = `Parlour network ${stamp}`;
let chartId = '';
let bob: TestClient;
let partner: TestClient;
const names: Record<'ann' | 'bob' | 'partner', string> = { ann: '', bob: '', partner: '' };
/** How presence names an account (usePresence viewerName): an API token by its own name, marked as one. */
const shown = (account: string) => (account.startsWith('token:') ? `${account.slice('token:'.length)} (API token)` : account);
let f: { a: string; v: string; h: string };

const me = async (c: TestClient) => (await c.graphql<{ me: { name: string } }>('{ me { name } }')).data!.me.name;

async function openCase(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('table', { name: 'Your cases' }).getByRole('button', { name: caseName }).click();
  await page.getByRole('article', { name: `Case ${caseName}` }).waitFor();
}

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('Build the workspace first: npx vite build');
  server = await startTestServer({ gateway });
  browser = await launch();
  [bob, partner] = await Promise.all([server.as('analyst'), server.as('partner')]);
  names.ann = await me(server);
  names.bob = await me(bob);
  names.partner = await me(partner);
  const [fx] = await runOffline(gateway, 'testing/access-fixture', { demo: demoEntityIds() });
  f = { a: String(fx!.a), v: String(fx!.v), h: String(fx!.h) };
  // Ann's chart: two entities partners may see and one they may not.
  const document = { version: 1, elements: { nodes: [{ id: f.a }, { id: f.v }, { id: f.h }], edges: [] }, positions: { [f.a]: { x: 0, y: 0 }, [f.v]: { x: 160, y: 0 }, [f.h]: { x: 80, y: 140 } } };
  const saved = await server.graphql<{ saveChart: { id: string } }>('mutation($n: String!, $d: JSON!) { saveChart(name: $n, document: $d) { id } }', { n: chartName, d: document });
  expect(saved.errors).toBeUndefined();
  chartId = saved.data!.saveChart.id;
}, 300_000);

afterAll(async () => {
  if (chartId) await server.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id: chartId });
  await browser?.close();
  await server?.close();
  await gateway.close();
});

describe('two analysts and a partner in one case', () => {
  it('shares a chart through a case, tells of the other analyst and the change, and shows the partner only what may be shared', async () => {
    // Ann opens a case on the Cases page and adds Bob (analyst) and a partner agency's user (viewer).
    const { page: ann, errors: annErrors } = await openWorkspace(browser, server.url, server.authorization);
    await ann.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Cases' }).click();
    await ann.getByLabel('Case name').fill(caseName);
    await ann.getByRole('button', { name: 'Open case' }).click();
    const kase = ann.getByRole('article', { name: `Case ${caseName}` });
    await kase.waitFor({ timeout: 60_000 }).catch(async (e: Error) => {
      await shot(ann, 'cases-failed-open');
      throw e;
    });
    for (const [who, role] of [[names.bob, 'analyst'], [names.partner, 'viewer']] as const) {
      await kase.getByRole('textbox', { name: 'Member', exact: true }).fill(who);
      await kase.getByLabel('Case role').selectOption(role);
      await kase.getByRole('button', { name: 'Add member' }).click();
      await kase.getByRole('region', { name: 'Members' }).getByText(who).waitFor();
    }
    await kase.getByRole('textbox', { name: 'Add note' }).fill('Visits planned for Friday; partners briefed.');
    await kase.getByRole('button', { name: 'Add note' }).click();
    await kase.getByRole('list', { name: 'Notes' }).getByText('Visits planned for Friday').waitFor();
    await shot(ann, 'cases-page');

    // Ann opens her chart and shares it with the case, editable.
    await ann.getByRole('button', { name: '← Chart' }).click();
    await ann.getByRole('button', { name: 'Open…' }).click();
    await ann.getByRole('dialog').getByRole('button', { name: chartName, exact: true }).click();
    await waitForEntities(ann, (n) => n === 3, 60_000);
    await idle(ann);
    await ann.getByRole('button', { name: 'Share…' }).click();
    const share = ann.getByRole('dialog', { name: `Share “${chartName}”` });
    await share.getByRole('combobox', { name: 'Case' }).selectOption({ label: `${caseName} (P)` });
    await share.getByLabel('edit (save new versions)').check();
    await share.getByRole('button', { name: 'Share', exact: true }).click();
    await share.getByRole('list', { name: 'Shares' }).getByText(caseName).waitFor();
    await shot(ann, 'share-dialog');
    await share.getByRole('button', { name: 'Close' }).click();

    // Bob opens it from the case, adds a note on the chart and saves a new version.
    const { page: bobPage, errors: bobErrors } = await openWorkspace(browser, server.url, bob.authorization);
    await openCase(bobPage);
    await bobPage.getByRole('region', { name: 'Charts' }).getByRole('button', { name: chartName }).click();
    await waitForEntities(bobPage, (n) => n === 3, 60_000);
    await idle(bobPage);
    // Bob is told Ann has it open (her heartbeat), on his first heartbeat.
    await bobPage.getByRole('status', { name: 'Who else has this chart' }).getByText(`${shown(names.ann)} also has this chart open`).waitFor({ timeout: 30_000 });
    const notes = bobPage.getByRole('region', { name: 'Notes on this chart' });
    await notes.getByRole('textbox', { name: 'Add note' }).fill('Second phone seen at the parlour on 12 June.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByText('Second phone seen at the parlour').waitFor();
    await bobPage.getByRole('button', { name: 'Save…' }).click();
    await bobPage.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
    await bobPage.getByText(`Saved “${chartName}”`).waitFor();

    // Ann is told, within a heartbeat or two, that Bob has it open and changed it; she reloads and sees his note.
    const presence = ann.getByRole('status', { name: 'Who else has this chart' });
    await presence.getByText(`${shown(names.bob)} also has this chart open`).waitFor({ timeout: 40_000 });
    await presence.getByText(new RegExp(`Changed by ${names.bob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at \\d\\d:\\d\\d`)).waitFor({ timeout: 40_000 });
    await shot(ann, 'cases-change-notice');
    await presence.getByRole('button', { name: 'reload' }).click();
    await presence.getByText(/Changed by/).waitFor({ state: 'detached' });
    const annNotes = ann.getByRole('region', { name: 'Notes on this chart' });
    await annNotes.getByText('Second phone seen at the parlour on 12 June.').waitFor();
    expect(await annNotes.getByText(names.bob, { exact: false }).count()).toBeGreaterThan(0);

    // The partner member opens the case chart: the entity partners may not see is not on it, and notes are not shown.
    const { page: partnerPage, errors: partnerErrors } = await openWorkspace(browser, server.url, partner.authorization);
    await openCase(partnerPage);
    const partnerCase = partnerPage.getByRole('article', { name: `Case ${caseName}` });
    expect(await partnerCase.getByText('Visits planned for Friday').count()).toBe(0);
    expect(await partnerCase.getByRole('textbox', { name: 'Add note' }).count()).toBe(0);
    await partnerCase.getByRole('region', { name: 'Charts' }).getByText(/2 entities/).waitFor();
    await shot(partnerPage, 'cases-partner');
    await partnerCase.getByRole('region', { name: 'Charts' }).getByRole('button', { name: chartName }).click();
    await waitForEntities(partnerPage, (n) => n === 2, 60_000);
    const onChart = await partnerPage.evaluate(() => Object.keys(window.lanternChart?.positions() ?? {}));
    expect(onChart.sort()).toEqual([f.a, f.v].sort());
    const partnerNotes = partnerPage.getByRole('region', { name: 'Notes on this chart' });
    await partnerNotes.getByText('No notes yet.').waitFor();
    expect(await partnerNotes.getByRole('textbox', { name: 'Add note' }).count()).toBe(0);

    expect([...annErrors, ...bobErrors, ...partnerErrors]).toEqual([]);
    for (const p of [ann, bobPage, partnerPage]) await p.close();
  }, 240_000);
});
