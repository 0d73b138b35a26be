/**
 * Users, API tokens and sessions in Neo4j (cypher/queries/auth/), through the unscoped gateway.
 */
import type { Gateway, Row } from '../../db/gateway.ts';

export interface UserRow {
  id: string;
  username: string;
  role: string;
  needToKnow: boolean;
  createdAt: string;
  disabled: boolean;
  passwordHash?: string;
}

export interface TokenRow {
  id: string;
  name: string;
  role: string;
  needToKnow: boolean;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const user = (r: Row | undefined) => (r?.user ?? undefined) as UserRow | undefined;
const token = (r: Row | undefined) => (r?.token ?? undefined) as TokenRow | undefined;

export async function createUser(gw: Gateway, u: { id: string; username: string; passwordHash: string; role: string; needToKnow: boolean }): Promise<UserRow> {
  return user((await gw.write('auth/create-user', u))[0])!;
}

export async function userByUsername(gw: Gateway, username: string): Promise<UserRow | undefined> {
  return user((await gw.read('auth/user-by-username', { username }))[0]);
}

export async function users(gw: Gateway): Promise<UserRow[]> {
  return (await gw.read('auth/users')).map((r) => r.user as UserRow);
}

export async function setUser(
  gw: Gateway,
  u: { id: string; role: string | null; needToKnow: boolean | null; disabled: boolean | null; passwordHash: string | null },
): Promise<UserRow | undefined> {
  return user((await gw.write('auth/set-user', u))[0]);
}

export async function countAdmins(gw: Gateway): Promise<number> {
  return Number((await gw.read('auth/count-admins'))[0]?.admins ?? 0);
}

export async function createToken(
  gw: Gateway,
  t: { id: string; name: string; role: string; needToKnow: boolean; tokenHash: string; createdBy: string | null },
): Promise<TokenRow> {
  return token((await gw.write('auth/create-token', t))[0])!;
}

export async function tokenByHash(gw: Gateway, tokenHash: string): Promise<Pick<TokenRow, 'id' | 'name' | 'role' | 'needToKnow'> | undefined> {
  return token((await gw.read('auth/token-by-hash', { tokenHash }))[0]);
}

export async function tokens(gw: Gateway): Promise<TokenRow[]> {
  return (await gw.read('auth/tokens')).map((r) => r.token as TokenRow);
}

export async function revokeToken(gw: Gateway, idOrName: string): Promise<TokenRow[]> {
  return (await gw.write('auth/revoke-token', { idOrName })).map((r) => r.token as TokenRow);
}

export async function touchToken(gw: Gateway, id: string): Promise<void> {
  await gw.write('auth/touch-token', { id });
}

/** Records an identity-provider user as seen (so that it can be made a case member by its name). */
export async function recordIdentity(gw: Gateway, p: { id: string; name: string; role: string; needToKnow: boolean }): Promise<void> {
  await gw.write('auth/record-identity', p);
}

export async function createSession(gw: Gateway, s: { userId: string; tokenHash: string; csrfToken: string; ttlSeconds: number }): Promise<{ csrfToken: string; expiresAt: string } | undefined> {
  const [r] = await gw.write('auth/create-session', s);
  return r ? { csrfToken: String(r.csrfToken), expiresAt: String(r.expiresAt) } : undefined;
}

export async function sessionByHash(gw: Gateway, tokenHash: string): Promise<{ user: UserRow; csrfToken: string } | undefined> {
  const [r] = await gw.read('auth/session-by-hash', { tokenHash });
  return r ? { user: r.user as UserRow, csrfToken: String(r.csrfToken) } : undefined;
}

export async function deleteSession(gw: Gateway, tokenHash: string): Promise<void> {
  await gw.write('auth/delete-session', { tokenHash });
}
