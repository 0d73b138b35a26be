/**
 * The chart operations the toolbar, keyboard and menus share: on the selection (expand, hide,
 * remove, pin), adding search results, and the analyses. Each commits one undoable change.
 */
import { useCallback, useMemo } from 'react';
import type { GraphNode } from '../model/types.ts';
import type { Hops } from '../state/expansion.ts';
import { hide, removeElements, setPinned } from '../state/chartDoc.ts';
import type { ChartState } from '../state/useChart.ts';
import type { MenuItem } from '../components/ContextMenu.tsx';
import type { useWorkspaceActions } from '../useWorkspaceActions.ts';
import type { ChartView } from './useChartView.ts';

export type Actions = ReturnType<typeof useWorkspaceActions>;

export function useChartCommands(chart: ChartState, view: ChartView, actions: Actions) {
  const { doc } = chart;
  const { selection, runLayout } = view;
  const selectedNodes = useMemo(() => selection.filter((id) => doc.nodes[id]), [selection, doc.nodes]);
  const allPinned = selectedNodes.length > 0 && selectedNodes.every((id) => doc.pinned.includes(id));

  const addFromSearch = useCallback(
    async (nodes: GraphNode[]) => {
      const wasEmpty = Object.keys(doc.nodes).length === 0;
      await actions.addNodes(nodes);
      if (wasEmpty && nodes.length > 2) runLayout(doc.layout, true);
    },
    [actions, doc.nodes, doc.layout, runLayout],
  );
  const removeSelected = useCallback(() => {
    if (!selection.length) return;
    chart.apply(selection.length === 1 ? 'Remove' : `Remove ${selection.length}`, (d) => removeElements(d, selection));
  }, [chart, selection]);
  const hideSelected = useCallback(() => {
    if (!selection.length) return;
    chart.apply(selection.length === 1 ? 'Hide' : `Hide ${selection.length}`, (d) => hide(d, selection));
  }, [chart, selection]);
  const togglePinSelected = useCallback(() => {
    if (!selectedNodes.length) return;
    chart.apply(allPinned ? 'Unpin' : 'Pin', (d) => setPinned(d, selectedNodes, !allPinned));
  }, [chart, selectedNodes, allPinned]);
  // The whole selection in one request and one undo step.
  const expandSelected = useCallback(
    (hops: Hops = 1) => {
      if (selectedNodes.length) void actions.expand(selectedNodes, { hops });
    },
    [actions, selectedNodes],
  );
  const analysisItems = useCallback(
    (ids: string[]): MenuItem[] => [
      { label: 'Shortest paths between the two', disabled: ids.length !== 2, onSelect: () => void actions.findPath(ids[0]!, ids[1]!) },
      { label: 'Connecting network of the selection', disabled: ids.length < 2, onSelect: () => void actions.connecting(ids) },
      { label: 'Common neighbours', disabled: ids.length < 2, onSelect: () => void actions.common(ids) },
    ],
    [actions],
  );

  return { selectedNodes, allPinned, addFromSearch, removeSelected, hideSelected, togglePinSelected, expandSelected, analysisItems };
}

export type ChartCommands = ReturnType<typeof useChartCommands>;
