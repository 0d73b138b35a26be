/**
 * Readable layered layouts (pure: dagre through a headless Cytoscape). Each entity is given the
 * room its label takes under it, so labels do not overlap; ranks too wide for the viewport are
 * wrapped into rows, and the ranks are spread to fill it. Used by the Hierarchy layout and to lay
 * out path results along the path.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { Position } from '../model/types.ts';

export type Positions = Record<string, Position>;

export interface LayerNode {
  id: string;
  /** The label as drawn under the node (may hold a line break). */
  label: string;
}

export interface LayerEdge {
  source: string;
  target: string;
}

export interface Viewport {
  width: number;
  height: number;
}

/** The chart's node and label metrics (graph/stylesheet.ts): 34 px icons, 10 px labels wrapped at 112 px, 4 px under the icon. */
export const NODE = 34;
const LABEL_MAX = 112;
const CHAR = 5.9;
const LINE = 12.5;
const LABEL_GAP = 4;
/** Space kept between neighbours in a rank, and the least between ranks. */
export const NODE_SEP = 18;
export const MIN_RANK_SEP = 50;
/** Ranks are never spread more than this to fill the viewport. */
const MAX_RANK_SEP = 260;

/** The box a node takes with its label under it, in chart units (an estimate of the canvas's text metrics). */
export function nodeBox(label: string): { width: number; height: number } {
  let width = 0;
  let lines = 0;
  for (const part of label.split('\n')) {
    const w = part.length * CHAR;
    width = Math.max(width, Math.min(LABEL_MAX, w));
    lines += Math.max(1, Math.ceil(w / LABEL_MAX));
  }
  return { width: Math.max(NODE, width + 6), height: NODE + LABEL_GAP + lines * LINE + 4 };
}

let registered = false;

/** dagre's answer for one direction and spacing: node centres (icon centres), and the bounding box. */
export function dagrePositions(
  nodes: readonly LayerNode[],
  edges: readonly LayerEdge[],
  o: { rankDir: 'TB' | 'LR'; rankSep: number; nodeSep?: number },
): { positions: Positions; width: number; height: number } {
  if (!registered) {
    cytoscape.use(dagre);
    registered = true;
  }
  const ids = new Set(nodes.map((n) => n.id));
  // Every box is as tall as the tallest, so that the icons of a rank line up; the icon sits at the top of its box.
  const boxes = nodes.map((n) => nodeBox(n.label));
  const height = Math.max(NODE, ...boxes.map((b) => b.height));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { shape: 'rectangle', width: 'data(w)', height: 'data(h)' } }] as unknown as cytoscape.StylesheetJson,
    elements: [
      ...nodes.map((n, i) => ({ data: { id: n.id, w: boxes[i]!.width, h: height } })),
      ...edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target).map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
  });
  cy.layout({ name: 'dagre', rankDir: o.rankDir, rankSep: o.rankSep, nodeSep: o.nodeSep ?? NODE_SEP, edgeSep: 8, fit: false, animate: false } as cytoscape.LayoutOptions).run();
  const positions: Positions = {};
  const bb = cy.nodes().boundingBox({});
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: p.x, y: p.y - height / 2 + NODE / 2 };
  });
  cy.destroy();
  return { positions, width: bb.w, height: bb.h };
}

/** How far a chart of this size can be zoomed and still fit the viewport (padding 40, as ChartApi.fit). */
export function fitZoom(width: number, height: number, v: Viewport): number {
  return Math.min((v.width - 80) / Math.max(1, width), (v.height - 80) / Math.max(1, height));
}

/** Rows of one rank wrapped at this many entities stand this far apart (less than ranks do). */
const ROW_GAP = 10;

/**
 * The hierarchy, top-down: dagre ranks and orders the entities (fewest crossings); a rank wider
 * than the viewport allows is wrapped into rows (dagre's order kept), at the row length that
 * shows the chart largest; then the ranks are spread (up to MAX_RANK_SEP) until the drawing has
 * the viewport's proportions.
 */
export function hierarchyLayout(nodes: readonly LayerNode[], edges: readonly LayerEdge[], v: Viewport): { positions: Positions; zoom: number; perRow: number } {
  const { positions } = dagrePositions(nodes, edges, { rankDir: 'TB', rankSep: MIN_RANK_SEP });
  const widths = new Map(nodes.map((n) => [n.id, nodeBox(n.label).width]));
  const boxHeight = Math.max(NODE, ...nodes.map((n) => nodeBox(n.label).height));
  // Ranks top to bottom, each left to right as dagre ordered it.
  const byY = new Map<number, string[]>();
  for (const [id, p] of Object.entries(positions)) {
    const k = Math.round(p.y);
    byY.set(k, [...(byY.get(k) ?? []), id]);
  }
  const ranks = [...byY.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ids.sort((a, b) => positions[a]!.x - positions[b]!.x));
  const widest = Math.max(1, ...ranks.map((r) => r.length));
  let best: { positions: Positions; zoom: number; perRow: number; width: number; height: number } | null = null;
  for (let perRow = widest; perRow >= 1; perRow -= perRow > 40 ? Math.ceil(perRow / 20) : 1) {
    const w = wrapRanks(ranks, widths, boxHeight, perRow, MIN_RANK_SEP);
    const zoom = fitZoom(w.width, w.height, v);
    // Fewer rows when it costs nothing: a wrap must make the chart larger on screen.
    if (!best || zoom > best.zoom * 1.03) best = { ...w, zoom, perRow };
  }
  const chosen = best!;
  // Spread the ranks to the viewport's proportions.
  const wanted = (chosen.width * v.height) / v.width;
  const gaps = ranks.length - 1;
  if (gaps > 0 && wanted > chosen.height) {
    const sep = Math.min(MAX_RANK_SEP, MIN_RANK_SEP + (wanted - chosen.height) / gaps);
    const w = wrapRanks(ranks, widths, boxHeight, chosen.perRow, sep);
    return { positions: w.positions, zoom: fitZoom(w.width, w.height, v), perRow: chosen.perRow };
  }
  return { positions: chosen.positions, zoom: chosen.zoom, perRow: chosen.perRow };
}

/** Ranks as rows of at most `perRow` entities, each row centred; icon centres and the drawing's size. */
export function wrapRanks(
  ranks: readonly (readonly string[])[],
  widths: ReadonlyMap<string, number>,
  boxHeight: number,
  perRow: number,
  rankSep: number,
): { positions: Positions; width: number; height: number } {
  const positions: Positions = {};
  let y = 0;
  let width = 0;
  ranks.forEach((rank, r) => {
    if (r > 0) y += rankSep;
    for (let start = 0; start < rank.length; start += perRow) {
      if (start > 0) y += ROW_GAP;
      const row = rank.slice(start, start + perRow);
      const rowWidth = row.reduce((s, id) => s + (widths.get(id) ?? NODE), 0) + NODE_SEP * (row.length - 1);
      width = Math.max(width, rowWidth);
      let x = -rowWidth / 2;
      for (const id of row) {
        const w = widths.get(id) ?? NODE;
        positions[id] = { x: x + w / 2, y: y + NODE / 2 };
        x += w + NODE_SEP;
      }
      y += boxHeight;
    }
  });
  return { positions, width, height: y };
}

/**
 * Paths laid out left to right in the order they run, the start at `anchor` (where it is on the
 * chart): each entity at its distance along the path, those at the same distance one under another.
 */
export function pathLayout(nodes: readonly LayerNode[], paths: readonly { nodeIds: readonly string[] }[], anchor: { id: string; at: Position } | null): Positions {
  const seen = new Set<string>();
  const edges: LayerEdge[] = [];
  for (const p of paths) {
    for (let i = 1; i < p.nodeIds.length; i++) {
      const key = `${p.nodeIds[i - 1]}>${p.nodeIds[i]}`;
      if (!seen.has(key)) {
        seen.add(key);
        edges.push({ source: p.nodeIds[i - 1]!, target: p.nodeIds[i]! });
      }
    }
  }
  const { positions } = dagrePositions(nodes, edges, { rankDir: 'LR', rankSep: 70, nodeSep: 14 });
  const from = anchor ? positions[anchor.id] : undefined;
  if (!anchor || !from) return positions;
  const dx = anchor.at.x - from.x;
  const dy = anchor.at.y - from.y;
  return Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
}
