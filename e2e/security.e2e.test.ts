/**
 * Access control and hostile content in the browser: HTML and script in names and notes show as
 * text, never run; the workspace asks for a purpose and sends it; signing in through the page;
 * the admin audit page. Build first: npx vite build && npx vitest run --project e2e
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, testGateway, testLog, TEST_AUDIT_KEY, type TestServer } from '../server/testing/harness.ts';
import { AuditLog } from '../server/modules/audit/audit.service.ts';
import { createUser } from '../server/modules/auth/auth.service.ts';
import * as auditRepo from '../server/modules/audit/audit.repository.ts';
import { launch, nodePosition, openWorkspace, searchAndAdd, shot, waitForEntities } from './support/browser.ts';
import { runOffline } from '../server/testing/statements.ts';

const TAG = `xss${Date.now()}`;
const HOSTILE = `Zqxparlour <img src=x onerror="window.__xss=1"> & <script>window.__xss=2</script>`;
const ID = `premises-${TAG}`;

let server: TestServer;
let browser: Browser;
const gateway = testGateway();
const audit = new AuditLog({ gateway, key: Buffer.from(TEST_AUDIT_KEY), log: testLog, flushMs: 20 });

beforeAll(async () => {
  if (!fs.existsSync('dist/client/index.html')) throw new Error('Build the workspace first: npx vite build');
  server = await startTestServer({ gateway, audit });
  browser = await launch();
  const res = await server.graphql(
    'mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
    {
      input: {
        id: ID,
        type: 'PREMISES',
        properties: [{ name: 'name', value: HOSTILE }],
        provenance: { source: `test-${TAG}`, recordKey: 'r-1', sourceEvaluation: 'RELIABLE', intelligenceAssessment: 'A', handlingCode: 'P' },
      },
    },
  );
  expect(res.errors).toBeUndefined();
  await server.graphql('mutation($id: ID!, $t: String!) { annotate(targetId: $id, text: $t) { id } }', { id: ID, t: '<b>bold?</b><script>window.__xss=3</script>' });
});

afterAll(async () => {
  if (server) await runOffline(server.gateway, 'testing/remove-fixture', { ids: [ID], prefix: `src-${TAG}-`, source: `test-${TAG}` });
  await browser?.close();
  await server?.close();
  await audit.close();
  await gateway.close();
});

describe('hostile content', () => {
  it('shows HTML and script in names as text in search results, on the chart and in the details', async () => {
    const { page, errors } = await openWorkspace(browser, server.url, server.authorization);
    await searchAndAdd(page, 'Zqxparlour', /Zqxparlour/);
    await waitForEntities(page, (n) => n === 1);
    const p = await nodePosition(page, ID);
    await page.mouse.click(p.x, p.y);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('<script>window.__xss=2</script>', { exact: false }).first().waitFor();
    await shot(page, 'e2e-security-hostile-name');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('signing in, purpose and the audit page', () => {
  it('signs in through the page, asks for a purpose, and sends it with every request', async () => {
    const username = `e2e-admin-${Date.now()}`;
    const password = 'e2e password that is long enough';
    await createUser(server.gateway, { username, password, role: 'admin' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    const signIn = page.getByRole('dialog', { name: 'Sign in to Lantern' });
    await signIn.waitFor();
    await shot(page, 'e2e-security-sign-in');
    await signIn.getByLabel('Username').fill(username);
    await signIn.getByLabel('Password').fill(password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    const purpose = page.getByRole('dialog', { name: 'What is this session for?' });
    await purpose.waitFor();
    await shot(page, 'e2e-security-purpose');
    await purpose.getByLabel('Purpose').fill('OP-KESTREL 2025/17 e2e');
    await purpose.getByRole('button', { name: 'Start' }).click();
    await searchAndAdd(page, 'Velvet Willow', /Velvet Willow/);

    await audit.flush();
    await page.getByRole('button', { name: 'Audit log' }).click();
    const auditDialog = page.getByRole('dialog', { name: 'Audit log' });
    await auditDialog.getByRole('table', { name: 'Audit entries' }).getByText(username).first().waitFor();
    await shot(page, 'e2e-security-audit-page');
    const [entry] = await auditRepo.search(server.gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 1, actor: username, operation: null, from: null, to: null });
    expect(entry?.purpose).toBe('OP-KESTREL 2025/17 e2e');
    await page.close();
  });
});
