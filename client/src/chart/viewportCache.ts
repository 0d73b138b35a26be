/**
 * Frames that only move the viewport redraw the previous frame's WebGL batches under the new
 * pan/zoom matrix, from GPU buffers kept for them, instead of rebuilding and re-uploading them.
 *
 * Why: Cytoscape's WebGL renderer (3.34, 3.35) walks every element on every frame, reading
 * its style, bounding box and edge points and writing them into instance buffers, then uploads
 * each batch into one shared set of GPU buffers before drawing it; but while only the viewport
 * moves, that data is the same as last frame's: only the pan/zoom matrix, a uniform, changed.
 * Under software WebGL (SwiftShader) the upload alone was three quarters of a frame at 5k
 * elements (bench/ANALYSIS.md, Render). Here each batch of a full frame is written once into a
 * VAO and instance buffers of its own (batchBuffers.ts) and drawn from them; while nothing but
 * the viewport changes, the next frames draw the same batches again through the renderer's own
 * `endBatch` (same program, textures, uniforms and draw call) with nothing uploaded. Any other
 * change the renderer is told of (a style, class, position, selection, element added or removed,
 * resize, atlas invalidation or garbage collection) makes the next frame a full one again, and
 * a recording's GPU buffers are deleted when it is replaced or the chart destroyed.
 * The picking pass (what is under the pointer) is cached the same way, separately.
 *
 * With `snapshot` (large charts in the workspace), frames while the view moves go further: the
 * screen shows textured quads, snapshots of the scene around the view (a near one with a small
 * margin, a wide one at a lower resolution), moved and scaled to the current pan/zoom
 * (viewportSnapshot.ts, `planFrame`); a snapshot is taken again (from the recorded batches) only
 * when the view leaves them or a zoom has magnified them past their limit, and once the viewport
 * has not changed for `restMs` and two animation frames (Cytoscape's own wheel zoom likewise
 * ends 150 ms after the last wheel event; no library event marks the end of a wheel or
 * programmatic viewport change) a full frame is drawn to the screen as without it. That frame
 * is copied into the near snapshot (the view only), and shortly after it (`atRestMs`, or
 * `afterChangeMs` after a frame drawn for any other change) the wide one is drawn of the view at
 * rest, outside any frame (nothing is drawn to the screen, which keeps showing the full frame),
 * so that the next zoom starts on quads (decision 0044). Picking always uses the recorded geometry, never the snapshots. On a canvas made without antialiasing
 * (large charts: `createCytoscape`), full screen frames are drawn multisampled into a framebuffer
 * of the cache's own and resolved onto the canvas (multisampledScreen.ts), and snapshots are
 * multisampled alike, so that only the quad frames go without.
 *
 * It hooks instance methods of the renderer's internals, as Cytoscape's own WebGL module hooks
 * the canvas renderer's; `install` checks that the shape it relies on is there (rendererShape.ts)
 * and reads the renderer's attribute layout back from its VAO, and otherwise leaves the renderer
 * alone. A browser check (bench/render `verify`) compares a replayed frame with a full frame
 * pixel for pixel, checks picking and counts the GPU objects after many full frames.
 */
import type { Core } from 'cytoscape';
import { captureLayout, createBatch, deleteBatch, type GpuBatch, type GpuCounts } from './batchBuffers.ts';
import { skipClearsOfCleanLayers } from './cleanLayers.ts';
import { canvasSamples, MultisampledScreen, ownSamples } from './multisampledScreen.ts';
import { backing, DRAW_METHODS, hasShape, type Renderer, type RenderTarget } from './rendererShape.ts';
import { axesOf, planFrame, servesPan, Snapshot, SNAPSHOT_DEFAULTS, type Axes, type SnapshotOptions } from './viewportSnapshot.ts';

interface Batch {
  count: number;
  atlases: unknown[];
  gpu: GpuBatch;
}

interface Recording {
  generation: number;
  batches: Batch[];
}

/**
 * What the cache did, for the benchmark and tests: frames drawn in full and replayed, on screen
 * and for picking; with snapshots, screen frames that were only the snapshot's quad, and how
 * many snapshots were taken (each also counted as a full or replayed frame, drawn off screen).
 */
export interface ViewportCacheStats {
  full: number;
  replayed: number;
  pickingFull: number;
  pickingReplayed: number;
  snapshot: number;
  refreshes: number;
  /** Times the wide snapshot was drawn of the view at rest (outside frames), and motions that came to rest. */
  atRest: number;
  rests: number;
  /** Changes other than the viewport the renderer was told of (style, class, position, data...). */
  changes: number;
}

export interface ViewportCacheOptions {
  /** Draw frames during pans and zooms from a snapshot (defaults: SNAPSHOT_DEFAULTS). */
  snapshot?: boolean | Partial<SnapshotOptions>;
}

export interface ViewportCache {
  stats: ViewportCacheStats;
  /** GPU objects the cache holds now (a VAO and its instance buffers per recorded batch). */
  gpu: Readonly<GpuCounts>;
  /** Batches in the recordings kept now (screen and picking): `gpu.vaos` should equal this. */
  recordedBatches(): number;
  /** Makes the next frame a full one (for tests: compare a replayed frame with a full one). */
  invalidate(): void;
  /** The snapshot settings in use, or null without snapshots. */
  snapshot: SnapshotOptions | null;
  /** The view is moving (frames come from the snapshot) until it has been still for `restMs`. */
  moving(): boolean;
  /** Ends the motion now: the next frame is drawn in full (for tests, instead of waiting `restMs`). */
  rest(): void;
  /** The view is at rest, the near snapshot serves it and the wide one is of it: a zoom now starts on quads. */
  snapshotsAtRest(): boolean;
}

const installed = new WeakMap<Core, ViewportCache>();

/** The cache installed on `cy`, if any. */
export function viewportCacheOf(cy: Core): ViewportCache | null {
  return installed.get(cy) ?? null;
}

/** Installs the cache on a cy drawn by the WebGL renderer; returns null (and changes nothing) otherwise. */
export function installViewportCache(cy: Core, options: ViewportCacheOptions = {}): ViewportCache | null {
  const existing = installed.get(cy);
  if (existing) return existing;
  const r = (cy as unknown as { renderer(): Renderer }).renderer();
  if (!r?.webgl || !hasShape(r)) return null;
  const d = r.drawing;
  const gl = d.gl;
  const layout = captureLayout(gl, d.vao, (b) => {
    const own = d.buffers.find((x) => x === (b as unknown));
    return own ? backing(own) : null;
  });
  // Every instance buffer of the renderer must be one the VAO reads, or a batch would miss data.
  if (!layout || layout.sources.length !== d.buffers.length) return null;

  // Bumped by every change other than the viewport; a recording is good for its generation only.
  let generation = 0;
  const bump = () => {
    generation += 1;
    stats.changes += 1;
  };
  const counts: GpuCounts = { vaos: 0, buffers: 0 };
  const recordings = new Map<string, Recording>();
  let recording: { key: string; value: Recording } | null = null;
  let replaying: Recording | null = null;
  let replayingKey = 'screen';
  /** The target of the frame being drawn. */
  let frameKey = 'screen';
  const stats: ViewportCacheStats = { full: 0, replayed: 0, pickingFull: 0, pickingReplayed: 0, snapshot: 0, refreshes: 0, atRest: 0, rests: 0, changes: 0 };
  const count = (key: string, replayed: boolean) => {
    if (key === 'picking') stats[replayed ? 'pickingReplayed' : 'pickingFull'] += 1;
    else stats[replayed ? 'replayed' : 'full'] += 1;
  };
  const drop = (rec: Recording | undefined) => {
    for (const b of rec?.batches ?? []) deleteBatch(gl, b.gpu, counts);
  };

  for (const layer of [r.NODE, r.DRAG, r.SELECT_BOX]) {
    const ctx = r.data.contexts[layer];
    if (ctx instanceof CanvasRenderingContext2D) skipClearsOfCleanLayers(ctx);
  }
  const snapshotOptions = options.snapshot ? { ...SNAPSHOT_DEFAULTS, ...(options.snapshot === true ? {} : options.snapshot)} : null;
  // A canvas made without antialiasing (createCytoscape, large charts): full screen frames are
  // multisampled here instead, and snapshots as they are.
  const multisampled = gl.getContextAttributes()?.antialias === false ? new MultisampledScreen(gl) : null;
  const near = snapshotOptions ? new Snapshot(gl, snapshotOptions.margin, 1, multisampled ? ownSamples(gl) : canvasSamples(gl)) : null;
  const wide = snapshotOptions ? new Snapshot(gl, snapshotOptions.wideMargin, snapshotOptions.wideResolution, 0) : null;
  const snaps = near && wide && snapshotOptions ? { near, wide, options: snapshotOptions } : null;
  let moving = false;
  // Stillness is counted in animation frames, not with a timer: a frame that took longer than
  // restMs to draw (a snapshot taken at 20k) must not end a motion that goes on in the next frame.
  let lastChange = 0;
  let changed = false;
  let quiet = 0;
  let tick: number | undefined;
  const rest = () => {
    if (tick !== undefined) cancelAnimationFrame(tick);
    tick = undefined;
    if (!moving) return;
    moving = false;
    rested = true;
    stats.rests += 1;
    if (gcWanted) {
      gcWanted = false;
      gcFlag = true;
    }
    r.redrawHint('eles', true);
    r.redraw();
  };
  const watch = () => {
    quiet = changed ? 0 : quiet + 1;
    changed = false;
    if (quiet >= 2 && performance.now() - lastChange >= snaps!.options.restMs) rest();
    else tick = requestAnimationFrame(watch);
  };
  /** How this screen frame is drawn: in full to the screen, as snapshots' quads, or into a snapshot retaken and then as quads. */
  let mode: 'exact' | 'quad' | 'refresh' = 'exact';
  let screenMatrix: ArrayLike<number> = [];
  /** The last screen frame's pan/zoom (whether this frame pans or zooms) and the renderer's screen target. */
  let lastScreen: Axes | null = null;
  let screenTarget: RenderTarget | undefined;
  let frameGeneration = 0;
  /** The snapshot being retaken in this frame, and the snapshots this frame shows, in order. */
  let retaking: Snapshot | null = null;
  let showing: Snapshot[] = [];
  /** The next full screen frame ends a motion (rest), and the timer that then takes the snapshots at rest. */
  let rested = false;
  let atRestTimer: ReturnType<typeof setTimeout> | undefined;

  const notify = r.notify;
  r.notify = function (event, eles) {
    if (event !== 'viewport') bump();
    else if (snaps) {
      moving = true;
      changed = true;
      lastChange = performance.now();
      tick ??= requestAnimationFrame(watch);
    }
    notify.call(this, event, eles);
  };
  const invalidateZ = r.invalidateCachedZSortedEles;
  r.invalidateCachedZSortedEles = function () {
    bump();
    invalidateZ.call(this);
  };
  r.onUpdateEleCalcs((_willDraw, eles) => {
    if (eles && eles.length > 0) bump();
  });
  const gc = d.gc;
  d.gc = function () {
    bump();
    gc.call(this);
    // The renderer collects after drawing its frame, so that frame's recording is stale: a fresh
    // one is drawn in the next frame, at rest, rather than in the first frame of the next pan or
    // zoom (after the render loop's callback, which clears any redraw asked for during it).
    if (snaps)
      queueMicrotask(() => {
        if (cy.destroyed()) return;
        r.redrawHint('eles', true);
        r.redraw();
      });
  };
  // The renderer collects its texture atlases' garbage in the first frame it draws after a flag
  // that a timer sets 10 s after a restyle: mostly the first frame of the user's next pan or zoom,
  // which the collection then made a full frame (seconds at 5k on a loaded machine). The flag is
  // taken over here: the collection is drawn at once while the view is still, or at its rest.
  let gcWanted = false;
  const collectAtRest = () => {
    if (!gcWanted || moving || cy.destroyed()) return;
    gcWanted = false;
    gcFlag = true;
    r.redrawHint('eles', true);
    r.redraw();
  };
  let gcFlag = !!r.data.gc;
  Object.defineProperty(r.data, 'gc', {
    configurable: true,
    enumerable: true,
    get: () => gcFlag,
    set: (v: boolean) => {
      if (!v || !snaps) gcFlag = !!v;
      else {
        gcWanted = true;
        collectAtRest();
      }
    },
  });
  const invalidate = d.invalidate;
  d.invalidate = function (...args) {
    bump();
    return invalidate.apply(this, args);
  };

  // The renderer's uploads are skipped while it draws a batch from the batch's own buffers.
  let uploads = true;
  for (const b of d.buffers) {
    const bufferSubData = b.bufferSubData;
    b.bufferSubData = function (...args: unknown[]) {
      if (uploads) bufferSubData.apply(this, args);
    };
  }
  const endBatch = d.endBatch;
  /** The renderer's own endBatch (program, textures, uniforms, draw call) over the batch's VAO. */
  const drawFrom = (batch: Batch) => {
    const vao = d.vao;
    d.vao = batch.gpu.vao;
    uploads = false;
    try {
      endBatch.call(d);
    } finally {
      d.vao = vao;
      uploads = true;
    }
  };

  const startFrame = d.startFrame;
  d.startFrame = function (matrix, target) {
    const key = target?.name ?? 'screen';
    frameKey = key;
    // A snapshot or multisampled frame that threw before its end is not kept, and the screen is drawn to again.
    if (mode === 'refresh') retaking?.abandon();
    multisampled?.abandon();
    mode = 'exact';
    retaking = null;
    let m = matrix;
    if (key === 'screen') {
      screenMatrix = matrix as ArrayLike<number>;
      screenTarget = target;
      frameGeneration = generation;
    }
    if (snaps && key === 'screen' && moving) {
      const screen = matrix as ArrayLike<number>;
      const plan = planFrame(snaps.near.shot(generation), snaps.wide.shot(generation), lastScreen, axesOf(screen), snaps.options);
      if ('show' in plan) {
        mode = 'quad';
        showing = plan.show.map((s) => snaps[s]);
      } else {
        mode = 'refresh';
        retaking = snaps[plan.retake];
        m = retaking.begin(screen, plan.multisample);
      }
    }
    if (key === 'screen') lastScreen = axesOf(matrix as ArrayLike<number>);
    if (multisampled && key === 'screen' && mode === 'exact') multisampled.begin();
    startFrame.call(this, m, target);
    // A frame that threw before its end left its batches behind: free them.
    if (recording) drop(recording.value);
    recording = null;
    if (mode === 'quad') {
      replaying = null;
      return;
    }
    const kept = recordings.get(key);
    if (kept && kept.generation === generation) {
      replaying = kept;
      replayingKey = key;
    } else {
      replaying = null;
      drop(kept);
      recordings.delete(key);
      recording = { key, value: { generation, batches: [] } };
    }
  };

  // While replaying, the per-element calls of the renderer's loop do nothing.
  for (const m of DRAW_METHODS) {
    const original = d[m];
    d[m] = function (...args: unknown[]) {
      if (!replaying && mode !== 'quad') original.apply(this, args);
    };
  }

  // A full frame's batch: its instance data goes once into GPU buffers of its own, drawn from there.
  d.endBatch = function () {
    const n = this.instanceCount;
    if (!recording || n === 0) {
      endBatch.call(this);
      return;
    }
    const batch: Batch = { count: n, atlases: [...this.batchManager.getAtlases()], gpu: createBatch(gl, layout, n, counts) };
    recording.value.batches.push(batch);
    drawFrom(batch);
  };

  const endFrame = d.endFrame;
  d.endFrame = function () {
    if (mode === 'quad') {
      mode = 'exact';
      for (const s of showing) s.draw(screenMatrix);
      stats.snapshot += 1;
      return;
    }
    const replay = replaying;
    const key = replayingKey;
    if (!replay) {
      endFrame.call(this);
      // A recording is kept only once its frame has ended (a frame that threw keeps none).
      if (recording) {
        recordings.set(recording.key, recording.value);
        count(recording.key, false);
      }
      recording = null;
    } else {
      // Replay: nothing is uploaded; each batch is drawn from its buffers under the new matrix.
      replaying = null;
      for (const batch of replay.batches) {
        this.instanceCount = batch.count;
        this.batchManager.batchAtlases = [...batch.atlases];
        drawFrom(batch);
      }
      count(key, true);
    }
    multisampled?.end();
    if (mode === 'refresh') {
      // The scene went into the snapshot's framebuffer: keep it and show it (under the near one
      // if the wide one was retaken and the near one is sharper) on the screen.
      mode = 'exact';
      retaking!.end(frameGeneration);
      const plan = planFrame(snaps!.near.shot(frameGeneration), snaps!.wide.shot(frameGeneration), null, axesOf(screenMatrix), snaps!.options);
      for (const s of 'show' in plan ? plan.show.map((x) => snaps![x]) : [retaking!]) s.draw(screenMatrix);
      retaking = null;
      stats.refreshes += 1;
    } else if (snaps && frameKey === 'screen' && !moving) {
      // A full frame of the view at rest: copied into the near snapshot now, unless the one there
      // still serves a pan from here (a rest within a drag on a loaded machine: its margin is kept),
      // and the wide one is drawn shortly after, if nothing moves or changes first.
      if (!servesPan(snaps.near.shot(frameGeneration), axesOf(screenMatrix), snaps.options)) snaps.near.copyView(screenMatrix, frameGeneration);
      if (atRestTimer !== undefined) clearTimeout(atRestTimer);
      atRestTimer = setTimeout(takeAtRest, rested ? snaps.options.atRestMs : snaps.options.afterChangeMs);
      rested = false;
    }
  };

  /**
   * The wide snapshot of the view at rest, drawn from the screen's recording outside any frame:
   * the renderer's endBatch draws each recorded batch into the snapshot's framebuffer under the
   * snapshot's matrix (the two fields it reads besides the batch, set and put back). Nothing is
   * drawn to the screen, which keeps the full frame at rest (as when Cytoscape draws its picking
   * pass into a framebuffer of its own between frames).
   */
  const takeAtRest = () => {
    atRestTimer = undefined;
    const rec = recordings.get('screen');
    if (!snaps || moving || cy.destroyed() || !rec || rec.generation !== generation || !screenTarget) return;
    if (snaps.wide.isAt(screenMatrix, generation)) return;
    const saved = { matrix: d.panZoomMatrix, target: d.renderTarget };
    try {
      d.panZoomMatrix = snaps.wide.begin(screenMatrix, false);
      d.renderTarget = screenTarget;
      // As the renderer sets them for a screen frame (a picking pass turns blending off).
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      for (const batch of rec.batches) {
        d.instanceCount = batch.count;
        d.batchManager.batchAtlases = [...batch.atlases];
        drawFrom(batch);
      }
      snaps.wide.end(generation);
      stats.atRest += 1;
    } catch (e) {
      snaps.wide.abandon();
      throw e;
    } finally {
      d.panZoomMatrix = saved.matrix;
      d.renderTarget = saved.target;
      d.instanceCount = 0;
    }
  };

  cy.one('destroy', () => {
    if (tick !== undefined) cancelAnimationFrame(tick);
    if (atRestTimer !== undefined) clearTimeout(atRestTimer);
    snaps?.near.destroy();
    snaps?.wide.destroy();
    multisampled?.destroy();
    for (const rec of recordings.values()) drop(rec);
    recordings.clear();
    if (recording) drop(recording.value);
    recording = null;
  });

  const cache: ViewportCache = {
    stats,
    gpu: counts,
    recordedBatches: () => [...recordings.values()].reduce((n, rec) => n + rec.batches.length, 0),
    invalidate: bump,
    snapshot: snapshotOptions,
    moving: () => moving,
    rest,
    snapshotsAtRest: () => !!snaps && !moving && servesPan(snaps.near.shot(generation), axesOf(screenMatrix), snaps.options) && snaps.wide.isAt(screenMatrix, generation),
  };
  installed.set(cy, cache);
  return cache;
}
