/** Zoom in and out, fit, and the navigator toggle, at the chart's lower right. */
import type { ChartView } from '../workspace/useChartView.ts';

export function ZoomControls({ view }: { view: ChartView }) {
  const { chartApi, showNavigator, toggleNavigator } = view;
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => chartApi?.zoomBy(1.25)}>
        +
      </button>
      <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => chartApi?.zoomBy(0.8)}>
        −
      </button>
      <button type="button" aria-label="Fit" title="Fit (F)" onClick={() => chartApi?.fit()}>
        ⤢
      </button>
      <button type="button" aria-label="Navigator" title="Bird's-eye view" aria-pressed={showNavigator} className={showNavigator ? 'on' : ''} onClick={toggleNavigator}>
        ▣
      </button>
    </div>
  );
}
