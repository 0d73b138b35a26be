/** Cytoscape with the extensions the workspace uses, registered once. */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';

let registered = false;

export function registerExtensions(): typeof cytoscape {
  if (!registered) {
    cytoscape.use(fcose);
    cytoscape.use(dagre);
    cytoscape.use(svg);
    registered = true;
  }
  return cytoscape;
}

/** Beyond this many elements the chart uses the WebGL renderer and a layout in a web worker. */
export const LARGE_CHART = 2000;

/**
 * Renderer options by chart size, shared with bench/render so that what is measured is what
 * the workspace does. Large charts: one device pixel per CSS pixel, no motion blur, and under
 * the canvas renderer a cached texture while the user pans and zooms, edges hidden meanwhile.
 */
export function rendererOptions(large: boolean, webgl: boolean): Partial<cytoscape.CytoscapeOptions> {
  return {
    pixelRatio: large ? 1 : 'auto',
    motionBlur: false,
    textureOnViewport: large && !webgl,
    hideEdgesOnViewport: large && !webgl,
    ...(webgl ? { renderer: { name: 'canvas', webgl: true, webglTexSize: 4096, webglTexRows: 24, webglBatchSize: 4096 } } : {}),
  } as Partial<cytoscape.CytoscapeOptions>;
}

let webgl2: boolean | undefined;

/**
 * Cytoscape's WebGL renderer needs WebGL 2 and has no fallback of its own, so the workspace
 * checks first and stays on the canvas renderer where there is none.
 */
export function supportsWebGL2(): boolean {
  if (webgl2 === undefined) {
    try {
      webgl2 = typeof document !== 'undefined' && !!document.createElement('canvas').getContext('webgl2');
    } catch {
      webgl2 = false;
    }
  }
  return webgl2;
}

export { cytoscape };
