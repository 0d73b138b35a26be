/**
 * Whether Neo4j answers. /readyz asks at most once a second; the driver reconnects by itself,
 * so readiness comes back on its own when Neo4j returns.
 */
import type { Gateway } from '../db/gateway.ts';

export interface Readiness {
  ready: boolean;
  reason?: string;
  checkedAt: string;
}

export function readinessProbe(gateway: Gateway, cacheMs = 1000): () => Promise<Readiness> {
  let last: { at: number; value: Readiness } | undefined;
  let inFlight: Promise<Readiness> | undefined;
  const check = async (): Promise<Readiness> => {
    try {
      await gateway.ping();
      return { ready: true, checkedAt: new Date().toISOString() };
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
      return { ready: false, reason: `Neo4j is not answering: ${reason}`, checkedAt: new Date().toISOString() };
    }
  };
  return async () => {
    if (last && Date.now() - last.at < cacheMs) return last.value;
    inFlight ??= check().finally(() => (inFlight = undefined));
    const value = await inFlight;
    last = { at: Date.now(), value };
    return value;
  };
}
