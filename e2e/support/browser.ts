/** Chromium (Debian's) for the browser tests, and small helpers to drive the workspace. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve('e2e/screenshots');

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** Opens the workspace; page errors fail the test that reads `errors`. */
/** `init` runs before the page loads (an init script, say). */
export async function openWorkspace(browser: Browser, url: string, authorization?: string, init?: (page: Page) => Promise<void>): Promise<{ page: Page; errors: string[] }> {
  // The test's API token rides on every request, as a signed-in session would.
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    // As the analysts it is built for see it: UK dates (dd/mm/yyyy in date inputs) and time.
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    acceptDownloads: true,
    ...(authorization ? { extraHTTPHeaders: { authorization } } : {}),
  });
  // The session's purpose, as an analyst would give it when the workspace asks.
  await page.addInitScript(() => sessionStorage.setItem('lantern.purpose', 'e2e test'));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Asking for a session that the test (signed in by API token) does not have is expected.
    if (m.type() === 'error' && !m.location().url.includes('/auth/session')) errors.push(m.text());
  });
  await init?.(page);
  await page.goto(url);
  await page.getByRole('heading', { name: 'Start with a search' }).waitFor();
  return { page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export async function counts(page: Page): Promise<{ entities: number; links: number }> {
  const text = (await page.getByTestId('counts').textContent()) ?? '';
  const m = /(\d+) entities · (\d+) links/.exec(text);
  return { entities: Number(m?.[1] ?? -1), links: Number(m?.[2] ?? -1) };
}

/** Waits until the status bar's entity count satisfies `ok`. */
export async function waitForEntities(page: Page, ok: (n: number) => boolean, timeout = 20_000): Promise<number> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const n = (await counts(page)).entities;
    if (ok(n)) return n;
    if (Date.now() > deadline) throw new Error(`entity count ${n} did not reach the expected value`);
    await page.waitForFunction(
      (prev) => !document.querySelector('[data-testid="counts"]')?.textContent?.startsWith(`${prev} entities`),
      n,
      { timeout: Math.max(1, deadline - Date.now()) },
    ).catch(() => undefined);
  }
}

/** Waits for the chart to be idle: no request or layout in progress. */
export async function idle(page: Page): Promise<void> {
  await page.locator('.stage[aria-busy="false"]').waitFor();
}

export async function searchAndAdd(page: Page, text: string, resultLabel: RegExp | string): Promise<void> {
  await page.locator('body').press('/');
  await page.keyboard.type(text);
  const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: resultLabel }).first();
  await option.waitFor();
  await option.getByRole('button', { name: /^Add / }).click();
  await page.getByRole('option').filter({ hasText: resultLabel }).first().getByText('on chart').waitFor();
  await idle(page);
}

export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((nodeId) => window.lanternChart?.pagePosition(nodeId) ?? null, id);
  if (!p) throw new Error(`${id} is not on the chart`);
  return p;
}

/** Clicks the chart's empty background (top-left corner), which also takes focus off inputs. */
export async function clickBackground(page: Page): Promise<void> {
  const box = (await page.getByTestId('chart').boundingBox())!;
  await page.mouse.click(box.x + 8, box.y + 8);
}

/** Opens a saved chart with the Open… dialog and waits for its entities and layout. */
export async function openSaved(page: Page, name: string, entities: number): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('dialog').getByRole('button', { name, exact: true }).click();
  await waitForEntities(page, (n) => n === entities, 60_000);
  await idle(page);
}

/** Refuses every request to a host other than this one (as with no network), and records it in `offHost`. */
export async function localOnly(page: Page, offHost: string[]): Promise<void> {
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) return route.continue();
    offHost.push(u.href);
    return route.abort('blockedbyclient');
  });
}
