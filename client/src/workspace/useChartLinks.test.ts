import { describe, expect, it } from 'vitest';
import { aNode, anEdge } from '../testing/factories.ts';
import { addGraph, addLinks, EMPTY_DOC, removeElements, setFilters } from '../state/chartDoc.ts';
import { chartReducer, type ChartHistory } from '../state/useChart.ts';
import { createHistory } from '../state/history.ts';
import { NO_FILTERS } from '../../../server/kernel/filters.ts';
import { linksToRead } from './useChartLinks.ts';

const parlour = aNode({ id: 'premises-1', type: 'PREMISES', label: 'Lotus Spa' });
const ana = aNode({ id: 'person-1' });
const li = aNode({ id: 'person-2', label: 'Li WEI' });
const worksAt = anEdge({ id: 'w1', source: ana.id, target: parlour.id });
const liWorks = anEdge({ id: 'w2', source: li.id, target: parlour.id });
const associates = anEdge({ id: 'a1', type: 'ASSOCIATE_OF', source: ana.id, target: li.id });

describe('every link among what is on the chart', () => {
  it('reads the links of the entities an operation added, against everything on the chart', () => {
    const one = addGraph(EMPTY_DOC, { nodes: [parlour, ana], edges: [worksAt] });
    const first = linksToRead(null, one, 0);
    expect(first.read).toEqual({ ids: [parlour.id, ana.id], filter: {} });
    const two = addGraph(one, { nodes: [li], edges: [] });
    expect(linksToRead(first.seen, two, 0).read).toEqual({ ids: [li.id], among: [parlour.id, ana.id, li.id], filter: {} });
  });

  it('reads nothing when no entity arrived (a removal, an undo, the links themselves arriving)', () => {
    const doc = addGraph(EMPTY_DOC, { nodes: [parlour, ana, li], edges: [] });
    const { seen } = linksToRead(null, doc, 0);
    expect(linksToRead(seen, removeElements(doc, [li.id]), 0).read).toBeNull();
    expect(linksToRead(seen, addLinks(doc, [worksAt]), 0).read).toBeNull();
  });

  it('reads the whole chart again when a chart is opened or the grade or "as known on" filter changes', () => {
    const doc = addGraph(EMPTY_DOC, { nodes: [parlour, ana, li], edges: [] });
    const { seen } = linksToRead(null, doc, 0);
    expect(linksToRead(seen, doc, 1).read?.ids).toHaveLength(3);
    const dated = setFilters(doc, { ...NO_FILTERS, asKnownOn: '2025-01-01' });
    expect(linksToRead(seen, dated, 0).read).toEqual({ ids: [parlour.id, ana.id, li.id], filter: { asKnownOn: '2025-01-01' } });
    // Turned off again: everything the filter kept out is read.
    const after = linksToRead(seen, dated, 0).seen;
    expect(linksToRead(after, doc, 0).read?.ids).toHaveLength(3);
  });

  it('adds only links whose two ends are on the chart and that are not there yet', () => {
    const doc = addGraph(EMPTY_DOC, { nodes: [parlour, ana], edges: [worksAt] });
    expect(addLinks(doc, [worksAt])).toBe(doc);
    expect(addLinks(doc, [liWorks])).toBe(doc);
    expect(Object.keys(addLinks(doc, [worksAt, anEdge({ id: 'w3', source: ana.id, target: parlour.id })]).edges).sort()).toEqual(['w1', 'w3']);
  });

  it('puts links read after a step into that step: one undo takes back the entities and their links', () => {
    let h: ChartHistory = { ...createHistory(EMPTY_DOC), opened: 0 };
    h = chartReducer(h, { kind: 'apply', label: 'Add Lotus Spa', fn: (d) => addGraph(d, { nodes: [parlour, ana], edges: [worksAt] }) });
    h = chartReducer(h, { kind: 'apply', label: 'Expand Lotus Spa', fn: (d) => addGraph(d, { nodes: [li], edges: [liWorks] }) });
    h = chartReducer(h, { kind: 'amend', fn: (d) => addLinks(d, [associates]) });
    expect(Object.keys(h.present.edges).sort()).toEqual(['a1', 'w1', 'w2']);
    expect(h.past).toHaveLength(2);
    h = chartReducer(h, { kind: 'undo' });
    expect(Object.keys(h.present.edges)).toEqual(['w1']);
    h = chartReducer(h, { kind: 'redo' });
    expect(Object.keys(h.present.edges).sort()).toEqual(['a1', 'w1', 'w2']);
  });

  it('adds links that arrive after a later step to every state holding both ends, and to no other', () => {
    let h: ChartHistory = { ...createHistory(EMPTY_DOC), opened: 0 };
    h = chartReducer(h, { kind: 'apply', label: 'Add', fn: (d) => addGraph(d, { nodes: [parlour, ana, li], edges: [] }) });
    h = chartReducer(h, { kind: 'apply', label: 'Remove', fn: (d) => removeElements(d, [li.id]) });
    h = chartReducer(h, { kind: 'amend', fn: (d) => addLinks(d, [worksAt, associates]) });
    expect(Object.keys(h.present.edges)).toEqual(['w1']);
    expect(Object.keys(h.past[1]!.state.edges).sort()).toEqual(['a1', 'w1']);
    expect(h.past[0]!.state).toBe(EMPTY_DOC);
    const same = chartReducer(h, { kind: 'amend', fn: (d) => addLinks(d, [worksAt]) });
    expect(same).toBe(h);
  });
});
