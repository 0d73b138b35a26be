/**
 * The benchmark page: renders one synthetic graph with one renderer (Cytoscape canvas,
 * Cytoscape WebGL, or sigma.js), then measures time to first frame and frames per second
 * during a scripted pan and zoom. Driven by bench/render/run.ts through window.bench.
 */
import type { Core, CytoscapeOptions } from 'cytoscape';
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { benchGraph, type BenchGraph } from './graph.ts';
import { cytoscape, LARGE_CHART, rendererOptions } from '../../client/src/chart/cytoscape.ts';
import { applyStyle } from '../../client/src/chart/hooks/useGraphStyle.ts';
import { nodeImage } from '../../client/src/graph/icons.ts';
import { ENTITY_META } from '../../client/src/model/meta.ts';
import { ENTITY_TYPES } from '../../client/src/model/types.ts';

export type RendererName = 'cytoscape-canvas' | 'cytoscape-webgl' | 'sigma';

export interface RunResult {
  renderer: RendererName;
  elements: number;
  nodes: number;
  edges: number;
  firstFrameMs: number;
  frames: number;
  durationMs: number;
  fps: number;
  msPerFrameP50: number;
  msPerFrameP95: number;
  webglActive: boolean;
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

function webglInfo(): { renderer: string; vendor: string; webgl2: boolean } {
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return { renderer: 'none', vendor: 'none', webgl2: false };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return {
    renderer: String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)),
    vendor: String(ext ? gl.getParameter(ext.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR)),
    webgl2: typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext,
  };
}

interface Mounted {
  /** Sets the viewport for step i of the scripted pan and zoom. */
  step(i: number): void;
  destroy(): void;
  webglActive: boolean;
}

const TYPES = ENTITY_TYPES.slice(0, 6);

async function mountCytoscape(g: BenchGraph, container: HTMLElement, webgl: boolean): Promise<Mounted> {
  // What the workspace does at this size (ChartCanvas): the same stylesheet, renderer options and zoom-dependent labels.
  const large = g.nodes.length + g.edges.length > LARGE_CHART;
  // As ChartCanvas does: an empty instance with the stylesheet, then the elements added in one batch.
  const cy: Core = cytoscape({ container, ...rendererOptions(large, webgl) } as CytoscapeOptions);
  const detach = applyStyle(cy, 'hover', large);
  cy.batch(() => {
    cy.add([
      ...g.nodes.map((n) => {
        const type = TYPES[n.type]!;
        return { group: 'nodes' as const, data: { id: n.id, type, display: n.label, image: nodeImage(type) }, position: { x: n.x, y: n.y }, classes: `t-${type}` };
      }),
      ...g.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, width: 1 + Math.log2(e.weight) * 0.6 } })),
    ]);
  });
  cy.fit(undefined, 40);
  const z0 = cy.zoom();
  const p0 = cy.pan();
  return {
    webglActive: !!(cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl,
    step: (i) => {
      const zoom = z0 * (1.6 + 0.9 * Math.sin(i / 25));
      cy.viewport({ zoom, pan: { x: p0.x + 220 * Math.cos(i / 40) - (zoom - z0) * 400, y: p0.y + 160 * Math.sin(i / 40) - (zoom - z0) * 300 } });
    },
    destroy: () => {
      detach();
      cy.destroy();
    },
  };
}

async function mountSigma(g: BenchGraph, container: HTMLElement): Promise<Mounted> {
  const graph = new UndirectedGraph();
  for (const n of g.nodes) {
    const type = TYPES[n.type]!;
    graph.addNode(n.id, { x: n.x, y: -n.y, size: 6, color: ENTITY_META[type].colour, label: n.label });
  }
  for (const e of g.edges) graph.addEdgeWithKey(e.id, e.source, e.target, { size: 1 + Math.log2(e.weight) * 0.3, color: '#9aa5b1' });
  const sigma = new Sigma(graph, container, { renderLabels: true, labelRenderedSizeThreshold: 8 });
  const camera = sigma.getCamera();
  return {
    webglActive: true,
    step: (i) => {
      const zoom = 1.6 + 0.9 * Math.sin(i / 25);
      camera.setState({ ratio: 1 / zoom, x: 0.5 + 0.15 * Math.cos(i / 40), y: 0.5 + 0.1 * Math.sin(i / 40) });
    },
    destroy: () => sigma.kill(),
  };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function run(renderer: RendererName, elements: number, durationMs = 4000): Promise<RunResult> {
  const g = benchGraph(elements);
  const container = document.getElementById('stage')!;
  container.replaceChildren();
  await frame();
  const t0 = performance.now();
  const mounted = renderer === 'sigma' ? await mountSigma(g, container) : await mountCytoscape(g, container, renderer === 'cytoscape-webgl');
  // Both libraries draw in an animation frame after they are created: two frames later it is on screen.
  await frame();
  await frame();
  const firstFrameMs = performance.now() - t0;
  // Warm up, then the scripted pan and zoom: the viewport changes on every frame.
  for (let i = 0; i < 10; i++) {
    mounted.step(i);
    await frame();
  }
  const gaps: number[] = [];
  let frames = 0;
  const start = performance.now();
  let last = start;
  while (performance.now() - start < durationMs) {
    mounted.step(frames + 10);
    const now = await frame();
    gaps.push(now - last);
    last = now;
    frames += 1;
  }
  const duration = performance.now() - start;
  mounted.destroy();
  return {
    renderer,
    elements,
    nodes: g.nodes.length,
    edges: g.edges.length,
    firstFrameMs: Math.round(firstFrameMs),
    frames,
    durationMs: Math.round(duration),
    fps: Math.round((frames / duration) * 10000) / 10,
    msPerFrameP50: Math.round(percentile(gaps, 50) * 10) / 10,
    msPerFrameP95: Math.round(percentile(gaps, 95) * 10) / 10,
    webglActive: mounted.webglActive,
  };
}

declare global {
  interface Window {
    bench: { run: typeof run; webglInfo: typeof webglInfo };
  }
}

window.bench = { run, webglInfo };
