const DRAWS_2D = ['fill', 'stroke', 'fillRect', 'strokeRect', 'drawImage', 'fillText', 'strokeText', 'putImageData'] as const;

/**
 * Cytoscape's WebGL mode clears its three 2D canvas layers on every frame that moves the view
 * although it draws nothing on them but a selection box (and its canvas fallback beyond zoom 8
 * and debug views); each clear makes Chromium raster and composite that canvas-sized layer
 * again. Here a clear of the whole canvas is skipped while nothing has been drawn on it since.
 */
export function skipClearsOfCleanLayers(ctx: CanvasRenderingContext2D): void {
  let clean = false;
  for (const m of DRAWS_2D) {
    const original = ctx[m] as (...args: unknown[]) => unknown;
    (ctx as unknown as Record<string, unknown>)[m] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      clean = false;
      return original.apply(this, args);
    };
  }
  const clearRect = ctx.clearRect;
  ctx.clearRect = function (x, y, w, h) {
    const whole = x <= 0 && y <= 0 && x + w >= this.canvas.width && y + h >= this.canvas.height && this.getTransform().isIdentity;
    if (whole && clean) return;
    clearRect.call(this, x, y, w, h);
    if (whole) clean = true;
  };
}
