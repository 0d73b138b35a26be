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

/**
 * Creates the Cytoscape instance. With `ownMultisampling` (large WebGL charts) its WebGL canvas
 * is made without antialiasing: the viewport cache then multisamples full frames and snapshots
 * itself (multisampledScreen.ts), so that the one-quad frames drawn while the view moves are not
 * drawn, resolved and composited at four samples a pixel. Cytoscape makes its canvases inside
 * the constructor and takes no context attributes, so `getContext` is wrapped for that call only.
 */
export function createCytoscape(options: cytoscape.CytoscapeOptions, ownMultisampling = false): cytoscape.Core {
  if (!ownMultisampling) return cytoscape(options);
  const proto = HTMLCanvasElement.prototype as unknown as { getContext(type: string, attributes?: object): unknown };
  const getContext = proto.getContext;
  proto.getContext = function (this: HTMLCanvasElement, type: string, attributes?: object) {
    return getContext.call(this, type, type === 'webgl2' ? { ...attributes, antialias: false } : attributes);
  };
  try {
    return cytoscape(options);
  } finally {
    proto.getContext = getContext;
  }
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
