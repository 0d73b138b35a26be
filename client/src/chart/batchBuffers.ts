/**
 * GPU buffers of one recorded batch of Cytoscape's WebGL renderer, for the viewport cache
 * (viewportCache.ts): a vertex array object and one instance buffer per attribute buffer of the
 * renderer, filled once when the frame is recorded, so that a replayed frame uploads nothing.
 *
 * Why: the renderer has one set of instance buffers and uploads each batch into them with
 * `bufferSubData` before drawing it; under SwiftShader (software WebGL) that upload was most of
 * a frame at 5k elements (bench/ANALYSIS.md, Render). The layout (which attribute reads which
 * buffer, at what stride, offset and divisor) is read back from the renderer's own VAO once,
 * through WebGL's queries, and repeated over the batch's buffers: nothing here restates
 * Cytoscape's shader attributes, so a change to them is followed or, if the renderer's buffers
 * cannot be recognised, refused (`captureLayout` returns null and the cache is not installed).
 */

/** One of the renderer's attribute buffers: a WebGLBuffer that Cytoscape gives its CPU-side data. */
export interface SourceBuffer {
  /** The numbers of the batch so far, and how many of them make one instance. */
  array: Float32Array | Int32Array;
  perInstance: number;
}

interface Pointer {
  location: number;
  /** Index into the layout's sources, or -1: a buffer shared by every batch (the unit square). */
  source: number;
  shared: WebGLBuffer | null;
  size: number;
  type: number;
  integer: boolean;
  normalized: boolean;
  stride: number;
  offset: number;
  divisor: number;
}

export interface Layout {
  pointers: Pointer[];
  sources: SourceBuffer[];
}

/** A batch's own GPU objects. */
export interface GpuBatch {
  vao: WebGLVertexArrayObject;
  buffers: WebGLBuffer[];
}

/** Live GPU objects made here, for the check that dropped recordings free theirs. */
export interface GpuCounts {
  vaos: number;
  buffers: number;
}

/**
 * Reads the attribute layout of `vao`; `sourceOf` says which of the renderer's buffers a bound
 * WebGLBuffer is (its CPU-side numbers), or null for a buffer that does not change per batch.
 * Returns null if an instanced attribute reads a buffer `sourceOf` does not know.
 */
export function captureLayout(
  gl: WebGL2RenderingContext,
  vao: WebGLVertexArrayObject,
  sourceOf: (b: WebGLBuffer) => SourceBuffer | null,
): Layout | null {
  const pointers: Pointer[] = [];
  const sources: SourceBuffer[] = [];
  const known = new Map<WebGLBuffer, number>();
  const max = gl.getParameter(gl.MAX_VERTEX_ATTRIBS) as number;
  const previous = gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null;
  gl.bindVertexArray(vao);
  try {
    for (let location = 0; location < max; location++) {
      if (!gl.getVertexAttrib(location, gl.VERTEX_ATTRIB_ARRAY_ENABLED)) continue;
      const buffer = gl.getVertexAttrib(location, gl.VERTEX_ATTRIB_ARRAY_BUFFER_BINDING) as WebGLBuffer | null;
      if (!buffer) return null;
      const divisor = gl.getVertexAttrib(location, gl.VERTEX_ATTRIB_ARRAY_DIVISOR) as number;
      let source = -1;
      if (divisor > 0) {
        // Per-instance data: it must be one of the renderer's buffers with numbers we can copy.
        const s = sourceOf(buffer);
        if (!s) return null;
        source = known.get(buffer) ?? -1;
        if (source < 0) {
          source = sources.push(s) - 1;
          known.set(buffer, source);
        }
      }
      pointers.push({
        location,
        source,
        shared: source < 0 ? buffer : null,
        size: gl.getVertexAttrib(location, gl.VERTEX_ATTRIB_ARRAY_SIZE) as number,
        type: gl.getVertexAttrib(location, gl.VERTEX_ATTRIB_ARRAY_TYPE) as number,
        integer: !!gl.getVertexAttrib(location, gl.VERTEX_ATTRIB_ARRAY_INTEGER),
        normalized: !!gl.getVertexAttrib(location, gl.VERTEX_ATTRIB_ARRAY_NORMALIZED),
        stride: gl.getVertexAttrib(location, gl.VERTEX_ATTRIB_ARRAY_STRIDE) as number,
        offset: gl.getVertexAttribOffset(location, gl.VERTEX_ATTRIB_ARRAY_POINTER),
        divisor,
      });
    }
  } finally {
    gl.bindVertexArray(previous);
  }
  return sources.length > 0 ? { pointers, sources } : null;
}

/** Makes the GPU objects for a batch of `count` instances and fills them from the sources' current numbers. */
export function createBatch(gl: WebGL2RenderingContext, layout: Layout, count: number, counts: GpuCounts): GpuBatch {
  const previousVao = gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null;
  const buffers = layout.sources.map((s) => {
    const b = gl.createBuffer()!;
    gl.bindBuffer(gl.ARRAY_BUFFER, b);
    gl.bufferData(gl.ARRAY_BUFFER, s.array, gl.STATIC_DRAW, 0, count * s.perInstance);
    return b;
  });
  const vao = gl.createVertexArray()!;
  gl.bindVertexArray(vao);
  for (const p of layout.pointers) {
    gl.bindBuffer(gl.ARRAY_BUFFER, p.source >= 0 ? buffers[p.source]! : p.shared);
    gl.enableVertexAttribArray(p.location);
    if (p.integer) gl.vertexAttribIPointer(p.location, p.size, p.type, p.stride, p.offset);
    else gl.vertexAttribPointer(p.location, p.size, p.type, p.normalized, p.stride, p.offset);
    gl.vertexAttribDivisor(p.location, p.divisor);
  }
  gl.bindVertexArray(previousVao);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  counts.vaos += 1;
  counts.buffers += buffers.length;
  return { vao, buffers };
}

export function deleteBatch(gl: WebGL2RenderingContext, batch: GpuBatch, counts: GpuCounts): void {
  gl.deleteVertexArray(batch.vao);
  for (const b of batch.buffers) gl.deleteBuffer(b);
  counts.vaos -= 1;
  counts.buffers -= batch.buffers.length;
}
