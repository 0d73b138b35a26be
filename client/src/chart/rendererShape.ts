/**
 * The internals of Cytoscape's WebGL renderer (3.34, 3.35) that the viewport cache hooks, and the
 * check that they are there before it does: if a release changes them, the cache leaves the
 * renderer alone rather than break it. Cytoscape is pinned to the version these were checked
 * against (CYTOSCAPE_CONTRACT, docs/decisions/0017): rendererShape.test.ts reads the installed
 * source for them, and the browser contract (e2e/cytoscape-contract.e2e.test.ts) checks that the
 * cache installs and draws exactly what the renderer draws. An upgrade is: change the pin, run
 * both, then change CYTOSCAPE_CONTRACT.
 */

/** The Cytoscape version whose internals the viewport cache was checked against. */
export const CYTOSCAPE_CONTRACT = '3.34.4';
import type { SourceBuffer } from './batchBuffers.ts';

export interface RenderTarget {
  name: string;
}

/** A WebGL instance-attribute buffer: the renderer writes into its typed array, then uploads. */
export interface InstanceBuffer {
  dataArray?: Float32Array | Int32Array;
  size?: number;
  getMatrixView?(i: number): Float32Array;
  bufferSubData(...args: unknown[]): void;
}

export interface Drawing {
  gl: WebGL2RenderingContext;
  vao: WebGLVertexArrayObject;
  instanceCount: number;
  buffers: InstanceBuffer[];
  /** Set by startFrame and read by endBatch: the frame's pan/zoom matrix and target (snapshots at rest set them). */
  panZoomMatrix: unknown;
  renderTarget: RenderTarget | undefined;
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

export interface Renderer {
  webgl?: boolean;
  NODE: number;
  DRAG: number;
  SELECT_BOX: number;
  /** `gc`: the flag that makes the next frame collect the texture atlases' garbage. */
  data: { contexts: unknown[]; gc?: boolean };
  drawing?: Drawing;
  notify(event: string, eles?: unknown): void;
  redrawHint(group: string, value: boolean): void;
  redraw(): void;
  invalidateCachedZSortedEles(): void;
  onUpdateEleCalcs(fn: (willDraw: boolean, eles: { length: number }) => void): void;
}

export const DRAW_METHODS = ['drawNode', 'drawTexture', 'drawEdgeLine', 'drawEdgeArrow', 'drawPickingRectangle'] as const;

/** The typed array a buffer's instances are written to, and how many numbers one instance takes. */
export function backing(b: InstanceBuffer): SourceBuffer | null {
  if (b.dataArray && b.size) return { array: b.dataArray, perInstance: b.size };
  if (b.getMatrixView) {
    const view = b.getMatrixView(0);
    return { array: new Float32Array(view.buffer, view.byteOffset), perInstance: 9 };
  }
  return null;
}

export function hasShape(r: Renderer): r is Renderer & { drawing: Drawing } {
  const d = r.drawing;
  return (
    !!d &&
    typeof r.notify === 'function' &&
    Array.isArray(r.data?.contexts) &&
    typeof r.invalidateCachedZSortedEles === 'function' &&
    typeof r.onUpdateEleCalcs === 'function' &&
    typeof d.gl?.createVertexArray === 'function' &&
    !!d.vao &&
    Array.isArray(d.buffers) &&
    d.buffers.every((b) => backing(b) !== null && typeof b.bufferSubData === 'function') &&
    Array.isArray(d.batchManager?.batchAtlases) &&
    [...DRAW_METHODS, 'startFrame', 'endFrame', 'endBatch', 'gc', 'invalidate'].every((m) => typeof (d as unknown as Record<string, unknown>)[m] === 'function')
  );
}
