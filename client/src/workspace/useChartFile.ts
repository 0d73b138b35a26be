/**
 * The chart as a file: saved on the server by name, reopened (also from #chart=ID in the
 * address on first load), and exported as PNG, SVG and JSON.
 */
import { useCallback, useEffect, useState } from 'react';
import * as api from '../api/operations.ts';
import { download, fileStem } from '../components/download.ts';
import { fromSaved, toSaved, toStoredDocument } from '../state/chartDoc.ts';
import type { ChartState } from '../state/useChart.ts';
import type { ChartView } from './useChartView.ts';
import type { Messages } from './useMessages.ts';

export function useChartFile(chart: ChartState, view: ChartView, msg: Messages) {
  // The chart as last opened or saved here: its version (to tell when someone else saved since) and the caller's right on it.
  const [saved, setSaved] = useState<{ id: string; name: string; version: number; access: 'read' | 'edit' | 'own' } | null>(null);
  const { doc } = chart;
  const { chartApi, setSelection, clearHighlight, showViewport } = view;
  const { say, task } = msg;

  const save = useCallback(
    async (name: string) => {
      const s = await api.saveChart(name, toStoredDocument(doc, chartApi?.viewport() ?? null));
      setSaved({ id: s.id, name: s.name, version: s.version, access: s.access });
      say('notice', `Saved “${s.name}” (${s.nodeCount} entities, ${s.edgeCount} links).`);
      window.history.replaceState(null, '', `#chart=${encodeURIComponent(s.id)}`);
    },
    [doc, chartApi, say],
  );

  const open = useCallback(
    async (id: string) => {
      // The server sends the chart as this user may see it: labels read now, in their scope and masking.
      const c = await api.loadChart(id);
      const { doc: opened, viewport } = fromSaved(c.document);
      chart.reset(opened);
      setSelection([]);
      clearHighlight();
      showViewport(viewport ?? 'fit');
      setSaved({ id: c.id, name: c.name, version: c.version, access: c.access });
      window.history.replaceState(null, '', `#chart=${encodeURIComponent(c.id)}`);
    },
    [chart, setSelection, clearHighlight, showViewport],
  );

  // A chart named in the address (#chart=ID) opens on first load.
  useEffect(() => {
    const m = /#chart=([^&]+)/.exec(window.location.hash);
    if (m) void task('Opening the chart', () => open(decodeURIComponent(m[1]!)));
    // Only on first load.
  }, []);

  const stem = fileStem(saved?.name ?? null);
  const exportPng = useCallback(async () => {
    if (!chartApi) return;
    const blob = await task('Exporting PNG', () => chartApi.png());
    if (blob) download(blob, `${stem}.png`);
  }, [chartApi, task, stem]);
  const exportSvg = useCallback(() => {
    if (!chartApi) return;
    download(new Blob([chartApi.svg()], { type: 'image/svg+xml' }), `${stem}.svg`);
  }, [chartApi, stem]);
  const exportJson = useCallback(() => {
    const body = JSON.stringify(toSaved(doc, chartApi?.viewport() ?? null), null, 2);
    download(new Blob([body], { type: 'application/json' }), `${stem}.json`);
  }, [doc, chartApi, stem]);

  return { saved, save, open, exportPng, exportSvg, exportJson };
}

export type ChartFile = ReturnType<typeof useChartFile>;
