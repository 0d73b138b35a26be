/**
 * A deterministic synthetic chart of a given element count, shaped like Lantern's charts:
 * clusters (networks around premises) joined by a few bridges, with precomputed positions so
 * the benchmark measures rendering, not layout.
 */
import { seededRandom } from '../../server/kernel/random.ts';

export interface BenchGraph {
  nodes: { id: string; x: number; y: number; type: number; label: string }[];
  edges: { id: string; source: string; target: string; weight: number }[];
}

/** `elements` nodes plus edges in total; about 1.5 edges per node. */
export function benchGraph(elements: number, seed = 42): BenchGraph {
  const random = seededRandom(seed);
  const nodeCount = Math.round(elements / 2.5);
  const edgeCount = elements - nodeCount;
  const clusterSize = 40;
  const clusters = Math.max(1, Math.ceil(nodeCount / clusterSize));
  const side = Math.ceil(Math.sqrt(clusters));
  const nodes: BenchGraph['nodes'] = [];
  for (let i = 0; i < nodeCount; i++) {
    const c = Math.floor(i / clusterSize);
    const cx = (c % side) * 900;
    const cy = Math.floor(c / side) * 900;
    const r = 60 + 300 * Math.sqrt(random());
    const a = random() * 2 * Math.PI;
    nodes.push({ id: `n${i}`, x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), type: Math.floor(random() * 6), label: `Entity ${i}` });
  }
  const edges: BenchGraph['edges'] = [];
  const seen = new Set<string>();
  while (edges.length < edgeCount) {
    const s = Math.floor(random() * nodeCount);
    const c = Math.floor(s / clusterSize);
    // Mostly within the cluster, sometimes a bridge to another.
    const bridge = random() < 0.05;
    const base = bridge ? Math.floor(random() * clusters) * clusterSize : c * clusterSize;
    const t = Math.min(nodeCount - 1, base + Math.floor(random() * clusterSize));
    if (s === t) continue;
    const key = s < t ? `${s}-${t}` : `${t}-${s}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, source: `n${s}`, target: `n${t}`, weight: 1 + Math.floor(random() * 20) });
  }
  return { nodes, edges };
}
