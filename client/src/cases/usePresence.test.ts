import { describe, expect, it } from 'vitest';
import { presenceNotice } from './usePresence.ts';

const beat = (o: Partial<Parameters<typeof presenceNotice>[0] & object> = {}) => ({ chartId: 'chart-1', others: [], version: 2, changedBy: 'bob', changedAt: '2026-12-07T20:41:05Z', noteCount: 0, ...o });

describe('presence notice', () => {
  const user = (name: string) => ({ name, displayName: name, via: 'session', since: '' });
  it('names who else has the chart open', () => {
    expect(presenceNotice(beat({ others: [user('bob')] }), { version: 2 }, 'ann').others).toBe('bob also has this chart open');
    expect(presenceNotice(beat({ others: [user('bob'), user('cy'), user('di')] }), { version: 2 }, 'ann').others).toBe('bob, cy and di also have this chart open');
    expect(presenceNotice(beat(), { version: 2 }, 'ann').others).toBeNull();
  });

  it('names people as they are known, not by the audit mark of an API token, and says which are tokens', () => {
    const others = [user('bob'), { name: 'token:Ingest robot', displayName: 'Ingest robot', via: 'token', since: '' }, { name: 'Dana Reyes', displayName: 'Dana Reyes', via: 'jwt', since: '' }];
    const said = presenceNotice(beat({ others }), { version: 2 }, 'ann').others;
    expect(said).toBe('bob, Ingest robot (API token) and Dana Reyes also have this chart open');
    expect(said).not.toContain('token:');
  });

  it("tells of a newer version saved by someone else, not of one's own save", () => {
    expect(presenceNotice(beat({ version: 3 }), { version: 2 }, 'ann').changed).toBe('Changed by bob at 20:41');
    expect(presenceNotice(beat({ version: 3, changedBy: 'ann' }), { version: 2 }, 'ann').changed).toBeNull();
    expect(presenceNotice(beat({ version: 2 }), { version: 2 }, 'ann').changed).toBeNull();
  });
});
