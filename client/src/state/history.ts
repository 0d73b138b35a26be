/**
 * Undo and redo as a pure stack of immutable states, each labelled with the operation that
 * made it ("Expand", "Layout", ...). Every chart operation goes through `push`.
 */
export interface History<T> {
  past: { state: T; label: string }[];
  present: T;
  presentLabel: string;
  future: { state: T; label: string }[];
}

export const HISTORY_LIMIT = 200;

export function createHistory<T>(initial: T): History<T> {
  return { past: [], present: initial, presentLabel: '', future: [] };
}

export function push<T>(h: History<T>, next: T, label: string): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, { state: h.present, label: h.presentLabel }];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, present: next, presentLabel: label, future: [] };
}

/**
 * Folds `next` into the present step instead of making a new one: what finishes the last
 * operation (the layout that follows an expansion) is undone with it, as one user action.
 */
export function fold<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  return { ...h, present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return {
    past: h.past.slice(0, -1),
    present: prev.state,
    presentLabel: prev.label,
    future: [{ state: h.present, label: h.presentLabel }, ...h.future],
  };
}

export function redo<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (!next) return h;
  return {
    past: [...h.past, { state: h.present, label: h.presentLabel }],
    present: next.state,
    presentLabel: next.label,
    future: h.future.slice(1),
  };
}

/**
 * Applies `fn` to every state in the history, past, present and future, without a new step: for
 * what a step brought that arrives after it (the links among the entities it added), so that the
 * step, and every state that still holds those entities, has it. States `fn` leaves alone stay
 * the same objects; with no change at all, the same history comes back.
 */
export function amend<T>(h: History<T>, fn: (state: T) => T): History<T> {
  let changed = false;
  const map = (e: { state: T; label: string }) => {
    const state = fn(e.state);
    if (state === e.state) return e;
    changed = true;
    return { ...e, state };
  };
  const past = h.past.map(map);
  const future = h.future.map(map);
  const present = fn(h.present);
  if (present !== h.present) changed = true;
  return changed ? { ...h, past, present, future } : h;
}

/** Replaces the whole history, e.g. when a saved chart is opened: nothing to undo into. */
export function reset<T>(state: T): History<T> {
  return createHistory(state);
}

export const canUndo = (h: History<unknown>): boolean => h.past.length > 0;
export const canRedo = (h: History<unknown>): boolean => h.future.length > 0;
/** What undo would take back: the label of the present state. */
export const undoLabel = (h: History<unknown>): string => h.presentLabel;
export const redoLabel = (h: History<unknown>): string => h.future[0]?.label ?? '';
