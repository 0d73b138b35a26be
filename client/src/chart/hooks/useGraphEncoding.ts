/**
 * Metric sizes and community or metric colours on the chart, as view state: style bypasses set
 * in one batch over the stylesheet's type colours and removed when the encoding is turned off.
 * The element data and the chart document are never touched.
 */
import { useEffect } from 'react';
import type { Core } from 'cytoscape';
import type { NodeStyle } from '../../analysis/encoding.ts';

const ENCODED = 'width height background-color background-image';

export function applyEncoding(cy: Core, styles: ReadonlyMap<string, NodeStyle> | null): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const s = styles?.get(n.id());
      if (n.scratch('_encoded')) n.removeStyle(ENCODED);
      n.scratch('_encoded', !!s);
      if (s) n.style(s as Record<string, unknown>);
    });
  });
}

/** Re-applied when the encoding changes or elements are added (`version`: the chart document). */
export function useGraphEncoding(cy: Core | null, styles: ReadonlyMap<string, NodeStyle> | null, version: unknown): void {
  useEffect(() => {
    if (cy && !cy.destroyed()) applyEncoding(cy, styles);
  }, [cy, styles, version]);
}
