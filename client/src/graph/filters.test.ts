import { describe, expect, it } from 'vitest';
import { aNode, anEdge, grading } from '../testing/factories.ts';
import { filteredIds, monthlyCounts, NO_FILTERS } from '../../../server/kernel/filters.ts';

const person = aNode();
const parlour = aNode({ id: 'premises-000001', type: 'PREMISES', label: 'Lotus Spa' });
const house = aNode({ id: 'premises-000002', type: 'PREMISES', label: '14 Elm Road' });
const spring = anEdge({ id: 'e1', validFrom: '2024-02-01', validTo: '2024-04-30' });
const summer = anEdge({ id: 'e2', target: house.id, type: 'LIVES_AT', validFrom: '2024-06-01', recordedAt: '2024-07-20T09:00:00Z', grading: grading({ sourceEvaluation: 'NOT_RELIABLE', intelligenceAssessment: 'D', low: true }) });
const nodes = [person, parlour, house];
const edges = [spring, summer];

describe('filteredIds', () => {
  it('hides nothing without filters', () => {
    expect(filteredIds(nodes, edges, NO_FILTERS).size).toBe(0);
  });

  it('hides an entity type and the links to it', () => {
    const hidden = filteredIds(nodes, edges, { ...NO_FILTERS, hiddenEntityTypes: ['PREMISES'] });
    expect([...hidden].sort()).toEqual(['e1', 'e2', 'premises-000001', 'premises-000002']);
  });

  it('keeps links valid at some time in the date range, and hides entities left with none', () => {
    const hidden = filteredIds(nodes, edges, { ...NO_FILTERS, from: '2024-05-01', to: '2024-12-31' });
    expect(hidden.has('e1')).toBe(true);
    expect(hidden.has('e2')).toBe(false);
    expect(hidden.has(parlour.id)).toBe(true);
    expect(hidden.has(person.id)).toBe(false);
  });

  it('hides links graded below the minimum', () => {
    const hidden = filteredIds(nodes, edges, { ...NO_FILTERS, minSource: 'UNTESTED' });
    expect(hidden.has('e2')).toBe(true);
    expect(hidden.has('e1')).toBe(false);
    expect(filteredIds(nodes, edges, { ...NO_FILTERS, minAssessment: 'C' }).has('e2')).toBe(true);
  });

  it('shows the chart as known on a date: links recorded later are hidden', () => {
    const hidden = filteredIds(nodes, edges, { ...NO_FILTERS, asKnownOn: '2024-07-01' });
    expect(hidden.has('e2')).toBe(true);
    expect(hidden.has(house.id)).toBe(true);
    expect(hidden.has('e1')).toBe(false);
  });

  it('counts links per month over a continuous range for the brush', () => {
    const months = monthlyCounts(edges);
    expect(months[0]).toEqual({ month: '2024-02', count: 1 });
    expect(months.map((m) => m.month)).toEqual(['2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(months[4]!.count).toBe(1);
  });
});
