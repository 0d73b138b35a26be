/**
 * The briefing page: the server's headless Chromium loads it, calls
 * `window.lanternBriefing.render(snapshot)`, then prints it (PDF), screenshots its cover (PNG)
 * or asks for `standalone()`, one HTML file with no script and everything inlined.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { BriefingInput } from '../../../server/kernel/snapshot.ts';
import { Briefing } from './Briefing.tsx';
import { chartSvg } from './chartImage.ts';
import { briefingPictures } from './pictures.ts';
import { standaloneHtml } from './standalone.ts';
import './briefing.css';

export interface BriefingApi {
  /**
   * Renders a snapshot (its BriefingInput as JSON: one string crosses to the page far faster than
   * the object would); resolves when the chart and every image are drawn, with the milliseconds
   * of each step (`transfer` from `sentAt`, the caller's Date.now()).
   */
  render(json: string, mode?: 'document' | 'png', sentAt?: number): Promise<Record<string, number>>;
  /** The rendered briefing as one self-contained HTML file (no script, strict CSP). */
  standalone(): string;
}

declare global {
  interface Window {
    lanternBriefing?: BriefingApi;
  }
}

let root: Root | null = null;
let current: BriefingInput | null = null;

window.lanternBriefing = {
  async render(json, mode = 'document', sentAt = Date.now()) {
    const steps: Record<string, number> = { transfer: Date.now() - sentAt };
    let mark = performance.now();
    const step = (name: string) => {
      const now = performance.now();
      steps[name] = Math.round(now - mark);
      mark = now;
    };
    const input = JSON.parse(json) as BriefingInput;
    step('parse');
    const chart = await chartSvg(input.content, step);
    // References as in the entity table (E1, E2, ... in the record's order).
    const refs = new Map(input.content.nodes.map((n, i) => [n.id, `E${i + 1}`]));
    const pictures = await briefingPictures(input.content, (id) => refs.get(id) ?? '');
    step('pictures');
    current = input;
    document.title = `${input.content.title} · ${input.content.marking.classification}`;
    root ??= createRoot(document.getElementById('root')!);
    flushSync(() => root!.render(<Briefing input={input} chart={chart} pictures={pictures} mode={mode} />));
    step('react');
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    step('images');
    await document.fonts.ready;
    step('fonts');
    return steps;
  },
  standalone() {
    if (!current) throw new Error('render a snapshot first');
    return standaloneHtml(document, current);
  },
};
document.documentElement.dataset.ready = 'true';
