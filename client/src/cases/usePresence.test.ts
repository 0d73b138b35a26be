import { describe, expect, it } from 'vitest';
import { presenceNotice } from './usePresence.ts';

const beat = (o: Partial<Parameters<typeof presenceNotice>[0] & object> = {}) => ({ chartId: 'chart-1', others: [], version: 2, changedBy: 'bob', changedAt: '2026-12-07T20:41:05Z', noteCount: 0, ...o });

describe('presence notice', () => {
  it('names who else has the chart open', () => {
    expect(presenceNotice(beat({ others: [{ name: 'bob', since: '' }] }), { version: 2 }, 'ann').others).toBe('bob also has this chart open');
    expect(presenceNotice(beat({ others: [{ name: 'bob', since: '' }, { name: 'cy', since: '' }, { name: 'di', since: '' }] }), { version: 2 }, 'ann').others).toBe('bob, cy and di also have this chart open');
    expect(presenceNotice(beat(), { version: 2 }, 'ann').others).toBeNull();
  });

  it("tells of a newer version saved by someone else, not of one's own save", () => {
    expect(presenceNotice(beat({ version: 3 }), { version: 2 }, 'ann').changed).toBe('Changed by bob at 20:41');
    expect(presenceNotice(beat({ version: 3, changedBy: 'ann' }), { version: 2 }, 'ann').changed).toBeNull();
    expect(presenceNotice(beat({ version: 2 }), { version: 2 }, 'ann').changed).toBeNull();
  });
});
