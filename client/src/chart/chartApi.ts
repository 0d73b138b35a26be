/** What the rest of the workspace may ask of the chart, without holding cy itself. */
import type { Core } from 'cytoscape';
import type { EntityType } from '../model/types.ts';
import type { Viewport } from '../state/chartDoc.ts';
import { viewportCacheOf, type ViewportCacheStats } from './viewportCache.ts';

/** What the renderer did (the viewport cache's counters), for browser tests of the fast path. */
export interface RenderStats extends ViewportCacheStats {
  /** The viewport cache is installed (WebGL renderer with the internals it hooks). */
  cached: boolean;
  /** The view is moving: frames come from the snapshot. */
  moving: boolean;
  /** At rest with both snapshots of the view taken: the next pan or zoom starts on quads. */
  snapshotsAtRest: boolean;
}

export interface ChartApi {
  fit(): void;
  zoomBy(factor: number): void;
  viewport(): Viewport;
  png(): Promise<Blob>;
  svg(): string;
  select(ids: string[]): void;
  /** Ids of the selected elements, as the chart draws them. */
  selectedIds(): string[];
  selectType(type: EntityType): void;
  /** Which renderer draws the chart: canvas or webgl. */
  renderer(): string;
  /** Where a node is drawn, in page coordinates (for browser tests to click it like a user). */
  pagePosition(id: string): { x: number; y: number } | null;
  /** Model positions of the visible nodes. */
  positions(): Record<string, { x: number; y: number }>;
  /** Ids of the visible elements. */
  visibleIds(): string[];
  /** Ids of the elements dimmed while the pointer is over a node (none once it has left). */
  dimmedIds(): string[];
  /** The renderer's counters (all zero without the viewport cache). */
  renderStats(): RenderStats;
}

declare global {
  interface Window {
    /** A read-only handle on the chart for browser tests and the render benchmark. */
    lanternChart?: ChartApi;
  }
}

export function createChartApi(cy: Core): ChartApi {
  return {
    fit: () => {
      cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 } }, { duration: 200 });
    },
    zoomBy: (factor) => {
      const w = cy.width();
      const h = cy.height();
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: w / 2, y: h / 2 } });
    },
    viewport: () => ({ zoom: cy.zoom(), pan: { ...cy.pan() } }),
    png: () =>
      (cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }) as unknown as Promise<Blob>),
    svg: () => (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' }),
    select: (ids) => {
      cy.batch(() => {
        cy.$(':selected').unselect();
        for (const id of ids) cy.getElementById(id).select();
      });
    },
    selectedIds: () => cy.$(':selected').map((e) => e.id()),
    selectType: (type) => {
      cy.batch(() => {
        cy.$(':selected').unselect();
        cy.nodes(':visible').filter((n) => n.data('type') === type).select();
      });
    },
    pagePosition: (id) => {
      const n = cy.getElementById(id);
      if (n.empty() || !n.isNode()) return null;
      const box = cy.container()!.getBoundingClientRect();
      const p = n.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    positions: () => {
      const out: Record<string, { x: number; y: number }> = {};
      cy.nodes(':visible').forEach((n) => {
        out[n.id()] = { ...n.position() };
      });
      return out;
    },
    visibleIds: () => cy.elements(':visible').map((e) => e.id()),
    dimmedIds: () => cy.elements('.dim').map((e) => e.id()),
    renderStats: () => {
      const cache = viewportCacheOf(cy);
      const zero = { full: 0, replayed: 0, pickingFull: 0, pickingReplayed: 0, snapshot: 0, refreshes: 0, atRest: 0, rests: 0, changes: 0 };
      return { ...(cache?.stats ?? zero), cached: !!cache, moving: cache?.moving() ?? false, snapshotsAtRest: cache?.snapshotsAtRest() ?? false };
    },
    renderer: () => ((cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl ? 'webgl' : 'canvas'),
  };
}
