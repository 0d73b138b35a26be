/**
 * The bird's-eye view, drawn by us on a 2D canvas from node positions, so it works under
 * both renderers (cytoscape-navigator copies the chart's canvas, which is blank under the
 * WebGL renderer). Redrawn in an animation frame after the library's own events: `add`,
 * `remove`, `position`, `class` redraw the thumbnail, `resize` only the frame. The frame follows
 * `viewport` once the view has been still for VIEW_SETTLE_MS, not on every frame of a pan or zoom,
 * so that moving the chart is the renderer's work alone (no style recalculation or layout of the
 * page per frame: issue 30). Clicking or dragging in it centres the chart there, the frame with it.
 */
import { useEffect, type RefObject } from 'react';
import type { Core } from 'cytoscape';
import { ENTITY_META } from '../../model/meta.ts';
import type { EntityType } from '../../model/types.ts';

export interface Projection {
  scale: number;
  /** Model coordinates of the thumbnail's top-left corner. */
  x0: number;
  y0: number;
}

/** Fits a model bounding box into a w x h thumbnail with `pad` pixels around, centred. */
export function project(bb: { x1: number; y1: number; w: number; h: number }, w: number, h: number, pad = 8): Projection {
  const bw = Math.max(bb.w, 1);
  const bh = Math.max(bb.h, 1);
  const scale = Math.min((w - 2 * pad) / bw, (h - 2 * pad) / bh);
  return { scale, x0: bb.x1 - (w / scale - bw) / 2, y0: bb.y1 - (h / scale - bh) / 2 };
}

/** The navigator's frame follows a pan or zoom once it has been still this long. */
export const VIEW_SETTLE_MS = 150;

/** Above this many links the thumbnail shows entities only. */
const EDGE_LIMIT = 6000;

export function useNavigator(cy: Core | null, canvas: RefObject<HTMLCanvasElement | null>, frame: RefObject<HTMLDivElement | null>, enabled: boolean): void {
  useEffect(() => {
    const c = canvas.current;
    const f = frame.current;
    if (!cy || !c || !f || !enabled || cy.destroyed()) return;
    let proj: Projection = { scale: 1, x0: 0, y0: 0 };
    let thumbQueued = false;
    let frameQueued = false;
    let raf = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;

    const drawFrame = () => {
      const ext = cy.extent();
      const left = (ext.x1 - proj.x0) * proj.scale;
      const top = (ext.y1 - proj.y0) * proj.scale;
      f.style.transform = `translate(${left}px, ${top}px)`;
      f.style.width = `${ext.w * proj.scale}px`;
      f.style.height = `${ext.h * proj.scale}px`;
    };
    const drawThumb = () => {
      const w = c.clientWidth;
      const h = c.clientHeight;
      const dpr = window.devicePixelRatio || 1;
      if (c.width !== w * dpr) c.width = w * dpr;
      if (c.height !== h * dpr) c.height = h * dpr;
      const ctx = c.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const nodes = cy.nodes(':visible');
      if (nodes.empty()) return;
      proj = project(nodes.boundingBox({ includeLabels: false, includeOverlays: false }), w, h);
      const { scale, x0, y0 } = proj;
      const edges = cy.edges(':visible');
      if (edges.length <= EDGE_LIMIT) {
        ctx.strokeStyle = '#b8c2cc';
        ctx.lineWidth = 0.5;
        ctx.beginPath();
        edges.forEach((e) => {
          const s = e.source().position();
          const t = e.target().position();
          ctx.moveTo((s.x - x0) * scale, (s.y - y0) * scale);
          ctx.lineTo((t.x - x0) * scale, (t.y - y0) * scale);
        });
        ctx.stroke();
      }
      const r = Math.max(1.2, Math.min(4, 17 * scale));
      // One path per colour: a few fills however many entities.
      const byColour = new Map<string, Path2D>();
      nodes.forEach((n) => {
        const colour = ENTITY_META[n.data('type') as EntityType]?.colour ?? '#888';
        let p = byColour.get(colour);
        if (!p) byColour.set(colour, (p = new Path2D()));
        const q = n.position();
        const x = (q.x - x0) * scale;
        const y = (q.y - y0) * scale;
        p.moveTo(x + r, y);
        p.arc(x, y, r, 0, 2 * Math.PI);
      });
      for (const [colour, p] of byColour) {
        ctx.fillStyle = colour;
        ctx.fill(p);
      }
    };
    const flush = () => {
      raf = 0;
      if (cy.destroyed()) return;
      if (thumbQueued) drawThumb();
      if (thumbQueued || frameQueued) drawFrame();
      thumbQueued = frameQueued = false;
    };
    const schedule = () => {
      if (!raf) raf = requestAnimationFrame(flush);
    };
    const onGraph = () => {
      thumbQueued = true;
      schedule();
    };
    const onResize = () => {
      frameQueued = true;
      schedule();
    };
    const onView = () => {
      if (settle !== undefined) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = undefined;
        onResize();
      }, VIEW_SETTLE_MS);
    };

    // Centre the chart on the model point under the pointer.
    const centreAt = (e: PointerEvent) => {
      const box = c.getBoundingClientRect();
      const mx = proj.x0 + (e.clientX - box.left) / proj.scale;
      const my = proj.y0 + (e.clientY - box.top) / proj.scale;
      const z = cy.zoom();
      cy.pan({ x: cy.width() / 2 - mx * z, y: cy.height() / 2 - my * z });
      onResize();
    };
    const host = c.parentElement!;
    const down = (e: PointerEvent) => {
      host.setPointerCapture(e.pointerId);
      centreAt(e);
    };
    const move = (e: PointerEvent) => {
      if (host.hasPointerCapture(e.pointerId)) centreAt(e);
    };
    host.addEventListener('pointerdown', down);
    host.addEventListener('pointermove', move);
    cy.on('add remove position class', onGraph);
    cy.on('viewport', onView);
    cy.on('resize', onResize);
    onGraph();
    return () => {
      if (raf) cancelAnimationFrame(raf);
      if (settle !== undefined) clearTimeout(settle);
      host.removeEventListener('pointerdown', down);
      host.removeEventListener('pointermove', move);
      if (!cy.destroyed()) {
        cy.removeListener('add remove position class', onGraph);
        cy.removeListener('viewport', onView);
        cy.removeListener('resize', onResize);
      }
    };
  }, [cy, canvas, frame, enabled]);
}
