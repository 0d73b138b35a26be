import { describe, expect, it } from 'vitest';
import { aNode } from '../testing/factories.ts';
import { nodeImage } from '../graph/icons.ts';
import { badgeStyles, mergeStyles, communityColour, COMMUNITY_PALETTE, MAX_SIZE, MIN_SIZE, nodeStyles, OTHER_COMMUNITY, rampColour } from './encoding.ts';
import type { NodeMetrics } from './api.ts';

const m = (id: string, o: Partial<NodeMetrics> = {}): [string, NodeMetrics] => [
  id,
  { id, type: 'PERSON', label: id, community: 0, degree: 1, weightedDegree: 1, betweenness: 0, pageRank: 0.1, communitiesLinked: 0, broker: false, ...o },
];

describe('nodeStyles', () => {
  const metrics = new Map([m('hub', { degree: 9, betweenness: 0.8, community: 1 }), m('leaf', { degree: 1, community: 0 }), m('mid', { degree: 5, betweenness: 0.2, community: 14 })]);

  it('sizes the node with the most links largest and the one with the fewest smallest', () => {
    const s = nodeStyles({ sizeBy: 'degree', colourBy: 'type', metrics });
    expect(s.get('hub')!.width).toBe(MAX_SIZE);
    expect(s.get('leaf')!.width).toBe(MIN_SIZE);
    expect(s.get('mid')!.width).toBeGreaterThan(MIN_SIZE);
    expect(s.get('mid')!.width).toBeLessThan(MAX_SIZE);
    expect(s.get('hub')!['background-color']).toBeUndefined();
  });

  it('colours by community from the palette, with a shared grey past it', () => {
    const s = nodeStyles({ sizeBy: 'none', colourBy: 'community', metrics });
    expect(s.get('hub')!['background-color']).toBe(COMMUNITY_PALETTE[1]);
    expect(s.get('mid')!['background-color']).toBe(OTHER_COMMUNITY);
    expect(s.get('hub')!.width).toBeUndefined();
  });

  it('colours by a metric from the low end of the ramp to the high end', () => {
    const s = nodeStyles({ sizeBy: 'none', colourBy: 'betweenness', metrics });
    expect(s.get('leaf')!['background-color']).toBe(rampColour(0));
    expect(s.get('hub')!['background-color']).toBe(rampColour(1));
  });

  it('leaves the chart alone when nothing is encoded or nothing was analysed', () => {
    expect(nodeStyles({ sizeBy: 'none', colourBy: 'type', metrics }).size).toBe(0);
    expect(nodeStyles({ sizeBy: 'degree', colourBy: 'community', metrics: new Map() }).size).toBe(0);
  });

  it('gives equal values the middle size rather than dividing by zero', () => {
    const flat = new Map([m('a'), m('b')]);
    expect(nodeStyles({ sizeBy: 'degree', colourBy: 'type', metrics: flat }).get('a')!.width).toBe(Math.round((MIN_SIZE + MAX_SIZE) / 2));
    expect(communityColour(0)).toBe(COMMUNITY_PALETTE[0]);
  });
});

describe('badgeStyles', () => {
  it('badges a flagged entity with an indicator, keeps its own badges, and leaves unflagged ones alone', () => {
    const suspect = aNode({ id: 'p1', suspect: true });
    const plain = aNode({ id: 'p2' });
    const s = badgeStyles([suspect, plain], new Map([['p1', { indicator: true, riskCombination: true }]]));
    expect(s.get('p1')!['background-image']).toBe(nodeImage('PERSON', { suspect: true, risk: true, indicator: true }));
    expect(s.has('p2')).toBe(false);
  });

  it('merges metric styles and badges per node', () => {
    const merged = mergeStyles(new Map([['a', { width: 40 }]]), new Map([['a', { 'background-image': 'x' }], ['b', { 'background-image': 'y' }]]));
    expect(merged!.get('a')).toEqual({ width: 40, 'background-image': 'x' });
    expect(mergeStyles(null, new Map())).toBeNull();
  });
});
