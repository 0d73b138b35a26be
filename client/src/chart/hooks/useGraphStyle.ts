/**
 * The stylesheet on cy: rebuilt when the link-label choice changes, and on a large chart when
 * the zoom crosses LARGE_LABEL_ZOOM (entity labels on when zoomed in, off when zoomed out) or
 * a node-size step (zoomed out, entities grow in steps of √2 so that they stay at least
 * MIN_NODE_PX across on screen instead of shrinking to dots). The zoom listener only compares
 * with the last state, so panning and zooming cost nothing until a threshold is crossed.
 */
import { useEffect } from 'react';
import type { Core } from 'cytoscape';
import { buildStylesheet, type StyleOptions } from '../../graph/stylesheet.ts';

/** On a large chart, entity labels are drawn from this zoom level up (10 px text at 12 px). */
export const LARGE_LABEL_ZOOM = 1.2;

export function labelsAt(zoom: number): boolean {
  return zoom >= LARGE_LABEL_ZOOM;
}

/** On a large chart, the least an entity measures across on screen, in CSS pixels. */
export const MIN_NODE_PX = 9;
/** The large-chart entity's size in model units at scale 1 (stylesheet.ts). */
const LARGE_NODE = 22;

/** The node scale at a zoom: 1, √2, 2, 2√2… the least that keeps a node MIN_NODE_PX across (at most 16). */
export function nodeScaleAt(zoom: number): number {
  let k = 0;
  while (k < 8 && LARGE_NODE * Math.SQRT2 ** k * zoom < MIN_NODE_PX) k += 1;
  return Math.SQRT2 ** k;
}

/** Sets the stylesheet and, on a large chart, follows the zoom; returns the detach function. */
export function applyStyle(cy: Core, edgeLabels: StyleOptions['edgeLabels'], large: boolean): () => void {
  let labels = large && labelsAt(cy.zoom());
  let nodeScale = large ? nodeScaleAt(cy.zoom()) : 1;
  cy.style(buildStylesheet({ edgeLabels, large, labels, nodeScale }));
  if (!large) return () => undefined;
  const onZoom = () => {
    const want = labelsAt(cy.zoom());
    const scale = nodeScaleAt(cy.zoom());
    if (want === labels && scale === nodeScale) return;
    labels = want;
    nodeScale = scale;
    cy.style(buildStylesheet({ edgeLabels, large, labels, nodeScale }));
  };
  cy.on('zoom', onZoom);
  return () => {
    if (!cy.destroyed()) cy.removeListener('zoom', onZoom);
  };
}

export function useGraphStyle(cy: Core | null, edgeLabels: StyleOptions['edgeLabels'], large: boolean): void {
  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    return applyStyle(cy, edgeLabels, large);
  }, [cy, edgeLabels, large]);
}
