import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { aNode, anEdge } from '../../testing/factories.ts';
import { addGraph, EMPTY_DOC, removeElements, setPinned, setPositions } from '../../state/chartDoc.ts';
import { syncElements } from './useGraphData.ts';
import { applyView } from './useGraphView.ts';
import { buildStylesheet } from '../../graph/stylesheet.ts';

const parlour = aNode({ id: 'premises-000001', type: 'PREMISES', label: 'Lotus Spa' });
const ana = aNode();

describe('syncing the chart document into a headless cy', () => {
  it('adds, moves, pins and removes elements to match the document', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet() });
    let doc = addGraph(EMPTY_DOC, { nodes: [parlour, ana], edges: [anEdge()] });
    expect(syncElements(cy, doc).sort()).toEqual([parlour.id, ana.id].sort());
    expect(cy.edges()).toHaveLength(1);

    doc = setPinned(setPositions(doc, { [ana.id]: { x: 42, y: 7 } }), [ana.id], true);
    syncElements(cy, doc);
    expect(cy.getElementById(ana.id).position()).toEqual({ x: 42, y: 7 });
    expect(cy.getElementById(ana.id).locked()).toBe(true);
    expect(cy.getElementById(ana.id).hasClass('pinned')).toBe(true);

    doc = removeElements(doc, [parlour.id]);
    syncElements(cy, doc);
    expect(cy.nodes().map((n) => n.id())).toEqual([ana.id]);
    expect(cy.edges()).toHaveLength(0);
    cy.destroy();
  });

  it('keeps view classes when data is refreshed, and hides links of hidden entities', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet() });
    let doc = addGraph(EMPTY_DOC, { nodes: [parlour, ana], edges: [anEdge()] });
    syncElements(cy, doc);
    applyView(cy, { hidden: new Set([parlour.id]), filtered: new Set(), highlight: null });
    expect(cy.getElementById('link-works_at-000001').hasClass('hidden')).toBe(true);
    doc = addGraph(doc, { nodes: [{ ...parlour, label: 'Lotus Spa (renamed)' }], edges: [] });
    syncElements(cy, doc);
    expect(cy.getElementById(parlour.id).hasClass('hidden')).toBe(true);
    expect(cy.getElementById(parlour.id).data('label')).toBe('Lotus Spa (renamed)');
    cy.destroy();
  });
});
