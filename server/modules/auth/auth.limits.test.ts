import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { AuditLog } from '../audit/audit.service.ts';
import { AccountLockout, AddressGuard, Refusals } from './auth.limits.ts';

describe('the account lockout', () => {
  let now = 1_000_000;
  const lockout = () => new AccountLockout({ lockAfter: 3, maxLockMinutes: 15, now: () => now });

  it('locks after three wrong passwords in a row, for a minute, then lets the username try again', () => {
    const l = lockout();
    expect([l.failed('ann'), l.failed('ann')]).toEqual([undefined, undefined]);
    expect(l.failed('ann')).toBe(60);
    expect(l.locked('ann')).toBe(60);
    expect(l.locked('bob')).toBeUndefined();
    now += 60_000;
    expect(l.locked('ann')).toBeUndefined();
  });

  it('doubles each further lock up to the longest, and never past it', () => {
    const l = lockout();
    const locks: (number | undefined)[] = [];
    for (let i = 0; i < 7; i++) {
      l.failed('ann');
      l.failed('ann');
      locks.push(l.failed('ann'));
      now += (locks.at(-1) ?? 0) * 1000;
    }
    expect(locks).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });

  it('starts afresh after a right password', () => {
    const l = lockout();
    l.failed('ann');
    l.failed('ann');
    l.succeeded('ann');
    expect(l.failed('ann')).toBeUndefined();
  });
});

describe('the address guard', () => {
  const guards: AddressGuard[] = [];
  afterEach(() => guards.splice(0).forEach((g) => g.close()));

  it('admits an address until its refusals, and its look-ups still running, reach the limit', async () => {
    const g = new AddressGuard(3);
    guards.push(g);
    expect(await g.admit('a')).toBeUndefined();
    expect(await g.admit('a')).toBeUndefined();
    expect(await g.admit('a')).toBeUndefined();
    // Three look-ups running: a fourth waits, whatever their outcome will be.
    expect(await g.admit('a')).toBeGreaterThan(0);
    await g.settle('a', false);
    await g.settle('a', true);
    await g.settle('a', true);
    expect(await g.admit('a')).toBeUndefined();
    await g.settle('a', true);
    const wait = await g.admit('a');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await g.admit('b')).toBeUndefined();
  });
});

describe('the refusal counts', () => {
  it('write one audit entry per address and reason, and count past 1,000 addresses together', async () => {
    const recorded: { outcome: string; variables: string }[] = [];
    const audit = { record: async (r: { outcome: string; variables: string }) => void recorded.push(r) } as unknown as AuditLog;
    const r = new Refusals({ audit, log: pino({ level: 'silent' }) });
    for (let i = 0; i < 5; i++) r.count('10.0.0.1', 'UNAUTHENTICATED', '/graphql');
    r.count('10.0.0.1', 'RATE_LIMITED', '/graphql?x=1');
    for (let i = 0; i < 1500; i++) r.count(`2001:db8:${i.toString(16)}::`, 'RATE_LIMITED', '/graphql');
    await r.close();
    expect(recorded).toHaveLength(1001);
    expect(JSON.parse(recorded[0]!.variables)).toMatchObject({ address: '10.0.0.1', count: 5, paths: ['/graphql'] });
    expect(recorded[1]).toMatchObject({ outcome: 'RATE_LIMITED' });
    expect(JSON.parse(recorded.at(-1)!.variables)).toMatchObject({ address: 'other addresses', count: 502 });
  });
});
