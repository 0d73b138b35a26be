import { describe, expect, it } from 'vitest';
import { aNode, anEdge } from '../testing/factories.ts';
import { addGraph, EMPTY_DOC, fromSaved, hide, removeElements, setPositions, toSaved, toStoredDocument } from './chartDoc.ts';

const parlour = aNode({ id: 'premises-000001', type: 'PREMISES', label: 'Lotus Spa' });
const ana = aNode();
const li = aNode({ id: 'person-000002', label: 'Li WEI' });

describe('the chart document', () => {
  it('keeps existing positions when expanding and places new entities near the parent', () => {
    let doc = addGraph(EMPTY_DOC, { nodes: [parlour], edges: [] });
    doc = setPositions(doc, { [parlour.id]: { x: 500, y: 300 } });
    const next = addGraph(doc, { nodes: [parlour, ana, li], edges: [anEdge(), anEdge({ id: 'e2', source: li.id })] }, { kind: 'around', parent: parlour.id });
    expect(next.positions[parlour.id]).toEqual({ x: 500, y: 300 });
    for (const id of [ana.id, li.id]) {
      const p = next.positions[id]!;
      expect(Math.hypot(p.x - 500, p.y - 300)).toBeLessThan(300);
    }
    expect(Object.keys(next.edges)).toHaveLength(2);
  });

  it('removes an entity with its links and from the hidden and pinned lists', () => {
    let doc = addGraph(EMPTY_DOC, { nodes: [parlour, ana], edges: [anEdge()] });
    doc = hide({ ...doc, pinned: [ana.id] }, [ana.id]);
    const after = removeElements(doc, [ana.id]);
    expect(Object.keys(after.nodes)).toEqual([parlour.id]);
    expect(Object.keys(after.edges)).toHaveLength(0);
    expect(after.hidden).toEqual([]);
    expect(after.pinned).toEqual([]);
  });

  it('returns the same document when positions did not change (nothing to undo)', () => {
    const doc = addGraph(EMPTY_DOC, { nodes: [ana], edges: [] });
    expect(setPositions(doc, { [ana.id]: { ...doc.positions[ana.id]! } })).toBe(doc);
  });

  it('round-trips through the saved form exactly, with the viewport', () => {
    const doc = hide(addGraph(EMPTY_DOC, { nodes: [parlour, ana], edges: [anEdge()] }), [parlour.id]);
    const saved = JSON.parse(JSON.stringify(toSaved(doc, { zoom: 1.5, pan: { x: 3, y: 4 } })));
    const { doc: back, viewport } = fromSaved(saved);
    expect(back).toEqual(doc);
    expect(viewport).toEqual({ zoom: 1.5, pan: { x: 3, y: 4 } });
  });

  it('sends the server ids, positions and styling only: no label, subtitle or grading', () => {
    const doc = hide(addGraph(EMPTY_DOC, { nodes: [parlour, ana], edges: [anEdge()] }), [parlour.id]);
    const stored = toStoredDocument(doc, null);
    expect(stored.elements).toEqual({ nodes: [{ id: parlour.id }, { id: ana.id }], edges: [{ id: anEdge().id }] });
    expect(stored).toMatchObject({ positions: doc.positions, hidden: [parlour.id], layout: doc.layout, viewport: null });
    for (const n of [parlour, ana]) expect(JSON.stringify(stored)).not.toContain(JSON.stringify(n.label));
  });
});
