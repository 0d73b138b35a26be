/**
 * While the user pans or zooms a large WebGL chart, the frame is one textured quad: a snapshot
 * of the last full frame, taken into a framebuffer texture with a margin around the view, drawn
 * under the transform from the snapshot's pan/zoom to the current one. The viewport cache
 * (viewportCache.ts) decides when; this module holds the GPU side and the arithmetic.
 *
 * Why: under software WebGL (SwiftShader) a full Cytoscape frame at 5k elements costs about
 * 200 ms of drawing whatever the JavaScript does (bench/ANALYSIS.md, Render); one quad of the
 * canvas's size costs a few milliseconds. It is the technique Cytoscape's canvas renderer ships
 * as `textureOnViewport` (and map viewers use). A snapshot serves while the view stays inside it
 * and the zoom has not grown past `maxMagnify` times the snapshot's (beyond that it looks
 * blurred); otherwise it is taken again (a refresh: the recorded batches drawn into the
 * framebuffer, no per-element JavaScript). When the view comes to rest the cache draws a full
 * frame to the screen as before, so a chart at rest is exactly what Cytoscape draws.
 *
 * Geometry in clip space: Cytoscape's pan/zoom matrix maps a model point m to clip c = A·m + B
 * per axis (A = m[0] / m[4], B = m[6] / m[7] of the column-major mat3). The snapshot is drawn
 * with the screen matrix scaled by 1/k per axis (k = framebuffer size / canvas size), so it
 * covers the view and a margin of (k - 1)/2 of it each side at the same pixel density.
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

/**
 * Where to take a snapshot that the view `now`, coming from `prev` (the last frame's), has left:
 * while zooming, `ahead` times further along the zoom about its fixed point (zooming in, as far as
 * the margin still covers the view now; zooming out, no further than `maxMagnify` undoes), so the
 * next notches are served by it too; otherwise at `now`.
 */
export function aheadOf(prev: Axes | null, now: Axes, kx: number, ky: number, ahead: number, maxMagnify: number): Axes {
  if (!prev || ahead <= 1 || !zooming(prev, now)) return now;
  const rho = now.ax / prev.ax;
  // The clip point the zoom keeps in place (the pointer), per axis, within the view.
  const fixed = (nb: number, pb: number) => Math.max(-1, Math.min(1, (nb - rho * pb) / (1 - rho)));
  const cx = fixed(now.bx, prev.bx);
  const cy = fixed(now.by, prev.by);
  let s: number;
  if (rho > 1) {
    // The snapshot, s times the view's zoom about c, covers the view now while s <= (k + |c|) / (1 + |c|) per axis.
    const most = Math.min((kx + Math.abs(cx)) / (1 + Math.abs(cx)), (ky + Math.abs(cy)) / (1 + Math.abs(cy)));
    s = Math.max(1, Math.min(ahead, most * 0.99));
  } else s = Math.max(1 / ahead, 1 / maxMagnify);
  return { ax: s * now.ax, bx: s * (now.bx - cx) + cx, ay: s * now.ay, by: s * (now.by - cy) + cy };
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
  /** Margin around the view the snapshot covers, as a share of the view's width/height on each side. */
  margin: number;
  /** Take a new snapshot once the zoom is this many times the snapshot's (zooming in blurs it). */
  maxMagnify: number;
  /** Milliseconds without a viewport change after which the view is at rest and drawn in full. */
  restMs: number;
  /**
   * Snapshots retaken while the zoom changes are multisampled as full frames are (others always
   * are). Off: such a snapshot is drawn at one sample a pixel, about a third of the cost under
   * SwiftShader; it is shown resampled, for a few frames of a zoom, and the frame at rest is full.
   */
  multisampleZoom: boolean;
  /** A snapshot retaken during a zoom is taken this many times further along the zoom (in or out). */
  zoomAhead: number;
}

export const SNAPSHOT_DEFAULTS: SnapshotOptions = { margin: 0.25, maxMagnify: 1.5, restMs: 150, multisampleZoom: false, zoomAhead: 1.3 };

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
 * The snapshot's GPU objects: a framebuffer (multisampled as full frames are, resolved into the
 * texture) `k` times the canvas, the texture, and a program that draws it as one quad.
 */
export class Snapshot {
  /** The screen matrix's axes when the snapshot was taken, or null when there is none. */
  taken: Axes | null = null;
  /** The cache generation it was taken at (any change but the viewport makes it stale). */
  generation = -1;
  kx = 1;
  ky = 1;
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
   * `samples`: draw the snapshot as full frames are drawn, multisampled as the canvas is or, when
   * it is not, as the viewport cache draws full frames itself (multisampledScreen.ts).
   */
  constructor(
    private readonly gl: WebGL2RenderingContext,
    readonly options: SnapshotOptions,
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

  /** Sizes the framebuffer for this canvas: a margin of whole pixels each side. */
  private size(): void {
    const gl = this.gl;
    const cw = gl.drawingBufferWidth;
    const ch = gl.drawingBufferHeight;
    this.canvas = { width: cw, height: ch };
    const w = cw + 2 * Math.round(this.options.margin * cw);
    const h = ch + 2 * Math.round(this.options.margin * ch);
    this.kx = w / cw;
    this.ky = h / ch;
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

  /** Whether this snapshot can stand for a frame of the screen matrix `m` at `generation`. */
  serves(m: ArrayLike<number>, generation: number): boolean {
    const now = axesOf(m);
    return (
      this.taken !== null &&
      this.generation === generation &&
      this.canvas.width === this.gl.drawingBufferWidth &&
      this.canvas.height === this.gl.drawingBufferHeight &&
      magnification(this.taken, now) <= this.options.maxMagnify &&
      covers(this.taken, this.kx, this.ky, now)
    );
  }

  /**
   * Starts drawing a snapshot for the screen matrix `m` (`prev`: the last frame's, to take it ahead
   * of a zoom): binds and clears the framebuffer; returns the matrix to draw with.
   */
  begin(m: ArrayLike<number>, prev: Axes | null = null): Float32Array {
    const gl = this.gl;
    this.size();
    const now = axesOf(m);
    const at = aheadOf(prev, now, this.kx, this.ky, this.options.zoomAhead, this.options.maxMagnify);
    this.sampling = this.options.multisampleZoom || !zooming(prev, now) ? this.multisampled : null;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.sampling?.framebuffer ?? this.target);
    gl.viewport(0, 0, this.width, this.height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    this.taken = at;
    return widen(withAxes(m, at), this.kx, this.ky);
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
