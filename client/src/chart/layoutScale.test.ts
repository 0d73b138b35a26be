import { describe, expect, it } from 'vitest';
import { MEDIAN_LINK, scaleToLinks, type Positions } from './layoutScale.ts';

const length = (p: Record<string, { x: number; y: number }>, s: string, t: string) => Math.hypot(p[s]!.x - p[t]!.x, p[s]!.y - p[t]!.y);

describe('scaleToLinks', () => {
  // A path a-b-c-d with links 1000, 2000 and 4000 long: the median link is 2000.
  const positions = { a: { x: 0, y: 0 }, b: { x: 1000, y: 0 }, c: { x: 1000, y: 2000 }, d: { x: 5000, y: 2000 } };
  const edges = [['a', 'b'], ['b', 'c'], ['c', 'd']] as const;

  it('scales the layout so the median link has the target length, keeping its shape and centre', () => {
    const out = scaleToLinks(positions, edges, false);
    expect(length(out, 'b', 'c')).toBeCloseTo(MEDIAN_LINK);
    expect(length(out, 'a', 'b')).toBeCloseTo(MEDIAN_LINK / 2);
    expect(length(out, 'c', 'd')).toBeCloseTo(MEDIAN_LINK * 2);
    const centre = (p: Positions) => [Object.values(p).reduce((s, q) => s + q.x, 0) / 4, Object.values(p).reduce((s, q) => s + q.y, 0) / 4];
    expect(centre(out)[0]).toBeCloseTo(centre(positions)[0]!);
    expect(centre(out)[1]).toBeCloseTo(centre(positions)[1]!);
  });

  it('leaves the layout alone when a node is pinned, or no link has a length', () => {
    expect(scaleToLinks(positions, edges, true)).toBe(positions);
    expect(scaleToLinks(positions, [], false)).toBe(positions);
    expect(scaleToLinks({ a: { x: 5, y: 5 }, b: { x: 5, y: 5 } }, [['a', 'b']], false)).toEqual({ a: { x: 5, y: 5 }, b: { x: 5, y: 5 } });
  });
});
