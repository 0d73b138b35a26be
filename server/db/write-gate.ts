/**
 * The write gate: every write transaction of this process passes through it, so that a backup
 * can hold writes back, wait for those under way to finish, and read a store that does not move
 * (Neo4j's read transactions are read-committed, not snapshots). Reads never wait on it.
 *
 * An HTTP request that writes holds the gate from its first write until its response has been
 * sent (`requestScope`), so that the audit record of an answered write is spooled before a backup
 * can start: a backup has either a write and its audit record, or neither (decision 0025).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

/** A request's claim on the gate: taken at its first write, given back when its response ends. */
interface Lease {
  /** Set at the request's first write: resolves once the gate is held for it. */
  taken: Promise<void> | undefined;
  /** The response has ended: later writes (work the request left running) pass one by one. */
  ended: boolean;
}

export class GateTimeout extends Error {
  override name = 'UserError';
}

export class WriteGate {
  private readonly requests = new AsyncLocalStorage<Lease>();
  private active = 0;
  private closed: Promise<void> | undefined;
  private open: (() => void) | undefined;
  private drained: (() => void) | undefined;

  /** How many writes (transactions or requests) are under way. */
  get writing(): number {
    return this.active;
  }

  /** Runs one write; waits first while a backup holds the gate. Inside a request that holds it already, runs at once. */
  async pass<T>(work: () => Promise<T>): Promise<T> {
    const lease = this.requests.getStore();
    if (lease && !lease.ended) {
      // Held until the request's response has been sent (requestScope gives it back).
      await (lease.taken ??= this.enter());
      return work();
    }
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  /**
   * Express middleware: a request's writes hold the gate until its response is finished or cut
   * off. Used again after a body parser (whose callback runs outside the request's async context),
   * it carries on the same request's lease.
   */
  requestScope(): RequestHandler {
    return (_req, res, next) => {
      const locals = res.locals as { writeLease?: Lease } | undefined;
      let lease = locals?.writeLease;
      if (!lease) {
        const made: Lease = { taken: undefined, ended: false };
        const done = () => {
          if (made.ended) return;
          made.ended = true;
          void made.taken?.then(() => this.leave());
        };
        res.once('finish', done);
        res.once('close', done);
        if (locals) locals.writeLease = made;
        lease = made;
      }
      this.requests.run(lease, next);
    };
  }

  /**
   * Closes the gate, waits until no write is under way (at most `drainMs`), runs `work` and opens
   * the gate again, whatever happens. Writes that come meanwhile wait; none is refused.
   */
  async hold<T>(drainMs: number, work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.closed = new Promise<void>((resolve) => (this.open = resolve));
    try {
      if (this.active > 0) {
        let timer: NodeJS.Timeout | undefined;
        const drained = new Promise<void>((resolve) => (this.drained = resolve));
        const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), drainMs)));
        const outcome = await Promise.race([drained, timedOut]);
        clearTimeout(timer);
        this.drained = undefined;
        if (outcome === 'timeout') {
          throw new GateTimeout(`${this.active} writes were still under way after ${Math.round(drainMs / 1000)} s (a long import or analysis?); nothing was backed up. Run it again when they are done.`);
        }
      }
      return await work();
    } finally {
      const open = this.open;
      this.closed = undefined;
      this.open = undefined;
      open?.();
    }
  }

  private async enter(): Promise<void> {
    while (this.closed) await this.closed;
    this.active += 1;
  }

  private leave(): void {
    this.active -= 1;
    if (this.active === 0) this.drained?.();
  }
}
