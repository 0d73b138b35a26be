/**
 * While the user pans or zooms a large WebGL chart, the frame is one textured quad: a snapshot
 * of the last full frame, taken into a framebuffer texture with a margin around the view, drawn
 * under the transform from the snapshot's pan/zoom to the current one. The viewport cache
 * (viewportCache.ts) decides when; this module holds the GPU side and the arithmetic.
 *
 * Why: under software WebGL (SwiftShader) a full Cytoscape frame at 5k elements costs about
 * 200 ms of drawing whatever the JavaScript does (bench/ANALYSIS.md, Render); one quad of the
 * canvas's size costs a few milliseconds. It is the technique Cytoscape's canvas renderer ships
 * as `textureOnViewport`, and map viewers use: there are two snapshots, as two levels of a tile
 * pyramid. The near one covers the view and a quarter of it each side at full resolution; the wide
 * one covers two views each side (a zoom out to a fifth) at 0.3 of the resolution, the same number
 * of pixels. At rest the near one is a copy of the full frame (the view only, no margin), made in
 * that frame, and the wide one is drawn outside any frame shortly after (decision 0044). While the view moves, `planFrame` picks what a frame shows: a pan the near one
 * 1:1; a zoom in the near one magnified (blurred, as a map's tiles are until the new ones come), a
 * zoom out the wide one under the near one; a snapshot is retaken in a frame only past those
 * limits (a refresh: the recorded batches drawn into the framebuffer, no per-element JavaScript).
 * When the view comes to rest the cache draws a full frame to the screen as before, so a chart at
 * rest is exactly what Cytoscape draws.
 *
 * Geometry in clip space: Cytoscape's pan/zoom matrix maps a model point m to clip c = A·m + B
 * per axis (A = m[0] / m[4], B = m[6] / m[7] of the column-major mat3). The snapshot is drawn
 * with the screen matrix scaled by 1/k per axis (k = the view with its margins over the view), so
 * it covers the view and a margin of (k - 1)/2 of it each side, at `resolution` of the canvas's
 * pixel density.
 */
import { MultisampledBuffer } from './multisampledScreen.ts';

/** A pan/zoom matrix as affine maps per axis: clip = a·model + b. */
export interface Axes {
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

export function axesOf(m: ArrayLike<number>): Axes {
  return { ax: m[0]!, bx: m[6]!, ay: m[4]!, by: m[7]! };
}

/** The matrix that draws the screen's view and a margin into a framebuffer `kx` by `ky` times the canvas. */
export function widen(m: ArrayLike<number>, kx: number, ky: number): Float32Array {
  const w = Float32Array.from(m as ArrayLike<number>);
  for (const i of [0, 3, 6]) w[i]! /= kx;
  for (const i of [1, 4, 7]) w[i]! /= ky;
  return w;
}

/** Where the snapshot's framebuffer (clip -1..1 in it) lands on the screen now: x0, y0, x1, y1 in screen clip space. */
export function quadRect(snap: Axes, kx: number, ky: number, now: Axes): [number, number, number, number] {
  const x = (f: number) => (now.ax / snap.ax) * (kx * f - snap.bx) + now.bx;
  const y = (f: number) => (now.ay / snap.ay) * (ky * f - snap.by) + now.by;
  return [x(-1), y(-1), x(1), y(1)];
}

/** The zoom now relative to the snapshot's (above 1: zoomed in, the snapshot magnified). */
export function magnification(snap: Axes, now: Axes): number {
  return now.ax / snap.ax;
}

/** Whether the snapshot covers the whole view now (within `slack` of its framebuffer's clip space). */
export function covers(snap: Axes, kx: number, ky: number, now: Axes, slack = 1e-3): boolean {
  // The screen's corners (clip ±1 now) in the snapshot framebuffer's clip space.
  const fx = (c: number) => ((c - now.bx) * (snap.ax / now.ax) + snap.bx) / kx;
  const fy = (c: number) => ((c - now.by) * (snap.ay / now.ay) + snap.by) / ky;
  return [fx(-1), fx(1), fy(-1), fy(1)].every((f) => Math.abs(f) <= 1 + slack);
}

/** Whether the zoom changed from `prev` to `now`. */
export function zooming(prev: Axes | null, now: Axes): boolean {
  return !!prev && Math.abs(now.ax / prev.ax - 1) >= 1e-4;
}

/** The screen matrix `m` with the pan/zoom `a` instead of its own. */
export function withAxes(m: ArrayLike<number>, a: Axes): Float32Array {
  const w = Float32Array.from(m as ArrayLike<number>);
  w[0] = a.ax;
  w[6] = a.bx;
  w[4] = a.ay;
  w[7] = a.by;
  return w;
}

export interface SnapshotOptions {
  /** Margin around the view the near snapshot covers, as a share of the view's width/height on each side. */
  margin: number;
  /** While panning, the near snapshot is retaken once the zoom is this many times its own (magnified, it looks blurred). */
  maxMagnify: number;
  /**
   * While zooming, a snapshot serves until a texel of it covers this many screen pixels a side
   * (blurred, as a map viewer's tiles are until the new ones come): a wheel zoom in is drawn from
   * the snapshot it started on; only beyond this is one retaken.
   */
  zoomMagnify: number;
  /** Margin around the view the wide snapshot covers (for zooming out), a share of the view each side. */
  wideMargin: number;
  /** The wide snapshot's pixels per canvas pixel a side (it is drawn at a lower resolution). */
  wideResolution: number;
  /** Milliseconds without a viewport change after which the view is at rest and drawn in full. */
  restMs: number;
  /**
   * Milliseconds after a motion's full frame at rest (with no frame since) after which the near and
   * wide snapshots of the view at rest are drawn, outside any frame, so the next pan or zoom starts
   * on a quad; after any other full frame (a change: opening, restyle, selection), `afterChangeMs`.
   */
  atRestMs: number;
  afterChangeMs: number;
  /**
   * Near snapshots retaken while the zoom changes are multisampled as full frames are (others always
   * are). Off: such a snapshot is drawn at one sample a pixel, about a third of the cost under
   * SwiftShader; it is shown resampled, for a few frames of a zoom, and the frame at rest is full.
   */
  multisampleZoom: boolean;
}

export const SNAPSHOT_DEFAULTS: SnapshotOptions = {
  margin: 0.25,
  maxMagnify: 1.5,
  zoomMagnify: 8,
  wideMargin: 2,
  wideResolution: 0.3,
  restMs: 150,
  atRestMs: 250,
  afterChangeMs: 1000,
  multisampleZoom: false,
};

/** A snapshot as the choice of a frame sees it: where it was taken, how far it reaches (k), its pixels per canvas pixel. */
export interface Shot {
  taken: Axes;
  kx: number;
  ky: number;
  resolution: number;
}

/** Screen pixels a side that one texel of the snapshot covers in the view `now`. */
export function texelSize(s: Shot, now: Axes): number {
  return magnification(s.taken, now) / s.resolution;
}

/**
 * How a frame of the moving view `now` is drawn (`prev`: the last screen frame's view), from the
 * near snapshot (the view and a small margin, full resolution) and the wide one (a wide margin, at
 * a lower resolution), each null when there is none of the current generation:
 * - `show`: the snapshots' quads, drawn in this order (the sharper last, over the other);
 * - `retake`: that snapshot is taken again at `now` first (multisampled or not), then shown.
 * A pan shows the near snapshot 1:1 as long as it covers the view and is magnified at most
 * `maxMagnify` (after a zoom in): a pan is looked at closely. Any other frame (a zoom, or no move)
 * is served by whichever covers the view, while a texel of it spans at most `zoomMagnify` pixels:
 * zooming in magnifies the near one, zooming out shows the wide one around it. Only past both is
 * one retaken: the wide one when zooming out, the near one otherwise.
 */
/** Whether the snapshot serves a pan in the view `now`: it covers the view and is magnified at most `maxMagnify`. */
export function servesPan(s: Shot | null, now: Axes, o: SnapshotOptions): s is Shot {
  return !!s && covers(s.taken, s.kx, s.ky, now) && texelSize(s, now) <= o.maxMagnify;
}

export type FramePlan = { show: ('near' | 'wide')[] } | { retake: 'near' | 'wide'; multisample: boolean };

export function planFrame(near: Shot | null, wide: Shot | null, prev: Axes | null, now: Axes, o: SnapshotOptions): FramePlan {
  const fits = (s: Shot | null, most: number): s is Shot => !!s && covers(s.taken, s.kx, s.ky, now) && texelSize(s, now) <= most;
  const panning = !!prev && !zooming(prev, now) && (prev.bx !== now.bx || prev.by !== now.by);
  if (panning) return servesPan(near, now, o) ? { show: ['near'] } : { retake: 'near', multisample: true };
  if (fits(near, o.zoomMagnify)) return { show: ['near'] };
  if (fits(wide, o.zoomMagnify)) return { show: near && texelSize(near, now) <= texelSize(wide, now) ? ['wide', 'near'] : ['wide'] };
  if (prev && now.ax < prev.ax) return { retake: 'wide', multisample: false };
  return { retake: 'near', multisample: o.multisampleZoom || !zooming(prev, now) };
}

const VERTEX = `#version 300 es
in vec2 aCorner;
uniform vec4 uRect;
out vec2 vUv;
void main() {
  vUv = aCorner;
  gl_Position = vec4(mix(uRect.xy, uRect.zw, aCorner), 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform sampler2D uTex;
in vec2 vUv;
out vec4 colour;
void main() {
  colour = texture(uTex, vUv);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const s = gl.createShader(type)!;
  gl.shaderSource(s, source);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`Snapshot shader: ${gl.getShaderInfoLog(s) ?? 'did not compile'}`);
  return s;
}

/**
 * A snapshot's GPU objects: a framebuffer covering the view and a margin of `margin` of it each
 * side, at `resolution` pixels per canvas pixel a side (multisampled as full frames are when asked,
 * resolved into the texture), the texture, and a program that draws it as one quad.
 */
export class Snapshot {
  /** The screen matrix's axes when the snapshot was taken, or null when there is none. */
  taken: Axes | null = null;
  /** The cache generation it was taken at (any change but the viewport makes it stale). */
  generation = -1;
  kx = 1;
  ky = 1;
  /** How far the snapshot's content reaches, as kx/ky do (a copy of the view at rest: the view only). */
  private reach = { x: 1, y: 1 };
  private width = 0;
  private height = 0;
  /** The canvas size the framebuffer was made for. */
  private canvas = { width: 0, height: 0 };
  private readonly texture: WebGLTexture;
  private readonly target: WebGLFramebuffer;
  private readonly multisampled: MultisampledBuffer | null;
  private sampling: MultisampledBuffer | null = null;
  private readonly program: WebGLProgram;
  private readonly vao: WebGLVertexArrayObject;
  private readonly corners: WebGLBuffer;
  private readonly uRect: WebGLUniformLocation;
  private readonly uTex: WebGLUniformLocation;

  /**
   * `samples`: samples a pixel when a snapshot is taken multisampled (0: never), as full frames
   * are drawn: as the canvas is multisampled or, when it is not, as the viewport cache draws full
   * frames itself (multisampledScreen.ts).
   */
  constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly margin: number,
    readonly resolution: number,
    samples: number,
  ) {
    const program = gl.createProgram()!;
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`Snapshot program: ${gl.getProgramInfoLog(program) ?? 'did not link'}`);
    this.program = program;
    this.uRect = gl.getUniformLocation(program, 'uRect')!;
    this.uTex = gl.getUniformLocation(program, 'uTex')!;
    this.vao = gl.createVertexArray()!;
    this.corners = gl.createBuffer()!;
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.corners);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
    const loc = gl.getAttribLocation(program, 'aCorner');
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.texture = gl.createTexture()!;
    this.target = gl.createFramebuffer()!;
    this.multisampled = samples > 0 ? new MultisampledBuffer(gl, samples) : null;
  }

  /** Sizes the framebuffer for this canvas: a margin of whole canvas pixels each side, at the snapshot's resolution. */
  private size(): void {
    const gl = this.gl;
    const cw = gl.drawingBufferWidth;
    const ch = gl.drawingBufferHeight;
    this.canvas = { width: cw, height: ch };
    const wc = cw + 2 * Math.round(this.margin * cw);
    const hc = ch + 2 * Math.round(this.margin * ch);
    this.kx = wc / cw;
    this.ky = hc / ch;
    const w = Math.max(1, Math.round(wc * this.resolution));
    const h = Math.max(1, Math.round(hc * this.resolution));
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, w, h, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.bindTexture(gl.TEXTURE_2D, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.target);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.texture, 0);
    this.multisampled?.size(w, h);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  }

  /** The snapshot, if it can stand for frames at `generation` (taken then, for this canvas size). */
  shot(generation: number): Shot | null {
    const ok = this.taken !== null && this.generation === generation && this.canvas.width === this.gl.drawingBufferWidth && this.canvas.height === this.gl.drawingBufferHeight;
    return ok ? { taken: this.taken!, kx: this.reach.x, ky: this.reach.y, resolution: this.resolution } : null;
  }

  /** Whether it was taken at exactly the view of `m` at `generation`. */
  isAt(m: ArrayLike<number>, generation: number): boolean {
    const s = this.shot(generation);
    const a = axesOf(m);
    return !!s && s.taken.ax === a.ax && s.taken.bx === a.bx && s.taken.ay === a.ay && s.taken.by === a.by;
  }

  /**
   * Starts drawing a snapshot at the screen matrix `m` (`multisample`: as full frames are, if it
   * can): binds and clears the framebuffer; returns the matrix to draw with.
   */
  begin(m: ArrayLike<number>, multisample: boolean): Float32Array {
    const gl = this.gl;
    this.size();
    this.sampling = multisample ? this.multisampled : null;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.sampling?.framebuffer ?? this.target);
    gl.viewport(0, 0, this.width, this.height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    this.taken = axesOf(m);
    this.reach = { x: this.kx, y: this.ky };
    return widen(m, this.kx, this.ky);
  }

  /**
   * Makes the snapshot a copy of the frame on the canvas, drawn at the screen matrix `m` at
   * `generation` (a full frame at rest): the view, pixel for pixel, in its middle; the margins
   * empty, so that it reaches the view only (a zoom in stays inside it). A copy of the canvas's
   * pixels costs next to nothing beside drawing them again.
   */
  copyView(m: ArrayLike<number>, generation: number): void {
    const gl = this.gl;
    if (this.resolution !== 1) throw new Error('Only a snapshot at the canvas resolution can copy the canvas');
    this.size();
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.target);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    const { width, height } = this.canvas;
    gl.copyTexSubImage2D(gl.TEXTURE_2D, 0, (this.width - width) / 2, (this.height - height) / 2, 0, 0, width, height);
    gl.bindTexture(gl.TEXTURE_2D, null);
    this.taken = axesOf(m);
    this.generation = generation;
    this.reach = { x: 1, y: 1 };
  }

  /** Ends the snapshot (resolving the multisampled buffer into the texture) and returns to the screen. */
  end(generation: number): void {
    const gl = this.gl;
    this.sampling?.resolve(this.target);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    this.generation = generation;
  }

  /** A snapshot that failed half-way (the frame threw): not to be used. */
  abandon(): void {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    this.taken = null;
  }

  /** Draws the snapshot onto the (cleared) screen as the screen matrix `m` shows it. */
  draw(m: ArrayLike<number>): void {
    const gl = this.gl;
    const [x0, y0, x1, y1] = quadRect(this.taken!, this.kx, this.ky, axesOf(m));
    gl.useProgram(this.program);
    gl.bindVertexArray(this.vao);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.uniform1i(this.uTex, 0);
    gl.uniform4f(this.uRect, x0, y0, x1, y1);
    // The screen was cleared: the quad's texels replace it, no blending (one read fewer per pixel).
    const blend = gl.isEnabled(gl.BLEND);
    gl.disable(gl.BLEND);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    if (blend) gl.enable(gl.BLEND);
    gl.bindVertexArray(null);
    gl.bindTexture(gl.TEXTURE_2D, null);
  }

  destroy(): void {
    const gl = this.gl;
    gl.deleteTexture(this.texture);
    gl.deleteFramebuffer(this.target);
    this.multisampled?.destroy();
    gl.deleteProgram(this.program);
    gl.deleteVertexArray(this.vao);
    gl.deleteBuffer(this.corners);
    this.taken = null;
  }
}
