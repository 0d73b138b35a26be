import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import countries50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import { outlineCountries, outlinePieces, reaches } from './outline.ts';

const topo = countries50m as unknown as Topology<{ countries: GeometryCollection }>;
const pieces = outlinePieces(feature(topo, topo.objects.countries));
const points = (ps: typeof pieces) =>
  ps.reduce((n, p) => n + p.polygon.geometry.coordinates.reduce((m, r) => m + r.length, 0), 0);

describe("the outline's pieces", () => {
  it('keeps every polygon of every country, islands apart, each within its box', () => {
    expect(pieces.length).toBeGreaterThan(topo.objects.countries.geometries.length);
    const outside = pieces.flatMap((p) =>
      p.polygon.geometry.coordinates[0]!.filter(
        ([lon, lat]) => lon! < p.west || lon! > p.east || lat! < p.south || lat! > p.north,
      ),
    );
    expect(outside).toEqual([]);
    expect(points(pieces)).toBeGreaterThan(90_000);
  });

  it('gives a view of England, with half a view around it, a small part of the world: Britain, not Australia', () => {
    // Roughly the map fitted to premises across southern England (about 5 degrees wide), padded by half.
    const view = { west: -8.5, south: 48.5, east: 4.5, north: 55.5 };
    const near = pieces.filter((p) => reaches(p, view));
    const inside = (lon: number, lat: number) =>
      near.some((p) => p.west <= lon && lon <= p.east && p.south <= lat && lat <= p.north);
    expect(inside(-1.5, 52.5)).toBe(true); // the Midlands
    expect(inside(2.35, 48.86)).toBe(true); // Paris
    expect(inside(134, -25)).toBe(false); // Australia
    expect(points(near)).toBeLessThan(points(pieces) / 5);
  });

  it('are made for the countries whose boxes a view reaches: the same pieces as decoding the whole world, from a few countries', () => {
    const countries = outlineCountries(topo);
    expect(countries).toHaveLength(topo.objects.countries.geometries.length);
    const key = (p: (typeof pieces)[number]) => JSON.stringify(p.polygon.geometry.coordinates[0]!.slice(0, 3));
    for (const view of [
      { west: -8.5, south: 48.5, east: 4.5, north: 55.5 },
      { west: 100, south: -45, east: 160, north: -5 },
      { west: -180, south: -90, east: 180, north: 90 },
    ]) {
      const near = countries.filter((c) => reaches(c, view));
      const made = outlinePieces(feature(topo, { type: 'GeometryCollection', geometries: near.map((c) => c.geometry) })).filter((p) => reaches(p, view));
      expect(made.map(key).sort()).toEqual(pieces.filter((p) => reaches(p, view)).map(key).sort());
      if (view.west === -8.5) expect(near.length).toBeLessThan(countries.length / 4);
    }
  });
});
