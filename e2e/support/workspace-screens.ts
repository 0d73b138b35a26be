/**
 * Development aid: the screenshots in docs/workspace.md (a path result, the two-hop count, the
 * Hierarchy layout, the flagged list), taken in headless Chromium against a running `lantern serve`
 * with the demo. Run: npx vite build, start the server, make an analyst token (lantern token
 * create --role analyst), then URL=http://127.0.0.1:4000/ TOKEN=lt_... OUT=docs/screenshots
 * npx tsx e2e/support/workspace-screens.ts [all|path|hier|hier1|flagged|networks|cases]
 * (`cases`: opens a case on the Cases page, saves a chart and shares it with the case: cases-page.png, share-dialog.png.)
 */
import { launch, openWorkspace, searchAndAdd, waitForEntities, idle, nodePosition, clickBackground } from './browser.ts';
const url = process.env.URL ?? 'http://127.0.0.1:4000/';
const auth = `Bearer ${process.env.TOKEN}`;
const out = process.env.OUT ?? 'e2e/screenshots';
const which = process.argv[2] ?? 'all';
const browser = await launch();
const { page, errors } = await openWorkspace(browser, url, auth);
if (which === 'all' || which === 'path') {
  await searchAndAdd(page, 'Velvet Willow', /Velvet Willow/);
  await searchAndAdd(page, 'Amber Willow Wellness', /Amber Willow Wellness, RG40/);
  await waitForEntities(page, (n) => n >= 2);
  await clickBackground(page);
  const a = await nodePosition(page, 'premises-000001');
  const ids = await page.evaluate(() => Object.keys(window.lanternChart!.positions()));
  const other = ids.find((i) => i !== 'premises-000001')!;
  const b = await nodePosition(page, other);
  await page.mouse.click(a.x, a.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(b.x, b.y);
  await page.keyboard.up('Shift');
  await page.getByRole('button', { name: 'Analyse ▾' }).click();
  await page.getByRole('menuitem', { name: 'Shortest paths between the two' }).click();
  await page.locator('.statusbar .hl').waitFor();
  await idle(page);
  await page.waitForTimeout(800);
  await page.getByTestId('chart').screenshot({ path: `${out}/path-result.png` });
}
if (which === 'all' || which === 'hier') {
  await page.reload();
  await page.getByRole('heading', { name: 'Start with a search' }).waitFor();
  await searchAndAdd(page, 'Velvet Willow', /Velvet Willow/);
  await waitForEntities(page, (n) => n === 1);
  const p = await nodePosition(page, 'premises-000001');
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('2');
  const dlg = page.getByRole('dialog', { name: /by 2 hops/ });
  await dlg.waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/expand-two-hops.png`, clip: { x: 440, y: 270, width: 560, height: 360 } });
  await dlg.getByRole('button', { name: 'Cancel' }).click();
}
if (which === 'all' || which === 'hier1') {
  await page.reload();
  await page.getByRole('heading', { name: 'Start with a search' }).waitFor();
  await searchAndAdd(page, 'Velvet Willow', /Velvet Willow/);
  await waitForEntities(page, (n) => n === 1);
  const p = await nodePosition(page, 'premises-000001');
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('e');
  await waitForEntities(page, (n) => n > 1);
  await idle(page);
  await page.getByRole('combobox', { name: 'Layout' }).selectOption('dagre');
  await page.waitForTimeout(300);
  await idle(page);
  await page.waitForTimeout(900);
  await clickBackground(page);
  await page.waitForTimeout(300);
  await page.getByTestId('chart').screenshot({ path: `${out}/hierarchy.png` });
}
if (which === 'all' || which === 'flagged') {
  await page.getByRole('button', { name: /^Flagged/ }).first().click();
  await page.getByTestId('flagged-summary').filter({ hasText: /flagged as known on/ }).waitFor();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('PERSON');
  await page.waitForTimeout(300);
  await page.getByTestId('flagged-summary').filter({ hasText: /flagged as known on/ }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/flagged-list.png`, clip: { x: 0, y: 60, width: 1440, height: 560 } });
}
if (which === 'all' || which === 'networks') {
  await page.getByRole('button', { name: /^Networks/ }).first().click();
  await page.waitForTimeout(4000);
  await page.screenshot({ path: `${out}/networks.png`, fullPage: false });
}
if (which === 'all' || which === 'cases') {
  const stamp = new Date().toISOString().slice(0, 16);
  const caseName = `Op Aidant: Reading parlours ${stamp}`;
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByLabel('Case name').fill(caseName);
  await page.getByRole('button', { name: 'Open case' }).click();
  const kase = page.getByRole('article', { name: `Case ${caseName}` });
  await kase.getByRole('textbox', { name: 'Add note' }).fill('Visits planned for Friday; partners briefed.');
  await kase.getByRole('button', { name: 'Add note' }).click();
  await kase.getByText('Visits planned for Friday').waitFor();
  await page.screenshot({ path: `${out}/cases-page.png` });
  await page.getByRole('button', { name: '← Chart' }).click();
  await searchAndAdd(page, 'Velvet Willow', /Velvet Willow/);
  await page.getByRole('button', { name: 'Save…' }).click();
  await page.getByLabel('Chart name').fill(`Reading parlours ${stamp}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved “Reading parlours').waitFor();
  await page.getByRole('button', { name: 'Share…' }).click();
  const share = page.getByRole('dialog', { name: /^Share / });
  await share.getByRole('combobox', { name: 'Case' }).selectOption({ label: `${caseName} (P)` });
  await share.getByLabel('edit (save new versions)').check();
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  await share.getByRole('list', { name: 'Shares' }).getByText(caseName).waitFor();
  await page.screenshot({ path: `${out}/share-dialog.png` });
}
console.log('errors', errors);
await browser.close();
