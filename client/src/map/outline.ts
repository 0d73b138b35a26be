/**
 * The outline's polygons one by one (a country's islands apart), each with its box, so the map
 * builds layers only for those its view reaches (basemap.ts) rather than for the whole world at
 * once: Natural Earth 1:50m holds about 100,000 points, and making, projecting and clipping all of
 * them was most of the map's opening on a loaded machine. Pure: no Leaflet.
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface OutlinePiece extends Box {
  polygon: Feature<Polygon>;
}

export function outlinePieces(fc: FeatureCollection): OutlinePiece[] {
  const out: OutlinePiece[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    const polygons: Position[][][] =
      g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polygons) {
      const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
      // The outer ring bounds the polygon; its holes lie within it.
      for (const [lon, lat] of rings[0] ?? []) {
        if (lon! < box.west) box.west = lon!;
        if (lon! > box.east) box.east = lon!;
        if (lat! < box.south) box.south = lat!;
        if (lat! > box.north) box.north = lat!;
      }
      if (box.west <= box.east)
        out.push({
          ...box,
          polygon: {
            type: 'Feature',
            properties: null,
            geometry: { type: 'Polygon', coordinates: rings },
          },
        });
    }
  }
  return out;
}

/** Whether a piece's box meets the view's. */
export const reaches = (p: Box, view: Box): boolean =>
  p.east >= view.west && p.west <= view.east && p.north >= view.south && p.south <= view.north;

/** A country of the outline with its box (of every arc it uses), decoded only once a view reaches it. */
export interface OutlineCountry extends Box {
  geometry: GeometryObject;
}

const arcIndices = (arcs: unknown, out: number[]): number[] => {
  if (typeof arcs === 'number') out.push(arcs < 0 ? ~arcs : arcs);
  else if (Array.isArray(arcs)) for (const a of arcs) arcIndices(a, out);
  return out;
};

/**
 * The countries of a TopoJSON outline with their boxes, from one pass over its arcs' (quantized)
 * points: no polygon is made. Decoding the whole world (about 100,000 points) to draw the few
 * countries a view reaches was most of the outline's cost; a country's box holds every piece of it,
 * so the pieces of the countries a view reaches are every piece it reaches.
 */
export function outlineCountries(topo: Topology<{ countries: GeometryCollection }>): OutlineCountry[] {
  const t = topo.transform;
  const [kx, ky] = t?.scale ?? [1, 1];
  const [dx, dy] = t?.translate ?? [0, 0];
  const arcBoxes = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    const b = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
    for (const p of arc) {
      // Quantized arcs are deltas from the point before.
      x = t ? x + p[0]! : p[0]!;
      y = t ? y + p[1]! : p[1]!;
      if (x < b.west) b.west = x;
      if (x > b.east) b.east = x;
      if (y < b.south) b.south = y;
      if (y > b.north) b.north = y;
    }
    return { west: b.west * kx + dx, east: b.east * kx + dx, south: b.south * ky + dy, north: b.north * ky + dy };
  });
  const out: OutlineCountry[] = [];
  for (const geometry of topo.objects.countries.geometries) {
    const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
    for (const i of arcIndices('arcs' in geometry ? geometry.arcs : [], [])) {
      const a = arcBoxes[i]!;
      box.west = Math.min(box.west, a.west);
      box.east = Math.max(box.east, a.east);
      box.south = Math.min(box.south, a.south);
      box.north = Math.max(box.north, a.north);
    }
    if (box.west <= box.east) out.push({ ...box, geometry });
  }
  return out;
}
