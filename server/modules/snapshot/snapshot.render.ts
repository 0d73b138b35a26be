/**
 * Renders briefings with headless Chromium (Debian's, through playwright-core) from the built
 * briefing page (client/briefing.html, the workspace's own chart code). One browser serves every
 * render; each render gets its own context, whose requests are answered from dist/client and
 * nothing else (any other request is refused), under a Content-Security-Policy that runs only
 * the page's own scripts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Logger } from '../../config/logger.ts';
import { markingLine, printedHash, type BriefingInput } from './snapshot.content.ts';

export const FORMATS = ['html', 'pdf', 'png'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
};

/** Chromium's flags: headless, no sandbox (containers), and nothing that reaches the network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ORIGIN = 'http://briefing.lantern.invalid';
const PAGE_WIDTH = 1240;
const PNG_WIDTH = 1456;
const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src data: blob:; font-src 'self' data:; base-uri 'none'; form-action 'none'";
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.map': 'application/json' };

/** Text for Chromium's header and footer templates, which are HTML: escape everything. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function pdfTemplates(input: BriefingInput): { headerTemplate: string; footerTemplate: string } {
  const c = input.content;
  const colour = c.marking.classification === 'OFFICIAL-SENSITIVE' ? '#9b1c1c' : '#1f4e84';
  const base = `font-family: 'Liberation Sans', Arial, sans-serif; width: 100%; margin: 0 11mm; -webkit-print-color-adjust: exact;`;
  const marking = escapeHtml(markingLine(c.marking).toUpperCase());
  const title = escapeHtml(c.title.length > 90 ? `${c.title.slice(0, 89)}…` : c.title);
  return {
    headerTemplate:
      `<div style="${base} font-size: 10px; font-weight: 700; letter-spacing: 0.06em; color: ${colour}; text-align: center; border-bottom: 1px solid ${colour}; padding-bottom: 2px;">${marking}</div>`,
    footerTemplate:
      `<div style="${base} font-size: 8.5px; color: #444;">` +
      `<div style="text-align: center; font-size: 10px; font-weight: 700; letter-spacing: 0.06em; color: ${colour}; border-top: 1px solid ${colour}; padding-top: 2px;">${marking}</div>` +
      `<div style="display: flex; justify-content: space-between; gap: 12px; margin-top: 2px;">` +
      `<span style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis; max-width: 40%;">${title}</span>` +
      `<span style="font-family: 'DejaVu Sans Mono', monospace;">SHA-256 ${escapeHtml(printedHash(input.hash))}</span>` +
      `<span style="white-space: nowrap;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
      `</div></div>`,
  };
}

/** What client/src/briefing/main.tsx puts on the page's window. */
interface BriefingWindow {
  lanternBriefing: { render(json: string, mode?: 'document' | 'png', sentAt?: number): Promise<Record<string, number>>; standalone(): string };
}

export interface RendererOptions {
  /** The built client (dist/client), holding briefing.html. */
  clientDir: string;
  log: Logger;
  executablePath?: string;
}

export class BriefingRenderer {
  private browser: Promise<Browser> | null = null;
  private current: Page | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private problems: string[] = [];
  /** Milliseconds of each step of the last render (context, load, render, html, pdf, png). */
  lastTimings: Record<string, number> = {};

  constructor(private readonly o: RendererOptions) {}

  /** Whether the briefing page has been built. */
  available(): boolean {
    return fs.existsSync(path.join(this.o.clientDir, 'briefing.html'));
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({ executablePath: this.o.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
      .then((b) => {
        b.on('disconnected', () => {
          this.browser = null;
          this.current = null;
        });
        return b;
      })
      .catch((e: unknown) => {
        this.browser = null;
        throw new Error(`Chromium could not be started for rendering briefings (${(e as Error).message.split('\n')[0]}). Install Debian's chromium package, or set CHROMIUM_PATH.`);
      });
    return this.browser;
  }

  private async context(width: number): Promise<BrowserContext> {
    const context = await (await this.launch()).newContext({ viewport: { width, height: 1000 }, deviceScaleFactor: 1, javaScriptEnabled: true, offline: false });
    const root = path.resolve(this.o.clientDir);
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
      const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({
        status: 200,
        body: fs.readFileSync(file),
        headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': PAGE_CSP },
      });
    });
    return context;
  }

  /**
   * The page that renders: the briefing page loaded once and kept (loading its scripts is a good
   * part of a render's cost), recreated after a failure. Renders use it one at a time.
   */
  private async page(): Promise<Page> {
    if (this.current && !this.current.isClosed()) return this.current;
    const context = await this.context(PAGE_WIDTH);
    const page = await context.newPage();
    page.on('pageerror', (e) => this.problems.push(e.message));
    page.on('dialog', (d) => {
      this.problems.push(`a dialog was opened: ${d.message()}`);
      void d.dismiss();
    });
    page.on('close', () => void context.close().catch(() => undefined));
    await page.goto(`${ORIGIN}/briefing.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    this.current = page;
    return page;
  }

  /** Renders the snapshot in each of the given formats; renders queue for the one page. */
  render(input: BriefingInput, formats: readonly Format[]): Promise<Partial<Record<Format, Buffer>>> {
    if (!this.available()) return Promise.reject(new Error(`The briefing page has not been built (no ${path.join(this.o.clientDir, 'briefing.html')}). Run \`npm run build\`.`));
    const run = this.queue.then(() => this.renderNow(input, formats));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async renderNow(input: BriefingInput, formats: readonly Format[]): Promise<Partial<Record<Format, Buffer>>> {
    const timings: Record<string, number> = {};
    let mark = performance.now();
    const step = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round(now - mark);
      mark = now;
    };
    this.problems = [];
    let text: string | null = null;
    const json = () => (text ??= JSON.stringify(input));
    const page = await this.page();
    step('load');
    try {
      const out: Partial<Record<Format, Buffer>> = {};
      const docFormats = formats.filter((f) => f !== 'png');
      if (docFormats.length > 0) {
        await page.setViewportSize({ width: PAGE_WIDTH, height: 1000 });
        Object.assign(timings, await page.evaluate(([json, at]) => (window as unknown as BriefingWindow).lanternBriefing.render(json, 'document', at), [json(), Date.now()] as const));
        step('render');
        if (formats.includes('html')) {
          out.html = Buffer.from(await page.evaluate(() => (window as unknown as BriefingWindow).lanternBriefing.standalone()), 'utf8');
          step('html');
        }
        if (formats.includes('pdf')) {
          out.pdf = await page.pdf({
            format: 'A4',
            landscape: true,
            printBackground: true,
            displayHeaderFooter: true,
            ...pdfTemplates(input),
            margin: { top: '14mm', bottom: '15mm', left: '11mm', right: '11mm' },
            // Not tagged: tagging a briefing's tables (thousands of cells at 500 elements) doubled
            // the print time and tripled the file (bench/snapshots.ts). The HTML render, with its
            // headings and tables, is the accessible one.
            tagged: false,
            outline: false,
          });
          step('pdf');
        }
      }
      if (formats.includes('png')) {
        await page.setViewportSize({ width: PNG_WIDTH, height: 1000 });
        Object.assign(timings, await page.evaluate(([json, at]) => (window as unknown as BriefingWindow).lanternBriefing.render(json, 'png', at), [json(), Date.now()] as const));
        step('render');
        out.png = await page.locator('#cover').screenshot({ type: 'png' });
        step('png');
      }
      this.lastTimings = timings;
      if (this.problems.length > 0) this.o.log.warn({ problems: this.problems, snapshot: input.id }, 'The briefing page reported problems while rendering');
      return out;
    } catch (e) {
      // A page in an unknown state is not reused.
      await page.close().catch(() => undefined);
      this.current = null;
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.queue;
    this.current = null;
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close();
  }
}

