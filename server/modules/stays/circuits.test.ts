import { describe, expect, it } from 'vitest';
import { findCircuits, type StayFact } from './circuits.ts';

const o = { windowDays: 120, minPremises: 2, minTogether: 3 };
let n = 0;
const stay = (person: string, premises: string, from: string, to: string | null): StayFact => ({ id: `s${++n}`, person, premises, from, to });

describe('findCircuits', () => {
  it('finds a person moved from premises to premises, with the stays in order as evidence', () => {
    const stays = [stay('p1', 'B', '2025-05-01', '2025-05-20'), stay('p1', 'A', '2025-04-10', '2025-04-30'), stay('p1', 'C', '2025-05-21', '2025-06-10')];
    const [c, ...rest] = findCircuits(stays, o);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ kind: 'PERSON', people: ['p1'], premises: ['A', 'B', 'C'], from: '2025-04-10', to: '2025-06-10', moves: 2 });
    expect(c!.stays.map((s) => s.premises)).toEqual(['A', 'B', 'C']);
  });

  it('does not count two jobs held at once, or one premises, as a circuit', () => {
    const owner = [stay('o', 'A', '2024-01-01', null), stay('o', 'B', '2024-01-01', null)];
    const stayer = [stay('s', 'A', '2025-01-01', '2025-02-01'), stay('s', 'A', '2025-02-02', '2025-03-01')];
    expect(findCircuits([...owner, ...stayer], o)).toEqual([]);
  });

  it('cuts a circuit at the window: stays beginning more than windowDays after the first start a new one', () => {
    const stays = [stay('p', 'A', '2025-01-01', '2025-01-20'), stay('p', 'B', '2025-01-21', '2025-02-10'), stay('p', 'C', '2025-06-01', '2025-06-20'), stay('p', 'D', '2025-06-21', '2025-07-10')];
    expect(findCircuits(stays, { ...o, windowDays: 60 }).map((c) => c.premises)).toEqual([['A', 'B'], ['C', 'D']]);
    expect(findCircuits(stays, { ...o, windowDays: 60, minPremises: 3 })).toEqual([]);
  });

  it('groups people who go through the same premises in the same order at overlapping times', () => {
    const a = [stay('a', 'A', '2025-01-01', '2025-01-20'), stay('a', 'B', '2025-01-21', '2025-02-10'), stay('a', 'C', '2025-02-11', '2025-03-01')];
    const b = [stay('b', 'A', '2025-01-05', '2025-01-22'), stay('b', 'B', '2025-01-23', '2025-02-12'), stay('b', 'C', '2025-02-13', '2025-03-03')];
    // Same premises in the same order, but a month behind: not together.
    const late = [stay('c', 'A', '2025-03-10', '2025-03-30'), stay('c', 'B', '2025-03-31', '2025-04-20'), stay('c', 'C', '2025-04-21', '2025-05-10')];
    const found = findCircuits([...a, ...b, ...late], o);
    const groups = found.filter((c) => c.kind === 'GROUP');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ people: ['a', 'b'], premises: ['A', 'B', 'C'], moves: 4 });
    expect(groups[0]!.stays).toHaveLength(6);
    expect(found.filter((c) => c.kind === 'PERSON').map((c) => c.people[0])).toEqual(['a', 'b', 'c']);
  });
});
