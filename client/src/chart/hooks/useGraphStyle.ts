/**
 * The stylesheet on cy: rebuilt when the link-label choice changes, and on a large chart when
 * the zoom crosses LARGE_LABEL_ZOOM (entity labels on when zoomed in, off when zoomed out).
 * The zoom listener only compares with the last state, so panning and zooming cost nothing
 * until the threshold is crossed. (Growing entities in steps as the chart is zoomed out was
 * tried and taken out: each step rebuilt the style of every element, a stall of seconds at 5k
 * on the loaded test machine; A fix must not restyle mid-gesture.) Nor does the label switch: it
 * waits until the zoom has been still for SETTLE_MS, so a wheel zoom across the threshold stays
 * on the renderer's fast path (the viewport snapshot) and restyles once, at rest (issue 30).
 */
import { useEffect } from 'react';
import type { Core } from 'cytoscape';
import { buildStylesheet, type StyleOptions } from '../../graph/stylesheet.ts';

/** On a large chart, entity labels are drawn from this zoom level up (10 px text at 12 px). */
export const LARGE_LABEL_ZOOM = 1.2;

export function labelsAt(zoom: number): boolean {
  return zoom >= LARGE_LABEL_ZOOM;
}

/** How long the zoom must be still before labels are switched (the viewport snapshot rests after 150 ms). */
export const SETTLE_MS = 200;

/** Sets the stylesheet and, on a large chart, follows the zoom once it is still; returns the detach function. */
export function applyStyle(cy: Core, edgeLabels: StyleOptions['edgeLabels'], large: boolean): () => void {
  let labels = large && labelsAt(cy.zoom());
  cy.style(buildStylesheet({ edgeLabels, large, labels }));
  if (!large) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    timer = undefined;
    if (cy.destroyed()) return;
    const want = labelsAt(cy.zoom());
    if (want === labels) return;
    labels = want;
    cy.style(buildStylesheet({ edgeLabels, large, labels }));
  };
  const onZoom = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  };
  cy.on('zoom', onZoom);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    if (!cy.destroyed()) cy.removeListener('zoom', onZoom);
  };
}

export function useGraphStyle(cy: Core | null, edgeLabels: StyleOptions['edgeLabels'], large: boolean): void {
  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    return applyStyle(cy, edgeLabels, large);
  }, [cy, edgeLabels, large]);
}
