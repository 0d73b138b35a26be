/**
 * The sign-in routes (/auth/sign-in, /auth/sign-out, /auth/session) and the middleware that puts
 * the caller's principal on every /graphql request, or answers 401.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Principal } from '../../graphql/context.ts';
import type { AuditLog } from '../audit/index.ts';
import { errorBody, type ErrorCode } from '../../errors.ts';
import { CSRF_HEADER, SESSION_COOKIE, type Authenticator, type RequestCredentials } from './auth.service.ts';
import { addressOf, type AccountLockout, type AddressGuard, type PrincipalRate, type Refusals } from './auth.limits.ts';

export interface AuthHttpOptions {
  authenticator: Authenticator;
  sessionHours: number;
  secureCookies: 'auto' | 'always' | 'never';
  /** Sign-in attempts per minute per client address. */
  signInPerMinute?: number;
  /** Where sign-ins (and refused attempts) and sign-outs are recorded. */
  audit?: AuditLog | undefined;
  /** Failed credentials per address (auth.limits.ts). */
  guard: AddressGuard;
  /** Wrong passwords per username. */
  lockout: AccountLockout;
  refusals: Refusals;
}

/** What the door needs: the credential checker, the per-address guard and the refusal counter. */
export interface Door {
  authenticator: Authenticator;
  guard: AddressGuard;
  refusals: Refusals;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function graphqlError(res: Response, status: number, code: ErrorCode | 'BAD_REQUEST', message: string): void {
  res.status(status).type('application/json').json(errorBody(code, message));
}

/** 429 with Retry-After, counted as a refusal. */
function tooMany(door: Pick<Door, 'refusals'>, req: Request, res: Response, seconds: number, message: string): void {
  door.refusals.count(addressOf(req), 'RATE_LIMITED', req.originalUrl);
  // express-rate-limit has set it already where it counted (seconds to the end of its window).
  const set = Number(res.getHeader('retry-after'));
  if (set > 0) seconds = set;
  else res.setHeader('retry-after', String(seconds));
  graphqlError(res, 429, 'RATE_LIMITED', `${message} Retry in ${seconds} s.`);
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}

/** What the door decided on a request's credentials: its principal, or the refusal to answer. */
export type Admission =
  | { ok: true; principal: Principal }
  | { ok: false; status: 401 | 403 | 429; code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED'; message: string; retryAfter?: number };

/**
 * The door, for every way in (POST /graphql, /snapshots, a WebSocket's connection_init):
 * credentials that need a look-up are admitted by the address guard first: an address that has
 * had too many refused this minute is refused (429) before they are looked up (unless they were
 * verified in the last few seconds). No credentials cost no look-up and are refused at once,
 * counted as refusals but not against the address. Throws when the look-up fails (Neo4j down).
 */
export async function admit(door: Door, address: string, credentials: RequestCredentials, path: string): Promise<Admission> {
  const { authenticator, guard, refusals } = door;
  const presented = Boolean(credentials.authorization || credentials.sessionCookie);
  if (presented) {
    const wait = await guard.admit(address);
    if (wait !== undefined) {
      const known = authenticator.known(credentials);
      if (known) return { ok: true, principal: known };
      refusals.count(address, 'RATE_LIMITED', path);
      return { ok: false, status: 429, code: 'RATE_LIMITED', message: `Too many requests with invalid credentials from this address. Retry in ${wait} s.`, retryAfter: wait };
    }
  }
  let refused = false;
  try {
    const a = await authenticator.authenticate(credentials);
    if (a.ok) return { ok: true, principal: a.principal };
    refused = true;
    refusals.count(address, a.reason === 'csrf' ? 'FORBIDDEN' : 'UNAUTHENTICATED', path);
    if (a.reason === 'csrf') return { ok: false, status: 403, code: 'FORBIDDEN', message: `Requests signed in by cookie must send the session's CSRF token in ${CSRF_HEADER} (GET /auth/session gives it).` };
    if (a.reason === 'invalid') return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'The credentials are not valid (expired or signed-out session, revoked token, or a JWT that does not verify). Sign in again.' };
    return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first: send a session cookie with its X-CSRF-Token, or Authorization: Bearer <token>.' };
  } finally {
    if (presented) await guard.settle(address, refused);
  }
}

/**
 * Puts the principal on res.locals, or answers 401 (no or bad credentials), 403 (cookie without
 * its CSRF token) or 429 (too many refused from the address), as the door (admit) decides.
 */
export function requireAuthentication(door: Door) {
  return async (req: Request, res: Response, next: NextFunction) => {
    let d: Admission;
    try {
      d = await admit(door, addressOf(req), {
        authorization: req.headers.authorization,
        sessionCookie: readCookie(req.headers.cookie, SESSION_COOKIE),
        csrfHeader: typeof req.headers[CSRF_HEADER] === 'string' ? req.headers[CSRF_HEADER] : undefined,
      }, req.originalUrl);
    } catch (e) {
      // Neo4j down or slow while checking credentials: say so in GraphQL's shape, not as a 500 page.
      const code = (e as { extensions?: { code?: unknown } }).extensions?.code;
      if (code === 'SERVICE_UNAVAILABLE' || code === 'TIMEOUT') {
        graphqlError(res, 503, code, (e as Error).message);
        return;
      }
      next(e);
      return;
    }
    if (d.ok) {
      res.locals.principal = d.principal;
      next();
      return;
    }
    if (d.retryAfter !== undefined) res.setHeader('retry-after', String(d.retryAfter));
    else res.setHeader('www-authenticate', 'Bearer realm="lantern"');
    graphqlError(res, d.status, d.code, d.message);
  };
}

/**
 * GraphQL requests per minute per principal (so one tool or user cannot starve the others); given
 * a PrincipalRate, its count, which subscriptions take from too.
 */
export function perPrincipalRateLimit(perMinute: number, refusals: Refusals, shared?: PrincipalRate) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    ...(shared ? { store: shared.store } : {}),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => principalOf(res).id,
    handler: (req, res) => {
      refusals.count(addressOf(req), 'RATE_LIMITED', req.originalUrl);
      graphqlError(res, 429, 'RATE_LIMITED', `More than ${perMinute} requests a minute; slow down and retry shortly.`);
    },
  });
}

/** Lets in a request whose session cookie costs a look-up, or answers 429 for its address (false). */
async function admitted(door: Pick<Door, 'guard' | 'refusals'>, req: Request, res: Response, address: string): Promise<boolean> {
  const wait = await door.guard.admit(address);
  if (wait === undefined) return true;
  tooMany(door, req, res, wait, 'Too many requests with invalid credentials from this address.');
  return false;
}

export function authRouter(o: AuthHttpOptions): Router {
  const router = express.Router();
  const record = (req: Request, operation: string, actor: string, role: string, outcome: string) =>
    o.audit?.record({
      at: new Date().toISOString(), actor, role, kind: 'auth', operation, variables: '{}', purpose: '',
      recordCount: 0, recordIds: [], requestId: String(req.id), outcome,
    });
  const cookie = (req: Request, value: string, maxAgeSeconds: number) =>
    [
      `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${maxAgeSeconds}`,
      ...(o.secureCookies === 'always' || (o.secureCookies === 'auto' && req.secure) ? ['Secure'] : []),
    ].join('; ');

  router.post(
    '/sign-in',
    rateLimit({
      windowMs: 60_000,
      limit: o.signInPerMinute ?? 20,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (req, res, _next, options) =>
        tooMany(o, req, res, Math.ceil(options.windowMs / 1000), 'Too many sign-in attempts from this address.'),
    }),
    express.json({ limit: '4kb' }),
    async (req, res, next) => {
      try {
        const body = (req.body ?? {}) as { username?: unknown; password?: unknown };
        if (typeof body.username !== 'string' || typeof body.password !== 'string') {
          graphqlError(res, 400, 'BAD_USER_INPUT', 'Send JSON {"username": "...", "password": "..."}.');
          return;
        }
        const username = body.username.slice(0, 64);
        // A locked username is refused unchecked, known or not, so the answer tells nothing.
        const locked = o.lockout.locked(username);
        if (locked !== undefined) {
          await record(req, 'sign-in', username, '', 'RATE_LIMITED');
          tooMany(o, req, res, locked, 'Too many wrong passwords for this username; it is locked for a while.');
          return;
        }
        const s = await o.authenticator.signIn(body.username, body.password);
        if (!s) {
          const lockedFor = o.lockout.failed(username);
          req.log.info({ username, ...(lockedFor ? { lockedForSeconds: lockedFor } : {}) }, 'Sign-in refused');
          await record(req, 'sign-in', username, '', 'UNAUTHENTICATED');
          o.refusals.count(addressOf(req), 'UNAUTHENTICATED', req.originalUrl);
          graphqlError(res, 401, 'UNAUTHENTICATED', 'Wrong username or password.');
          return;
        }
        o.lockout.succeeded(username);
        req.log.info({ user: s.user.username }, 'Signed in');
        await record(req, 'sign-in', s.user.username, s.user.role, 'ok');
        res.setHeader('set-cookie', cookie(req, s.session, Math.round(o.sessionHours * 3600)));
        res.setHeader('cache-control', 'no-store');
        res.json({ user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt });
      } catch (e) {
        next(e);
      }
    },
  );

  router.post('/sign-out', async (req, res, next) => {
    const address = addressOf(req);
    const session = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (session && !(await admitted(o, req, res, address))) return;
    let refused = false;
    try {
      if (session) {
        const who = await o.authenticator.session(session);
        // A cookie that is no session costs a look-up like a bad token, and counts as one.
        refused = !who;
        await o.authenticator.signOut(session);
        if (who) await record(req, 'sign-out', who.principal.name, who.principal.role, 'ok');
      }
      res.setHeader('set-cookie', cookie(req, '', 0));
      res.status(204).end();
    } catch (e) {
      next(e);
    } finally {
      if (session) await o.guard.settle(address, refused);
    }
  });

  router.get('/session', async (req, res, next) => {
    const address = addressOf(req);
    const session = readCookie(req.headers.cookie, SESSION_COOKIE);
    // Only a cookie costs a look-up; asking without one is how the workspace learns it must sign in.
    if (session && !(await admitted(o, req, res, address))) return;
    let refused = false;
    try {
      const s = session ? await o.authenticator.session(session) : undefined;
      res.setHeader('cache-control', 'no-store');
      if (!s) {
        refused = session !== undefined;
        if (refused) o.refusals.count(address, 'UNAUTHENTICATED', req.originalUrl);
        graphqlError(res, 401, 'UNAUTHENTICATED', 'Not signed in.');
        return;
      }
      const p = s.principal;
      res.json({ user: { id: p.id, username: p.name, role: p.role, needToKnow: p.needToKnow }, csrfToken: s.csrfToken });
    } catch (e) {
      next(e);
    } finally {
      if (session) await o.guard.settle(address, refused);
    }
  });
  return router;
}
