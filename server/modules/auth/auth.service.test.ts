import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import type { Gateway, Params, Row } from '../../db/gateway.ts';
import { principalFromClaims } from './auth.oidc.ts';
import { Authenticator, checkPassword, createApiToken, ensureFirstAdmin, forgetCredentials, generatePassword, sha256 } from './auth.service.ts';

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

describe('API token look-ups', () => {
  /** A gateway holding one token; each read waits for `release` and is counted. */
  function tokenGateway(secret: string) {
    const o = { reads: 0, revoked: false, release: () => {} };
    const gate = new Promise<void>((r) => (o.release = r));
    const gw = {
      read: async (name: string, params: Params = {}): Promise<Row[]> => {
        if (name !== 'auth/token-by-hash') return [];
        o.reads += 1;
        // What the database holds when the read starts.
        const valid = params.tokenHash === sha256(secret) && !o.revoked;
        await gate;
        return valid ? [{ token: { id: 'token-1', name: 'tool', role: 'analyst', needToKnow: false } }] : [];
      },
      write: async (): Promise<Row[]> => [],
    };
    return { gw: gw as unknown as Gateway, o };
  }
  const log = { warn: () => {}, info: () => {}, error: () => {} } as never;
  const request = (secret: string) => ({ authorization: `Bearer ${secret}`, sessionCookie: undefined, csrfHeader: undefined });

  it('reads a token once for the requests that arrive while it is being read, and once more after it is forgotten', async () => {
    forgetCredentials();
    const secret = `lt_shared-${Date.now()}`;
    const { gw, o } = tokenGateway(secret);
    const auth = new Authenticator({ gateway: gw, sessionHours: 1, jwt: undefined, log });
    const answers = Array.from({ length: 20 }, () => auth.authenticate(request(secret)));
    o.release();
    expect((await Promise.all(answers)).every((a) => a.ok)).toBe(true);
    expect(o.reads).toBe(1);
    forgetCredentials();
    o.revoked = true;
    expect(await auth.authenticate(request(secret))).toEqual({ ok: false, reason: 'invalid' });
    expect(o.reads).toBe(2);
  });

  it('does not remember a principal read before the credentials were forgotten (a revocation meanwhile)', async () => {
    forgetCredentials();
    const secret = `lt_race-${Date.now()}`;
    const { gw, o } = tokenGateway(secret);
    const auth = new Authenticator({ gateway: gw, sessionHours: 1, jwt: undefined, log });
    const before = auth.authenticate(request(secret));
    forgetCredentials();
    o.revoked = true;
    // A request after the revocation does not join the read that started before it.
    const after = auth.authenticate(request(secret));
    o.release();
    expect((await before).ok).toBe(true);
    expect(await after).toEqual({ ok: false, reason: 'invalid' });
    expect(auth.known(request(secret))).toBeUndefined();
  });
});
