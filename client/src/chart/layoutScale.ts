/**
 * The scale of a force layout's answer. ForceAtlas2's spread depends on the graph (its repulsion
 * grows with the number of nodes), so a chart of a few thousand elements came back about 28,000
 * units wide and, fitted to the screen, every entity was under a pixel. Scaling the answer so that
 * the median link has one length gives every chart the same density, whatever its size.
 */
export type Positions = Record<string, { x: number; y: number }>;

/** Median link length the answer is scaled to, in chart units: fcose's ideal link length for smaller charts (useGraphLayout). */
export const MEDIAN_LINK = 110;

/**
 * Scales `positions` about their centroid so the median length of `edges` is `target`. Left as
 * they are when a node is pinned (a pinned node must not move) or no link has a length.
 */
export function scaleToLinks(positions: Positions, edges: readonly (readonly [string, string])[], pinned: boolean, target = MEDIAN_LINK): Positions {
  if (pinned) return positions;
  const lengths: number[] = [];
  for (const [s, t] of edges) {
    const a = positions[s];
    const b = positions[t];
    if (a && b && s !== t) lengths.push(Math.hypot(a.x - b.x, a.y - b.y));
  }
  lengths.sort((x, y) => x - y);
  const median = lengths.length ? lengths[lengths.length >> 1]! : 0;
  if (!(median > 0)) return positions;
  const ids = Object.keys(positions);
  const cx = ids.reduce((sum, id) => sum + positions[id]!.x, 0) / ids.length;
  const cy = ids.reduce((sum, id) => sum + positions[id]!.y, 0) / ids.length;
  const k = target / median;
  const out: Positions = {};
  for (const id of ids) out[id] = { x: cx + (positions[id]!.x - cx) * k, y: cy + (positions[id]!.y - cy) * k };
  return out;
}
