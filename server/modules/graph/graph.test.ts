import { describe, expect, it } from 'vitest';
import { bounded, dayAfter, filterParams, ids } from './graph.args.ts';

const ext = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: Record<string, unknown> }).extensions;
  }
  return undefined;
};

describe('graph arguments', () => {
  it('bounds hops, limits and lengths, naming the argument', () => {
    expect(bounded('hops', undefined, 1, 3, 1)).toBe(1);
    expect(bounded('hops', 3, 1, 3, 1)).toBe(3);
    expect(ext(() => bounded('hops', 4, 1, 3, 1))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'hops' });
    expect(ext(() => bounded('maxLength', 9, 1, 8, 6))).toMatchObject({ argument: 'maxLength' });
    expect(ext(() => bounded('limit', 1.5, 1, 10, 5))).toMatchObject({ argument: 'limit' });
  });

  it('checks id lists and removes repeats', () => {
    expect(ids('ids', ['a', 'a', 'b'], 1, 3)).toEqual(['a', 'b']);
    expect(ext(() => ids('ids', [], 1, 3))).toMatchObject({ argument: 'ids' });
    expect(ext(() => ids('ids', ['a', 'b', 'c', 'd'], 1, 3))).toMatchObject({ argument: 'ids' });
    expect(ext(() => ids('ids', ['a', ''], 1, 3))).toMatchObject({ argument: 'ids[1]' });
  });

  it('turns the link filter into parameters', () => {
    expect(filterParams(null)).toEqual({ linkTypes: null, entityTypes: null, from: null, to: null, maxSourceEvaluation: null, maxAssessment: null, knownBefore: null });
    expect(filterParams({ linkTypes: ['WORKS_AT'], minGrade: { sourceEvaluation: 'UNTESTED', intelligenceAssessment: 'B' }, asKnownOn: '2024-12-31' })).toMatchObject({
      linkTypes: ['WORKS_AT'], maxSourceEvaluation: 2, maxAssessment: 'B', knownBefore: '2025-01-01T00:00:00.000Z',
    });
    expect(ext(() => filterParams({ from: '2024-02-01', to: '2024-01-01' }))).toMatchObject({ argument: 'filter.to' });
    expect(dayAfter('2024-02-28')).toBe('2024-02-29T00:00:00.000Z');
  });
});
