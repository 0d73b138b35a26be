import { describe, expect, it } from 'vitest';
import { can, capabilities, caseDecision, chartRight, purposeOf, READ_ONLY_MUTATIONS, refusal, requireCan, requireCase, requireChart, roleMay, scopeFor, unmaskOf, type CaseFacts, type ChartFacts, type Principal, type Role } from './access.ts';

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

describe('cases and shared charts (decision 0035)', () => {
  const kase = (o: Partial<CaseFacts> = {}): CaseFacts => ({ name: 'Op T', handlingCode: 'P', classification: 'OFFICIAL', needToKnow: false, memberRole: null, ...o });
  const chart = (o: Partial<ChartFacts> = {}): ChartFacts => ({ ownerId: 'u-owner', sharedWithPartners: false, userShares: [], caseShares: [], ...o });

  it('opens a case to members only (admins manage any), capped by their own role', () => {
    expect(caseDecision(who('analyst'), kase())).toMatchObject({ right: null, refused: expect.stringContaining('not a member') });
    expect(caseDecision(who('admin'), kase())).toEqual({ right: 'manage' });
    expect(caseDecision(who('analyst'), kase({ memberRole: 'lead' }))).toEqual({ right: 'manage' });
    expect(caseDecision(who('analyst'), kase({ memberRole: 'analyst' }))).toEqual({ right: 'edit' });
    expect(caseDecision(who('analyst'), kase({ memberRole: 'viewer' }))).toEqual({ right: 'read' });
    expect(caseDecision(who('viewer'), kase({ memberRole: 'lead' }))).toEqual({ right: 'read' });
    expect(caseDecision(who('partner'), kase({ memberRole: 'lead' }))).toEqual({ right: 'read' });
  });

  it('keeps partners out of cases they may not be shared, and everyone without need-to-know out of need-to-know cases', () => {
    expect(caseDecision(who('partner'), kase({ memberRole: 'viewer', handlingCode: 'C' })).refused).toMatch(/handling code C/);
    expect(caseDecision(who('partner'), kase({ memberRole: 'viewer', classification: 'OFFICIAL-SENSITIVE' })).right).toBeNull();
    expect(caseDecision(who('analyst'), kase({ memberRole: 'viewer', handlingCode: 'C' })).right).toBe('read');
    expect(caseDecision(who('admin'), kase({ needToKnow: true })).refused).toMatch(/need-to-know/);
    expect(caseDecision(who('analyst', true), kase({ needToKnow: true, memberRole: 'analyst' })).right).toBe('edit');
  });

  it('gives a chart to its owner, the team while shared with nobody, and only those it is shared with after', () => {
    const owner = { ...who('analyst'), id: 'u-owner' };
    expect(chartRight(owner, chart())).toBe('own');
    expect(chartRight(who('viewer'), chart())).toBe('read');
    expect(chartRight(who('analyst'), chart())).toBe('read');
    expect(chartRight(who('partner'), chart())).toBeNull();
    const shared = chart({ userShares: [{ principalId: 'u-analyst', mode: 'edit' }] });
    expect(chartRight(who('analyst'), shared)).toBe('edit');
    expect(chartRight(who('viewer'), shared)).toBeNull();
    expect(chartRight(who('admin'), shared)).toBe('own');
    // A reader's role never edits, whatever the share says.
    expect(chartRight(who('viewer'), chart({ userShares: [{ principalId: 'u-viewer', mode: 'edit' }] }))).toBe('read');
  });

  it('gives a case share its mode for members the case lets in, read-only for its readers', () => {
    const inCase = (memberRole: CaseFacts['memberRole'], mode: 'read' | 'edit', o: Partial<CaseFacts> = {}) => chart({ caseShares: [{ mode, case: kase({ memberRole, ...o }) }] });
    expect(chartRight(who('analyst'), inCase('analyst', 'edit'))).toBe('edit');
    expect(chartRight(who('analyst'), inCase('analyst', 'read'))).toBe('read');
    expect(chartRight(who('analyst'), inCase('viewer', 'edit'))).toBe('read');
    expect(chartRight(who('analyst'), inCase(null, 'edit'))).toBeNull();
    expect(chartRight(who('partner'), inCase('viewer', 'edit'))).toBe('read');
    expect(chartRight(who('partner'), inCase('viewer', 'edit', { handlingCode: 'C' }))).toBeNull();
  });

  it('keeps charts saved before owners the team\'s, and says why a save or an open is refused', () => {
    expect(chartRight(who('analyst'), chart({ ownerId: null }))).toBe('edit');
    expect(chartRight(who('partner'), chart({ ownerId: null, sharedWithPartners: true }))).toBe('read');
    expect(() => requireChart(who('analyst'), 'C1', 'read', 'edit')).toThrow(/shared with you read-only/);
    expect(() => requireChart(who('analyst'), 'C1', 'edit', 'own')).toThrow(/Only the owner/);
    expect(() => requireCase(who('analyst'), kase({ memberRole: 'viewer' }), 'edit')).toThrow(/you may only read/);
    expect(READ_ONLY_MUTATIONS.has('chartPresence')).toBe(true);
  });
});
