import { describe, expect, it } from 'vitest';
import { can, capabilities, purposeOf, refusal, requireCan, roleMay, scopeFor, unmaskOf, type Principal, type Role } from './access.ts';

const who = (role: Role, needToKnow = false): Principal => ({ id: `u-${role}`, name: role, role, needToKnow, via: 'token' });
const key = Buffer.alloc(32, 7);
const shareable = { handlingCode: 'P', classification: 'OFFICIAL' };

describe('can: one decision per role, action and resource', () => {
  it('lets every role read, and only partners are kept to what may be shared with partner agencies', () => {
    for (const role of ['admin', 'analyst', 'viewer', 'partner'] as const) {
      expect(can(who(role), 'read'), role).toBe(true);
      expect(can(who(role), 'read', shareable), role).toBe(true);
    }
    for (const hidden of [{ handlingCode: 'C', classification: 'OFFICIAL' }, { handlingCode: 'P', classification: 'OFFICIAL-SENSITIVE' }, { handlingCode: null, classification: null }]) {
      expect(can(who('partner'), 'read', hidden), JSON.stringify(hidden)).toBe(false);
      expect(can(who('viewer'), 'read', hidden), JSON.stringify(hidden)).toBe(true);
      expect(can(who('analyst'), 'read', hidden)).toBe(true);
    }
  });

  it('lets admins and analysts write, nobody else', () => {
    expect(['admin', 'analyst', 'viewer', 'partner'].filter((r) => can(who(r as Role), 'write'))).toEqual(['admin', 'analyst']);
  });

  it('lets only admins and analysts with need-to-know unmask', () => {
    expect(can(who('admin', true), 'unmask')).toBe(true);
    expect(can(who('analyst', true), 'unmask')).toBe(true);
    expect(can(who('analyst'), 'unmask')).toBe(false);
    expect(can(who('admin'), 'unmask')).toBe(false);
    // Need-to-know does not lift a role that may not unmask.
    expect(can(who('viewer', true), 'unmask')).toBe(false);
    expect(can(who('partner', true), 'unmask')).toBe(false);
  });

  it('lets only callers who may unmask read something that shows victims\' identities', () => {
    expect(can(who('analyst', true), 'read', { unmasked: true })).toBe(true);
    expect(can(who('analyst'), 'read', { unmasked: true })).toBe(false);
    expect(can(who('viewer', true), 'read', { unmasked: true })).toBe(false);
    expect(can(who('viewer'), 'read', { unmasked: false })).toBe(true);
  });

  it('lets only admins administer users, tokens and the audit log', () => {
    expect(['admin', 'analyst', 'viewer', 'partner'].filter((r) => can(who(r as Role, true), 'administer'))).toEqual(['admin']);
  });

  it('lists the same answers as capabilities, for the workspace', () => {
    expect(capabilities(who('admin', true))).toEqual(['read', 'readUnshareable', 'write', 'unmask', 'administer']);
    expect(capabilities(who('analyst'))).toEqual(['read', 'readUnshareable', 'write']);
    expect(capabilities(who('viewer', true))).toEqual(['read', 'readUnshareable']);
    expect(capabilities(who('partner', true))).toEqual(['read']);
  });

  it('refuses with FORBIDDEN, saying what is needed and who the caller is', () => {
    expect(() => requireCan(who('viewer'), 'write')).toThrow('This needs the admin or analyst role; you are signed in as viewer.');
    expect(() => requireCan(who('analyst'), 'unmask')).toThrow('Unmasking potential victims needs the admin or analyst role with need-to-know.');
    try {
      requireCan(who('partner'), 'administer');
    } catch (e) {
      expect((e as { extensions: { code: string } }).extensions.code).toBe('FORBIDDEN');
    }
    expect(() => requireCan(who('analyst'), 'write')).not.toThrow();
    expect(refusal(who('partner'), 'administer')).toBe('This needs the admin role; you are signed in as partner.');
  });

  it('answers for a role on the command line, where need-to-know goes with the role', () => {
    expect(roleMay('analyst', 'unmask')).toBe(true);
    expect(roleMay('viewer', 'unmask')).toBe(false);
  });
});

describe('the caller\'s scope and the request headers', () => {
  it('gives partners the partner view, and masks unless the request was granted an unmask reason', () => {
    expect(scopeFor(who('partner'), { unmaskReason: null, pseudonymKey: key })).toEqual({ shareAll: false, mask: true, pseudonymKey: key, disclosures: new Set() });
    expect(scopeFor(who('viewer'), { unmaskReason: null, pseudonymKey: key })).toEqual({ shareAll: true, mask: true, pseudonymKey: key, disclosures: new Set() });
    expect(scopeFor(who('analyst', true), { unmaskReason: 'Case 17', pseudonymKey: key }).mask).toBe(false);
    // A reason cannot unmask for someone who may not.
    expect(scopeFor(who('viewer', true), { unmaskReason: 'Case 17', pseudonymKey: key }).mask).toBe(true);
  });

  it('honours X-Lantern-Unmask only for callers who may unmask, and refuses the others', () => {
    expect(unmaskOf(who('analyst', true), '  Case 17: safeguarding  ')).toEqual({ reason: 'Case 17: safeguarding', refused: false });
    expect(unmaskOf(who('analyst'), 'Case 17')).toEqual({ reason: null, refused: true });
    expect(unmaskOf(who('partner', true), 'Case 17')).toEqual({ reason: null, refused: true });
    expect(unmaskOf(who('viewer'), '   ')).toEqual({ reason: null, refused: false });
    expect(unmaskOf(who('admin', true), 'x'.repeat(600)).reason).toHaveLength(500);
  });

  it('keeps the stated purpose as given, trimmed to 200 characters', () => {
    expect(purposeOf(' OP-KESTREL tasking ')).toBe('OP-KESTREL tasking');
    expect(purposeOf(['first', 'second'])).toBe('first');
    expect(purposeOf(undefined)).toBe('');
    expect(purposeOf('y'.repeat(300))).toHaveLength(200);
  });
});
