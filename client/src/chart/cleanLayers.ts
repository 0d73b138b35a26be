const DRAWS_2D = ['fill', 'stroke', 'fillRect', 'strokeRect', 'drawImage', 'fillText', 'strokeText', 'putImageData'] as const;

/**
 * Cytoscape's WebGL mode clears its three 2D canvas layers on every frame that moves the view
 * although it draws nothing on them but a selection box (and its canvas fallback beyond zoom 8
 * and debug views); each clear makes Chromium raster and composite that canvas-sized layer
 * again. Here a clear of the whole canvas is skipped while nothing has been drawn on it since,
 * and a layer that is clear is hidden (`visibility: hidden`) until something is drawn on it:
 * Chromium still composites a visible transparent layer over the WebGL canvas on every frame.
 * Pointer events are unaffected: Cytoscape listens on its container, and the WebGL canvas,
 * never hidden, is inside it.
 */
export function skipClearsOfCleanLayers(ctx: CanvasRenderingContext2D): void {
  let clean = false;
  const style = ctx.canvas.style;
  const setClean = (value: boolean) => {
    if (value === clean) return;
    clean = value;
    style.visibility = clean ? 'hidden' : '';
  };
  for (const m of DRAWS_2D) {
    const original = ctx[m] as (...args: unknown[]) => unknown;
    (ctx as unknown as Record<string, unknown>)[m] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      setClean(false);
      return original.apply(this, args);
    };
  }
  const clearRect = ctx.clearRect;
  ctx.clearRect = function (x, y, w, h) {
    const whole = x <= 0 && y <= 0 && x + w >= this.canvas.width && y + h >= this.canvas.height && this.getTransform().isIdentity;
    if (whole && clean) return;
    clearRect.call(this, x, y, w, h);
    if (whole) setClean(true);
  };
}
