/**
 * Cytoscape events to the workspace's callbacks: selection, context menu, double tap,
 * drags ending, and hover highlighting of neighbours. Bursts of events (a box selection,
 * a group drag) are coalesced in a microtask, not with timers.
 */
import { useEffect, useRef } from 'react';
import type { Core, EventObject } from 'cytoscape';
import type { Position } from '../../model/types.ts';

export interface ContextTarget {
  kind: 'node' | 'edge' | 'background';
  id: string | null;
  /** Page coordinates for the menu. */
  x: number;
  y: number;
}

export interface GraphEventHandlers {
  onSelect(ids: string[]): void;
  onContext(target: ContextTarget): void;
  onOpen(id: string): void;
  onMoved(positions: Record<string, Position>): void;
}

/** Above this many elements hover highlighting is off: restyling costs more than it helps. */
export const HOVER_LIMIT = 1500;

/**
 * Calls `open` for a double tap on a node. Cytoscape fires `dbltap` for any two taps within its
 * debounce time, wherever they land, so a click on the background or on one node followed
 * quickly by a click on another would open the second; only two taps on the same node count.
 * Returns the function that removes the listeners.
 */
export function onDoubleTap(cy: Core, open: (id: string) => void): () => void {
  let last: unknown = null;
  let before: unknown = null;
  const onTap = (e: EventObject) => {
    before = last;
    last = e.target;
  };
  const onDbl = (e: EventObject) => {
    if (before === e.target) open(e.target.id());
  };
  cy.on('tap', onTap);
  cy.on('dbltap', 'node', onDbl);
  return () => {
    cy.removeListener('tap', onTap);
    cy.removeListener('dbltap', 'node', onDbl);
  };
}

export function useGraphEvents(cy: Core | null, handlers: GraphEventHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    let selectQueued = false;
    const onSelection = () => {
      if (selectQueued) return;
      selectQueued = true;
      queueMicrotask(() => {
        selectQueued = false;
        if (!cy.destroyed()) ref.current.onSelect(cy.$(':selected').map((e) => e.id()));
      });
    };
    let moved: Record<string, Position> = {};
    let moveQueued = false;
    const onDragFree = (e: EventObject) => {
      const p = e.target.position();
      moved[e.target.id()] = { x: p.x, y: p.y };
      if (moveQueued) return;
      moveQueued = true;
      queueMicrotask(() => {
        moveQueued = false;
        const m = moved;
        moved = {};
        ref.current.onMoved(m);
      });
    };
    const onCxt = (e: EventObject) => {
      const box = cy.container()?.getBoundingClientRect();
      const rp = e.renderedPosition ?? { x: 0, y: 0 };
      const x = (box?.left ?? 0) + rp.x;
      const y = (box?.top ?? 0) + rp.y;
      if (e.target === cy) ref.current.onContext({ kind: 'background', id: null, x, y });
      else {
        if (!e.target.selected()) {
          cy.$(':selected').unselect();
          e.target.select();
        }
        ref.current.onContext({ kind: e.target.isNode() ? 'node' : 'edge', id: e.target.id(), x, y });
      }
    };
    const offDouble = onDoubleTap(cy, (id) => ref.current.onOpen(id));
    const onOver = (e: EventObject) => {
      if (cy.elements().length > HOVER_LIMIT) return;
      const hood = e.target.closedNeighborhood();
      cy.batch(() => {
        cy.elements().not(hood).addClass('dim');
        hood.edges().addClass('hover');
        e.target.addClass('hover');
      });
    };
    const onOut = () => {
      cy.batch(() => cy.elements('.dim, .hover').removeClass('dim hover'));
    };
    cy.on('select unselect', onSelection);
    cy.on('dragfree', 'node', onDragFree);
    cy.on('cxttap', onCxt);
    cy.on('mouseover', 'node', onOver);
    cy.on('mouseout', 'node', onOut);
    // Cytoscape sends no mouseout when the pointer leaves the chart straight from a node (to the
    // toolbar, say), which left the rest of the chart dimmed.
    const container = cy.container();
    container?.addEventListener('mouseleave', onOut);
    return () => {
      container?.removeEventListener('mouseleave', onOut);
      cy.removeListener('select unselect', onSelection);
      cy.removeListener('dragfree', 'node', onDragFree);
      cy.removeListener('cxttap', onCxt);
      offDouble();
      cy.removeListener('mouseover', 'node', onOver);
      cy.removeListener('mouseout', 'node', onOut);
    };
  }, [cy]);
}
