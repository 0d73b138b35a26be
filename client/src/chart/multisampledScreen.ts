/**
 * Full screen frames drawn multisampled into a framebuffer of our own and resolved onto a canvas
 * that is not multisampled itself.
 *
 * Why: a WebGL canvas made with `antialias: true` is multisampled (4 samples under SwiftShader),
 * so every frame of it, even the one textured quad a viewport snapshot draws while the view
 * moves (viewportSnapshot.ts), is drawn, resolved and composited at four samples a pixel. Large
 * charts make their canvas without antialiasing (`createCytoscape` in cytoscape.ts) and multisample
 * only what needs it: the full frames here, and snapshots in their own framebuffer. A full frame
 * is drawn as Chromium draws an antialiased canvas, into a multisampled renderbuffer resolved by a
 * blit, so a chart at rest looks as before (bench/render `verifySnapshot` compares the two).
 */

/** Samples a pixel where the canvas is not multisampled itself: what Chromium gives `antialias: true`. */
export function ownSamples(gl: WebGL2RenderingContext): number {
  return Math.min(4, gl.getParameter(gl.MAX_SAMPLES) as number);
}

/** Samples a pixel of the canvas's own drawing buffer (0 when it is not multisampled). */
export function canvasSamples(gl: WebGL2RenderingContext): number {
  const previous = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  const samples = Math.min(gl.getParameter(gl.SAMPLES) as number, gl.getParameter(gl.MAX_SAMPLES) as number);
  gl.bindFramebuffer(gl.FRAMEBUFFER, previous);
  return samples;
}

/**
 * A multisampled colour buffer of a given size, bound as a framebuffer to draw into and resolved
 * by a blit into another framebuffer (null: the canvas). Full screen frames here and viewport
 * snapshots (viewportSnapshot.ts) both draw through one.
 */
export class MultisampledBuffer {
  readonly framebuffer: WebGLFramebuffer;
  private renderbuffer: WebGLRenderbuffer | null = null;
  width = 0;
  height = 0;

  constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly samples: number,
  ) {
    this.framebuffer = gl.createFramebuffer()!;
  }

  /** Gives the buffer this size (new storage only when it changes); leaves the framebuffer bound. */
  size(w: number, h: number): void {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    if (w === this.width && h === this.height) return;
    if (this.renderbuffer) gl.deleteRenderbuffer(this.renderbuffer);
    this.renderbuffer = gl.createRenderbuffer()!;
    gl.bindRenderbuffer(gl.RENDERBUFFER, this.renderbuffer);
    gl.renderbufferStorageMultisample(gl.RENDERBUFFER, this.samples, gl.RGBA8, w, h);
    gl.bindRenderbuffer(gl.RENDERBUFFER, null);
    gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, this.renderbuffer);
    this.width = w;
    this.height = h;
  }

  /** Resolves what was drawn into `into` (null: the canvas); no framebuffer is bound after. */
  resolve(into: WebGLFramebuffer | null): void {
    const gl = this.gl;
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, this.framebuffer);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, into);
    gl.blitFramebuffer(0, 0, this.width, this.height, 0, 0, this.width, this.height, gl.COLOR_BUFFER_BIT, gl.NEAREST);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  }

  destroy(): void {
    this.gl.deleteFramebuffer(this.framebuffer);
    if (this.renderbuffer) this.gl.deleteRenderbuffer(this.renderbuffer);
  }
}

/** Full screen frames drawn into a MultisampledBuffer the canvas's size and resolved onto the canvas. */
export class MultisampledScreen {
  private readonly buffer: MultisampledBuffer;
  /** Between begin() and end(): the frame's drawing goes to the buffer. */
  private drawing = false;

  constructor(
    private readonly gl: WebGL2RenderingContext,
    samples = ownSamples(gl),
  ) {
    this.buffer = new MultisampledBuffer(gl, samples);
  }

  /** Binds and clears the buffer (sized to the canvas) for a full frame. */
  begin(): void {
    const gl = this.gl;
    const w = gl.drawingBufferWidth;
    const h = gl.drawingBufferHeight;
    this.buffer.size(w, h);
    gl.viewport(0, 0, w, h);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    this.drawing = true;
  }

  /** Resolves the frame onto the canvas and returns drawing to it. */
  end(): void {
    if (!this.drawing) return;
    this.buffer.resolve(null);
    this.drawing = false;
  }

  /** A frame that threw half-way: drawing returns to the canvas, nothing is resolved. */
  abandon(): void {
    if (!this.drawing) return;
    this.gl.bindFramebuffer(this.gl.FRAMEBUFFER, null);
    this.drawing = false;
  }

  destroy(): void {
    this.abandon();
    this.buffer.destroy();
  }
}
