/**
 * The webhook for new alerts (LANTERN_ALERT_WEBHOOK_URL, LANTERN_ALERT_WEBHOOK_SECRET): each new
 * alert is POSTed as JSON, signed as Stripe signs its webhooks. The header
 *
 *   Lantern-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>
 *
 * lets the receiver check that the body came from Lantern and is recent (verifySignature below,
 * docs/alerts.md). A delivery that fails (network error, timeout, any status but 2xx) is tried
 * again with exponential backoff, re-signed each time, under the same Lantern-Delivery id so that
 * the receiver can drop a repeat. Deliveries run in the background: an import never waits on them.
 * The body names ids, the rule and the grading, never a person's name: the receiver reads the
 * details through the API with its own token, under its own access rules.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../config/logger.ts';
import type { AlertRow } from './alerts.repository.ts';

export const SIGNATURE_HEADER = 'lantern-signature';

export function sign(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers and tests: true when the header signs this body with the secret, within toleranceSeconds of now. */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now / 1000 - t) > toleranceSeconds)
    return false;
  const expected = Buffer.from(sign(secret, t, body).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What the receiver gets: the alert's ids, rule and grading. */
export function payloadOf(a: AlertRow) {
  return {
    event: 'alert.raised',
    alert: {
      id: a.id,
      rule: a.rule,
      summary: a.summary,
      status: a.status,
      watchId: a.watchId,
      caseId: a.caseId,
      raisedAt: a.raisedAt,
      entityIds: a.entityIds,
      linkIds: a.linkIds,
      sourceIds: a.sourceIds,
      handlingCode: a.handlingCode,
      classification: a.classification,
    },
  };
}

export interface WebhookOptions {
  url: string;
  secret: string;
  log: Logger;
  /** Tries per alert (6: the last about half a minute after the first with the default delay). */
  attempts?: number;
  /** The first retry's delay; each next one doubles it. */
  baseDelayMs?: number;
  /** Each POST's timeout. */
  timeoutMs?: number;
}

export class AlertWebhook {
  private pending = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly o: WebhookOptions) {}

  /** Queues one delivery per alert and returns at once. */
  send(alerts: readonly AlertRow[]): void {
    for (const a of alerts) {
      const p = this.deliver(a).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  /** Resolves when every queued delivery has succeeded or given up. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Stops retrying: deliveries waiting for their next try give up. */
  close(): void {
    this.closed = true;
  }

  private async deliver(a: AlertRow): Promise<void> {
    const body = JSON.stringify(payloadOf(a));
    const delivery = randomUUID();
    const attempts = this.o.attempts ?? 6;
    let last = '';
    for (let n = 1; n <= attempts && !this.closed; n++) {
      try {
        const res = await fetch(this.o.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Lantern-Alerts',
            'lantern-event': 'alert.raised',
            'lantern-delivery': delivery,
            'lantern-attempt': String(n),
            [SIGNATURE_HEADER]: sign(this.o.secret, Math.floor(Date.now() / 1000), body),
          },
          body,
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          if (n > 1)
            this.o.log.info({ alert: a.id, attempt: n }, 'Alert webhook delivered after a retry');
          return;
        }
        last = `HTTP ${res.status}`;
      } catch (e) {
        last = (e as Error).message;
      }
      if (n < attempts)
        await new Promise((r) => setTimeout(r, (this.o.baseDelayMs ?? 1000) * 2 ** (n - 1)));
    }
    this.o.log.error(
      { alert: a.id, delivery, reason: last },
      `Alert webhook gave up after ${attempts} tries`,
    );
  }
}
