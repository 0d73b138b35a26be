/**
 * Positions for a selection that has none (an ids selection, or chart entities saved without a
 * position): ForceAtlas2 (graphology) from a circle in id order, a fixed number of iterations,
 * so the same selection always gets the same picture. Scaled to about 1000 units across.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';

// CommonJS modules: the default import is the layout function itself (as analytics does with louvain).
const forceAtlas2 = forceAtlas2Module as unknown as (typeof forceAtlas2Module)['default'];
const noverlap = noverlapModule as unknown as (typeof noverlapModule)['default'];

/**
 * Room each entity keeps around it, in layout units (about 1000 across): the chart draws a node
 * 34 px wide with its label under it, and ForceAtlas2 alone stacked entities that share a
 * neighbour (a company's premises drew as one blot with their labels over each other).
 */
const NODE_RADIUS = 20;
const NODE_MARGIN = 14;

export type Position = { x: number; y: number };

export function layout(
  nodeIds: readonly string[],
  links: readonly { source: string; target: string }[],
  fixed: Readonly<Record<string, Position>> = {},
): Record<string, Position> {
  const free = [...nodeIds].filter((id) => !fixed[id]).sort();
  const out: Record<string, Position> = {};
  for (const id of nodeIds) if (fixed[id]) out[id] = { ...fixed[id] };
  if (free.length === 0) return out;
  const g = new UndirectedGraph();
  const n = nodeIds.length;
  [...nodeIds].sort().forEach((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    g.addNode(id, fixed[id] ? { ...fixed[id], fixed: true } : { x: 100 * Math.cos(a), y: 100 * Math.sin(a) });
  });
  for (const l of links) if (l.source !== l.target && g.hasNode(l.source) && g.hasNode(l.target) && !g.hasEdge(l.source, l.target)) g.addEdge(l.source, l.target);
  const placed = Object.keys(fixed).length > 0;
  if (!placed && n > 1) {
    const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: n > 500 };
    forceAtlas2.assign(g, { iterations: n > 1000 ? 60 : 150, settings });
    // Scale to about 1000 units across, centred on the origin.
    const xs = g.mapNodes((_id, a) => a.x as number);
    const ys = g.mapNodes((_id, a) => a.y as number);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = 1000 / Math.max(1, maxX - minX, maxY - minY);
    g.updateEachNodeAttributes((_id, a) => ({ ...a, x: (a.x - (minX + maxX) / 2) * k, y: (a.y - (minY + maxY) / 2) * k, size: NODE_RADIUS }));
    noverlap.assign(g, { maxIterations: 300, settings: { margin: NODE_MARGIN, ratio: 1, expansion: 1.1 } });
    g.forEachNode((id, a) => {
      out[id] = { x: round(a.x), y: round(a.y) };
    });
    return out;
  }
  if (n === 1 && !placed) {
    out[free[0]!] = { x: 0, y: 0 };
    return out;
  }
  // Some entities have positions (a chart): the rest go on a grid to the right of them.
  const xs = Object.values(fixed).map((p) => p.x);
  const ys = Object.values(fixed).map((p) => p.y);
  const left = Math.max(...xs) + 120;
  const top = Math.min(...ys);
  const cols = Math.ceil(Math.sqrt(free.length));
  free.forEach((id, i) => {
    out[id] = { x: round(left + (i % cols) * 80), y: round(top + Math.floor(i / cols) * 80) };
  });
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;
