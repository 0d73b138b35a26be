import { describe, expect, it } from 'vitest';
import { filteredIds, NO_FILTERS } from '../../../server/kernel/filters.ts';
import { aNode, anEdge } from '../testing/factories.ts';
import { addGraph, EMPTY_DOC, hide, setFilters } from '../state/chartDoc.ts';
import { basisOf, brushRange, daysBetween, everyone, occupancy, PREMISES_COLOURS, staysOnChart, type StayRecord } from './stays.ts';

const lotus = aNode({ id: 'premises-000001', type: 'PREMISES', label: 'Lotus Spa' });
const jade = aNode({ id: 'premises-000002', type: 'PREMISES', label: 'Jade Nails' });
const ana = aNode({ id: 'person-000001', label: 'Ana DUMITRU' });
const li = aNode({ id: 'person-000002', label: 'Li WEI' });
const phone = aNode({ id: 'phone-000001', type: 'PHONE', label: '07700 900123' });
const stay = (id: string, type: string, source: string, target: string, validFrom: string | null, validTo: string | null = null, recordedAt = '2024-01-01T00:00:00Z') =>
  anEdge({ id, type, source, target, validFrom, validTo, recordedAt });
const edges = [
  stay('a2', 'WORKS_AT', ana.id, jade.id, '2024-05-01', '2024-06-12'),
  stay('a1', 'WORKS_AT', ana.id, lotus.id, '2024-02-01', '2024-04-30'),
  stay('a3', 'LIVES_AT', ana.id, lotus.id, null),
  stay('l1', 'WORKS_AT', li.id, lotus.id, '2024-04-01', null, '2024-07-20T09:00:00Z'),
  anEdge({ id: 'p1', type: 'USES_PHONE', source: ana.id, target: phone.id, validFrom: '2024-01-01' }),
];
const doc = addGraph(EMPTY_DOC, { nodes: [lotus, jade, ana, li, phone], edges });
// What the server gives: the dated stays on the chart, and one it knows that the chart does not hold.
const onChartStay = (id: string) => {
  const e = doc.edges[id]!;
  return { id, type: e.type, person: { id: e.source, label: doc.nodes[e.source]!.label }, premises: { id: e.target, label: doc.nodes[e.target]!.label }, validFrom: e.validFrom!, validTo: e.validTo ?? null };
};
const server: StayRecord[] = [
  ...['a2', 'a1', 'l1'].map(onChartStay),
  { id: 'a9', type: 'WORKS_AT', person: { id: ana.id, label: 'Ana DUMITRU' }, premises: { id: 'premises-000009', label: 'Rose Flat' }, validFrom: '2024-06-13', validTo: '2024-07-01' },
];
const all = () => true;

describe('the occupancy view', () => {
  it('gives one row per person with her dated stays in order, coloured by premises in the order first stayed at', () => {
    const o = occupancy(doc, server, all);
    expect(o.rows.map((r) => [r.label, r.stays.map((s) => [s.premises, s.from, s.to, s.onChart])])).toEqual([
      ['Ana DUMITRU', [[lotus.id, '2024-02-01', '2024-04-30', true], [jade.id, '2024-05-01', '2024-06-12', true], ['premises-000009', '2024-06-13', '2024-07-01', false]]],
      ['Li WEI', [[lotus.id, '2024-04-01', null, true]]],
    ]);
    expect(o.premises).toEqual([
      { id: lotus.id, label: 'Lotus Spa', colour: PREMISES_COLOURS[0] },
      { id: jade.id, label: 'Jade Nails', colour: PREMISES_COLOURS[1] },
      { id: 'premises-000009', label: 'Rose Flat', colour: PREMISES_COLOURS[2] },
    ]);
    // The undated LIVES_AT on the chart cannot be drawn and is counted; the server's extra stay is counted as not on the chart.
    expect([o.undated, o.offChart]).toEqual([1, 1]);
    expect([o.start, o.end]).toEqual(['2024-02-01', '2024-07-01']);
    expect(occupancy(doc, server, all, '2024-09-30').end).toBe('2024-09-30');
  });

  it('is built from the people and premises selected', () => {
    expect(basisOf(doc, [ana.id])).toEqual([ana.id]);
    expect(basisOf(doc, [jade.id, phone.id])).toEqual([jade.id]);
    // A link selected (a bar clicked) keeps the rows as they were.
    expect(basisOf(doc, ['a1'])).toBeNull();
    expect(everyone(doc).sort()).toEqual([ana.id, li.id]);
  });

  it('leaves out what the chart hides or filters', () => {
    const hidden = hide(doc, [jade.id]);
    expect(occupancy(hidden, server, (id) => !hidden.hidden.includes(id)).rows[0]!.stays.map((s) => s.id)).toEqual(['a1', 'a9']);
    const graded = setFilters(doc, { ...NO_FILTERS, hiddenLinkTypes: ['WORKS_AT'] });
    const out = filteredIds(Object.values(graded.nodes), Object.values(graded.edges), graded.filters);
    // The chart's WORKS_AT links are filtered; the one the chart does not hold is still drawn.
    expect(occupancy(graded, server, (id) => !out.has(id)).rows.map((r) => r.stays.map((s) => s.id))).toEqual([['a9']]);
  });

  it('turns a drag across the axis into a range of whole days, earliest first, within the span', () => {
    expect(brushRange('2024-02-01', 100, 0.5, 0.1)).toEqual({ from: '2024-02-11', to: '2024-03-22' });
    expect(brushRange('2024-02-01', 100, -0.2, 1.5)).toEqual({ from: '2024-02-01', to: '2024-05-10' });
  });

  it('counts days between two dates', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
  });
});

describe('stays read from a chart alone (the briefing)', () => {
  it("gives the chart's dated stays as the server gives them, and leaves undated stays and other links out", () => {
    expect(staysOnChart(doc).map((s) => s.id).sort()).toEqual(['a1', 'a2', 'l1']);
    expect(staysOnChart(doc).find((s) => s.id === 'l1')).toEqual(onChartStay('l1'));
    const o = occupancy(doc, staysOnChart(doc), all);
    expect(o.rows.map((r) => r.stays.map((s) => s.id))).toEqual([['a1', 'a2'], ['l1']]);
    expect(o.offChart).toBe(0);
    expect(o.undated).toBe(1);
  });
});

