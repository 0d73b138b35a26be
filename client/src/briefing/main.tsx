/**
 * The briefing page: the server's headless Chromium loads it, calls
 * `window.lanternBriefing.render(snapshot)`, then prints it (PDF), screenshots its cover (PNG)
 * or asks for `standalone()`, one HTML file with no script and everything inlined.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { BriefingInput } from '../../../server/modules/snapshot/snapshot.types.ts';
import { Briefing } from './Briefing.tsx';
import { chartSvg } from './chartImage.ts';
import { standaloneHtml } from './standalone.ts';
import './briefing.css';

export interface BriefingApi {
  /** Renders a snapshot; resolves when the chart and every image are drawn. */
  render(input: BriefingInput, mode?: 'document' | 'png'): Promise<void>;
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
  async render(input, mode = 'document') {
    const chart = await chartSvg(input.content);
    current = input;
    document.title = `${input.content.title} · ${input.content.marking.classification}`;
    root ??= createRoot(document.getElementById('root')!);
    flushSync(() => root!.render(<Briefing input={input} chart={chart} mode={mode} />));
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    await document.fonts.ready;
  },
  standalone() {
    if (!current) throw new Error('render a snapshot first');
    return standaloneHtml(document, current);
  },
};
document.documentElement.dataset.ready = 'true';
