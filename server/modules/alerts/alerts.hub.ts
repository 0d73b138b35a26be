/**
 * Where subscribers hear of new alerts: the engine of this instance publishes what it raised at
 * once; while anyone listens, the hub also asks the store every few seconds for alerts raised
 * since it last looked (by another instance's engine), so that a subscriber hears every alert
 * whichever instance raised it. Each id is told once.
 */
import { EventEmitter } from 'node:events';
import type { Gateway } from '../../db/gateway.ts';
import type { Logger } from '../../config/logger.ts';
import { raisedSince } from './alerts.repository.ts';

export const RAISED = 'raised';

export class AlertHub extends EventEmitter {
  private told = new Set<string>();
  private after = new Date().toISOString();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: { gateway?: Gateway; log?: Logger; pollMs?: number } = {}) {
    super();
    this.setMaxListeners(0);
    if (o.gateway) {
      this.timer = setInterval(() => void this.poll(), o.pollMs ?? 5000);
      this.timer.unref();
    }
  }

  /** Tells listeners of these alert ids (those not told yet). */
  publish(ids: readonly string[]): void {
    const fresh = ids.filter((id) => !this.told.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.told.add(id);
    // Bounded: ids older than the last few thousand are not told twice anyway (raisedSince moves on).
    if (this.told.size > 10_000) this.told = new Set([...this.told].slice(-5_000));
    this.emit(RAISED, fresh);
  }

  /** How many subscriptions listen. */
  get listening(): number {
    return this.listenerCount(RAISED);
  }

  private async poll(): Promise<void> {
    if (this.listening === 0) {
      this.after = new Date().toISOString();
      return;
    }
    try {
      const rows = await raisedSince(this.o.gateway!, this.after, 1000);
      if (rows.length) this.after = rows[rows.length - 1]!.raisedAt;
      this.publish(rows.map((r) => r.id));
    } catch (e) {
      this.o.log?.warn(
        { err: e },
        'Could not look for alerts raised by other instances; trying again',
      );
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.removeAllListeners();
  }
}
