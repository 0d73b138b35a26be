import { describe, expect, it } from 'vitest';
import { aNode, anEdge } from '../testing/factories.ts';
import { addGraph, EMPTY_DOC } from './chartDoc.ts';
import { expandLabel, overGuard, previewOf } from './expansion.ts';

const parlour = aNode({ id: 'premises-1', type: 'PREMISES', label: 'Velvet Willow', degree: 3 });
const hub = aNode({ id: 'premises-2', type: 'PREMISES', label: 'Quarrington Lodge', degree: 131 });
const worker = aNode({ id: 'person-1', label: 'Ana DUMITRU' });
const onChart = addGraph(EMPTY_DOC, { nodes: [parlour, hub, worker], edges: [anEdge({ id: 'l1', source: 'person-1', target: 'premises-2' })] });

describe('expanding by hops', () => {
  it('asks about the starting entity with the most links not yet on the chart, above the guard only', () => {
    expect(overGuard(onChart, ['premises-1', 'premises-2'], 100)).toEqual({ node: hub, remaining: 130 });
    expect(overGuard(onChart, ['premises-1', 'person-1'], 100)).toBeNull();
    expect(overGuard(onChart, ['premises-2'], 200)).toBeNull();
    expect(overGuard(onChart, ['not-on-chart'], 0)).toBeNull();
  });

  it('counts what an answer would add, by type, leaving out what the chart has', () => {
    const answer = {
      nodes: [parlour, worker, aNode({ id: 'person-2' }), aNode({ id: 'phone-1', type: 'PHONE', label: '07700 900123', supernode: true }), aNode({ id: 'person-3' })],
      edges: [anEdge({ id: 'l1', source: 'person-1', target: 'premises-2' }), anEdge({ id: 'l2', source: 'person-2', target: 'premises-1' }), anEdge({ id: 'l3', source: 'person-3', target: 'premises-1' })],
      truncated: false,
      truncation: null,
    };
    expect(previewOf(onChart, answer)).toEqual({
      entities: 3,
      links: 2,
      byType: [['People', 2], ['Phones', 1]],
      supernodes: 1,
      truncation: null,
    });
    expect(previewOf(onChart, { ...answer, truncated: true, truncation: 'the node limit of 500 was reached at hop 2' }).truncation).toMatch(/node limit/);
  });

  it('names the one undo step after what was expanded and how far', () => {
    expect(expandLabel([parlour], 1)).toBe('Expand Velvet Willow');
    expect(expandLabel([parlour, hub, worker], 2)).toBe('Expand 3 entities (2 hops)');
    expect(expandLabel([parlour], 3, true)).toBe('Expand Velvet Willow (3 hops, filtered)');
  });
});
