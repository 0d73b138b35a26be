/**
 * Where new nodes go: near the node they were expanded from, on rings in the direction away
 * from the chart's other nodes, so existing positions stay as they are.
 */
import type { Position } from '../model/types.ts';

export const NODE_SPACING = 95;

/** Positions for `count` new nodes around `parent`, fanned away from `centroid`. */
export function placeAround(parent: Position, count: number, centroid: Position | null): Position[] {
  if (count === 0) return [];
  const away = centroid && (centroid.x !== parent.x || centroid.y !== parent.y)
    ? Math.atan2(parent.y - centroid.y, parent.x - centroid.x)
    : -Math.PI / 2;
  // A fan of 240 degrees facing away from the rest of the chart when there is a rest; a full ring otherwise.
  const spread = centroid ? (4 * Math.PI) / 3 : 2 * Math.PI;
  const out: Position[] = [];
  let ring = 0;
  let placed = 0;
  while (placed < count) {
    const radius = 150 + ring * NODE_SPACING;
    const capacity = Math.max(1, Math.floor((radius * spread) / NODE_SPACING));
    const n = Math.min(capacity, count - placed);
    for (let i = 0; i < n; i++) {
      const t = spread >= 2 * Math.PI ? (i / n) * spread : n === 1 ? 0 : (i / (n - 1) - 0.5) * spread;
      const angle = away + t + (ring % 2) * (NODE_SPACING / radius / 2);
      out.push({ x: parent.x + radius * Math.cos(angle), y: parent.y + radius * Math.sin(angle) });
    }
    placed += n;
    ring += 1;
  }
  return out;
}

export function centroidOf(points: Iterable<Position>): Position | null {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
    n += 1;
  }
  return n ? { x: x / n, y: y / n } : null;
}

/** Positions for nodes added with no parent: a grid to the right of what is on the chart. */
export function placeBeside(existing: Iterable<Position>, count: number): Position[] {
  let maxX = -Infinity;
  let minY = Infinity;
  for (const p of existing) {
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
  }
  const x0 = Number.isFinite(maxX) ? maxX + 2 * NODE_SPACING : 0;
  const y0 = Number.isFinite(minY) ? minY : 0;
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)));
  return Array.from({ length: count }, (_, i) => ({ x: x0 + (i % cols) * NODE_SPACING * 1.6, y: y0 + Math.floor(i / cols) * NODE_SPACING }));
}

/** Positions between two nodes (a path found between them): spread along the line. */
export function placeBetween(a: Position, b: Position, count: number): Position[] {
  return Array.from({ length: count }, (_, i) => {
    const t = (i + 1) / (count + 1);
    const wobble = (i % 2 ? 1 : -1) * 40;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    return { x: a.x + dx * t - (dy / len) * wobble, y: a.y + dy * t + (dx / len) * wobble };
  });
}
