/**
 * Keeps the cy instance's elements equal to the chart document: adds, removes and updates
 * elements, sets positions and pins, in one batch. Data only: view classes are left alone.
 */
import { useEffect } from 'react';
import type { Core, ElementDefinition } from 'cytoscape';
import type { ChartDoc } from '../../state/chartDoc.ts';
import { edgeClasses, nodeClasses, toEdgeData, toNodeData, toElements } from '../../graph/toElements.ts';

/** Classes owned by view state; data updates keep them. */
export const VIEW_CLASSES = new Set(['hidden', 'filtered', 'faded', 'highlighted', 'hover', 'dim', 'pinned']);

function keepView(classes: string[], current: string[]): string[] {
  return [...classes, ...current.filter((c) => VIEW_CLASSES.has(c))];
}

/** Returns the ids of the nodes it added. */
export function syncElements(cy: Core, doc: ChartDoc): string[] {
  const added: string[] = [];
  cy.batch(() => {
    const stale = cy.elements().filter((el) => (el.isNode() ? !doc.nodes[el.id()] : !doc.edges[el.id()]));
    if (stale.nonempty()) cy.remove(stale);

    const newNodes = [];
    for (const n of Object.values(doc.nodes)) {
      const el = cy.getElementById(n.id);
      if (el.empty()) {
        newNodes.push(n);
        added.push(n.id);
      } else if (el.scratch('_lantern') !== n) {
        el.data(toNodeData(n));
        el.classes(keepView(nodeClasses(n), el.classes()));
        el.scratch('_lantern', n);
      }
    }
    const newEdges = Object.values(doc.edges).filter((e) => {
      const el = cy.getElementById(e.id);
      if (el.empty()) return true;
      if (el.scratch('_lantern') !== e) {
        el.data(toEdgeData(e));
        el.classes(keepView(edgeClasses(e), el.classes()));
        el.scratch('_lantern', e);
      }
      return false;
    });
    const defs: ElementDefinition[] = toElements(newNodes, [], doc.positions);
    if (defs.length) {
      cy.add(defs).forEach((el) => {
        el.scratch('_lantern', doc.nodes[el.id()]);
      });
    }
    // Edges after all nodes exist; toElements drops links whose ends are missing.
    const edgeDefs = toElements(Object.values(doc.nodes), newEdges).filter((d) => d.group === 'edges');
    if (edgeDefs.length) {
      cy.add(edgeDefs).forEach((el) => {
        el.scratch('_lantern', doc.edges[el.id()]);
      });
    }

    const pinned = new Set(doc.pinned);
    cy.nodes().forEach((node) => {
      const p = doc.positions[node.id()];
      const isPinned = pinned.has(node.id());
      if (p) {
        const q = node.position();
        if (Math.abs(q.x - p.x) > 0.01 || Math.abs(q.y - p.y) > 0.01) {
          if (node.locked()) node.unlock();
          node.position({ x: p.x, y: p.y });
        }
      }
      if (isPinned && !node.locked()) node.lock();
      if (!isPinned && node.locked()) node.unlock();
      node.toggleClass('pinned', isPinned);
    });
  });
  return added;
}

export function useGraphData(cy: Core | null, doc: ChartDoc, onAdded?: (ids: string[]) => void): void {
  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    const added = syncElements(cy, doc);
    if (added.length && onAdded) onAdded(added);
  }, [cy, doc, onAdded]);
}
