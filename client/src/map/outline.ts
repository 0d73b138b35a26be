/**
 * The outline's polygons one by one (a country's islands apart), each with its box, so the map
 * builds layers only for those its view reaches (basemap.ts) rather than for the whole world at
 * once: Natural Earth 1:50m holds about 100,000 points, and making, projecting and clipping all of
 * them was most of the map's opening on a loaded machine. Pure: no Leaflet.
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

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
