/**
 * A read started ahead of the view that needs it (as the view's button is pressed, beside the
 * view's lazily loaded code), then taken by that view instead of asking again. Taken once, and
 * only while a few seconds old, so a later opening reads afresh; a failure is the view's to
 * report when it takes the read.
 */
export interface ReadAhead<T> {
  /** Starts `read` for `key`, unless a fresh one for the same key is waiting. */
  start(key: string, read: () => Promise<T>): void;
  /** The read started for `key` if fresh, else `read()` now; either way nothing is left waiting. */
  take(key: string, read: () => Promise<T>): Promise<T>;
}

export function readAhead<T>(freshMs = 10_000, now: () => number = Date.now): ReadAhead<T> {
  let waiting: { key: string; at: number; value: Promise<T> } | null = null;
  const fresh = (key: string) =>
    waiting !== null && waiting.key === key && now() - waiting.at < freshMs;
  return {
    start(key, read) {
      if (fresh(key)) return;
      const value = read();
      value.catch(() => undefined);
      waiting = { key, at: now(), value };
    },
    take(key, read) {
      const value = fresh(key) ? waiting!.value : read();
      waiting = null;
      return value;
    },
  };
}
