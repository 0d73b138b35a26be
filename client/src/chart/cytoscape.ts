/** Cytoscape with the extensions the workspace uses, registered once. */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';
import navigator from 'cytoscape-navigator';

let registered = false;

export function registerExtensions(): typeof cytoscape {
  if (!registered) {
    cytoscape.use(fcose);
    cytoscape.use(dagre);
    cytoscape.use(svg);
    cytoscape.use(navigator);
    registered = true;
  }
  return cytoscape;
}

/** Beyond this many elements the chart uses the WebGL renderer and a layout in a web worker. */
export const LARGE_CHART = 2000;

export { cytoscape };
