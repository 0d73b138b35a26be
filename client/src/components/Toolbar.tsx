/** The chart tools in the top bar: undo and redo, layout, operations on the selection, files (export and briefing are children). */
import type { ReactNode } from 'react';
import { entityMeta } from '../model/meta.ts';
import { ENTITY_TYPES, type EntityType } from '../model/types.ts';
import { LAYOUT_NAMES, LAYOUTS, type LayoutName } from '../state/chartDoc.ts';
import { HOPS } from '../state/expansion.ts';
import type { ChartState } from '../state/useChart.ts';
import type { ChartCommands } from '../workspace/useChartCommands.ts';
import type { ChartView } from '../workspace/useChartView.ts';
import type { MenuItem } from './ContextMenu.tsx';

interface Props {
  chart: ChartState;
  view: ChartView;
  commands: ChartCommands;
  typeCounts: ReadonlyMap<EntityType, number>;
  dropdown(e: React.MouseEvent, items: MenuItem[]): void;
  onOpen(): void;
  onSave(): void;
  /** More tools, after the file group. */
  children?: ReactNode;
}

export function Toolbar({ chart, view, commands, typeCounts, dropdown, onOpen, onSave, children }: Props) {
  const { doc } = chart;
  const empty = Object.keys(doc.nodes).length === 0;
  const { selection, chartApi, runLayout, layoutBusy } = view;
  const { selectedNodes, allPinned } = commands;
  return (
    <nav className="toolbar" aria-label="Chart tools">
      <button type="button" className="icon" onClick={chart.undo} disabled={!chart.canUndo} title={`Undo ${chart.undoLabel} (Ctrl+Z)`} aria-label="Undo">
        ↶
      </button>
      <button type="button" className="icon" onClick={chart.redo} disabled={!chart.canRedo} title={`Redo ${chart.redoLabel} (Ctrl+Shift+Z)`} aria-label="Redo">
        ↷
      </button>
      <span className="divider" />
      <select aria-label="Layout" value={doc.layout} onChange={(e) => runLayout(e.target.value as LayoutName)} disabled={empty}>
        {LAYOUTS.map((l) => (
          <option key={l} value={l}>
            {LAYOUT_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="button" className="icon" onClick={() => runLayout(doc.layout)} disabled={empty || layoutBusy} title="Lay out the chart again" aria-label="Lay out">
        ⟳
      </button>
      <span className="divider" />
      <button type="button" onClick={() => commands.expandSelected()} disabled={!selectedNodes.length} title="Expand the selection (E)">
        Expand
      </button>
      <button
        type="button"
        disabled={!selectedNodes.length}
        aria-label="Expand by hops"
        title="Expand the selection by 1, 2 or 3 hops (E, 2, 3)"
        onClick={(e) => dropdown(e, HOPS.map((h) => ({ label: h === 1 ? '1 hop' : `${h} hops…`, hint: h === 1 ? 'E' : String(h), onSelect: () => commands.expandSelected(h) })))}
      >
        ▾
      </button>
      <button type="button" onClick={commands.hideSelected} disabled={!selection.length} title="Hide (H)">
        Hide
      </button>
      <button type="button" onClick={commands.removeSelected} disabled={!selection.length} title="Remove from the chart (Delete)">
        Remove
      </button>
      <button type="button" onClick={commands.togglePinSelected} disabled={!selectedNodes.length}>
        {allPinned ? 'Unpin' : 'Pin'}
      </button>
      <button
        type="button"
        disabled={empty}
        onClick={(e) => dropdown(e, ENTITY_TYPES.filter((t) => typeCounts.has(t)).map((t) => ({ label: `${entityMeta(t).plural} (${typeCounts.get(t)})`, onSelect: () => chartApi?.selectType(t) })))}
      >
        Select ▾
      </button>
      <button type="button" disabled={selectedNodes.length < 2} onClick={(e) => dropdown(e, commands.analysisItems(selectedNodes))}>
        Analyse ▾
      </button>
      <span className="divider" />
      <button type="button" onClick={onOpen}>
        Open…
      </button>
      <button type="button" onClick={onSave} disabled={empty}>
        Save…
      </button>
      {children}
    </nav>
  );
}
