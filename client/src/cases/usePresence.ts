/**
 * Presence and change notice by polling (decision 0035): while a saved chart is open, a
 * `chartPresence` heartbeat every 12 seconds (and when the page comes back into view) says the
 * caller has it open and answers who else has, and the chart's latest version. There is no
 * WebSocket for this yet; the decision says how it moves onto a subscription.
 */
import { useEffect, useState } from 'react';
import { presence, type Presence } from './api.ts';

export const HEARTBEAT_MS = 12_000;

export function usePresence(chartId: string | null): Presence | null {
  const [state, setState] = useState<Presence | null>(null);
  useEffect(() => {
    setState(null);
    if (!chartId) return;
    let live = true;
    const beat = () => {
      if (document.visibilityState === 'hidden') return;
      presence(chartId)
        .then((p) => live && setState(p))
        // A missed heartbeat is not worth a message: the next one tries again.
        .catch(() => undefined);
    };
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    document.addEventListener('visibilitychange', beat);
    return () => {
      live = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', beat);
    };
  }, [chartId]);
  return state?.chartId === chartId ? state : null;
}

/** How a viewer is named: as people know them, an API token marked as one. */
export const viewerName = (o: Pick<Presence['others'][number], 'displayName' | 'via'>) => (o.via === 'token' ? `${o.displayName} (API token)` : o.displayName);

/** "X also has this chart open", and "Changed by Y at T — reload" when a newer version was saved by someone else. */
export function presenceNotice(p: Presence | null, opened: { version: number } | null, me: string | undefined): { others: string | null; changed: string | null } {
  if (!p || !opened) return { others: null, changed: null };
  const names = p.others.map(viewerName);
  const others = names.length === 0 ? null : `${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} also ${names.length === 1 ? 'has' : 'have'} this chart open`;
  const changed = p.version > opened.version && p.changedBy !== me ? `Changed by ${p.changedBy ?? 'someone'} at ${p.changedAt.slice(11, 16)}` : null;
  return { others, changed };
}
