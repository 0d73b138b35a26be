/**
 * Editing by hand in the workspace (issue 27), in Chromium against the built app and a real
 * server: an analyst creates a person with its source and grading (a missing reference is shown
 * by its field first), links the person to a premises on the chart, edits a property, and the
 * details show the new values with their sources; a viewer, who may not write, sees none of it.
 * Build first: npx vite build && npx vitest run --project e2e e2e/editing.e2e.test.ts
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, testGateway, type TestServer } from '../server/testing/harness.ts';
import type { Gateway } from '../server/db/gateway.ts';
import { Fixture } from '../server/testing/fixture.ts';
import {
  counts,
  idle,
  launch,
  nodePosition,
  openWorkspace,
  searchAndAdd,
  shot,
  waitForEntities,
} from './support/browser.ts';

const fx = new Fixture(`e2eedit${process.pid}`);
const PREMISES = fx.entity(
  'PREMISES',
  {
    name: 'Zellbrook Hand Car Wash',
    kind: 'CAR_WASH',
    addressLine: '2 Zellbrook Road',
    town: 'Slough',
    postcode: 'SL1 4ZB',
  },
  { key: 'wash' },
);
// The records the analyst cites: the fixture's source, so that removing the fixture removes them.
const SOURCE = `test-${fx.tag}`;

let server: TestServer;
let gateway: Gateway;
let browser: Browser;
const made: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html'))
    throw new Error('Build the workspace first: npx vite build');
  gateway = testGateway({ queryTimeoutMs: 120_000 });
  server = await startTestServer({ gateway });
  await fx.write(server.gateway);
  // The full-text index takes the new premises in its own time: wait until search finds it.
  for (const deadline = Date.now() + 120_000; ;) {
    const r = await server.graphql<{ search: { edges: unknown[] } }>(
      '{ search(text: "Zellbrook") { edges { node { id } } } }',
    );
    if ((r.data?.search.edges.length ?? 0) > 0) break;
    if (Date.now() > deadline)
      throw new Error('search did not find the fixture premises within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  browser = await launch();
});

afterAll(async () => {
  if (server) await fx.remove(server.gateway, made);
  await browser?.close();
  await server?.close();
  await gateway?.close();
});

describe('editing by hand', () => {
  it('creates a person with provenance and grading, links it to a premises on the chart, edits the link and the person, and shows the new values with their sources', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await searchAndAdd(page, 'Zellbrook', /Hand Car Wash/);
    await waitForEntities(page, (n) => n === 1);

    // New entity: the type from the server's types, then a form made from its properties.
    await page.getByRole('button', { name: 'New entity…' }).click();
    const create = page.getByRole('dialog', { name: 'New entity' });
    await create.locator('[data-field="type"] select').selectOption({ label: 'Person' });
    await create.getByLabel('given name').fill('Radu');
    await create.getByLabel('family name').fill('Zellbrook');
    await create.getByLabel('date of birth').fill('1991-07-14');
    await create.locator('[data-field="provenance.source"] input').fill(SOURCE);
    await create.getByLabel('Source evaluation').selectOption('RELIABLE');
    await create.getByLabel('Intelligence assessment').selectOption('B');
    // No reference: the server refuses it, and says so by the Reference field.
    await create.getByRole('button', { name: 'Create' }).click();
    const refError = create.locator('[data-field="provenance.recordKey"] .field-error');
    await refError.waitFor();
    expect(await refError.textContent()).toMatch(/record's key/);
    await shot(page, 'e2e-editing-01-new-person-error');
    await create.locator('[data-field="provenance.recordKey"] input').fill('IR-2291');
    await create.getByLabel('Summary').fill('Seen at the car wash by the licensing team');
    await shot(page, 'e2e-editing-02-new-person-form');
    await create.getByRole('button', { name: 'Create' }).click();
    await create.waitFor({ state: 'detached' });
    await waitForEntities(page, (n) => n === 2);
    await idle(page);
    const personId = (
      await page.evaluate(() => Object.keys(window.lanternChart!.positions()))
    ).find((id) => id !== PREMISES)!;
    made.push(personId);
    expect(personId).toMatch(/^person-/);

    // Select the new person: Link to… the premises, with dates and a graded source.
    const p = await nodePosition(page, personId);
    await page.mouse.click(p.x, p.y);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: /Radu/ }).waitFor();
    await details.getByRole('button', { name: 'Link to…' }).click();
    const linkForm = page.getByRole('dialog', { name: /^Link Radu.* to…$/ });
    // The entities on the chart, by their labels (the option's value is the id).
    expect(
      await linkForm.locator('[data-field="target"] select').locator('option').allTextContents(),
    ).toEqual(['Choose an entity on the chart…', 'Zellbrook Hand Car Wash, SL1 4ZB (Premises)']);
    await linkForm.locator('[data-field="target"] select').selectOption(PREMISES);
    const typeOptions = await linkForm
      .locator('[data-field="type"] select')
      .locator('option')
      .allTextContents();
    // Only types a person-to-premises link may have.
    expect(typeOptions.some((t) => /works at/.test(t))).toBe(true);
    expect(typeOptions.some((t) => /uses phone|called|associate of/.test(t))).toBe(false);
    await linkForm
      .locator('[data-field="type"] select')
      .selectOption({ label: typeOptions.find((t) => /works at/.test(t))! });
    await linkForm.getByLabel('Valid from').fill('2024-03-01');
    await linkForm.locator('[data-field="provenance.source"] input').fill(SOURCE);
    await linkForm.locator('[data-field="provenance.recordKey"] input').fill('IR-2292');
    await linkForm.getByLabel('Source evaluation').selectOption('UNTESTED');
    await linkForm.getByLabel('Intelligence assessment').selectOption('C');
    await linkForm.getByLabel('Handling code').selectOption('C');
    await linkForm
      .locator('[data-field="provenance.handlingConditions"] input')
      .fill('not to be shared outside the force');
    await shot(page, 'e2e-editing-03-link-form');
    await linkForm.getByRole('button', { name: 'Create link' }).click();
    await linkForm.waitFor({ state: 'detached' });
    await expect.poll(async () => (await counts(page)).links, { timeout: 30_000 }).toBe(1);
    const drawn = await page.evaluate(() => window.lanternChart!.visibleIds());
    const link = await server.graphql<{
      entity: {
        links: {
          edges: {
            node: {
              id: string;
              type: string;
              validFrom: string;
              grading: { code: string; handlingConditions: string };
              sources: { recordKey: string }[];
            };
          }[];
        };
      };
    }>(
      'query($id: ID!) { entity(id: $id) { links { edges { node { id type validFrom grading { code handlingConditions } sources { recordKey } } } } } }',
      { id: personId },
    );
    const edge = link.data!.entity.links.edges.map((e) => e.node);
    expect(edge).toEqual([
      {
        id: expect.any(String),
        type: 'WORKS_AT',
        validFrom: '2024-03-01',
        grading: { code: '2-C-C', handlingConditions: 'not to be shared outside the force' },
        sources: [{ recordKey: 'IR-2292' }],
      },
    ]);
    expect(drawn).toContain(edge[0]!.id);

    // Edit the link (selected on the chart): its start date, from another record.
    await page.evaluate((id) => window.lanternChart!.select([id]), edge[0]!.id);
    await details.getByText('2024-03-01 – open').waitFor();
    await details.getByRole('button', { name: 'Edit…' }).click();
    const editLink = page.getByRole('dialog', { name: /^Edit link: Radu.* works at Zellbrook/ });
    expect(await editLink.getByLabel('Valid from').inputValue()).toBe('2024-03-01');
    await editLink.getByLabel('Valid from').fill('2024-03-05');
    await editLink.locator('[data-field="provenance.source"] input').fill(SOURCE);
    await editLink.locator('[data-field="provenance.recordKey"] input').fill('IR-2293');
    await editLink.getByRole('button', { name: 'Save changes' }).click();
    await editLink.waitFor({ state: 'detached' });
    await details.getByText('2024-03-05 – open').waitFor();
    await details.locator('ul.sources').getByText('IR-2293').waitFor();
    const changed = await server.graphql<{ link: { validFrom: string } }>('query($id: ID!) { link(id: $id) { validFrom } }', { id: edge[0]!.id });
    expect(changed.data!.link.validFrom).toBe('2024-03-05');

    // Edit: a new date of birth, from another record (the person clicked where it is now: the
    // chart may have moved since the link was drawn).
    const now = await nodePosition(page, personId);
    await page.mouse.click(now.x, now.y);
    await details.getByRole('button', { name: 'Edit…' }).click();
    const edit = page.getByRole('dialog', { name: /^Edit Radu/ });
    expect(await edit.getByLabel('date of birth').inputValue()).toBe('1991-07-14');
    await edit.getByLabel('date of birth').fill('1990-07-14');
    await edit.locator('[data-field="provenance.source"] input').fill(SOURCE);
    await edit.locator('[data-field="provenance.recordKey"] input').fill('IR-2300');
    await edit.getByLabel('Summary').fill('Date of birth corrected from his passport');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    // The details show the new value, and both records with their grades.
    await details.getByText('1990-07-14', { exact: true }).waitFor();
    expect(await details.getByText('1991-07-14', { exact: true }).count()).toBe(0);
    const sources = details.locator('ul.sources');
    await sources.getByText('IR-2300').waitFor();
    expect(await sources.getByText('IR-2291').count()).toBe(1);
    expect(await sources.textContent()).toContain('Date of birth corrected from his passport');
    await shot(page, 'e2e-editing-04-details-after-edit');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('shows no editing actions to a role that may not write', async () => {
    const viewer = await server.as('viewer');
    const { page, errors } = await openWorkspace(browser, server.url, viewer.authorization);
    await searchAndAdd(page, 'Zellbrook', /Hand Car Wash/);
    await waitForEntities(page, (n) => n >= 1);
    const p = await nodePosition(page, PREMISES);
    await page.mouse.click(p.x, p.y);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: /Zellbrook/ }).waitFor();
    await details.getByRole('heading', { name: 'Provenance' }).waitFor();
    expect(await page.getByRole('button', { name: 'New entity…' }).count()).toBe(0);
    expect(await details.getByRole('button', { name: 'Edit…' }).count()).toBe(0);
    expect(await details.getByRole('button', { name: 'Link to…' }).count()).toBe(0);
    // The server refuses it too: the actions are hidden, not the rule.
    const refused = await viewer.graphql(
      'mutation($id: ID!) { updateEntity(id: $id, properties: [{ name: "town", value: "Reading" }], provenance: { source: "x", recordKey: "y", sourceEvaluation: RELIABLE, intelligenceAssessment: A, handlingCode: P }) { id } }',
      { id: PREMISES },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
