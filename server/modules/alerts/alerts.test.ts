/** The alert module's pure parts: the webhook's signature, pattern parameters, an alert's grading and id. */
import { describe, expect, it } from 'vitest';
import { alertId, gradingOf } from './alerts.engine.ts';
import { patternParameters } from './alerts.patterns.ts';
import { sign, verifySignature } from './alerts.webhook.ts';

describe('the webhook signature', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = JSON.stringify({ event: 'alert.raised', alert: { id: 'alert-1' } });
  const now = Date.UTC(2026, 11, 7, 20, 0, 0);
  const t = Math.floor(now / 1000);

  it('signs "<t>.<body>" with HMAC-SHA256, as Stripe does, and verifies it', () => {
    const header = sign(secret, t, body);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, 300, now)).toBe(true);
  });

  it('refuses another secret, a changed body, an old timestamp and a missing header', () => {
    const header = sign(secret, t, body);
    expect(verifySignature('another-secret-xxxxxxxx', header, body, 300, now)).toBe(false);
    expect(verifySignature(secret, header, body.replace('alert-1', 'alert-2'), 300, now)).toBe(false);
    expect(verifySignature(secret, header, body, 300, now + 301_000)).toBe(false);
    expect(verifySignature(secret, undefined, body, 300, now)).toBe(false);
    expect(verifySignature(secret, 't=abc,v1=00', body, 300, now)).toBe(false);
  });
});

describe('saved pattern parameters', () => {
  it('accepts what the pattern takes, trimmed', () => {
    expect(patternParameters('ADVERT_WITH_WATCHED_PHONE', { phoneIds: [' phone-1 '] })).toEqual({ phoneIds: ['phone-1'] });
  });

  it('refuses unknown keys, empty lists and wrong types, naming the parameter', () => {
    expect(() => patternParameters('ADVERT_WITH_WATCHED_PHONE', { phones: ['x'] })).toThrow(/parameters.*phoneIds/);
    expect(() => patternParameters('CONTROLLER_AT_NEW_ADDRESS', { personIds: [] })).toThrow(/parameters\.personIds: give at least one person id/);
    expect(() => patternParameters('VICTIM_SEEN_AGAIN', { personIds: [3] })).toThrow(/parameters\.personIds\.0/);
  });
});

describe('an alert', () => {
  it('is as shareable as its least shareable evidence', () => {
    expect(gradingOf(['P', 'P'], ['OFFICIAL', 'OFFICIAL'])).toEqual({ handlingCode: 'P', classification: 'OFFICIAL' });
    expect(gradingOf(['P', 'C'], ['OFFICIAL', 'OFFICIAL'])).toEqual({ handlingCode: 'C', classification: 'OFFICIAL' });
    expect(gradingOf(['P', null], ['OFFICIAL', 'OFFICIAL-SENSITIVE'])).toEqual({ handlingCode: 'C', classification: 'OFFICIAL-SENSITIVE' });
  });

  it('has the same id for the same match key, and another for another', () => {
    expect(alertId('w1|link-1')).toBe(alertId('w1|link-1'));
    expect(alertId('w1|link-1')).not.toBe(alertId('w2|link-1'));
    expect(alertId('w1|link-1')).toMatch(/^alert-[0-9a-f]{24}$/);
  });
});
