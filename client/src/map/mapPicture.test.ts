import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { clipRing, mapPicture, mercator, refLabels, scaleBar } from './mapPicture.ts';
import type { MapData } from './mapData.ts';

const reading = { id: 'premises-1', type: 'PREMISES' as const, label: 'Lotus <Spa>', lat: 51.4579, lon: -0.988 };
const slough = { id: 'premises-2', type: 'PREMISES' as const, label: 'Jade Nails', lat: 51.5105, lon: -0.595 };
const data: MapData = {
  points: [reading, slough],
  lines: [{ id: 'ana:1', type: 'WORKS_AT', source: reading.id, target: slough.id, via: 'person-1' }],
  unplaced: 1,
};
// A square of "land" around both places.
const land: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-2, 51], [0, 51], [0, 52], [-2, 52], [-2, 51]]] } }],
};
const refs: Record<string, string> = { [reading.id]: 'E1', [slough.id]: 'E2' };

describe('the map picture of a briefing', () => {
  it('draws the land, the pins with their references, the route dashed, a scale bar and the corners', () => {
    const p = mapPicture({ data, colourOf: (id) => (id === reading.id ? '#4e79a7' : undefined), refOf: (id) => refs[id]! }, land)!;
    expect(p.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(p.svg).toContain('fill="#f3f1e7"'); // land
    expect(p.svg.match(/<circle /g)).toHaveLength(2);
    expect(p.svg).toContain('stroke="#4e79a7"'); // the ring in the premises' occupancy colour
    expect(p.svg).toContain('stroke="#8a94a0"'); // grey when it has none
    expect(p.svg).toContain('stroke-dasharray="6 5"'); // a route
    expect(p.svg).toContain('>E1<');
    expect(p.svg).toContain('>E2<');
    // Labels are text, escaped.
    expect(p.svg).toContain('Lotus &#60;Spa&#62;');
    expect(p.svg).not.toContain('<Spa>');
    // The view holds both places, west of Greenwich and north of 51°.
    expect(p.extent.west).toBeLessThan(-0.988);
    expect(p.extent.east).toBeGreaterThan(-0.595);
    expect(p.extent.south).toBeLessThan(51.4579);
    expect(p.extent.north).toBeGreaterThan(51.5105);
    expect(p.svg).toMatch(/NW 5\d\.\d{4}° N, 1\.\d{4}° W/);
    expect(p.scale).toMatch(/^\d+ k?m$/);
    expect(p.svg).toContain(`>${p.scale}<`);
    // Nothing to fetch: the only references are to its own defs and data: URLs.
    expect(p.svg).not.toMatch(/href="(?!#|data:)/);
  });

  it('draws nothing when no entity has a place, and the sea alone without an outline', () => {
    expect(mapPicture({ data: { points: [], lines: [], unplaced: 3 }, colourOf: () => undefined, refOf: () => '' }, land)).toBeNull();
    const sea = mapPicture({ data, colourOf: () => undefined, refOf: (id) => refs[id]! }, null)!;
    expect(sea.svg).not.toContain('fill="#f3f1e7"');
    expect(sea.svg.match(/<circle /g)).toHaveLength(2);
  });

  it('keeps one pin from being drawn at street level, on a blank field', () => {
    const one = mapPicture({ data: { points: [reading], lines: [], unplaced: 0 }, colourOf: () => undefined, refOf: () => 'E1' }, null)!;
    expect(one.extent.east - one.extent.west).toBeCloseTo(0.3, 6);
  });
});

describe('the parts of the map picture', () => {
  it('projects as Web Mercator: Greenwich on the equator is the middle of the world', () => {
    expect(mercator(0, 0)).toEqual([0.5, 0.5]);
    const [x, y] = mercator(51.5, -0.1);
    expect(x).toBeCloseTo(0.4997, 4);
    expect(y).toBeLessThan(0.5);
  });

  it('picks a 1-2-5 scale bar that fits', () => {
    expect(scaleBar(10, 160)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(scaleBar(1, 160)).toEqual({ metres: 100, px: 100, label: '100 m' });
    expect(scaleBar(100, 160).label).toBe('10 km');
    expect(scaleBar(3, 160)).toMatchObject({ metres: 200, label: '200 m' });
  });

  it('writes one label for pins on top of one another, and moves a label off another', () => {
    const svg = refLabels([
      { at: [100, 100], ref: 'E1' },
      { at: [104, 102], ref: 'E2' },
      { at: [300, 300], ref: 'E3' },
    ]);
    expect(svg.match(/<text /g)).toHaveLength(2);
    expect(svg).toContain('>E1 E2<');
    // A second group whose label would sit on the first's goes elsewhere.
    const two = refLabels([
      { at: [100, 100], ref: 'E1' },
      { at: [125, 100], ref: 'E2' },
    ]);
    const xs = [...two.matchAll(/<text x="([\d.]+)" y="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(xs).toHaveLength(2);
    expect(xs[0]).not.toEqual(xs[1]);
  });
});

describe('clipping the outline to the picture', () => {
  it('cuts a ring to the rectangle, and drops one wholly outside', () => {
    const big: [number, number][] = [[-1e6, -1e6], [1e6, -1e6], [1e6, 1e6], [-1e6, 1e6]];
    const corners = clipRing(big, 0, 0, 100, 50).map(([x, y]) => `${x},${y}`).sort();
    expect(corners).toEqual(['0,0', '0,50', '100,0', '100,50']);
    expect(clipRing([[200, 200], [300, 200], [300, 300]], 0, 0, 100, 50)).toEqual([]);
    const half: [number, number][] = [[-50, 10], [50, 10], [50, 40], [-50, 40]];
    expect(clipRing(half, 0, 0, 100, 50).every(([x]) => x >= 0)).toBe(true);
  });
});
