/**
 * View state of the chart that is not data (so not on the undo stack): selection, the
 * highlight of an analysis, requests to lay out or move the viewport, the navigator, and the
 * cy handle (ChartApi) once ChartCanvas has made it.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ChartApi } from '../chart/chartApi.ts';
import type { ViewportRequest } from '../chart/ChartCanvas.tsx';
import type { LayoutCommand } from '../chart/hooks/useGraphLayout.ts';
import type { LayoutName } from '../state/chartDoc.ts';

export interface Highlight {
  ids: Set<string>;
  label: string;
}

export function useChartView() {
  const [chartApi, setChartApi] = useState<ChartApi | null>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [highlight, setHighlightState] = useState<Highlight | null>(null);
  const [layoutCmd, setLayoutCmd] = useState<LayoutCommand | null>(null);
  const [viewportCmd, setViewportCmd] = useState<{ value: ViewportRequest; nonce: number } | null>(null);
  const [layoutBusy, setLayoutBusy] = useState(false);
  const [showNavigator, setShowNavigator] = useState(false);

  const setHighlight = useCallback((ids: Set<string> | null, label = '') => setHighlightState(ids ? { ids, label } : null), []);
  const clearHighlight = useCallback(() => setHighlightState(null), []);
  /** Busy from the request on, so nothing reads positions before the layout has stopped. */
  /** With `follows`, the layout's positions join the undo step of the operation that asked for it. */
  const runLayout = useCallback((name?: LayoutName, follows = false) => {
    setLayoutBusy(true);
    setLayoutCmd((c) => ({ name: name ?? c?.name ?? 'fcose', nonce: Date.now() + Math.random(), follows }));
  }, []);
  const showViewport = useCallback((value: ViewportRequest) => setViewportCmd({ value, nonce: Date.now() + Math.random() }), []);
  const toggleNavigator = useCallback(() => setShowNavigator((v) => !v), []);

  return useMemo(
    () => ({
      chartApi,
      setChartApi,
      selection,
      setSelection,
      highlight,
      setHighlight,
      clearHighlight,
      layoutCmd,
      runLayout,
      viewportCmd,
      showViewport,
      layoutBusy,
      setLayoutBusy,
      showNavigator,
      toggleNavigator,
    }),
    [chartApi, selection, highlight, setHighlight, clearHighlight, layoutCmd, runLayout, viewportCmd, showViewport, layoutBusy, showNavigator, toggleNavigator],
  );
}

export type ChartView = ReturnType<typeof useChartView>;
