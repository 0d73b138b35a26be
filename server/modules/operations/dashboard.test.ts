/** Dashboard figures from rows (no database): counts, first identification, day and week buckets. */
import { describe, expect, it } from 'vitest';
import { dashboard, type DashboardRows } from './dashboard.ts';

const rows = (): DashboardRows => ({
  operation: { id: 'operation-1', name: 'Op', startDate: '2025-06-27', endDate: '2025-07-01' },
  visits: [
    { visitId: 'v1', date: '2025-06-27', outcome: 'SAFEGUARDING', premisesId: 'p1' },
    { visitId: 'v2', date: '2025-06-30', outcome: 'NO_CONCERNS', premisesId: 'p2' },
    { visitId: 'v3', date: '2025-07-01', outcome: 'SAFEGUARDING', premisesId: 'p1' },
  ],
  encounters: [
    { visitId: 'v1', date: '2025-06-27', personId: 'a', role: 'POTENTIAL_VICTIM', safeguarded: true },
    { visitId: 'v3', date: '2025-07-01', personId: 'a', role: 'POTENTIAL_VICTIM', safeguarded: true },
    { visitId: 'v2', date: '2025-06-30', personId: 'b', role: 'WORKER', safeguarded: false },
    { visitId: 'v3', date: '2025-07-01', personId: 'c', role: 'POTENTIAL_VICTIM', safeguarded: false },
  ],
  referrals: [
    { referralId: 'r1', kind: 'NRM', date: '2025-06-27', personId: 'a' },
    { referralId: 'r2', kind: 'DUTY_TO_NOTIFY', date: '2025-07-02', personId: 'c' },
  ],
  offences: [{ offenceId: 'o1', category: 'TRAFFICKING', date: '2025-06-28' }],
});

describe('an operation dashboard', () => {
  it('counts distinct premises, people and potential victims, each victim once', () => {
    const d = dashboard(rows(), 'DAY');
    expect(d).toMatchObject({ visits: 3, premisesVisited: 2, peopleEncountered: 3, potentialVictimsIdentified: 2, safeguarded: 1, referrals: 2, offences: 1 });
    expect(d.referralsByKind).toEqual([{ key: 'DUTY_TO_NOTIFY', count: 1 }, { key: 'NRM', count: 1 }]);
    expect(d.visitOutcomes).toEqual([{ key: 'SAFEGUARDING', count: 2 }, { key: 'NO_CONCERNS', count: 1 }]);
    expect(d.premisesIds).toEqual(['p1', 'p2']);
  });

  it('puts each figure in its day, a potential victim on the day first identified', () => {
    const d = dashboard(rows(), 'DAY');
    expect(d.buckets.map((b) => b.start)).toEqual(['2025-06-27', '2025-06-28', '2025-06-29', '2025-06-30', '2025-07-01']);
    expect(d.buckets.map((b) => b.potentialVictimsIdentified)).toEqual([1, 0, 0, 0, 1]);
    expect(d.buckets.map((b) => b.offences)).toEqual([0, 1, 0, 0, 0]);
  });

  it('buckets by week from Monday', () => {
    const d = dashboard(rows(), 'WEEK');
    expect(d.buckets.map((b) => [b.start, b.end])).toEqual([['2025-06-23', '2025-06-29'], ['2025-06-30', '2025-07-06']]);
    expect(d.buckets.map((b) => b.visits)).toEqual([1, 2]);
    expect(d.buckets.map((b) => b.referrals)).toEqual([1, 1]);
  });
});
