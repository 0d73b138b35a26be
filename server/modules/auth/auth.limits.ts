/**
 * The front door's limits, held in this instance's memory (docs/security.md says what that means
 * with several instances):
 * - AddressGuard: credentials that fail, per client address. Once an address has had
 *   `failuresPerMinute` refusals (401, or 403 for a cookie without its CSRF token) in the current
 *   minute, its requests are answered 429 before any credential is looked up; look-ups still
 *   running from the address count against the same allowance, so a burst sent all at once is cut
 *   off too.
 * - AccountLockout: wrong passwords per username, whatever address they come from. After
 *   `lockAfter` failures in a row the username is locked for a minute, then 2, 4, ... up to
 *   `maxLockMinutes`; attempts while locked are refused unchecked and do not lengthen the lock.
 * - Refusals: 401, 403 and 429 answers counted per address and reason, and written to the audit
 *   log as one entry per address and reason a minute (not one per attempt), and logged at info.
 * - PrincipalRate: GraphQL requests per minute per principal, the count /graphql's rate limiter
 *   keeps, which subscriptions started over WebSocket take from too.
 * - OpenCount: things held open (WebSocket connections) per principal or address, each at most N.
 */
import type http from 'node:http';
import { ipKeyGenerator, MemoryStore, type Options } from 'express-rate-limit';
import type { Express, Request } from 'express';
import type { Logger } from '../../config/logger.ts';
import type { AuditLog } from '../audit/index.ts';

/** The key of a request's address: IPv6 addresses are grouped by /56, as one host usually has many. */
export const addressOf = (req: Request): string => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

/**
 * The address key of a WebSocket upgrade request, as `addressOf` gives a request's: through the
 * app's request prototype, so that X-Forwarded-For is believed from the same proxies only.
 */
export const upgradeAddressOf = (app: Express) => (raw: http.IncomingMessage): string =>
  addressOf(Object.create(app.request, { headers: { value: raw.headers }, socket: { value: raw.socket } }) as Request);

export class AddressGuard {
  private readonly failures = new MemoryStore();
  private readonly pending = new Map<string, number>();

  constructor(readonly failuresPerMinute: number) {
    this.failures.init({ windowMs: 60_000 } as Options);
  }

  /**
   * Before a look-up: undefined when the address may try, or the seconds until it may. The
   * look-up is counted as pending until `settle` is called with its outcome.
   */
  async admit(address: string): Promise<number | undefined> {
    const f = await this.failures.get(address);
    const used = (f?.totalHits ?? 0) + (this.pending.get(address) ?? 0);
    if (used >= this.failuresPerMinute) return retryAfter(f?.resetTime);
    this.pending.set(address, (this.pending.get(address) ?? 0) + 1);
    return undefined;
  }

  /** After the look-up admitted by `admit`: a refusal counts against the address. */
  async settle(address: string, refused: boolean): Promise<void> {
    const n = (this.pending.get(address) ?? 1) - 1;
    if (n > 0) this.pending.set(address, n);
    else this.pending.delete(address);
    if (refused) await this.failures.increment(address);
  }

  close(): void {
    this.failures.shutdown();
  }
}

/**
 * GraphQL requests per minute per principal (LANTERN_RATE_LIMIT): the store behind /graphql's
 * limiter (perPrincipalRateLimit), which subscriptions started over WebSocket count against too,
 * so that a client cannot go round the limit by subscribing instead of asking.
 */
export class PrincipalRate {
  readonly store = new MemoryStore();

  constructor(readonly perMinute: number) {
    this.store.init({ windowMs: 60_000 } as Options);
  }

  /** One more request by `principalId`: undefined when within the limit, or the seconds until it may. */
  async take(principalId: string): Promise<number | undefined> {
    const hits = await this.store.increment(principalId);
    return hits.totalHits > this.perMinute ? retryAfter(hits.resetTime) : undefined;
  }

  close(): void {
    this.store.shutdown();
  }
}

/** Things held open (WebSocket connections), counted per key (a principal, an address), each at most `max`. */
export class OpenCount {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Counts one more for `key`, or false (counting nothing) when it has `max` open already. */
  take(key: string): boolean {
    const n = this.open.get(key) ?? 0;
    if (n >= this.max) return false;
    this.open.set(key, n + 1);
    return true;
  }

  /** One that `take` counted was closed. */
  give(key: string): void {
    const n = (this.open.get(key) ?? 1) - 1;
    if (n > 0) this.open.set(key, n);
    else this.open.delete(key);
  }
}

function retryAfter(resetTime: Date | undefined): number {
  return Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000));
}

interface AccountState {
  /** Wrong passwords in a row since the last success or lock. */
  failures: number;
  /** Locks so far (each one twice as long as the one before, up to the cap). */
  locks: number;
  lockedUntil: number;
  lastSeen: number;
}

/** Usernames tracked at most; past it the oldest are forgotten (an attacker inventing names cannot grow memory). */
const ACCOUNTS_MAX = 50_000;

export class AccountLockout {
  private readonly accounts = new Map<string, AccountState>();

  constructor(
    readonly o: { lockAfter: number; maxLockMinutes: number; now?: () => number },
  ) {}

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  /** Seconds until `username` may try again, or undefined if it may now. */
  locked(username: string): number | undefined {
    const s = this.accounts.get(username);
    const now = this.now();
    if (!s || s.lockedUntil <= now) return undefined;
    return Math.ceil((s.lockedUntil - now) / 1000);
  }

  /** A wrong password (or unknown user): may lock the username. Returns the lock's seconds if it did. */
  failed(username: string): number | undefined {
    const now = this.now();
    const s = this.accounts.get(username) ?? { failures: 0, locks: 0, lockedUntil: 0, lastSeen: now };
    // A username quiet for longer than the longest lock starts afresh.
    if (now - s.lastSeen > this.o.maxLockMinutes * 60_000 * 2) Object.assign(s, { failures: 0, locks: 0 });
    s.failures += 1;
    s.lastSeen = now;
    let lockedFor: number | undefined;
    if (s.failures >= this.o.lockAfter) {
      const minutes = Math.min(this.o.maxLockMinutes, 2 ** s.locks);
      s.lockedUntil = now + minutes * 60_000;
      s.locks += 1;
      s.failures = 0;
      lockedFor = minutes * 60;
    }
    this.accounts.delete(username);
    this.accounts.set(username, s);
    if (this.accounts.size > ACCOUNTS_MAX) this.accounts.delete(this.accounts.keys().next().value!);
    return lockedFor;
  }

  /** A correct password: the username's count starts again. */
  succeeded(username: string): void {
    this.accounts.delete(username);
  }
}

export type RefusalReason = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED';

/**
 * Refused requests, counted per address and reason and written once a minute: one audit entry
 * (kind `refused`, actor `anonymous`, outcome the reason, variables `{address, count, paths, from,
 * to}`) and one info log line per address and reason, however many attempts there were.
 */
const ADDRESSES_MAX = 1000;

export class Refusals {
  private counts = new Map<string, { address: string; reason: RefusalReason; count: number; paths: Set<string>; from: string; to: string }>();
  private readonly timer: NodeJS.Timeout;
  /** Every refusal counted since start, by reason (for tests and logs). */
  readonly total: Record<RefusalReason, number> = { UNAUTHENTICATED: 0, FORBIDDEN: 0, RATE_LIMITED: 0 };

  constructor(private readonly o: { audit?: AuditLog | undefined; log: Logger; flushMs?: number }) {
    this.timer = setInterval(() => void this.flush(), o.flushMs ?? 60_000);
    this.timer.unref();
  }

  count(address: string, reason: RefusalReason, path: string): void {
    // Past ADDRESSES_MAX addresses in a minute (someone rotating through a large IPv6 range), the
    // rest are counted together, so the audit log gets at most that many entries a minute.
    if (this.counts.size >= ADDRESSES_MAX && !this.counts.has(`${address}\n${reason}`)) address = 'other addresses';
    const key = `${address}\n${reason}`;
    const at = new Date().toISOString();
    const c = this.counts.get(key) ?? { address, reason, count: 0, paths: new Set<string>(), from: at, to: at };
    c.count += 1;
    c.to = at;
    if (c.paths.size < 10) c.paths.add(path.split('?')[0]!.slice(0, 100));
    this.counts.set(key, c);
    this.total[reason] += 1;
  }

  /** Writes what was counted since the last flush; resolves once the audit records are durable. */
  async flush(): Promise<void> {
    const counts = this.counts;
    this.counts = new Map();
    const written: (Promise<void> | undefined)[] = [];
    for (const c of counts.values()) {
      const summary = { address: c.address, count: c.count, paths: [...c.paths], from: c.from, to: c.to };
      this.o.log.info({ refused: c.reason, ...summary }, `Refused ${c.count} request(s) from ${c.address} (${c.reason})`);
      written.push(this.o.audit?.record({
        at: c.to,
        actor: 'anonymous',
        role: '',
        kind: 'refused',
        operation: c.reason === 'RATE_LIMITED' ? 'rate limited' : c.reason === 'FORBIDDEN' ? 'forbidden' : 'unauthenticated',
        variables: JSON.stringify(summary),
        purpose: '',
        recordCount: 0,
        recordIds: [],
        requestId: '',
        outcome: c.reason,
      }));
    }
    await Promise.all(written);
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return this.flush();
  }
}
