import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { project } from './useNavigator.ts';

describe('the navigator projection', () => {
  it('fits the chart into the thumbnail, centred, keeping the aspect ratio', () => {
    const p = project({ x1: 100, y1: 50, w: 1000, h: 200 }, 200, 140, 10);
    // Width limits: 180 px for 1000 model units.
    expect(p.scale).toBeCloseTo(0.18);
    // The left edge of the chart lands on the padding, and it is centred vertically.
    expect((100 - p.x0) * p.scale).toBeCloseTo(10);
    const top = (50 - p.y0) * p.scale;
    const bottom = (250 - p.y0) * p.scale;
    expect(top + bottom).toBeCloseTo(140);
  });

  it('maps every node of a headless chart inside the thumbnail', () => {
    const cy = cytoscape({
      headless: true,
      elements: [
        { data: { id: 'a' }, position: { x: -500, y: 20 } },
        { data: { id: 'b' }, position: { x: 800, y: 900 } },
        { data: { id: 'c' }, position: { x: 10, y: -300 } },
      ],
    });
    const p = project(cy.nodes().boundingBox({}), 200, 140);
    cy.nodes().forEach((n) => {
      const x = (n.position().x - p.x0) * p.scale;
      const y = (n.position().y - p.y0) * p.scale;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(200);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(140);
    });
    cy.destroy();
  });
});
