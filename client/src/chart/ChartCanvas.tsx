/**
 * The one owner of the cy instance: created in an effect, destroyed on cleanup, recreated
 * only when the chart crosses the large-chart threshold (the WebGL renderer is chosen at
 * creation). Everything else reaches cy through the hooks below and the ChartApi handle.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Core, CytoscapeOptions } from 'cytoscape';
import { buildStylesheet } from '../graph/stylesheet.ts';
import type { ChartDoc, LayoutName, Viewport } from '../state/chartDoc.ts';
import type { Position } from '../model/types.ts';
import type { NodeStyle } from '../analysis/encoding.ts';
import { createCytoscape, registerExtensions, rendererOptions } from './cytoscape.ts';
import { installViewportCache } from './viewportCache.ts';
import { useGraphData } from './hooks/useGraphData.ts';
import { useGraphEncoding } from './hooks/useGraphEncoding.ts';
import { useGraphEvents, type ContextTarget } from './hooks/useGraphEvents.ts';
import { useGraphLayout, type LayoutCommand } from './hooks/useGraphLayout.ts';
import { useGraphStyle } from './hooks/useGraphStyle.ts';
import { useWheelZoom } from './hooks/useWheelZoom.ts';
import { useGraphView } from './hooks/useGraphView.ts';
import { Navigator } from './Navigator.tsx';
import { createChartApi, type ChartApi } from './chartApi.ts';

/** A viewport to restore, the whole chart in view ('fit'), or some elements in view. */
export type ViewportRequest = Viewport | 'fit' | { fit: string[] };

export interface ChartCanvasProps {
  doc: ChartDoc;
  filtered: ReadonlySet<string>;
  highlight: ReadonlySet<string> | null;
  /** A large chart: worker layout, lighter rendering. */
  large: boolean;
  /** Draw with Cytoscape's WebGL renderer (large charts where WebGL 2 exists). */
  webgl: boolean;
  layout: LayoutCommand | null;
  /** Sizes, colours and badges from an analysis, per node (view state: style bypasses). */
  encoding?: ReadonlyMap<string, NodeStyle> | null;
  /** A viewport to restore (a reopened chart), or a request to fit. */
  viewport: { value: ViewportRequest; nonce: number } | null;
  /** Show the bird's-eye view. */
  navigator: boolean;
  onReady(api: ChartApi | null): void;
  onSelect(ids: string[]): void;
  onContext(target: ContextTarget): void;
  onOpen(id: string): void;
  onMoved(positions: Record<string, Position>, label: string): void;
  onLayoutDone(positions: Record<string, Position>, name: LayoutName, follows: boolean): void;
  onBusy(busy: boolean): void;
  onError(message: string): void;
}

export function ChartCanvas(p: ChartCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const { onReady, onError } = p;

  useEffect(() => {
    registerExtensions();
    // Large WebGL charts multisample in the viewport cache rather than in the canvas (createCytoscape).
    const ownMultisampling = p.webgl && p.large;
    const instance = createCytoscape(
      {
        container: container.current,
        style: buildStylesheet({ edgeLabels: p.doc.style.edgeLabels, large: p.large }),
        minZoom: 0.02,
        maxZoom: 4,
        boxSelectionEnabled: true,
        selectionType: 'single',
        ...rendererOptions(p.large, p.webgl),
      } as CytoscapeOptions,
      ownMultisampling,
    );
    // Pans and zooms redraw the last frame's WebGL data instead of rebuilding it per element;
    // on large charts they show a snapshot of it, moved and scaled, until the view comes to rest.
    if (p.webgl) installViewportCache(instance, { snapshot: p.large });
    setCy(instance);
    const api = createChartApi(instance);
    onReady(api);
    window.lanternChart = api;
    return () => {
      if (window.lanternChart === api) delete window.lanternChart;
      onReady(null);
      instance.destroy();
      setCy(null);
    };
    // The renderer is chosen at creation: a new cy only when the chart crosses the large threshold.
  }, [p.large, p.webgl]);

  useGraphStyle(cy, p.doc.style.edgeLabels, p.large);
  useWheelZoom(cy, container);

  // New nodes outside the view bring the whole chart back into view.
  const reveal = useCallback(
    (ids: string[]) => {
      if (!cy || cy.destroyed()) return;
      if (cy.nodes().length === ids.length) {
        cy.fit(cy.elements(':visible'), 40);
        if (cy && cy.zoom() > 1.6) cy.zoom({ level: 1.6, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        return;
      }
      const ext = cy.extent();
      const wanted = new Set(ids);
      const bb = cy.nodes().filter((n) => wanted.has(n.id())).boundingBox({});
      if (bb.x1 < ext.x1 || bb.y1 < ext.y1 || bb.x2 > ext.x2 || bb.y2 > ext.y2) {
        cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 } }, { duration: 250 });
      }
    },
    [cy],
  );
  useGraphData(cy, p.doc, reveal);
  const view = useMemo(
    () => ({ hidden: new Set(p.doc.hidden), filtered: p.filtered, highlight: p.highlight }),
    [p.doc.hidden, p.filtered, p.highlight],
  );
  useGraphView(cy, view, p.doc);
  useGraphEncoding(cy, p.encoding ?? null, p.doc);
  useGraphEvents(cy, {
    onSelect: p.onSelect,
    onContext: p.onContext,
    onOpen: p.onOpen,
    onMoved: (m) => p.onMoved(m, Object.keys(m).length > 1 ? `Move ${Object.keys(m).length} entities` : 'Move'),
  });
  useGraphLayout(cy, p.layout, p.large, p.onLayoutDone, p.onBusy, onError);

  useEffect(() => {
    if (!cy || !p.viewport || cy.destroyed()) return;
    const v = p.viewport.value;
    if (v === 'fit') cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 } }, { duration: 250 });
    else if ('fit' in v) {
      // Some elements (a path found): into view, no closer than labels are comfortably read.
      const wanted = new Set(v.fit);
      const eles = cy.elements(':visible').filter((e) => wanted.has(e.id()));
      if (eles.empty()) return;
      const bb = eles.boundingBox({});
      const zoom = Math.min(1.4, (cy.width() - 80) / Math.max(1, bb.w), (cy.height() - 80) / Math.max(1, bb.h));
      cy.animate({ zoom, center: { eles } }, { duration: 250 });
    } else cy.viewport({ zoom: v.zoom, pan: v.pan });
  }, [cy, p.viewport]);

  return (
    <>
      <div ref={container} className="chart-canvas" data-testid="chart" aria-label="Link chart" role="application" />
      <Navigator cy={cy} shown={p.navigator} />
    </>
  );
}
