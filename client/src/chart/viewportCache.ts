/**
 * Frames that only move the viewport redraw the previous frame's WebGL instance data under
 * the new pan/zoom matrix, instead of rebuilding it element by element.
 *
 * Why: Cytoscape's WebGL renderer (3.34, 3.35) walks every element on every frame, reading
 * its style, bounding box and edge points and writing them into instance buffers, so a pan
 * costs O(elements) of JavaScript (at 5k elements nearly all of a frame's time, bench/ANALYSIS.md)
 * although the data it writes is the same as last frame's: only the pan/zoom matrix, a uniform,
 * changed. Here the batches of one full frame are kept (the instance data, the count and
 * the texture atlases each batch bound) and, while nothing but the viewport changes, replayed
 * through the renderer's own `endBatch` (same program, uniforms and draw call). Any other
 * change the renderer is told of (a style, class, position, selection, element added or removed,
 * resize, atlas invalidation or garbage collection) makes the next frame a full one again.
 * The picking pass (what is under the pointer) is cached the same way, separately.
 *
 * It hooks instance methods of the renderer's internals, as Cytoscape's own WebGL module hooks
 * the canvas renderer's; `install` checks that the shape it relies on is there and otherwise
 * leaves the renderer alone. A browser check (bench/render `verify`) compares a replayed frame
 * with a full frame pixel for pixel.
 */
import type { Core } from 'cytoscape';

interface RenderTarget {
  name: string;
}

/** A WebGL instance-attribute buffer: the renderer writes into its typed array, then uploads. */
interface InstanceBuffer {
  dataArray?: Float32Array | Int32Array;
  size?: number;
  getMatrixView?(i: number): Float32Array;
}

interface Drawing {
  instanceCount: number;
  buffers: InstanceBuffer[];
  batchManager: { batchAtlases: unknown[]; getAtlases(): unknown[] };
  startFrame(matrix: unknown, target?: RenderTarget): void;
  endFrame(): void;
  endBatch(): void;
  gc(): void;
  invalidate(...args: unknown[]): unknown;
  drawNode(...args: unknown[]): void;
  drawTexture(...args: unknown[]): void;
  drawEdgeLine(...args: unknown[]): void;
  drawEdgeArrow(...args: unknown[]): void;
  drawPickingRectangle(...args: unknown[]): void;
}

interface Renderer {
  webgl?: boolean;
  drawing?: Drawing;
  notify(event: string, eles?: unknown): void;
  invalidateCachedZSortedEles(): void;
  onUpdateEleCalcs(fn: (willDraw: boolean, eles: { length: number }) => void): void;
}

interface Batch {
  count: number;
  data: (Float32Array | Int32Array)[];
  atlases: unknown[];
}

interface Recording {
  generation: number;
  batches: Batch[];
}

/** What the cache did, for the benchmark and tests: frames drawn in full and replayed, on screen and for picking. */
export interface ViewportCacheStats {
  full: number;
  replayed: number;
  pickingFull: number;
  pickingReplayed: number;
}

const DRAW_METHODS = ['drawNode', 'drawTexture', 'drawEdgeLine', 'drawEdgeArrow', 'drawPickingRectangle'] as const;

/** The typed array a buffer's instances are written to, and how many numbers one instance takes. */
function backing(b: InstanceBuffer): { array: Float32Array | Int32Array; size: number } | null {
  if (b.dataArray && b.size) return { array: b.dataArray, size: b.size };
  if (b.getMatrixView) {
    const view = b.getMatrixView(0);
    return { array: new Float32Array(view.buffer, view.byteOffset), size: 9 };
  }
  return null;
}

function hasShape(r: Renderer): r is Renderer & { drawing: Drawing } {
  const d = r.drawing;
  return (
    !!d &&
    typeof r.notify === 'function' &&
    typeof r.invalidateCachedZSortedEles === 'function' &&
    typeof r.onUpdateEleCalcs === 'function' &&
    Array.isArray(d.buffers) &&
    d.buffers.every((b) => backing(b) !== null) &&
    Array.isArray(d.batchManager?.batchAtlases) &&
    [...DRAW_METHODS, 'startFrame', 'endFrame', 'endBatch', 'gc', 'invalidate'].every((m) => typeof (d as unknown as Record<string, unknown>)[m] === 'function')
  );
}

export interface ViewportCache {
  stats: ViewportCacheStats;
  /** Makes the next frame a full one (for tests: compare a replayed frame with a full one). */
  invalidate(): void;
}

const installed = new WeakMap<Core, ViewportCache>();

/** Installs the cache on a cy drawn by the WebGL renderer; returns null (and changes nothing) otherwise. */
export function installViewportCache(cy: Core): ViewportCache | null {
  const existing = installed.get(cy);
  if (existing) return existing;
  const r = (cy as unknown as { renderer(): Renderer }).renderer();
  if (!r?.webgl || !hasShape(r)) return null;
  const d = r.drawing;

  // Bumped by every change other than the viewport; a recording is good for its generation only.
  let generation = 0;
  const bump = () => {
    generation += 1;
  };
  const recordings = new Map<string, Recording>();
  let recording: { key: string; value: Recording } | null = null;
  let replaying: Recording | null = null;
  let replayingKey = 'screen';
  const stats: ViewportCacheStats = { full: 0, replayed: 0, pickingFull: 0, pickingReplayed: 0 };
  const count = (key: string, replayed: boolean) => {
    if (key === 'picking') stats[replayed ? 'pickingReplayed' : 'pickingFull'] += 1;
    else stats[replayed ? 'replayed' : 'full'] += 1;
  };

  const notify = r.notify;
  r.notify = function (event, eles) {
    if (event !== 'viewport') bump();
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
  };
  const invalidate = d.invalidate;
  d.invalidate = function (...args) {
    bump();
    return invalidate.apply(this, args);
  };

  const startFrame = d.startFrame;
  d.startFrame = function (matrix, target) {
    startFrame.call(this, matrix, target);
    const key = target?.name ?? 'screen';
    const kept = recordings.get(key);
    if (kept && kept.generation === generation) {
      replaying = kept;
      replayingKey = key;
      recording = null;
    } else {
      replaying = null;
      recordings.delete(key);
      recording = { key, value: { generation, batches: [] } };
    }
  };

  // While replaying, the per-element calls of the renderer's loop do nothing.
  for (const m of DRAW_METHODS) {
    const original = d[m];
    d[m] = function (...args: unknown[]) {
      if (!replaying) original.apply(this, args);
    };
  }

  const endBatch = d.endBatch;
  d.endBatch = function () {
    if (recording && this.instanceCount > 0) {
      const count = this.instanceCount;
      recording.value.batches.push({
        count,
        data: this.buffers.map((b) => {
          const { array, size } = backing(b)!;
          return array.slice(0, count * size);
        }),
        atlases: [...this.batchManager.getAtlases()],
      });
    }
    endBatch.call(this);
  };

  const endFrame = d.endFrame;
  d.endFrame = function () {
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
      return;
    }
    replaying = null;
    for (const batch of replay.batches) {
      this.buffers.forEach((b, i) => backing(b)!.array.set(batch.data[i]!));
      this.instanceCount = batch.count;
      this.batchManager.batchAtlases = [...batch.atlases];
      endBatch.call(this);
    }
    count(key, true);
  };

  const cache: ViewportCache = { stats, invalidate: bump };
  installed.set(cy, cache);
  return cache;
}
