/** How many alerts are NEW for the signed-in user, kept live by the alertRaised subscription. */
import { useEffect, useState } from 'react';
import { ALERTS_CHANGED, onAlertRaised, openAlerts } from './api.ts';

export function useOpenAlerts(signedIn: boolean): number | null {
  const [n, setN] = useState<number | null>(null);
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    const refresh = () =>
      void openAlerts().then(
        (c) => live && setN(c),
        () => undefined,
      );
    refresh();
    // Each new alert: count again (a decision elsewhere may have changed it too).
    const off = onAlertRaised(refresh);
    window.addEventListener(ALERTS_CHANGED, refresh);
    return () => {
      live = false;
      off();
      window.removeEventListener(ALERTS_CHANGED, refresh);
    };
  }, [signedIn]);
  return n;
}
