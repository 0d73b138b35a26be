/**
 * The chart's data state with undo and redo: a reducer over a History of ChartDocs.
 * Every operation is `apply(label, doc => newDoc)`; a no-op leaves the history alone. What
 * completes the last operation (its automatic layout) is `fold`ed into that step; what arrives
 * for it later (the links among the entities it added) is `amend`ed into every state that holds them.
 */
import { useCallback, useMemo, useReducer } from 'react';
import { EMPTY_DOC, type ChartDoc } from './chartDoc.ts';
import { amend, canRedo, fold, canUndo, createHistory, push, redo, redoLabel, reset, undo, undoLabel, type History } from './history.ts';

type Action =
  | { kind: 'apply'; label: string; fn: (doc: ChartDoc) => ChartDoc }
  | { kind: 'amend'; fn: (doc: ChartDoc) => ChartDoc }
  | { kind: 'fold'; fn: (doc: ChartDoc) => ChartDoc }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'reset'; doc: ChartDoc };

/** The history, and how many times it was replaced (a chart opened): a new chart, not a step. */
export type ChartHistory = History<ChartDoc> & { opened: number };

export function chartReducer(h: ChartHistory, a: Action): ChartHistory {
  switch (a.kind) {
    case 'apply':
      return keep(h, push(h, a.fn(h.present), a.label));
    case 'amend':
      return keep(h, amend(h, a.fn));
    case 'fold':
      return keep(h, fold(h, a.fn(h.present)));
    case 'undo':
      return keep(h, undo(h));
    case 'redo':
      return keep(h, redo(h));
    case 'reset':
      return { ...reset(a.doc), opened: h.opened + 1 };
  }
}

function keep(h: ChartHistory, next: History<ChartDoc>): ChartHistory {
  return next === h ? h : { ...next, opened: h.opened };
}

export interface ChartState {
  doc: ChartDoc;
  apply(label: string, fn: (doc: ChartDoc) => ChartDoc): void;
  /** Changes every state of the history without a new undo step (see history.ts amend). */
  amend(fn: (doc: ChartDoc) => ChartDoc): void;
  /** Changes the present step instead of adding one (what completes the last operation: its layout). */
  fold(fn: (doc: ChartDoc) => ChartDoc): void;
  /** Increases each time a chart is opened (the history replaced). */
  opened: number;
  undo(): void;
  redo(): void;
  reset(doc: ChartDoc): void;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string;
  redoLabel: string;
}

export function useChart(initial: ChartDoc = EMPTY_DOC): ChartState {
  const [h, dispatch] = useReducer(chartReducer, initial, (doc) => ({ ...createHistory(doc), opened: 0 }));
  const apply = useCallback((label: string, fn: (doc: ChartDoc) => ChartDoc) => dispatch({ kind: 'apply', label, fn }), []);
  const doAmend = useCallback((fn: (doc: ChartDoc) => ChartDoc) => dispatch({ kind: 'amend', fn }), []);
  const doFold = useCallback((fn: (doc: ChartDoc) => ChartDoc) => dispatch({ kind: 'fold', fn }), []);
  const doUndo = useCallback(() => dispatch({ kind: 'undo' }), []);
  const doRedo = useCallback(() => dispatch({ kind: 'redo' }), []);
  const doReset = useCallback((doc: ChartDoc) => dispatch({ kind: 'reset', doc }), []);
  return useMemo(
    () => ({
      doc: h.present,
      apply,
      amend: doAmend,
      fold: doFold,
      opened: h.opened,
      undo: doUndo,
      redo: doRedo,
      reset: doReset,
      canUndo: canUndo(h),
      canRedo: canRedo(h),
      undoLabel: undoLabel(h),
      redoLabel: redoLabel(h),
    }),
    [h, apply, doAmend, doFold, doUndo, doRedo, doReset],
  );
}
