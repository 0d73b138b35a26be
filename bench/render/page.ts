/**
 * The benchmark page: renders one synthetic graph with one renderer (Cytoscape canvas,
 * Cytoscape WebGL as the workspace configures it, Cytoscape's stock WebGL renderer, or
 * sigma.js), then measures time to first frame and frames per second during a scripted pan
 * and zoom. Every renderer is shown the same region of the graph at every step (camera()),
 * and frames are counted as the library's own draws. Driven by bench/render/run.ts through
 * window.bench.
 */
import type { Core, CytoscapeOptions } from 'cytoscape';
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { benchGraph, type BenchGraph } from './graph.ts';
import { createCytoscape, LARGE_CHART, rendererOptions } from '../../client/src/chart/cytoscape.ts';
import { installViewportCache, type ViewportCache } from '../../client/src/chart/viewportCache.ts';
import { applyStyle, LARGE_LABEL_ZOOM } from '../../client/src/chart/hooks/useGraphStyle.ts';
import { nodeImage } from '../../client/src/graph/icons.ts';
import { ENTITY_META } from '../../client/src/model/meta.ts';
import { ENTITY_TYPES } from '../../client/src/model/types.ts';

export type RendererName = 'cytoscape-canvas' | 'cytoscape-webgl' | 'cytoscape-webgl-snapshot' | 'cytoscape-webgl-stock' | 'sigma';

export interface RunResult {
  renderer: RendererName;
  elements: number;
  nodes: number;
  edges: number;
  firstFrameMs: number;
  /** Animation frames during the pan and zoom, and how many of them the library drew. */
  frames: number;
  draws: number;
  durationMs: number;
  fps: number;
  /** The same with the frames longer than a second left out (time and draws), for every renderer alike. */
  fpsWithoutStalls: number;
  msPerFrameP50: number;
  msPerFrameP95: number;
  /** The longest animation frame: a stall shows here (and in fps) but not in the median. */
  msPerFrameMax: number;
  /** Which frame of the pan and zoom was the longest. */
  longestAt: number;
  /** Frames longer than a second: [frame, ms]. */
  stalls: [number, number][];
  /** Each frame waited for the GPU to finish its WebGL drawing (run's `finish`). */
  finished: boolean;
  webglActive: boolean;
  /** Cytoscape WebGL with the workspace's viewport cache: full frames and replayed frames. */
  cache?: { full: number; replayed: number };
  /**
   * With snapshots: frames that were the snapshot's quad, frames that took a new snapshot
   * (drawing the scene), and frames drawn in full to the screen; the median and longest time of
   * the animation frame after a snapshot was taken (its drawing is waited for there).
   */
  snapshot?: { quad: number; refresh: number; full: number; refreshMsP50: number; refreshMsMax: number; quadMsP50: number };
}

/**
 * The next animation frame; resolves with the time its callbacks ran (not the frame's timestamp,
 * which Chromium may date from before a stall of the main thread).
 */
const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));

const pixel = new Uint8Array(4);
/**
 * Waits until the GPU process has carried out every WebGL context's commands so far: a
 * one-pixel readPixels from the drawing buffer (Chromium's gl.finish() is only a flush). 2D
 * contexts are left alone: a read-back would change how Chromium draws them.
 */
function finishAll(contexts: unknown[]): void {
  for (const c of contexts) {
    if (!(c instanceof WebGL2RenderingContext || c instanceof WebGLRenderingContext)) continue;
    const fb = c.getParameter(c.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    if (fb) c.bindFramebuffer(c.FRAMEBUFFER, null);
    c.readPixels(0, 0, 1, 1, c.RGBA, c.UNSIGNED_BYTE, pixel);
    if (fb) c.bindFramebuffer(c.FRAMEBUFFER, fb);
  }
}

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
  /** How many times the library has drawn so far. */
  draws(): number;
  /** Waits until the GPU has carried out the library's WebGL drawing so far (a one-pixel read-back on each of its contexts). */
  finish(): void;
  destroy(): void;
  webglActive: boolean;
  cache: ViewportCache | null;
  cy?: Core;
}

const TYPES = ENTITY_TYPES.slice(0, 6);
/** Padding around the graph at the fit zoom, in CSS pixels (both libraries). */
const PAD = 40;

/**
 * Step i of the scripted pan and zoom, for every renderer alike: `zoom` times the fit zoom,
 * centred `dx`, `dy` (in units of the graph's larger side) off the graph's centre.
 */
export function camera(i: number): { zoom: number; dx: number; dy: number } {
  return { zoom: 1.6 + 0.9 * Math.sin(i / 25), dx: 0.15 * Math.cos(i / 40), dy: 0.1 * Math.sin(i / 40) };
}

/**
 * What step i shows, in the graph's own coordinates: the point at the centre of the view and
 * the zoom in CSS pixels per graph unit (the fit zoom puts the graph's larger side, node centre
 * to node centre, inside the smaller side of the view less PAD each side).
 */
function view(g: BenchGraph, width: number, height: number, i: number): { x: number; y: number; zoom: number } {
  const { cx, cy, side } = bounds(g);
  const c = camera(i);
  const fit = (Math.min(width, height) - 2 * PAD) / side;
  return { x: cx + c.dx * side, y: cy + c.dy * side, zoom: fit * c.zoom };
}

const boundsOf = new WeakMap<BenchGraph, { cx: number; cy: number; side: number }>();
/** The graph's centre and larger side, worked out once (at 20k, once per step cost 0.7 ms of every frame). */
function bounds(g: BenchGraph): { cx: number; cy: number; side: number } {
  let b = boundsOf.get(g);
  if (!b) {
    const xs = g.nodes.map((n) => n.x);
    const ys = g.nodes.map((n) => n.y);
    const x1 = Math.min(...xs);
    const y1 = Math.min(...ys);
    const x2 = Math.max(...xs);
    const y2 = Math.max(...ys);
    b = { cx: (x1 + x2) / 2, cy: (y1 + y2) / 2, side: Math.max(x2 - x1, y2 - y1, 1) };
    boundsOf.set(g, b);
  }
  return b;
}

type CyMode = 'canvas' | 'webgl' | 'webgl-snapshot' | 'webgl-stock';

async function mountCytoscape(g: BenchGraph, container: HTMLElement, mode: CyMode): Promise<Mounted> {
  const webgl = mode !== 'canvas';
  // What the workspace does at this size (ChartCanvas): the same stylesheet, renderer options and zoom-dependent labels.
  const large = g.nodes.length + g.edges.length > LARGE_CHART;
  // As ChartCanvas does: an empty instance with the stylesheet, then the elements added in one batch.
  // The workspace installs the viewport cache on every WebGL chart, with snapshots and its own
  // multisampling on large ones ('webgl-snapshot' uses both at every size, 'webgl' neither);
  // 'webgl-stock' is Cytoscape as shipped.
  const cy: Core = createCytoscape({ container, ...rendererOptions(large, webgl) } as CytoscapeOptions, mode === 'webgl-snapshot');
  const cache = mode === 'webgl' || mode === 'webgl-snapshot' ? installViewportCache(cy, { snapshot: mode === 'webgl-snapshot' }) : null;
  if (mode !== 'webgl-stock' && mode !== 'canvas' && !cache) throw new Error('The viewport cache did not install on this Cytoscape.');
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
  const step = (i: number) => {
    const { x, y, zoom } = view(g, cy.width(), cy.height(), i);
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom } });
  };
  step(0);
  const r = (cy as unknown as { renderer(): { webgl?: boolean; redrawCount?: number; data: { contexts: unknown[] } } }).renderer();
  return {
    webglActive: !!r.webgl,
    cache,
    cy,
    step,
    draws: () => r.redrawCount ?? 0,
    finish: () => finishAll(r.data.contexts),
    destroy: () => {
      detach();
      cy.destroy();
    },
  };
}

async function mountSigma(g: BenchGraph, container: HTMLElement): Promise<Mounted> {
  const graph = new UndirectedGraph();
  // Sizes in graph units that scale with the zoom, as Cytoscape's do: a 22-unit disc (radius 11), links as wide.
  for (const n of g.nodes) {
    const type = TYPES[n.type]!;
    graph.addNode(n.id, { x: n.x, y: -n.y, size: 11, color: ENTITY_META[type].colour, label: n.label });
  }
  for (const e of g.edges) graph.addEdgeWithKey(e.id, e.source, e.target, { size: (1 + Math.log2(e.weight) * 0.6) / 2, color: '#9aa5b1' });
  const sigma = new Sigma(graph, container, {
    renderLabels: true,
    itemSizesReference: 'positions',
    zoomToSizeRatioFunction: (ratio) => ratio,
    // Labels from the zoom at which the large-chart style shows them (a 22-unit disc at zoom 1.2).
    labelRenderedSizeThreshold: 11 * LARGE_LABEL_ZOOM,
  });
  let draws = 0;
  sigma.on('afterRender', () => {
    draws += 1;
  });
  const cam = sigma.getCamera();
  // Sigma's camera works in its own normalised frame: measure, at its initial state, how many
  // pixels a graph unit takes and where a graph point lies in that frame, then aim it as Cytoscape is aimed.
  const base = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const a = sigma.graphToViewport({ x: 0, y: 0 }, { cameraState: base });
  const b = sigma.graphToViewport({ x: 1000, y: 0 }, { cameraState: base });
  const pxPerUnit = Math.hypot(b.x - a.x, b.y - a.y) / 1000;
  return {
    webglActive: true,
    cache: null,
    step: (i) => {
      const { x, y, zoom } = view(g, container.clientWidth, container.clientHeight, i);
      const framed = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y: -y }, { cameraState: base }), { cameraState: base });
      cam.setState({ ratio: pxPerUnit / zoom, x: framed.x, y: framed.y });
    },
    draws: () => draws,
    finish: () => finishAll(Object.values((sigma as unknown as { webGLContexts: Record<string, unknown> }).webGLContexts)),
    destroy: () => sigma.kill(),
  };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/**
 * `finish`: after each animation frame, wait until the GPU has done that frame's WebGL drawing
 * (finishAll), so that a frame counts only once drawn. Without it the main thread can queue
 * frames far ahead of SwiftShader and then stall for seconds while the backlog is drawn.
 */
async function run(renderer: RendererName, elements: number, durationMs = 4000, finish = true): Promise<RunResult> {
  const g = benchGraph(elements);
  const container = document.getElementById('stage')!;
  container.replaceChildren();
  await frame();
  const t0 = performance.now();
  const mounted = renderer === 'sigma' ? await mountSigma(g, container) : await mountCytoscape(g, container, renderer.replace('cytoscape-', '') as CyMode);
  // Both libraries draw in an animation frame after they are created: two frames later it is on screen.
  await frame();
  await frame();
  if (finish) mounted.finish();
  const firstFrameMs = performance.now() - t0;
  // Warm up, then the scripted pan and zoom: the viewport changes on every frame.
  for (let i = 0; i < 10; i++) {
    mounted.step(i);
    await frame();
    if (finish) mounted.finish();
  }
  const gaps: number[] = [];
  /** What the cache did in each frame (snapshot mode): the frame after it waits for that drawing. */
  const kinds: ('quad' | 'refresh' | 'full' | 'none')[] = [];
  let frames = 0;
  const draws0 = mounted.draws();
  const cache0 = mounted.cache ? { ...mounted.cache.stats } : null;
  let statsSeen = cache0!;
  const start = performance.now();
  let last = start;
  while (performance.now() - start < durationMs) {
    mounted.step(frames + 10);
    const now = await frame();
    // In the animation frame's own task, after the library's draw: the next frame starts once this one is drawn.
    if (finish) mounted.finish();
    if (mounted.cache?.snapshot) {
      const before = kinds.length > 0 ? statsSeen : cache0!;
      const st = mounted.cache.stats;
      kinds.push(st.refreshes > before.refreshes ? 'refresh' : st.snapshot > before.snapshot ? 'quad' : st.full + st.replayed > before.full + before.replayed ? 'full' : 'none');
      statsSeen = { ...st };
    }
    gaps.push(now - last);
    last = now;
    frames += 1;
  }
  const duration = performance.now() - start;
  const stalled = gaps.filter((g) => g > 1000).reduce((a, b) => a + b, 0);
  // Frames the library drew (one per animation frame at most): an animation frame it skipped is not counted.
  const draws = mounted.draws() - draws0;
  const cache = mounted.cache && cache0 ? { full: mounted.cache.stats.full - cache0.full, replayed: mounted.cache.stats.replayed - cache0.replayed } : undefined;
  // The time until the next frame is where a frame's drawing was waited for (finish).
  const after = (k: string) => gaps.filter((_, i) => i > 0 && kinds[i - 1] === k);
  const snapshot = mounted.cache?.snapshot
    ? {
        quad: kinds.filter((k) => k === 'quad').length,
        refresh: kinds.filter((k) => k === 'refresh').length,
        full: kinds.filter((k) => k === 'full').length,
        refreshMsP50: Math.round(percentile(after('refresh'), 50) * 10) / 10,
        refreshMsMax: Math.round(Math.max(0, ...after('refresh')) * 10) / 10,
        quadMsP50: Math.round(percentile(after('quad'), 50) * 10) / 10,
      }
    : undefined;
  mounted.destroy();
  return {
    renderer,
    elements,
    nodes: g.nodes.length,
    edges: g.edges.length,
    firstFrameMs: Math.round(firstFrameMs),
    frames,
    draws,
    durationMs: Math.round(duration),
    fps: Math.round((draws / duration) * 10000) / 10,
    fpsWithoutStalls: Math.round((draws / Math.max(1, duration - stalled)) * 10000) / 10,
    msPerFrameP50: Math.round(percentile(gaps, 50) * 10) / 10,
    msPerFrameP95: Math.round(percentile(gaps, 95) * 10) / 10,
    msPerFrameMax: Math.round(Math.max(0, ...gaps) * 10) / 10,
    longestAt: gaps.indexOf(Math.max(0, ...gaps)),
    stalls: gaps.flatMap((g, i) => (g > 1000 ? [[i, Math.round(g)] as [number, number]] : [])),
    finished: finish,
    webglActive: mounted.webglActive,
    ...(cache ? { cache } : {}),
    ...(snapshot ? { snapshot } : {}),
  };
}

/**
 * The floor under every WebGL renderer here: a canvas of the stage's size that draws one quad
 * per animation frame, textured from a texture `texScale` times its size (0: a plain colour),
 * waited for as the runs are (one-pixel read-back); with `layers` 2D canvases over it, cleared
 * every frame if `clear` (as Cytoscape's WebGL mode clears its own), hidden if `hidden`.
 * Milliseconds per animation frame.
 */
async function floor(durationMs: number, texScale: number, layers: number, clear = true, hidden = false): Promise<{ frames: number; p50: number; p95: number; max: number }> {
  const container = document.getElementById('stage')!;
  container.replaceChildren();
  const w = container.clientWidth;
  const h = container.clientHeight;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  canvas.style.cssText = 'position:absolute;left:0;top:0';
  container.append(canvas);
  const twoD = Array.from({ length: layers }, () => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    c.style.cssText = `position:absolute;left:0;top:0${hidden ? ';visibility:hidden' : ''}`;
    container.append(c);
    return c.getContext('2d')!;
  });
  const gl = canvas.getContext('webgl2')!;
  const prog = gl.createProgram()!;
  const sh = (type: number, src: string) => {
    const x = gl.createShader(type)!;
    gl.shaderSource(x, src);
    gl.compileShader(x);
    gl.attachShader(prog, x);
  };
  sh(gl.VERTEX_SHADER, '#version 300 es\nin vec2 p; out vec2 uv; uniform float t; void main(){ uv = p; gl_Position = vec4(p * 2.0 - 1.0 + vec2(t, 0.0), 0.0, 1.0); }');
  sh(gl.FRAGMENT_SHADER, `#version 300 es\nprecision highp float; uniform sampler2D s; in vec2 uv; out vec4 o; void main(){ o = ${texScale > 0 ? 'texture(s, uv)' : 'vec4(0.2, 0.3, 0.4, 1.0)'}; }`);
  gl.linkProgram(prog);
  gl.useProgram(prog);
  const buf = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, buf);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.bindAttribLocation(prog, 0, 'p');
  gl.vertexAttribPointer(gl.getAttribLocation(prog, 'p'), 2, gl.FLOAT, false, 0, 0);
  if (texScale > 0) {
    const tw = Math.round(w * texScale);
    const th = Math.round(h * texScale);
    const data = new Uint8Array(tw * th * 4).map((_, i) => (i * 37) & 255);
    gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, tw, th, 0, gl.RGBA, gl.UNSIGNED_BYTE, data);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  }
  const tLoc = gl.getUniformLocation(prog, 't');
  const gaps: number[] = [];
  const start = performance.now();
  let last = start;
  let i = 0;
  while (performance.now() - start < durationMs) {
    const now = await frame();
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.uniform1f(tLoc, 0.01 * Math.sin(i++ / 10));
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    if (clear) for (const c of twoD) c.clearRect(0, 0, w, h);
    finishAll([gl]);
    gaps.push(now - last);
    last = now;
  }
  container.replaceChildren();
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { frames: gaps.length, p50: r1(percentile(gaps, 50)), p95: r1(percentile(gaps, 95)), max: r1(Math.max(...gaps)) };
}

/** Mounts one renderer at step i of the pan and zoom and leaves it on screen (for a screenshot). */
async function show(renderer: RendererName, elements: number, i: number): Promise<void> {
  const g = benchGraph(elements);
  const container = document.getElementById('stage')!;
  container.replaceChildren();
  const mounted = renderer === 'sigma' ? await mountSigma(g, container) : await mountCytoscape(g, container, renderer.replace('cytoscape-', '') as CyMode);
  mounted.step(i);
  for (let k = 0; k < 3; k++) await frame();
}

interface WebglInternals {
  WEBGL: number;
  data: { contexts: WebGL2RenderingContext[] };
  render(o: unknown): void;
  findNearestElements(x: number, y: number, interactive: boolean, touch: boolean): { id(): string }[];
}

/**
 * Looks up up to 25 nodes in view with no other node near them (so that the answer is not a
 * matter of which is on top) through the renderer's picking, while `go()` holds.
 */
function pickLonely(cy: Core, go = () => true): { picked: number; pickedRight: number } {
  const r = (cy as Core & { renderer(): WebglInternals }).renderer();
  const ext = cy.extent();
  const nodes = cy.nodes().toArray();
  const lonely = nodes.filter((n) => {
    const p = n.position();
    if (p.x < ext.x1 + 40 || p.x > ext.x2 - 40 || p.y < ext.y1 + 40 || p.y > ext.y2 - 40) return false;
    return nodes.every((m) => m === n || Math.hypot(m.position().x - p.x, m.position().y - p.y) > 60);
  });
  let picked = 0;
  let pickedRight = 0;
  for (const n of lonely.slice(0, 25)) {
    if (!go()) break;
    const p = n.position();
    picked += 1;
    if (r.findNearestElements(p.x, p.y, true, false).some((e) => e.id() === n.id())) pickedRight += 1;
  }
  return { picked, pickedRight };
}

export interface Verification {
  /** The frame checked was replayed by the viewport cache (not drawn in full). */
  replayed: boolean;
  pixels: number;
  /** Pixels that differ between the replayed frame and a full frame of the same viewport. */
  differing: number;
  inked: number;
  /** Nodes looked up under the pointer through the (replayed) picking pass, and how many were found. */
  picked: number;
  pickedRight: number;
  /** The look-ups were answered from a replayed picking pass. */
  pickingReplayed: boolean;
  /**
   * GPU objects (a VAO per recorded batch) after `fullFrames` full frames each followed by a
   * replayed one: `vaos` must equal the batches of the recordings kept (`recorded`), not grow with
   * the frames; `afterDestroy` is what is left once the chart is destroyed (0).
   */
  gpu: { fullFrames: number; vaosBefore: number; vaos: number; buffers: number; recorded: number; afterDestroy: number };
}

/**
 * Checks the viewport cache on this Cytoscape: a replayed frame equals a full frame of the same
 * viewport pixel for pixel, and the picking pass finds the node under the pointer.
 */
async function verify(elements: number): Promise<Verification> {
  const mounted = await mountAlone(elements, 'webgl');
  const cache = mounted.cache!;
  const cy = mounted.cy!;
  const r = (cy as Core & { renderer(): WebglInternals }).renderer();
  const pixels = readBack(cy);
  const settle = async () => {
    for (let k = 0; k < 3; k++) await frame();
  };
  mounted.step(3);
  await settle();
  // A step of the pan and zoom whose frame the cache replayed (a late event, such as the
  // container's first resize report, makes a frame a full one: then try the next step).
  let replayed = false;
  let a = null as Uint8Array | null;
  for (let i = 40; i < 80 && !replayed; i += 4) {
    const before = { ...cache.stats };
    mounted.step(i);
    await settle();
    replayed = cache.stats.replayed > before.replayed && cache.stats.full === before.full;
    a = pixels.last();
  }
  // Picking through the cache: the node drawn at a point is the one found there (nodes with no
  // other node near them, so that the answer is not a matter of which is on top). One look-up
  // records the picking pass; after a pan, the look-ups replay it. A late change (the renderer's
  // collection after a frame, a resize report) makes the next frame and the recorded picking pass
  // stale: then record again and take the next pan, up to five times.
  let panned = false;
  let pickingReplayed = false;
  let picking = { picked: 0, pickedRight: 0 };
  for (let k = 0; k < 5 && !(panned && pickingReplayed); k++) {
    const centre = cy.extent();
    r.findNearestElements((centre.x1 + centre.x2) / 2, (centre.y1 + centre.y2) / 2, true, false);
    const before = { ...cache.stats };
    cy.panBy({ x: 30, y: 20 });
    await settle();
    panned = cache.stats.replayed > before.replayed && cache.stats.full === before.full;
    if (!panned) continue;
    // The frame compared below: after a pan only, so replayed.
    a = pixels.last();
    picking = pickLonely(cy);
    pickingReplayed = cache.stats.pickingReplayed > before.pickingReplayed && cache.stats.pickingFull === before.pickingFull;
  }
  replayed = replayed && panned;
  const ext = cy.extent();
  const { picked, pickedRight } = picking;
  cache.invalidate();
  cy.forceRender();
  await settle();
  const b = pixels.last()!;
  if (!a) throw new Error('No frame was drawn.');
  let differing = 0;
  let inked = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) differing++;
    if (b[i + 3]! > 0) inked++;
  }
  // Many full frames, each with a picking pass, then a pan: dropped recordings free their GPU buffers.
  const vaosBefore = cache.gpu.vaos;
  const fullFrames = 12;
  for (let k = 0; k < fullFrames; k++) {
    cache.invalidate();
    cy.forceRender();
    await frame();
    r.findNearestElements((ext.x1 + ext.x2) / 2, (ext.y1 + ext.y2) / 2, true, false);
    cy.panBy({ x: 5, y: 0 });
    await frame();
  }
  const gpuAfter = { vaos: cache.gpu.vaos, buffers: cache.gpu.buffers, recorded: cache.recordedBatches() };
  mounted.destroy();
  const gpu = { fullFrames, vaosBefore, ...gpuAfter, afterDestroy: cache.gpu.vaos };
  return { replayed, pixels: a.length / 4, differing, inked, picked, pickedRight, pickingReplayed, gpu };
}

/** The bench graph of this size in Cytoscape, alone on the stage. */
async function mountAlone(elements: number, mode: CyMode): Promise<Mounted> {
  const container = document.getElementById('stage')!;
  container.replaceChildren();
  return mountCytoscape(benchGraph(elements), container, mode);
}

/** Every screen frame's pixels, read back right after Cytoscape draws it (for the checks and shots). */
function readBack(cy: Core): { last(): Uint8Array | null; next(): Promise<Uint8Array>; width: number; height: number } {
  const r = (cy as Core & { renderer(): WebglInternals }).renderer();
  const gl = r.data.contexts[r.WEBGL]!;
  let last = null as Uint8Array | null;
  let waiting: ((px: Uint8Array) => void)[] = [];
  const render = r.render;
  r.render = function (o) {
    render.call(this, o);
    const px = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
    gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, px);
    last = px;
    const w = waiting;
    waiting = [];
    for (const f of w) f(px);
  };
  return {
    last: () => last,
    /** The next frame drawn, resolved in the draw's own task (before any timer can run). */
    next: () => new Promise<Uint8Array>((resolve) => waiting.push(resolve)),
    width: gl.drawingBufferWidth,
    height: gl.drawingBufferHeight,
  };
}

/** How two frames differ: pixels whose largest channel difference exceeds `threshold`, and the mean difference. */
export interface FrameDiff {
  pixels: number;
  differing: number;
  /** Share of the drawn (non-transparent in either frame) pixels that differ by more than the threshold. */
  shareOfInked: number;
  inked: number;
  meanAbs: number;
  threshold: number;
}

function diff(a: Uint8Array, b: Uint8Array, threshold: number): FrameDiff {
  let differing = 0;
  let inked = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i += 4) {
    let m = 0;
    for (let c = 0; c < 4; c++) {
      const d = Math.abs(a[i + c]! - b[i + c]!);
      sum += d;
      if (d > m) m = d;
    }
    if (a[i + 3]! > 0 || b[i + 3]! > 0) inked++;
    if (m > threshold) differing++;
  }
  return { pixels: a.length / 4, differing, inked, shareOfInked: Math.round((differing / Math.max(1, inked)) * 10000) / 10000, meanAbs: Math.round((sum / a.length) * 1000) / 1000, threshold };
}

export interface SnapshotVerification {
  /** After the view came to rest (the real rest timer): the frame against a full frame, exact. */
  rest: FrameDiff & { drawnInFull: boolean };
  /**
   * The same full frame against one drawn on a canvas that Chromium multisamples (antialias: true):
   * exact in the large-chart style (`large`); in the small-chart style, which the workspace never
   * draws with WebGL, labels and icons from texture atlases differed in a few hundred pixels (reported only).
   */
  restAgainstCanvasMultisampled: FrameDiff;
  large: boolean;
  /** Snapshot frames mid-motion against a full frame of the same view, by what the motion did since the snapshot. */
  motion: { step: string; quad: boolean; diff: FrameDiff; images?: { snapshot: string; full: string } }[];
  /**
   * The first frame of a motion from the snapshots taken at rest (outside any frame, decision
   * 0044): whether they were taken, the frame was their quads, and how it differs from a full frame.
   */
  fromRest: { step: string; taken: boolean; quad: boolean; diff: FrameDiff; images?: { snapshot: string; full: string } }[];
  /** Look-ups under the pointer while the view moves (answered from the real geometry). */
  picked: number;
  pickedRight: number;
  /** GPU objects after destroy (the snapshot's are deleted with the chart). */
  vaosAfterDestroy: number;
}

/**
 * Checks snapshot mode: at rest the frame is exactly a full frame; mid-motion a snapshot frame
 * differs from a full frame of the same view only by resampling (measured, not asserted here);
 * picking while moving finds the node under the pointer.
 */
async function verifySnapshot(elements: number, images = false): Promise<SnapshotVerification> {
  const mounted = await mountAlone(elements, 'webgl-snapshot');
  const cache = mounted.cache!;
  const cy = mounted.cy!;
  const pixels = readBack(cy);
  const settle = async () => {
    for (let k = 0; k < 3; k++) await frame();
  };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // Motion along the scripted camera, then stillness: the rest timer draws a full frame.
  for (let i = 30; i < 45; i++) {
    mounted.step(i);
    await frame();
  }
  await wait(cache.snapshot!.restMs + 100);
  await settle();
  const before = { ...cache.stats };
  const atRest = pixels.last()!;
  cache.invalidate();
  cy.forceRender();
  await settle();
  const full = pixels.last()!;
  const rest = { ...diff(atRest, full, 0), drawnInFull: cache.stats.snapshot === before.snapshot && !cache.moving() };
  const restView = { zoom: cy.zoom(), pan: { ...cy.pan() } };

  // With `images`: the middle 400x250 pixels of a snapshot frame and the full frame, to look at the resampling.
  const crop = (px: Uint8Array) => png(px, pixels.width, pixels.height, { x: (pixels.width - 400) >> 1, y: (pixels.height - 250) >> 1, w: 400, h: 250 });

  // The snapshots of the view at rest (the near one a copy of its full frame, the wide one drawn
  // outside any frame): a zoom's first frame is their quads.
  const fromRest: SnapshotVerification['fromRest'] = [];
  /**
   * One change drawn while moving (whether it drew from the snapshots alone: quads, no refresh),
   * then at rest (a full frame), and how far the two frames differ.
   */
  const againstFullFrame = async (change: () => void) => {
    const s0 = { ...cache.stats };
    change();
    const moved = await pixels.next();
    const quad = cache.stats.snapshot > s0.snapshot && cache.stats.refreshes === s0.refreshes;
    cache.rest();
    const still = await pixels.next();
    return { quad, diff: diff(moved, still, 32), ...(images ? { images: { snapshot: crop(moved), full: crop(still) } } : {}) };
  };
  for (const [step, change] of [
    ['zoom in x1.15', () => cy.zoom({ level: cy.zoom() * 1.15, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })],
    ['zoom out x0.5 (the wide one under the near one)', () => cy.zoom({ level: cy.zoom() * 0.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })],
  ] as const) {
    let taken = cache.snapshotsAtRest();
    for (let t = 0; !taken && t < 100; t++) {
      await wait(50);
      taken = cache.snapshotsAtRest();
    }
    fromRest.push({ step, taken, ...(await againstFullFrame(change)) });
    cy.viewport(restView);
    cache.rest();
    await settle();
  }

  // Mid-motion: a small pan takes a snapshot here; then each change below is compared (as a
  // snapshot frame) with a full frame of the same view, and the view set back.
  const motion: SnapshotVerification['motion'] = [];
  const changes: [string, () => void][] = [
    ['just taken (pan 1 px)', () => cy.panBy({ x: 1, y: 0 })],
    ['pan 120 px, 80 px', () => cy.panBy({ x: 120, y: 80 })],
    ['zoom in x1.2', () => cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })],
    ['zoom in x1.45', () => cy.zoom({ level: cy.zoom() * 1.45, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })],
    ['zoom out x0.7', () => cy.zoom({ level: cy.zoom() * 0.7, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })],
  ];
  const home = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  for (const [step, change] of changes) {
    cy.viewport(home);
    cache.rest();
    await settle();
    cy.panBy({ x: 1, y: 0 });
    await pixels.next();
    motion.push({ step, ...(await againstFullFrame(change)) });
  }

  // Picking while the view moves: the picking pass is drawn from the recorded geometry.
  cy.panBy({ x: 7, y: 3 });
  await pixels.next();
  const { picked, pickedRight } = pickLonely(cy, () => cache.moving());
  mounted.destroy();
  const vaosAfterDestroy = cache.gpu.vaos;

  // The frame at rest against the same view drawn on a canvas multisampled by Chromium (the
  // 'webgl' mode's canvas, made with antialias: true): the cache's own multisampling looks the same.
  const plain = await mountAlone(elements, 'webgl');
  const plainPixels = readBack(plain.cy!);
  plain.cy!.viewport(restView);
  plain.cache!.invalidate();
  plain.cy!.forceRender();
  await settle();
  const canvasMultisampled = diff(full, plainPixels.last()!, 0);
  plain.destroy();
  return { rest, restAgainstCanvasMultisampled: canvasMultisampled, large: elements > LARGE_CHART, motion, fromRest, picked, pickedRight, vaosAfterDestroy };
}

/**
 * Screen frames of one Cytoscape mode as PNG data URLs, read back from its WebGL canvas: mid-
 * motion (the frame drawn after the camera ran from step i - 30 to i) and at rest (after the
 * view has been still for longer than the rest time). Premultiplied colours over white.
 */
async function shots(renderer: RendererName, elements: number, i: number): Promise<{ moving: string; rest: string }> {
  const mounted = await mountAlone(elements, renderer.replace('cytoscape-', '') as CyMode);
  const pixels = readBack(mounted.cy!);
  for (let k = i - 30; k <= i; k++) {
    mounted.step(k);
    await frame();
    mounted.finish();
  }
  const moving = png(pixels.last()!, pixels.width, pixels.height);
  await new Promise((resolve) => setTimeout(resolve, 400));
  for (let k = 0; k < 3; k++) await frame();
  const rest = png(pixels.last()!, pixels.width, pixels.height);
  mounted.destroy();
  return { moving, rest };
}

function png(px: Uint8Array, width: number, height: number, region = { x: 0, y: 0, w: width, h: height }): string {
  const canvas = document.createElement('canvas');
  canvas.width = region.w;
  canvas.height = region.h;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(region.w, region.h);
  for (let y = 0; y < region.h; y++) {
    for (let x = 0; x < region.w; x++) {
      const s = ((height - 1 - (y + region.y)) * width + x + region.x) * 4;
      const d = (y * region.w + x) * 4;
      const a = px[s + 3]!;
      for (let c = 0; c < 3; c++) img.data[d + c] = px[s + c]! + (255 - a);
      img.data[d + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toDataURL('image/png');
}

declare global {
  interface Window {
    bench: { run: typeof run; webglInfo: typeof webglInfo; show: typeof show; verify: typeof verify; verifySnapshot: typeof verifySnapshot; shots: typeof shots; floor: typeof floor };
  }
}

window.bench = { run, webglInfo, show, verify, verifySnapshot, shots, floor };
