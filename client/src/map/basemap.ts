/**
 * What the map is drawn on. By default an outline of the world's countries from Natural Earth
 * (1:50m, public domain), shipped by the `world-atlas` package and served by Lantern itself as
 * a static file: no tile server, no font, no request off this host. Coarse (a county shows as
 * blank land), so a graticule with its degrees, the scale bar and the pointer's coordinates
 * place the points. LANTERN_MAP_STYLE names a force's own tile server instead (docs/workspace.md).
 */
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { Basemap } from './load.ts';
import { outlineCountries, outlinePieces, reaches, type OutlinePiece } from './outline.ts';
import { graticuleStep } from './mapData.ts';

/** Draws the basemap read by load.ts: the force's tiles, or the outline on one canvas. */
export function addBasemap(map: L.Map, b: Basemap): void {
  const s = b.settings;
  if (s.tiles) {
    L.tileLayer(s.tiles, { attribution: s.attribution ?? '', maxZoom: 19 }).addTo(map);
    map.getContainer().classList.add('with-tiles');
    return;
  }
  if (!b.outline) return;
  const t0 = performance.now();
  const topo = b.outline;
  // A country's polygons are made the first time a view reaches its box (outline.ts).
  const countries = outlineCountries(topo);
  const decoded = new Array<boolean>(countries.length).fill(false);
  const pieces: OutlinePiece[] = [];
  const drawn: boolean[] = [];
  const outline = L.geoJSON(undefined, {
    interactive: false,
    style: { color: '#aeb8a6', weight: 0.8, fillColor: '#f3f1e7', fillOpacity: 1 },
    // One canvas for the outline: thousands of rings are cheaper there than as SVG paths.
    // (GeoJSON passes its options to each path it makes; the typings leave `renderer` out.)
    renderer: L.canvas({ padding: 0.2 }),
  } as L.GeoJSONOptions).addTo(map);
  // Layers for the polygons the view reaches (with half a view around it), more as it moves:
  // the 57 premises of an operation in England need the British Isles and their neighbours, not the world.
  const fill = () => {
    const t = performance.now();
    const v = map.getBounds().pad(0.5);
    const view = { west: v.getWest(), south: v.getSouth(), east: v.getEast(), north: v.getNorth() };
    countries.forEach((c, i) => {
      if (decoded[i] || !reaches(c, view)) return;
      decoded[i] = true;
      pieces.push(...outlinePieces(feature(topo, { type: 'GeometryCollection', geometries: [c.geometry] })));
    });
    const add = pieces.filter((p, i) => !drawn[i] && reaches(p, view) && (drawn[i] = true));
    if (add.length) outline.addData({ type: 'FeatureCollection', features: add.map((p) => p.polygon) } as FeatureCollection).bringToBack();
    return t;
  };
  fill();
  map.on('moveend', fill);
  map.attributionControl.addAttribution('Outline: Natural Earth');
  // Where the map's opening goes (bench/map.ts reads it; the browser's performance panel shows it).
  performance.measure('lantern:map outline layers', { start: t0 });
}

/** Lines of latitude and longitude with their degrees, spaced for the view. */
export function addGraticule(map: L.Map): void {
  const layer = L.layerGroup().addTo(map);
  const draw = () => {
    layer.clearLayers();
    const b = map.getBounds();
    const west = Math.max(-180, b.getWest());
    const east = Math.min(180, b.getEast());
    const south = Math.max(-85, b.getSouth());
    const north = Math.min(85, b.getNorth());
    const step = graticuleStep(east - west);
    const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    const style = { color: '#7d8b99', weight: 0.6, opacity: 0.45, interactive: false, dashArray: '3 4' };
    const label = (at: L.LatLngExpression, text: string, cls: string) =>
      L.marker(at, { interactive: false, keyboard: false, icon: L.divIcon({ className: `map-grid-label ${cls}`, html: text, iconSize: undefined }) }).addTo(layer);
    for (let i = Math.ceil(south / step); i * step <= north; i += 1) {
      const lat = i * step;
      L.polyline([[lat, west], [lat, east]], style).addTo(layer);
      label([lat, west], `${Math.abs(lat).toFixed(digits)}°${lat < 0 ? 'S' : 'N'}`, 'lat');
    }
    for (let i = Math.ceil(west / step); i * step <= east; i += 1) {
      const lon = i * step;
      L.polyline([[south, lon], [north, lon]], style).addTo(layer);
      label([north, lon], `${Math.abs(lon).toFixed(digits)}°${lon < 0 ? 'W' : 'E'}`, 'lon');
    }
  };
  map.on('moveend zoomend resize', draw);
  map.whenReady(draw);
}
