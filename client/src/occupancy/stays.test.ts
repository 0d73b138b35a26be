import { describe, expect, it } from 'vitest';
import { filteredIds, NO_FILTERS } from '../../../server/kernel/filters.ts';
import { aNode, anEdge } from '../testing/factories.ts';
import { addGraph, EMPTY_DOC, hide, setFilters } from '../state/chartDoc.ts';
import { basisOf, daysBetween, occupancy, PREMISES_COLOURS } from './stays.ts';

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
const none = new Set<string>();

describe('the occupancy view', () => {
  it('gives one row per person with her dated stays in order, coloured by premises in the order first stayed at', () => {
    const o = occupancy(doc, none, null);
    expect(o.rows.map((r) => [r.label, r.stays.map((s) => [s.premises, s.from, s.to])])).toEqual([
      ['Ana DUMITRU', [[lotus.id, '2024-02-01', '2024-04-30'], [jade.id, '2024-05-01', '2024-06-12']]],
      ['Li WEI', [[lotus.id, '2024-04-01', null]]],
    ]);
    expect(o.premises).toEqual([
      { id: lotus.id, label: 'Lotus Spa', colour: PREMISES_COLOURS[0] },
      { id: jade.id, label: 'Jade Nails', colour: PREMISES_COLOURS[1] },
    ]);
    // The undated LIVES_AT cannot be drawn and is counted; Li's open stay runs to the latest date known.
    expect(o.undated).toBe(1);
    expect([o.start, o.end]).toEqual(['2024-02-01', '2024-06-12']);
    expect(occupancy(doc, none, null, '2024-09-30').end).toBe('2024-09-30');
  });

  it('is built from the selection: the people selected and those who stayed at a selected premises', () => {
    expect(basisOf(doc, [ana.id])).toEqual([ana.id]);
    expect(basisOf(doc, [jade.id])).toEqual([ana.id]);
    expect(basisOf(doc, [lotus.id])!.sort()).toEqual([ana.id, li.id]);
    // A link selected (a bar clicked) keeps the rows as they were.
    expect(basisOf(doc, ['a1'])).toBeNull();
    expect(occupancy(doc, none, [li.id]).rows.map((r) => r.person)).toEqual([li.id]);
  });

  it('leaves out what the chart hides or filters: a stay recorded after the "as known on" day', () => {
    expect(occupancy(hide(doc, [jade.id]), none, null).rows[0]!.stays.map((s) => s.id)).toEqual(['a1']);
    const known = setFilters(doc, { ...NO_FILTERS, asKnownOn: '2024-06-30' });
    const o = occupancy(known, filteredIds(Object.values(known.nodes), Object.values(known.edges), known.filters), null);
    expect(o.rows.map((r) => r.person)).toEqual([ana.id]);
  });

  it('counts days between two dates', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
  });
});
