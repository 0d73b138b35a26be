/**
 * The chart's data state with undo and redo: a reducer over a History of ChartDocs.
 * Every operation is `apply(label, doc => newDoc)`; a no-op leaves the history alone. What
 * completes the last operation (its automatic layout) is `amend`ed into that step.
 */
import { useCallback, useMemo, useReducer } from 'react';
import { EMPTY_DOC, type ChartDoc } from './chartDoc.ts';
import { amend, canRedo, canUndo, createHistory, push, redo, redoLabel, reset, undo, undoLabel, type History } from './history.ts';

type Action =
  | { kind: 'apply'; label: string; fn: (doc: ChartDoc) => ChartDoc }
  | { kind: 'amend'; fn: (doc: ChartDoc) => ChartDoc }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'reset'; doc: ChartDoc };

export function chartReducer(h: History<ChartDoc>, a: Action): History<ChartDoc> {
  switch (a.kind) {
    case 'apply':
      return push(h, a.fn(h.present), a.label);
    case 'amend':
      return amend(h, a.fn(h.present));
    case 'undo':
      return undo(h);
    case 'redo':
      return redo(h);
    case 'reset':
      return reset(a.doc);
  }
}

export interface ChartState {
  doc: ChartDoc;
  apply(label: string, fn: (doc: ChartDoc) => ChartDoc): void;
  /** Changes the present step instead of adding one (what completes the last operation). */
  amend(fn: (doc: ChartDoc) => ChartDoc): void;
  undo(): void;
  redo(): void;
  reset(doc: ChartDoc): void;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string;
  redoLabel: string;
}

export function useChart(initial: ChartDoc = EMPTY_DOC): ChartState {
  const [h, dispatch] = useReducer(chartReducer, initial, createHistory);
  const apply = useCallback((label: string, fn: (doc: ChartDoc) => ChartDoc) => dispatch({ kind: 'apply', label, fn }), []);
  const doAmend = useCallback((fn: (doc: ChartDoc) => ChartDoc) => dispatch({ kind: 'amend', fn }), []);
  const doUndo = useCallback(() => dispatch({ kind: 'undo' }), []);
  const doRedo = useCallback(() => dispatch({ kind: 'redo' }), []);
  const doReset = useCallback((doc: ChartDoc) => dispatch({ kind: 'reset', doc }), []);
  return useMemo(
    () => ({
      doc: h.present,
      apply,
      amend: doAmend,
      undo: doUndo,
      redo: doRedo,
      reset: doReset,
      canUndo: canUndo(h),
      canRedo: canRedo(h),
      undoLabel: undoLabel(h),
      redoLabel: redoLabel(h),
    }),
    [h, apply, doAmend, doUndo, doRedo, doReset],
  );
}
