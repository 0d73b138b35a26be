/**
 * Sign-in and the principal behind a request: local accounts (argon2id password hashes), sessions
 * held in Neo4j and carried by an HttpOnly cookie (with a per-session CSRF token), API tokens for
 * tools (only a SHA-256 of the secret is stored), and JWTs from an identity provider (auth.oidc.ts).
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import type { Gateway } from '../../db/gateway.ts';
import type { Logger } from '../../config/logger.ts';
import { badInput, conflict, notFound } from '../../errors.ts';
import type { Context } from '../../graphql/context.ts';
import { capabilities, isRole, requireCan, roleMay, ROLES, type Principal, type Role } from '../access/index.ts';
import * as repo from './auth.repository.ts';
import type { JwtVerifier } from './auth.oidc.ts';

export const SESSION_COOKIE = 'lantern_session';
export const CSRF_HEADER = 'x-csrf-token';
const TOKEN_PREFIX = 'lt_';

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const secret = (): string => randomBytes(32).toString('base64url');

// Decided by the access module; re-exported for older imports.
export { isRole };

export function roleArg(argument: string, r: unknown): Role {
  if (!isRole(r)) throw badInput(argument, `must be one of ${ROLES.join(', ')}.`);
  return r;
}

/** A password for the first admin: 20 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
}

export const hashPassword = (password: string): Promise<string> => hash(password);

// Verified against when the username is unknown, so that both cases take as long.
const DUMMY_HASH = hash('not a password of anyone');

/**
 * zxcvbn's strength estimate (Dropbox's estimator, maintained as @zxcvbn-ts), with its common
 * passwords, keyboard patterns and English words, all shipped in the packages: nothing is fetched.
 */
const strength = new ZxcvbnFactory({
  graphs: zxcvbnCommon.adjacencyGraphs,
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  translations: zxcvbnEn.translations,
});

/**
 * The lowest zxcvbn score a password may have: 3 of 0-4, "safely unguessable" (about 10^8 guesses
 * or more), which refuses common passwords with digits added, keyboard runs and repeats.
 */
export const MIN_PASSWORD_SCORE = 3;

/** 12 to 200 characters, and not guessable: the message says why, from zxcvbn's feedback. */
export function checkPassword(password: string, userInputs: string[] = []): void {
  if (password.length < 12 || password.length > 200) throw badInput('password', 'must be 12 to 200 characters.');
  const r = strength.check(password, userInputs);
  if (r.score < MIN_PASSWORD_SCORE) {
    const why = [r.feedback.warning, ...r.feedback.suggestions].filter(Boolean).join(' ');
    throw badInput('password', `is too easy to guess (strength ${r.score} of 4, at least ${MIN_PASSWORD_SCORE} needed). ${why || 'Use a few uncommon words.'}`.trim());
  }
}

export function checkUsername(username: string): void {
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(username)) throw badInput('username', 'must be 2 to 64 letters, digits or . _ @ -.');
}

export async function createUser(gw: Gateway, u: { username: string; password: string; role: Role; needToKnow?: boolean }): Promise<repo.UserRow> {
  checkUsername(u.username);
  checkPassword(u.password, [u.username]);
  if (await repo.userByUsername(gw, u.username)) throw conflict(`A user named ${u.username} already exists.`);
  return repo.createUser(gw, {
    id: `user-${randomUUID()}`,
    username: u.username,
    passwordHash: await hashPassword(u.password),
    role: u.role,
    needToKnow: u.needToKnow ?? false,
  });
}

export async function updateUser(
  gw: Gateway,
  u: { id: string; role?: Role | null; needToKnow?: boolean | null; disabled?: boolean | null; password?: string | null },
): Promise<repo.UserRow> {
  if (u.password) checkPassword(u.password, []);
  const row = await repo.setUser(gw, {
    id: u.id,
    role: u.role ?? null,
    needToKnow: u.needToKnow ?? null,
    disabled: u.disabled ?? null,
    passwordHash: u.password ? await hashPassword(u.password) : null,
  });
  // A disabled user's sessions end, and a new role applies, from the next request on.
  forgetCredentials();
  if (!row) throw notFound('user', u.id);
  return row;
}

/** Makes an API token; the secret is returned once and never stored. */
export async function createApiToken(
  gw: Gateway,
  t: { name: string; role: Role; needToKnow?: boolean; createdBy?: string | null },
): Promise<{ token: repo.TokenRow; secret: string }> {
  if (!/^[\w .@:-]{1,80}$/.test(t.name)) throw badInput('name', 'must be 1 to 80 letters, digits, spaces or . _ @ : -.');
  const value = `${TOKEN_PREFIX}${secret()}`;
  const token = await repo.createToken(gw, {
    id: `token-${randomUUID()}`,
    name: t.name,
    role: t.role,
    needToKnow: t.needToKnow ?? false,
    tokenHash: sha256(value),
    createdBy: t.createdBy ?? null,
  });
  return { token, secret: value };
}

export async function revokeApiToken(gw: Gateway, idOrName: string): Promise<repo.TokenRow[]> {
  const revoked = await repo.revokeToken(gw, idOrName);
  forgetCredentials();
  if (revoked.length === 0) throw notFound('API token', idOrName);
  return revoked;
}

/**
 * Makes the first admin when there is none: with LANTERN_ADMIN_PASSWORD, or a generated password
 * that `print` shows once. Several instances starting together: the username constraint lets one win.
 */
export async function ensureFirstAdmin(
  gw: Gateway,
  o: { username: string; password: string | undefined; print: (message: string) => void },
): Promise<void> {
  if ((await repo.countAdmins(gw)) > 0) return;
  const password = o.password ?? generatePassword();
  try {
    await createUser(gw, { username: o.username, password, role: 'admin', needToKnow: true });
  } catch (e) {
    const code = (e as { extensions?: { code?: string } }).extensions?.code;
    if (code === 'CONFLICT') return;
    if (code === 'BAD_USER_INPUT' && o.password) throw new Error(`LANTERN_ADMIN_PASSWORD: ${(e as Error).message}`);
    throw e;
  }
  o.print(
    o.password
      ? `Created the first admin, ${o.username}, with the password from LANTERN_ADMIN_PASSWORD.`
      : `Created the first admin.\n\n  username: ${o.username}\n  password: ${password}\n\n` +
          '  This password is shown once. Sign in at the workspace and keep it safe; admins can add users there.\n',
  );
}

export interface RequestCredentials {
  authorization: string | undefined;
  sessionCookie: string | undefined;
  csrfHeader: string | undefined;
}

export type Authentication =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'missing' | 'invalid' | 'csrf' };

export interface SignIn {
  /** The session cookie's value. */
  session: string;
  csrfToken: string;
  expiresAt: string;
  user: { id: string; username: string; role: Role; needToKnow: boolean };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Credentials verified in the last few seconds (by the SHA-256 of the secret, never the secret):
 * the principal, so that a busy tool's every request does not cost a read of its token or
 * session. Only verified credentials are kept. Revoking a token, signing out or changing a user
 * through this process empties it at once; done elsewhere (another instance, the CLI), it takes
 * effect here within VERIFIED_TTL_MS. docs/security.md states the trade-off.
 */
export const VERIFIED_TTL_MS = 5_000;
const VERIFIED_MAX = 10_000;
const verified = new Map<string, { principal: Principal; csrfToken: string | undefined; until: number }>();
/**
 * Look-ups in flight, by the same key: requests that arrive while a credential is being read share
 * that read. When a busy tool's remembered principal expires, every request it has in flight
 * missed at once and each read the token (under load, dozens of reads queued for a connection).
 */
const pending = new Map<string, Promise<unknown>>();
/** Moves on at every forgetCredentials(): a look-up that started before is not remembered. */
let generation = 0;

/** Empties the cache of verified credentials (after a revocation, sign-out or user change). */
export function forgetCredentials(): void {
  verified.clear();
  pending.clear();
  generation += 1;
}

/** `lookUp`'s answer, shared with the requests that ask for the same key while it runs. */
function once<T>(key: string, lookUp: (fresh: () => boolean) => Promise<T>): Promise<T> {
  let p = pending.get(key) as Promise<T> | undefined;
  if (!p) {
    const started = generation;
    const q: Promise<T> = lookUp(() => generation === started).finally(() => {
      if (pending.get(key) === q) pending.delete(key);
    });
    pending.set(key, q);
    p = q;
  }
  return p;
}

function remembered(key: string): { principal: Principal; csrfToken: string | undefined } | undefined {
  const hit = verified.get(key);
  if (!hit) return undefined;
  if (hit.until > Date.now()) return hit;
  verified.delete(key);
  return undefined;
}

function remember(key: string, principal: Principal, csrfToken?: string): void {
  if (verified.size >= VERIFIED_MAX) verified.clear();
  verified.set(key, { principal, csrfToken, until: Date.now() + VERIFIED_TTL_MS });
}

export class Authenticator {
  private readonly touched = new Map<string, number>();
  /** Identity-provider users recorded, and when (so at most once every few minutes each). */
  private readonly identities = new Map<string, { at: number; name: string; role: string; needToKnow: boolean }>();

  constructor(
    private readonly o: { gateway: Gateway; sessionHours: number; jwt: JwtVerifier | undefined; log: Logger },
  ) {}

  /** Checks a username and password; a session on success, undefined otherwise (same time either way). */
  async signIn(username: string, password: string): Promise<SignIn | undefined> {
    const user = username.length <= 64 && password.length <= 200 ? await repo.userByUsername(this.o.gateway, username) : undefined;
    const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
    if (!user || !ok || user.disabled || !isRole(user.role)) return undefined;
    const session = secret();
    const created = await repo.createSession(this.o.gateway, {
      userId: user.id,
      tokenHash: sha256(session),
      csrfToken: secret(),
      ttlSeconds: Math.round(this.o.sessionHours * 3600),
    });
    if (!created) return undefined;
    return { session, ...created, user: { id: user.id, username: user.username, role: user.role, needToKnow: user.needToKnow === true } };
  }

  async signOut(session: string): Promise<void> {
    await repo.deleteSession(this.o.gateway, sha256(session));
    forgetCredentials();
  }

  /** The session behind a cookie, with its CSRF token (for GET /auth/session). */
  async session(cookie: string): Promise<{ principal: Principal; csrfToken: string } | undefined> {
    const key = `s:${sha256(cookie)}`;
    const hit = remembered(key);
    if (hit?.csrfToken !== undefined) return { principal: hit.principal, csrfToken: hit.csrfToken };
    return once(key, async (fresh) => {
      const found = await repo.sessionByHash(this.o.gateway, sha256(cookie));
      if (!found || !isRole(found.user.role)) return undefined;
      const u = found.user;
      const principal: Principal = { id: u.id, name: u.username, role: u.role as Role, needToKnow: u.needToKnow === true, via: 'session' };
      if (fresh()) remember(key, principal, found.csrfToken);
      return { principal, csrfToken: found.csrfToken };
    });
  }

  /**
   * The principal behind a request. A bearer credential wins over a cookie. Cookie-authenticated
   * requests must echo the session's CSRF token in X-CSRF-Token (a cross-site form cannot).
   */
  async authenticate(c: RequestCredentials): Promise<Authentication> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.authorization ?? '')?.[1];
    if (bearer) {
      if (bearer.startsWith(TOKEN_PREFIX)) {
        const tokenHash = sha256(bearer);
        const hit = remembered(`t:${tokenHash}`);
        if (hit) {
          this.touch(hit.principal.id);
          return { ok: true, principal: hit.principal };
        }
        return once(`t:${tokenHash}`, async (fresh): Promise<Authentication> => {
          const t = await repo.tokenByHash(this.o.gateway, tokenHash);
          if (!t || !isRole(t.role)) return { ok: false, reason: 'invalid' };
          this.touch(t.id);
          const principal: Principal = { id: t.id, name: `token:${t.name}`, role: t.role, needToKnow: t.needToKnow === true, via: 'token' };
          if (fresh()) remember(`t:${tokenHash}`, principal);
          return { ok: true, principal };
        });
      }
      if (this.o.jwt && bearer.split('.').length === 3) {
        const p = await this.o.jwt(bearer);
        if (p) await this.recordIdentity(p);
        return p ? { ok: true, principal: p } : { ok: false, reason: 'invalid' };
      }
      return { ok: false, reason: 'invalid' };
    }
    if (c.sessionCookie) {
      const s = await this.session(c.sessionCookie);
      if (!s) return { ok: false, reason: 'invalid' };
      if (!c.csrfHeader || !sameText(c.csrfHeader, s.csrfToken)) return { ok: false, reason: 'csrf' };
      return { ok: true, principal: s.principal };
    }
    return { ok: false, reason: 'missing' };
  }

  /**
   * The principal behind credentials verified in the last few seconds, without a look-up; undefined
   * when they would need one. Lets a known caller in while its address is over the limit of failed
   * credentials (someone else behind the same NAT guessing).
   */
  known(c: RequestCredentials): Principal | undefined {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.authorization ?? '')?.[1];
    if (bearer) return bearer.startsWith(TOKEN_PREFIX) ? remembered(`t:${sha256(bearer)}`)?.principal : undefined;
    if (!c.sessionCookie || !c.csrfHeader) return undefined;
    const hit = remembered(`s:${sha256(c.sessionCookie)}`);
    return hit?.csrfToken !== undefined && sameText(c.csrfHeader, hit.csrfToken) ? hit.principal : undefined;
  }

  /**
   * Looks up an API token and a session that do not exist, as every request's credentials are
   * looked up: the warm-up after a start runs it, so that those statements are planned before the
   * first caller signs in. Nothing is cached or recorded for a credential that is not found.
   */
  async lookUpNothing(): Promise<void> {
    await Promise.all([
      this.authenticate({ authorization: `Bearer ${TOKEN_PREFIX}${secret()}`, sessionCookie: undefined, csrfHeader: undefined }),
      this.session(secret()),
    ]);
  }

  /** Records a token's last use, at most once a minute per token and instance. */
  /**
   * Records a verified identity-provider user (decision 0041), so that a case's lead can make them
   * a member by the name their token maps to (`jwt:NAME`). Awaited when first seen or changed, so
   * that they can be added as soon as they have signed in; refreshed every 10 minutes. A failure
   * to record is logged, not a refusal.
   */
  private async recordIdentity(p: Principal): Promise<void> {
    const now = Date.now();
    const last = this.identities.get(p.id);
    if (last && last.at > now - 600_000 && last.name === p.name && last.role === p.role && last.needToKnow === p.needToKnow) return;
    this.identities.set(p.id, { at: now, name: p.name, role: p.role, needToKnow: p.needToKnow });
    if (this.identities.size > 10_000) this.identities.delete(this.identities.keys().next().value!);
    await repo.recordIdentity(this.o.gateway, { id: p.id, name: p.name, role: p.role, needToKnow: p.needToKnow }).catch((e: unknown) => {
      this.identities.delete(p.id);
      this.o.log.warn({ err: e }, 'Could not record an identity-provider user as seen');
    });
  }

  private touch(id: string): void {
    const now = Date.now();
    if ((this.touched.get(id) ?? 0) > now - 60_000) return;
    this.touched.set(id, now);
    repo.touchToken(this.o.gateway, id).catch((e: unknown) => this.o.log.warn({ err: e }, 'Could not record a token\'s last use'));
  }
}

// ---- The GraphQL side: the caller, and admin work on users and tokens. ----

export function me(ctx: Context) {
  const p = ctx.principal;
  return { id: p.id, name: p.name, role: p.role, needToKnow: p.needToKnow, via: p.via, unmasked: ctx.unmaskReason !== null, capabilities: capabilities(p) };
}

export async function listUsers(ctx: Context) {
  requireCan(ctx.principal, 'administer');
  return (await repo.users(ctx.services.system)).map(userOut);
}

export async function listTokens(ctx: Context) {
  requireCan(ctx.principal, 'administer');
  return (await repo.tokens(ctx.services.system)).map(tokenOut);
}

export async function addUser(ctx: Context, input: { username: string; password: string; role: string; needToKnow?: boolean | null }) {
  requireCan(ctx.principal, 'administer');
  return userOut(await createUser(ctx.services.system, { ...input, role: roleArg('input.role', input.role), needToKnow: input.needToKnow ?? false }));
}

export async function changeUser(
  ctx: Context,
  id: string,
  input: { role?: string | null; needToKnow?: boolean | null; disabled?: boolean | null; password?: string | null },
) {
  requireCan(ctx.principal, 'administer');
  if (id === ctx.principal.id && (input.disabled === true || (input.role && !(isRole(input.role) && roleMay(input.role, 'administer'))))) {
    throw badInput('id', 'you cannot disable yourself or give up your own admin role; ask another admin.');
  }
  return userOut(await updateUser(ctx.services.system, { id, ...input, role: input.role ? roleArg('input.role', input.role) : null }));
}

export async function addToken(ctx: Context, name: string, role: string, needToKnow: boolean | null | undefined) {
  requireCan(ctx.principal, 'administer');
  const t = await createApiToken(ctx.services.system, { name, role: roleArg('role', role), needToKnow: needToKnow ?? false, createdBy: ctx.principal.name });
  return { token: tokenOut(t.token), secret: t.secret };
}

export async function removeToken(ctx: Context, idOrName: string) {
  requireCan(ctx.principal, 'administer');
  return (await revokeApiToken(ctx.services.system, idOrName)).map(tokenOut);
}

function userOut(u: repo.UserRow) {
  return { id: u.id, username: u.username, role: u.role as Role, needToKnow: u.needToKnow === true, createdAt: String(u.createdAt), disabled: u.disabled === true };
}

function tokenOut(t: repo.TokenRow) {
  return { ...t, role: t.role as Role, needToKnow: t.needToKnow === true };
}
