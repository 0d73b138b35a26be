import { describe, expect, it } from 'vitest';
import { hierarchyLayout, NODE, nodeBox, pathLayout, type LayerNode, type Positions } from './hierarchy.ts';

const node = (id: string, label = `Entity ${id}`): LayerNode => ({ id, label });

/** Icon and label boxes as drawn (icon centred on the position, label under it). */
function overlaps(nodes: readonly LayerNode[], p: Positions): [string, string][] {
  const rect = (n: LayerNode) => {
    const b = nodeBox(n.label);
    const q = p[n.id]!;
    return { l: q.x - b.width / 2, r: q.x + b.width / 2, t: q.y - NODE / 2, b: q.y - NODE / 2 + b.height };
  };
  const out: [string, string][] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = rect(nodes[i]!);
      const b = rect(nodes[j]!);
      if (a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b) out.push([nodes[i]!.id, nodes[j]!.id]);
    }
  return out;
}

const VIEW = { width: 1100, height: 700 };

describe('layered layouts', () => {
  it('gives a long label more room, wrapping it under the icon', () => {
    expect(nodeBox('Ann').width).toBe(NODE);
    expect(nodeBox('Velvet Willow Massage Studio, RG1 5OC').width).toBeGreaterThan(nodeBox('Velvet Willow').width);
    expect(nodeBox('Velvet Willow Massage Studio, RG1 5OC').height).toBeGreaterThan(nodeBox('Velvet Willow').height);
  });

  it('draws an operation above its visits and the visits above their premises', () => {
    const nodes = [node('op', 'Week of action'), ...[1, 2, 3].map((i) => node(`v${i}`, `Visit ${i}`)), ...[1, 2, 3].map((i) => node(`p${i}`, `Premises ${i}`))];
    const edges = [1, 2, 3].flatMap((i) => [{ source: 'op', target: `v${i}` }, { source: `v${i}`, target: `p${i}` }]);
    const { positions } = hierarchyLayout(nodes, edges, VIEW);
    for (const i of [1, 2, 3]) {
      expect(positions.op!.y).toBeLessThan(positions[`v${i}`]!.y);
      expect(positions[`v${i}`]!.y).toBeLessThan(positions[`p${i}`]!.y);
    }
    expect(overlaps(nodes, positions)).toEqual([]);
  });

  it('wraps a rank too wide for the viewport into rows, so a parlour with 40 workers stays readable', () => {
    const nodes = [node('parlour', 'Velvet Willow Massage Studio, RG1 5OC'), ...Array.from({ length: 40 }, (_, i) => node(`w${i}`, `Protected person ${String.fromCharCode(65 + (i % 26))}${i}`))];
    const edges = nodes.slice(1).map((n) => ({ source: n.id, target: 'parlour' }));
    const { positions, zoom, perRow } = hierarchyLayout(nodes, edges, VIEW);
    expect(perRow).toBeLessThan(40);
    // In one row of 40 it would fit the viewport at about a fifth of its size; wrapped, at well over half.
    expect(zoom).toBeGreaterThan(0.6);
    expect(overlaps(nodes, positions)).toEqual([]);
    // The workers all sit on one side of the parlour, in their rank.
    expect(nodes.slice(1).every((n) => positions[n.id]!.y < positions.parlour!.y)).toBe(true);
  });

  it('lays paths out left to right in the order they run, the start kept where it was', () => {
    const nodes = ['a', 'b1', 'b2', 'c', 'd'].map((id) => node(id, `Entity ${id} with a longer label`));
    const paths = [{ nodeIds: ['a', 'b1', 'c', 'd'] }, { nodeIds: ['a', 'b2', 'c', 'd'] }];
    const p = pathLayout(nodes, paths, { id: 'a', at: { x: 500, y: -200 } });
    expect(p.a).toEqual({ x: 500, y: -200 });
    expect(p.a!.x).toBeLessThan(p.b1!.x);
    expect(p.b1!.x).toBe(p.b2!.x);
    expect(p.b1!.x).toBeLessThan(p.c!.x);
    expect(p.c!.x).toBeLessThan(p.d!.x);
    expect(overlaps(nodes, p)).toEqual([]);
  });
});
