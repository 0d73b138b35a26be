import { describe, expect, it } from 'vitest';
import { benchGraph } from './graph.ts';

describe('the benchmark graph', () => {
  it('has the asked number of elements, no self-loops or duplicate links, and is the same every time', () => {
    const g = benchGraph(5000);
    expect(g.nodes.length + g.edges.length).toBe(5000);
    expect(g.edges.every((e) => e.source !== e.target)).toBe(true);
    expect(new Set(g.edges.map((e) => [e.source, e.target].sort().join())).size).toBe(g.edges.length);
    expect(benchGraph(5000)).toEqual(g);
  });
});
