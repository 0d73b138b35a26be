/**
 * The contract with Cytoscape's private WebGL renderer (docs/decisions/0017): Cytoscape is
 * pinned to the version the viewport cache was checked against, and that version's source has
 * every internal the cache hooks. An upgrade fails here, not in the analysts' browsers; the
 * browser half (the cache installs and reproduces the renderer's frames) is
 * e2e/cytoscape-contract.e2e.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYTOSCAPE_CONTRACT, DRAW_METHODS } from './rendererShape.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const pkgFile = path.join(root, 'node_modules/cytoscape/package.json');
const installed = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version: string }).version;
const source = fs.readFileSync(path.join(path.dirname(pkgFile), 'dist/cytoscape.esm.mjs'), 'utf8');
const project = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;

/** The method names of one class in Babel's output: `_createClass(Name, [{ key: "m", ...`, up to the class's end. */
function methodsOf(className: string): Set<string> {
  const start = source.indexOf(`var ${className} = /*#__PURE__*/function () {`);
  if (start < 0) return new Set();
  const end = source.indexOf('}]);\n}();', start);
  return new Set([...source.slice(start, end).matchAll(/key: "(\w+)"/g)].map((m) => m[1]!));
}

describe("the contract with Cytoscape's WebGL renderer", () => {
  it('pins Cytoscape exactly to the version the viewport cache was checked against', () => {
    const wanted = project.dependencies?.cytoscape ?? project.devDependencies?.cytoscape;
    expect(wanted, 'package.json names cytoscape').toBeDefined();
    expect(wanted, 'an exact version, no range').toMatch(/^\d+\.\d+\.\d+$/);
    expect(wanted).toBe(CYTOSCAPE_CONTRACT);
    expect(installed).toBe(CYTOSCAPE_CONTRACT);
  });

  it('has the internals the viewport cache hooks in the installed source', () => {
    const drawing = methodsOf('ElementDrawingWebGL');
    for (const m of [...DRAW_METHODS, 'startFrame', 'endFrame', 'endBatch', 'gc', 'invalidate']) expect(drawing, `ElementDrawingWebGL.${m}`).toContain(m);
    expect(methodsOf('AtlasBatchManager')).toContain('getAtlases');
    // The renderer's drawing, its hooks and the fields the cache reads and swaps.
    for (const text of [
      'r.drawing = new ElementDrawingWebGL(r, gl, opts);',
      'BRp.notify = function (eventName, eles) {',
      'r.invalidateCachedZSortedEles = function () {',
      '.onUpdateEleCalcs = function (fn) {',
      'this.batchAtlases = [];',
      'this.vao = this._createVAO();',
      'this.instanceCount',
      'getMatrixView',
      'bufferSubData',
      // What endBatch reads besides its batch: snapshots taken at rest, outside a frame, set them around it.
      'this.panZoomMatrix = panZoomMatrix;',
      'this.renderTarget = renderTarget;',
      'gl.uniformMatrix3fv(program.uPanZoomMatrix, false, this.panZoomMatrix);',
      // The atlases' garbage collection: flagged on r.data, run by the next frame.
      'r.data.gc = true;',
      'if (r.data.gc) {',
    ]) {
      expect(source.includes(text), text).toBe(true);
    }
  });
});
