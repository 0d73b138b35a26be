/** The line under the chart: counts, selection, the highlight of an analysis, the task in progress, the renderer. */
import type { ChartDoc } from '../state/chartDoc.ts';
import type { Highlight } from '../workspace/useChartView.ts';

interface Props {
  doc: ChartDoc;
  filteredCount: number;
  selectionCount: number;
  highlight: Highlight | null;
  onClearHighlight(): void;
  task: string | undefined;
  renderer: string;
}

export function StatusBar({ doc, filteredCount, selectionCount, highlight, onClearHighlight, task, renderer }: Props) {
  return (
    <footer className="statusbar">
      <span data-testid="counts">
        {Object.keys(doc.nodes).length} entities · {Object.keys(doc.edges).length} links
        {doc.hidden.length ? ` · ${doc.hidden.length} hidden` : ''}
        {filteredCount ? ` · ${filteredCount} filtered out` : ''}
      </span>
      {selectionCount > 0 && <span>{selectionCount} selected</span>}
      {highlight && (
        <span className="hl">
          <span className="hl-label" title={highlight.label}>
            {highlight.label}
          </span>
          <button type="button" className="link" onClick={onClearHighlight}>
            clear
          </button>
        </span>
      )}
      <span className="spacer" />
      {task && <span>{task}…</span>}
      <span className="muted" data-testid="renderer">
        {renderer}
      </span>
    </footer>
  );
}
