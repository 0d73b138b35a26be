/**
 * One self-contained HTML file from the rendered briefing: the page's styles inlined, the chart
 * already an SVG data URL, every script left out, and a Content-Security-Policy that allows no
 * script, no network request and no frame, so that the file is safe to open anywhere.
 */
import { markingLine, STANDALONE_CSP, type BriefingInput } from '../../../server/kernel/snapshot.ts';

export function standaloneHtml(source: Document, input: BriefingInput): string {
  const css = [...source.styleSheets]
    .map((sheet) => {
      try {
        return [...sheet.cssRules].map((r) => r.cssText).join('\n');
      } catch {
        return '';
      }
    })
    .join('\n');
  const doc = document.implementation.createHTMLDocument(source.title);
  doc.documentElement.lang = 'en-GB';
  const head = doc.head;
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  head.prepend(charset);
  const csp = doc.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = STANDALONE_CSP;
  head.append(csp);
  for (const [name, content] of [
    ['viewport', 'width=device-width, initial-scale=1'],
    ['generator', 'Lantern'],
    ['lantern-snapshot', input.id],
    ['lantern-sha256', input.hash],
    ['lantern-marking', markingLine(input.content.marking)],
  ] as const) {
    const m = doc.createElement('meta');
    m.name = name;
    m.content = content;
    head.append(m);
  }
  const style = doc.createElement('style');
  style.textContent = css;
  head.append(style);
  const body = source.getElementById('root')!.cloneNode(true) as HTMLElement;
  // Nothing executable: no script element, no inline handler, no javascript: URL.
  body.querySelectorAll('script, template, iframe, object, embed').forEach((el) => el.remove());
  body.querySelectorAll('*').forEach((el) => {
    for (const a of [...el.attributes]) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) el.removeAttribute(a.name);
  });
  doc.body.append(doc.importNode(body, true));
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}
