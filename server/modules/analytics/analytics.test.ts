import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../model/model.ts';
import type { ALink, ANode } from './analytics.types.ts';
import { adjustedRandIndex } from './ari.ts';
import { scoreNetworks } from './evaluate.ts';
import { networkMetrics } from './metrics.ts';
import { keptTies, MIN_TIE_SCORE, networksOfTies, networksWithComponents, premisesTies, suspectedNetworks } from './networks.ts';
import { AUTO_NODE_MAX, leaveOut, MAX_ANALYTICS_NODES, nodeUpTo, wholeGraphMetrics } from './analytics.service.ts';
import type { Gateway } from '../../db/gateway.ts';

// ---- factories ------------------------------------------------------------------------------

const node = (id: string, type: EntityType = 'PREMISES'): ANode => ({ id, type, label: id });
let seq = 0;
const link = (type: string, source: string, target: string, o: Partial<ALink> = {}): ALink => ({
  id: `l${++seq}`,
  type,
  source,
  target,
  role: null,
  validFrom: null,
  validTo: null,
  weight: null,
  sourceEvaluation: 1,
  intelligenceAssessment: 'B',
  ...o,
});
const map = (o: Record<string, string>) => new Map(Object.entries(o));

describe('adjusted Rand index', () => {
  it('is 1 for identical partitions, whatever the labels', () => {
    expect(adjustedRandIndex(['a', 'b', 'c', 'd'], map({ a: '1', b: '1', c: '2', d: '2' }), map({ a: 'x', b: 'x', c: 'y', d: 'y' }))).toBe(1);
  });

  it('matches a hand-computed value', () => {
    // truth {a,b,c}{d,e}{f}; found {a,b}{c,d,e}{f}: index 2, row pairs 4, column pairs 4, 15 pairs.
    const v = adjustedRandIndex(['a', 'b', 'c', 'd', 'e', 'f'], map({ a: 'T', b: 'T', c: 'T', d: 'U', e: 'U' }), map({ a: 'X', b: 'X', c: 'Y', d: 'Y', e: 'Y' }));
    const expected = (2 - (4 * 4) / 15) / (4 - (4 * 4) / 15);
    expect(v).toBeCloseTo(expected, 10);
  });

  it('treats items missing from a partition as singletons, and falls when noise is merged in', () => {
    const truth = map({ a: 'T', b: 'T' });
    expect(adjustedRandIndex(['a', 'b', 'c', 'd'], truth, map({ a: 'X', b: 'X' }))).toBe(1);
    expect(adjustedRandIndex(['a', 'b', 'c', 'd'], truth, map({ a: 'X', b: 'X', c: 'X' }))).toBeLessThan(1);
  });

  it('scores found networks against planted ones', () => {
    const s = scoreNetworks(['p1', 'p2', 'p3', 'p4', 'p5'], [{ premisesIds: ['p1', 'p2'] }, { premisesIds: ['p3', 'p4'] }], [{ premisesIds: ['p1', 'p2'] }, { premisesIds: ['p3', 'p4', 'p5'] }]);
    expect(s.exact).toBe(1);
    expect(s.ari).toBeLessThan(1);
    expect(s.ari).toBeGreaterThan(0);
  });
});

/** Two parlours run as one: a shared booking phone, a worker rotating between them, a controller. */
function network(prefix: string) {
  const [p1, p2, phone, worker, boss] = ['p1', 'p2', 'phone', 'worker', 'boss'].map((x) => `${prefix}-${x}`) as [string, string, string, string, string];
  const nodes = [node(p1), node(p2), node(phone, 'PHONE'), node(worker, 'PERSON'), node(boss, 'PERSON')];
  const links = [
    link('PREMISES_PHONE', p1, phone),
    link('PREMISES_PHONE', p2, phone),
    link('WORKS_AT', worker, p1, { validFrom: '2025-04-01', validTo: '2025-04-20' }),
    link('WORKS_AT', worker, p2, { validFrom: '2025-04-21', validTo: '2025-05-10' }),
    link('OPERATES', boss, p1, { role: 'CONTROLLER', sourceEvaluation: 2, intelligenceAssessment: 'C' }),
    link('OPERATES', boss, p2, { role: 'CONTROLLER', sourceEvaluation: 2, intelligenceAssessment: 'C' }),
  ];
  return { nodes, links, p1, p2, phone, worker, boss };
}

describe('suspected networks of premises', () => {
  it('groups parlours that share a booking phone, a rotating worker and a controller, with the evidence', () => {
    const n = network('a');
    const found = suspectedNetworks(n.nodes, n.links);
    expect(found).toHaveLength(1);
    expect(found[0]!.premisesIds).toEqual([n.p1, n.p2]);
    expect(found[0]!.evidence.map((e) => [e.entityId, e.kind])).toEqual(
      expect.arrayContaining([
        [n.phone, 'PHONE'],
        [n.worker, 'PERSON'],
        [n.boss, 'CONTROLLER'],
      ]),
    );
    const phone = found[0]!.evidence.find((e) => e.entityId === n.phone)!;
    expect(phone.linkIds).toHaveLength(2);
    expect(phone.premisesIds).toEqual([n.p1, n.p2]);
    expect(found[0]!.score).toBeGreaterThan(MIN_TIE_SCORE);
  });

  it("computes a component's networks from that component's ties alone as the whole graph does (the incremental round relies on it)", () => {
    // Three separate pairs, and a ring of six premises each sharing a phone with the next (one component).
    const parts = ['a', 'b', 'c'].map(network);
    const ring = Array.from({ length: 6 }, (_, i) => `ring-${i}`);
    const nodes = [...parts.flatMap((x) => x.nodes), ...ring.map((p) => node(p)), ...ring.map((p) => node(`${p}-phone`, 'PHONE'))];
    const links = [...parts.flatMap((x) => x.links), ...ring.flatMap((p, i) => [link('PREMISES_PHONE', p, `${p}-phone`), link('PREMISES_PHONE', ring[(i + 1) % 6]!, `${p}-phone`)])];
    const whole = networksWithComponents(nodes, links);
    expect(whole.map((n) => n.component).sort()).toEqual(['a-p1', 'b-p1', 'c-p1', 'ring-0']);
    expect(whole.map((n) => n.network)).toEqual(suspectedNetworks(nodes, links));
    for (const { network, component } of whole) {
      const own = keptTies(premisesTies(nodes, links)).filter((t) => network.premisesIds.includes(t.a));
      expect(networksOfTies(own).map((n) => ({ network: n.network, component: n.component }))).toEqual([{ network, component }]);
    }
  });

  it('does not join premises by a single weak tie: a taxi seen once at each, or a doubtful intelligence report', () => {
    const nodes = [node('x1'), node('x2'), node('x3'), node('taxi', 'VEHICLE'), node('rumour', 'PERSON')];
    const links = [
      link('VEHICLE_SEEN_AT', 'taxi', 'x1', { weight: 1 }),
      link('VEHICLE_SEEN_AT', 'taxi', 'x2', { weight: 1 }),
      link('WORKS_AT', 'rumour', 'x2', { sourceEvaluation: 3, intelligenceAssessment: 'D' }),
      link('WORKS_AT', 'rumour', 'x3', { sourceEvaluation: 3, intelligenceAssessment: 'D' }),
    ];
    expect(premisesTies(nodes, links).length).toBe(2);
    expect(suspectedNetworks(nodes, links)).toEqual([]);
  });

  it('does not join two networks through a landlord they share, nor through a recycled phone number', () => {
    const a = network('a');
    const b = network('b');
    const nodes = [...a.nodes, ...b.nodes, node('landlord', 'ORGANISATION'), node('old-ad', 'ADVERT')];
    const links = [
      ...a.links,
      ...b.links,
      link('OPERATES', 'landlord', a.p1, { role: 'LANDLORD' }),
      link('OPERATES', 'landlord', b.p1, { role: 'LANDLORD' }),
      // b's parlour advertised, months before, with the number a now uses.
      link('ADVERT_LOCATED_AT', 'old-ad', b.p2),
      link('ADVERT_LISTS_PHONE', 'old-ad', a.phone, { validFrom: '2025-03-02', validTo: '2025-03-20' }),
    ];
    links.filter((l) => l.type === 'PREMISES_PHONE' && l.target === a.phone).forEach((l) => (l.validFrom = '2025-04-01'));
    const found = suspectedNetworks(nodes, links);
    expect(found.map((f) => f.premisesIds)).toEqual(expect.arrayContaining([[a.p1, a.p2], [b.p1, b.p2]]));
    expect(found).toHaveLength(2);
  });

  it('ties premises through a phone listed in their adverts while both were in use', () => {
    const nodes = [node('q1'), node('q2'), node('ad1', 'ADVERT'), node('ad2', 'ADVERT'), node('ph', 'PHONE')];
    const ad = (a: string, p: string) => [link('ADVERT_LOCATED_AT', a, p), link('ADVERT_LISTS_PHONE', a, 'ph')];
    const ties = premisesTies(nodes, [...ad('ad1', 'q1'), ...ad('ad2', 'q2')]);
    expect(ties).toHaveLength(1);
    expect(ties[0]!.evidence[0]).toMatchObject({ entityId: 'ph', kind: 'PHONE' });
    expect(ties[0]!.evidence[0]!.linkIds).toHaveLength(4);
  });

  it('counts low-grade evidence for less than well-graded evidence', () => {
    const good = network('g');
    const poor = network('p');
    poor.links.forEach((l) => Object.assign(l, { sourceEvaluation: 3, intelligenceAssessment: 'D' }));
    const [g] = premisesTies(good.nodes, good.links);
    const [p] = premisesTies(poor.nodes, poor.links);
    expect(p!.score).toBeLessThan(g!.score);
  });

  it('joins premises on a booking phone alone when it is fairly graded, but not on a low-grade report of one', () => {
    const nodes = [node('s1'), node('s2'), node('ph', 'PHONE')];
    const tie = (g: Partial<ALink>) => [link('PREMISES_PHONE', 's1', 'ph', g), link('PREMISES_PHONE', 's2', 'ph', g)];
    expect(suspectedNetworks(nodes, tie({ sourceEvaluation: 2, intelligenceAssessment: 'B' })).map((n) => n.premisesIds)).toEqual([['s1', 's2']]);
    expect(suspectedNetworks(nodes, tie({ sourceEvaluation: 3, intelligenceAssessment: 'D' }))).toEqual([]);
  });

  it('needs corroboration for people: one person at two places does not join them, two people do', () => {
    const nodes = [node('h1'), node('h2'), node('ann', 'PERSON'), node('bea', 'PERSON')];
    const one = [link('LIVES_AT', 'ann', 'h1'), link('WORKS_AT', 'ann', 'h2')];
    expect(suspectedNetworks(nodes, one)).toEqual([]);
    const two = [...one, link('LIVES_AT', 'bea', 'h1'), link('WORKS_AT', 'bea', 'h2')];
    expect(suspectedNetworks(nodes, two).map((n) => n.premisesIds)).toEqual([['h1', 'h2']]);
  });

  it('filters networks by minScore', () => {
    const n = network('a');
    const [only] = suspectedNetworks(n.nodes, n.links);
    expect(suspectedNetworks(n.nodes, n.links, { minScore: only!.score + 0.01 })).toEqual([]);
  });
});

describe('network metrics', () => {
  // Two triangles joined through a single go-between.
  const nodes = ['a', 'b', 'c', 'd', 'e', 'f', 'x'].map((id) => node(id, 'PERSON'));
  const links = [
    link('ASSOCIATE_OF', 'a', 'b'),
    link('ASSOCIATE_OF', 'b', 'c'),
    link('ASSOCIATE_OF', 'a', 'c'),
    link('ASSOCIATE_OF', 'd', 'e'),
    link('ASSOCIATE_OF', 'e', 'f'),
    link('ASSOCIATE_OF', 'd', 'f'),
    link('ASSOCIATE_OF', 'c', 'x'),
    link('ASSOCIATE_OF', 'x', 'd'),
  ];

  it('finds the two groups, the same way every time, and the go-between as a broker', () => {
    const m = networkMetrics(nodes, links, { weighted: true });
    const by = new Map(m.nodes.map((n) => [n.id, n]));
    expect(by.get('a')!.community).toBe(by.get('b')!.community);
    expect(by.get('a')!.community).not.toBe(by.get('e')!.community);
    expect(by.get('e')!.community).toBe(by.get('f')!.community);
    const brokers = m.nodes.filter((n) => n.broker).map((n) => n.id);
    expect(brokers.length).toBeGreaterThan(0);
    expect(brokers.every((id) => ['c', 'x', 'd'].includes(id))).toBe(true);
    expect(by.get('x')!.betweenness).toBeGreaterThan(by.get('a')!.betweenness);
    expect(by.get('c')!.degree).toBe(3);
    expect(networkMetrics(nodes, links, { weighted: true })).toEqual(m);
  });

  it('weights links by grading: a low-grade link counts less in weighted degree', () => {
    const graded = links.map((l) => (l.source === 'x' ? { ...l, sourceEvaluation: 3, intelligenceAssessment: 'E' } : l));
    const w = networkMetrics(nodes, graded, { weighted: true });
    const u = networkMetrics(nodes, graded, { weighted: false });
    const x = (m: typeof w) => m.nodes.find((n) => n.id === 'x')!;
    expect(x(u).weightedDegree).toBe(2);
    expect(x(w).weightedDegree).toBeLessThan(x(u).weightedDegree);
    expect(w.nodes.reduce((s, n) => s + n.pageRank, 0)).toBeCloseTo(1, 6);
  });

  it('answers for an empty graph and for entities without links', () => {
    expect(networkMetrics([], [], { weighted: true }).nodes).toEqual([]);
    const lone = networkMetrics([node('a'), node('b')], [], { weighted: false });
    expect(lone.nodes.map((n) => [n.degree, n.broker])).toEqual([
      [0, false],
      [0, false],
    ]);
  });
});

describe('leaving entity types out of the analysis', () => {
  it('takes an operation that links every visit out with its links, so it is no broker and the rest are measured without it', () => {
    // Two groups of premises with their visits, joined only by one operation that includes every visit.
    const nodes = [node('op', 'OPERATION'), ...['a', 'b', 'c', 'd'].map((x) => node(x)), ...['va', 'vb', 'vc', 'vd'].map((x) => node(x, 'VISIT')), node('w1', 'PERSON'), node('w2', 'PERSON')];
    const links = [
      ...['a', 'b', 'c', 'd'].flatMap((x) => [link('INCLUDES_VISIT', 'op', `v${x}`), link('VISIT_AT', `v${x}`, x)]),
      link('WORKS_AT', 'w1', 'a'),
      link('WORKS_AT', 'w1', 'b'),
      link('WORKS_AT', 'w2', 'c'),
      link('WORKS_AT', 'w2', 'd'),
    ];
    const all = networkMetrics(nodes, links, { weighted: true });
    const top = [...all.nodes].sort((x, y) => y.betweenness - x.betweenness)[0]!;
    expect(top.id).toBe('op');
    const without = leaveOut({ nodes, links }, new Set(['OPERATION', 'VISIT']));
    expect(without.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd', 'w1', 'w2']);
    expect(without.links).toHaveLength(4);
    const m = networkMetrics(without.nodes, without.links, { weighted: true });
    expect(m.nodes.map((n) => n.id)).not.toContain('op');
    expect(m.nodes.find((n) => n.id === 'w1')!.betweenness).toBeGreaterThan(0);
    expect(leaveOut({ nodes, links }, new Set())).toEqual({ nodes, links });
  });
});

describe('the engine of the whole-graph analytics (LANTERN_ANALYTICS_ENGINE)', () => {
  it('auto runs graphs up to the measured size in Node and larger ones in GDS, when the Neo4j has it', () => {
    expect(nodeUpTo('auto', true)).toBe(AUTO_NODE_MAX);
    expect(nodeUpTo('auto', false)).toBe(MAX_ANALYTICS_NODES);
  });

  it('node keeps every graph Node takes in Node, and gds sends every graph to GDS', () => {
    expect(nodeUpTo('node', true)).toBe(MAX_ANALYTICS_NODES);
    expect(nodeUpTo('gds', true)).toBe(0);
  });

  it('gds on a Neo4j without Graph Data Science says what to set', async () => {
    // A Neo4j that answers the GDS check (gds/available) with no.
    const noGds = { driver: {}, read: async () => [{ available: false }] } as unknown as Gateway;
    await expect(wholeGraphMetrics(noGds, true, 'gds')).rejects.toThrow(/LANTERN_ANALYTICS_ENGINE is gds, but the Neo4j has no Graph Data Science.*LANTERN_GDS=off.*auto or node/);
  });
});
