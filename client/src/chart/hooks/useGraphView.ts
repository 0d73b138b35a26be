/**
 * View state on the chart as classes: hidden by the analyst, filtered out, highlighted by an
 * analysis (everything else faded). Never touches the data.
 */
import { useEffect } from 'react';
import type { Core } from 'cytoscape';

export interface ViewState {
  hidden: ReadonlySet<string>;
  filtered: ReadonlySet<string>;
  highlight: ReadonlySet<string> | null;
}

export function applyView(cy: Core, v: ViewState): void {
  cy.batch(() => {
    cy.elements().forEach((el) => {
      const id = el.id();
      // A link to a hidden entity is hidden with it.
      const hidden = v.hidden.has(id) || (el.isEdge() && (v.hidden.has(el.data('source')) || v.hidden.has(el.data('target'))));
      const filtered = v.filtered.has(id);
      el.toggleClass('hidden', hidden);
      el.toggleClass('filtered', filtered);
      el.toggleClass('highlighted', !!v.highlight && v.highlight.has(id));
      el.toggleClass('faded', !!v.highlight && !v.highlight.has(id));
    });
  });
}

export function useGraphView(cy: Core | null, v: ViewState, version: unknown): void {
  useEffect(() => {
    if (cy && !cy.destroyed()) applyView(cy, v);
  }, [cy, v, version]);
}
