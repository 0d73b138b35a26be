import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import type { Gateway, Params, Row } from '../../db/gateway.ts';
import { principalFromClaims } from './auth.oidc.ts';
import { checkPassword, createApiToken, ensureFirstAdmin, generatePassword, sha256 } from './auth.service.ts';

/** A gateway that answers by query name and remembers what it was asked to write. */
function fakeGateway(o: { admins: number }) {
  const writes: { name: string; params: Params }[] = [];
  const gw = {
    read: async (name: string): Promise<Row[]> => (name === 'auth/count-admins' ? [{ admins: o.admins }] : []),
    write: async (name: string, params: Params = {}): Promise<Row[]> => {
      writes.push({ name, params });
      if (name === 'auth/create-user') return [{ user: { id: params.id, username: params.username, role: params.role } }];
      if (name === 'auth/create-token') return [{ token: { id: params.id, name: params.name, role: params.role } }];
      return [];
    },
  };
  return { gw: gw as unknown as Gateway, writes };
}

describe('the first admin', () => {
  it('is made on first start with a generated password, printed once, stored only as an argon2 hash', async () => {
    const { gw, writes } = fakeGateway({ admins: 0 });
    const printed: string[] = [];
    await ensureFirstAdmin(gw, { username: 'admin', password: undefined, print: (m) => printed.push(m) });
    expect(printed).toHaveLength(1);
    const password = /password: (\S+)/.exec(printed[0]!)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const created = writes.find((w) => w.name === 'auth/create-user')!;
    expect(created.params).toMatchObject({ username: 'admin', role: 'admin', needToKnow: true });
    expect(JSON.stringify(created.params)).not.toContain(password);
    expect(await verify(String(created.params.passwordHash), password!)).toBe(true);
  });

  it('takes LANTERN_ADMIN_PASSWORD without printing it', async () => {
    const { gw } = fakeGateway({ admins: 0 });
    const printed: string[] = [];
    await ensureFirstAdmin(gw, { username: 'admin', password: 'from the environment', print: (m) => printed.push(m) });
    expect(printed.join('')).not.toContain('from the environment');
    expect(printed.join('')).toContain('LANTERN_ADMIN_PASSWORD');
  });

  it('is not made again once there is an admin', async () => {
    const { gw, writes } = fakeGateway({ admins: 1 });
    const printed: string[] = [];
    await ensureFirstAdmin(gw, { username: 'admin', password: undefined, print: (m) => printed.push(m) });
    expect(printed).toEqual([]);
    expect(writes).toEqual([]);
  });
});

describe('API tokens', () => {
  it('keep only the SHA-256 of the secret, which is shown once', async () => {
    const { gw, writes } = fakeGateway({ admins: 1 });
    const { secret } = await createApiToken(gw, { name: 'dashboards', role: 'viewer' });
    const stored = writes[0]!.params;
    expect(stored.tokenHash).toBe(sha256(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
  });
});

describe('roles from identity-provider claims', () => {
  const o = { roleClaim: 'lantern_roles', nameClaim: 'preferred_username' };
  it('takes the most privileged Lantern role named, and need-to-know', () => {
    expect(principalFromClaims({ sub: 's', lantern_roles: ['viewer', 'analyst', 'need-to-know'] }, o)).toMatchObject({ role: 'analyst', needToKnow: true, name: 's' });
    expect(principalFromClaims({ sub: 's', lantern_roles: 'partner', preferred_username: 'p.agency' }, o)).toMatchObject({ role: 'partner', needToKnow: false, name: 'p.agency' });
  });
  it('refuses tokens naming no Lantern role or no subject', () => {
    expect(principalFromClaims({ sub: 's', lantern_roles: ['superuser'] }, o)).toBeUndefined();
    expect(principalFromClaims({ lantern_roles: ['admin'] }, o)).toBeUndefined();
  });
});

describe('password strength', () => {
  it.each(['password1234', ' '.repeat(12), 'aaaaaaaaaaaa', 'qwertyuiop12', 'Password1234!'])('refuses %j, saying why', (p) => {
    expect(() => checkPassword(p)).toThrow(/^password: is too easy to guess \(strength [0-2] of 4/);
  });

  it('refuses a password made from the username', () => {
    expect(() => checkPassword('alicewonder12')).not.toThrow();
    expect(() => checkPassword('alicewonder12', ['alicewonder'])).toThrow(/too easy to guess/);
  });

  it('accepts generated passwords and a few uncommon words, and keeps the 12-character minimum', () => {
    for (let i = 0; i < 20; i++) expect(() => checkPassword(generatePassword())).not.toThrow();
    expect(() => checkPassword('tin kettle orbit marmalade')).not.toThrow();
    expect(() => checkPassword('Xq7#pL9!zR')).toThrow(/12 to 200 characters/);
  });
});
