/**
 * The answer to the latest request a page made: `load` runs whenever it changes (callers make it
 * with useCallback over what the request depends on) or `reload` is called, and an answer to an
 * earlier request is dropped, since it may arrive after the latest one (filters change faster than
 * answers come back). While a request is out, the last answer stays, for the page to show or not.
 */
import { useCallback, useEffect, useState } from 'react';

export interface LatestAnswer<T> {
  loading: boolean;
  error: string | null;
  data: T | null;
  reload(): void;
}

export function useLatestAnswer<T>(load: (() => Promise<T>) | null): LatestAnswer<T> {
  const [state, setState] = useState<{ loading: boolean; error: string | null; data: T | null }>({ loading: load !== null, error: null, data: null });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    if (!load) return;
    let latest = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => latest && setState({ loading: false, error: null, data }),
      (e: unknown) => latest && setState({ loading: false, error: e instanceof Error ? e.message : String(e), data: null }),
    );
    return () => {
      latest = false;
    };
  }, [load, round]);
  return { ...state, reload };
}
