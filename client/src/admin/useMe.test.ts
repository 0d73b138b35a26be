import { describe, expect, it } from 'vitest';
import { may, type Me } from './useMe.ts';

describe('may: the workspace asks the capabilities the server listed, not the role', () => {
  const analyst: Me = { name: 'a', role: 'analyst', needToKnow: true, capabilities: ['read', 'readUnshareable', 'write', 'unmask'] };

  it('answers from me.capabilities', () => {
    expect(may(analyst, 'unmask')).toBe(true);
    expect(may(analyst, 'administer')).toBe(false);
    // The role alone grants nothing the server did not list.
    expect(may({ ...analyst, role: 'admin', capabilities: ['read'] }, 'write')).toBe(false);
  });

  it('allows nothing while the caller is not known', () => {
    expect(may(null, 'read')).toBe(false);
    expect(may(undefined, 'write')).toBe(false);
  });
});
