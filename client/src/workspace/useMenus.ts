/**
 * The open menu (context menu on the chart, or a toolbar drop-down) and the items of the
 * context menu for an entity, a link or the background.
 */
import { useCallback, useState } from 'react';
import type { ContextTarget } from '../chart/hooks/useGraphEvents.ts';
import type { MenuItem } from '../components/ContextMenu.tsx';
import { LINK_META, entityMeta } from '../model/meta.ts';
import { ENTITY_TYPES } from '../model/types.ts';
import { hide, LAYOUT_NAMES, LAYOUTS, removeElements, setPinned, showAll } from '../state/chartDoc.ts';
import type { ChartState } from '../state/useChart.ts';
import type { Actions, ChartCommands } from './useChartCommands.ts';
import type { ChartView } from './useChartView.ts';

export interface OpenMenu {
  x: number;
  y: number;
  items: MenuItem[];
}

export function useMenus(chart: ChartState, view: ChartView, actions: Actions, commands: ChartCommands, entityItems: (ids: string[]) => MenuItem[] = () => []) {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const { doc } = chart;
  const { selection, chartApi, highlight, clearHighlight, runLayout } = view;
  const { analysisItems } = commands;

  const onContext = useCallback(
    (t: ContextTarget) => {
      const items: MenuItem[] = [];
      if (t.kind === 'node' && t.id) {
        const node = doc.nodes[t.id];
        if (!node) return;
        const id = t.id;
        const sel = selection.includes(id) ? selection.filter((s) => doc.nodes[s]) : [id];
        const pinned = doc.pinned.includes(id);
        items.push(
          { label: sel.length > 1 ? `Expand ${sel.length}` : 'Expand', hint: 'E', onSelect: () => void actions.expand(sel) },
          { label: 'Expand 2 hops…', hint: '2', onSelect: () => void actions.expand(sel, { hops: 2 }) },
          { label: 'Expand 3 hops…', hint: '3', onSelect: () => void actions.expand(sel, { hops: 3 }) },
          {
            label: 'Expand by link type',
            items: Object.entries(LINK_META).map(([lt, m]) => ({ label: m.verb, onSelect: () => void actions.expand(id, { linkTypes: [lt] }) })),
          },
          {
            label: 'Expand by entity type',
            items: ENTITY_TYPES.map((et) => ({ label: entityMeta(et).plural, onSelect: () => void actions.expand(id, { entityTypes: [et] }) })),
          },
          { separator: true, label: '' },
          { label: `Select all ${entityMeta(node.type).plural.toLowerCase()}`, onSelect: () => chartApi?.selectType(node.type) },
          { label: pinned ? 'Unpin' : 'Pin in place', onSelect: () => chart.apply(pinned ? 'Unpin' : 'Pin', (d) => setPinned(d, sel, !pinned)) },
          { label: sel.length > 1 ? `Hide ${sel.length}` : 'Hide', hint: 'H', onSelect: () => chart.apply('Hide', (d) => hide(d, sel)) },
          { label: sel.length > 1 ? `Remove ${sel.length}` : 'Remove from chart', hint: 'Del', onSelect: () => chart.apply('Remove', (d) => removeElements(d, sel)) },
          { separator: true, label: '' },
          ...analysisItems(sel),
          ...entityItems(sel),
        );
      } else if (t.kind === 'edge' && t.id) {
        const edge = doc.edges[t.id];
        if (!edge) return;
        const id = t.id;
        items.push(
          { label: 'Select both ends', onSelect: () => chartApi?.select([edge.source, edge.target]) },
          { label: 'Shortest paths between the ends', onSelect: () => void actions.findPath(edge.source, edge.target) },
          { label: 'Hide link', onSelect: () => chart.apply('Hide link', (d) => hide(d, [id])) },
          { label: 'Remove link', onSelect: () => chart.apply('Remove link', (d) => removeElements(d, [id])) },
        );
      } else {
        items.push(
          { label: `Show hidden (${doc.hidden.length})`, disabled: !doc.hidden.length, onSelect: () => chart.apply('Show hidden', showAll) },
          { label: 'Fit to window', hint: 'F', onSelect: () => chartApi?.fit() },
          { label: 'Layout', items: LAYOUTS.map((l) => ({ label: LAYOUT_NAMES[l], onSelect: () => runLayout(l) })) },
          { label: 'Clear highlight', disabled: !highlight, onSelect: clearHighlight },
        );
      }
      setMenu({ x: t.x, y: t.y, items });
    },
    [doc, selection, actions, chart, chartApi, highlight, clearHighlight, runLayout, analysisItems, entityItems],
  );

  /** Opens `items` as a drop-down under the button that was clicked. */
  const dropdown = useCallback((e: React.MouseEvent, items: MenuItem[]) => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    setMenu({ x: r.left, y: r.bottom + 2, items });
  }, []);
  const closeMenu = useCallback(() => setMenu(null), []);

  return { menu, onContext, dropdown, closeMenu };
}
