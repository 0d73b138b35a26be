/**
 * The map beside the chart (issue 26): the chart's entities that have a place, drawn with the
 * chart's icons and colours, clustered when zoomed out, and the chart's links between them as
 * lines. Selection is the chart's: a click here selects on the chart (through ChartApi), and
 * the chart's selection is drawn here. Hidden and filtered elements ("as known on" included)
 * are left off as on the chart. Loaded on first use (React.lazy), so the chart's first load
 * does not carry Leaflet or the outline data; the Map button starts this code, the outline and
 * the places' read together (load.ts), so the map opens on the longest of them, not their sum.
 *
 * The one owner of the Leaflet map: created in an effect, removed on cleanup (STYLE 10).
 * Nothing here asks for a tile or a font: the basemap is a vector outline the bundle ships
 * (basemap.ts), unless LANTERN_MAP_STYLE names a force's own tile server.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './map.css';
import { linkMeta } from '../model/meta.ts';
import { typeIcon } from '../graph/icons.ts';
import type { ChartDoc } from '../state/chartDoc.ts';
import { addBasemap, addGraticule } from './basemap.ts';
import { basemapData, placesOf } from './load.ts';
import { formatLatLon, mapData, type LatLon, type MapPoint } from './mapData.ts';
import { PLACEABLE } from './places.ts';

export interface MapViewProps {
  doc: ChartDoc;
  /** Ids the chart's filters hide (useChartSummary). */
  filtered: ReadonlySet<string>;
  /** The chart's selection. */
  selection: readonly string[];
  /** Select these on the chart (and so here). */
  onSelect(ids: string[]): void;
  onError(message: string): void;
}

declare global {
  interface Window {
    /** A read-only handle on the map for browser tests. */
    lanternMap?: { points(): string[]; selected(): string[]; visible(): string[]; lines(): number };
  }
}

/** The UK, before anything is placed. */
const HOME: L.LatLngExpression = [54.5, -3.2];

function pinIcon(p: MapPoint, selected: boolean): L.DivIcon {
  // Entity text never goes into markup: the id is an attribute value, escaped; the label is set as `title` by Leaflet.
  const id = p.id.replace(/[&"<>]/g, '');
  return L.divIcon({
    className: `map-pin${selected ? ' selected' : ''}`,
    html: `<img src="${typeIcon(p.type)}" alt="" data-id="${id}" draggable="false">`,
    iconSize: [26, 26],
    iconAnchor: [13, 13],
  });
}

export default function MapView({ doc, filtered, selection, onSelect, onError }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const coords = useRef<HTMLSpanElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [clusters, setClusters] = useState<L.MarkerClusterGroup | null>(null);
  const [places, setPlaces] = useState<ReadonlyMap<string, LatLon>>(new Map());
  const [loading, setLoading] = useState(false);
  const selected = useMemo(() => new Set(selection), [selection]);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const markers = useRef(new Map<string, { marker: L.Marker; point: MapPoint }>());
  const lines = useRef<L.LayerGroup | null>(null);
  const fitted = useRef(false);

  // The map, its basemap, scale bar, pointer coordinates and the cluster layer: once.
  useEffect(() => {
    const el = container.current!;
    const m = L.map(el, { center: HOME, zoom: 5, minZoom: 2, maxZoom: 18, zoomSnap: 0.5, boxZoom: false });
    m.attributionControl.setPrefix(false);
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(m);
    const abort = new AbortController();
    void basemapData().then((b) => {
      if (!abort.signal.aborted) addBasemap(m, b);
    }).catch((e: Error) => {
      if (!abort.signal.aborted) onError(`The map's outline could not be drawn: ${e.message}`);
    });
    addGraticule(m);
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 32,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: (c) => {
        const children = c.getAllChildMarkers();
        const any = children.some((k) => selectedRef.current.has(String(k.options.alt)));
        return L.divIcon({ className: `map-cluster${any ? ' selected' : ''}`, html: `<span>${children.length}</span>`, iconSize: [34, 34] });
      },
    });
    group.addTo(m);
    lines.current = L.layerGroup().addTo(m);
    m.on('mousemove', (e: L.LeafletMouseEvent) => {
      if (coords.current) coords.current.textContent = formatLatLon(e.latlng.lat, e.latlng.lng);
    });
    m.on('click', () => onSelectRef.current([]));
    // The pane opens and the window resizes: Leaflet measures its container again.
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(el);
    setMap(m);
    setClusters(group);
    return () => {
      abort.abort();
      resize.disconnect();
      m.remove();
      setMap(null);
      setClusters(null);
      markers.current.clear();
      delete window.lanternMap;
    };
  }, [onError]);

  // Places of the placeable entities on the chart, read again when they change.
  const placeableNodes = useMemo(() => Object.values(doc.nodes).filter((n) => PLACEABLE.has(n.type)), [doc.nodes]);
  useEffect(() => {
    if (placeableNodes.length === 0) {
      setPlaces(new Map());
      return;
    }
    const abort = new AbortController();
    setLoading(true);
    placesOf(placeableNodes, abort.signal)
      .then((p) => {
        if (!abort.signal.aborted) setPlaces(p);
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') onError(`The places of the chart's entities could not be read: ${e.message}`);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [placeableNodes, onError]);

  const data = useMemo(() => mapData(doc, filtered, places, PLACEABLE), [doc, filtered, places]);

  // Markers: one per placed entity, in the cluster layer.
  useEffect(() => {
    if (!map || !clusters) return;
    const next = new Map<string, { marker: L.Marker; point: MapPoint }>();
    const add: L.Marker[] = [];
    for (const p of data.points) {
      const had = markers.current.get(p.id);
      if (had && had.point.lat === p.lat && had.point.lon === p.lon && had.point.type === p.type) {
        next.set(p.id, { marker: had.marker, point: p });
        continue;
      }
      const marker = L.marker([p.lat, p.lon], { icon: pinIcon(p, selectedRef.current.has(p.id)), title: p.label, alt: p.id, keyboard: true, riseOnHover: true });
      marker.on('click', (e: L.LeafletMouseEvent) => {
        L.DomEvent.stopPropagation(e);
        const shift = e.originalEvent?.shiftKey;
        const now = [...selectedRef.current];
        onSelectRef.current(shift ? (now.includes(p.id) ? now.filter((x) => x !== p.id) : [...now, p.id]) : [p.id]);
      });
      next.set(p.id, { marker, point: p });
      add.push(marker);
    }
    const gone = [...markers.current].filter(([id, m]) => next.get(id)?.marker !== m.marker).map(([, m]) => m.marker);
    // The view first, then the pins: clustered once, at the zoom they are shown at (not at the
    // opening zoom and again after the fit), and the outline and graticule drawn once for it.
    if (!fitted.current && data.points.length > 0) {
      fitted.current = true;
      map.fitBounds(L.latLngBounds(data.points.map((p) => [p.lat, p.lon] as L.LatLngTuple)), { padding: [40, 40], maxZoom: 14, animate: false });
    } else if (data.points.length === 0) fitted.current = false;
    const t0 = performance.now();
    clusters.removeLayers(gone);
    clusters.addLayers(add);
    markers.current = next;
    if (add.length) performance.measure('lantern:map markers', { start: t0 });
  }, [map, clusters, data.points]);

  // Selection: the chart's, drawn on the pins and on the clusters that hold a selected pin.
  useEffect(() => {
    if (!clusters) return;
    for (const { marker, point } of markers.current.values()) {
      const want = selected.has(point.id);
      if (marker.options.icon?.options.className?.includes('selected') !== want) marker.setIcon(pinIcon(point, want));
    }
    clusters.refreshClusters();
    // One entity selected on the chart and hidden in a cluster here: open the cluster to show it.
    if (selection.length === 1) {
      const m = markers.current.get(selection[0]!)?.marker;
      if (m && clusters.getVisibleParent(m) !== m) clusters.zoomToShowLayer(m);
    }
  }, [clusters, selected, selection, data.points]);

  // Lines between the visible ends (a pin, or the cluster holding it), drawn again as clusters change.
  useEffect(() => {
    if (!map || !clusters) return;
    const draw = () => {
      const layer = lines.current;
      if (!layer) return;
      layer.clearLayers();
      for (const l of data.lines) {
        const a = markers.current.get(l.source)?.marker;
        const b = markers.current.get(l.target)?.marker;
        if (!a || !b) continue;
        const pa = clusters.getVisibleParent(a);
        const pb = clusters.getVisibleParent(b);
        if (!pa || !pb || pa === pb) continue;
        // A route through an entity without a place is dashed; it stands out when that entity is selected.
        const sel = selected.has(l.via ?? l.id) || (!l.via && (selected.has(l.source) || selected.has(l.target)));
        L.polyline([pa.getLatLng(), pb.getLatLng()], {
          color: linkMeta(l.type).colour,
          weight: sel ? 3.5 : 1.6,
          opacity: sel ? 0.95 : 0.45,
          dashArray: l.via ? '6 5' : undefined,
          interactive: false,
        }).addTo(layer);
      }
    };
    draw();
    map.on('zoomend moveend', draw);
    clusters.on('animationend', draw);
    return () => {
      map.off('zoomend moveend', draw);
      clusters.off('animationend', draw);
    };
  }, [map, clusters, data.lines, data.points, selected]);

  useEffect(() => {
    if (!clusters) return;
    window.lanternMap = {
      points: () => [...markers.current.keys()],
      selected: () => [...markers.current.values()].filter((m) => m.marker.options.icon?.options.className?.includes('selected')).map((m) => m.point.id),
      visible: () => [...markers.current.values()].filter((m) => clusters.getVisibleParent(m.marker) === m.marker).map((m) => m.point.id),
      lines: () => lines.current?.getLayers().length ?? 0,
    };
  }, [clusters]);

  const fit = () => {
    if (!map) return;
    if (data.points.length) map.fitBounds(L.latLngBounds(data.points.map((p) => [p.lat, p.lon] as L.LatLngTuple)), { padding: [40, 40], maxZoom: 14 });
    else map.setView(HOME, 5);
  };

  return (
    <div className="map-pane" role="region" aria-label="Map">
      <div ref={container} className="map-canvas" data-testid="map" />
      <div className="map-status" role="status">
        <span data-testid="map-counts">
          {loading ? 'Reading places…' : `${data.points.length} placed · ${data.lines.length} ${data.lines.length === 1 ? 'line' : 'lines'}`}
          {data.unplaced > 0 && ` · ${data.unplaced} without a location`}
        </span>
        <span ref={coords} className="map-coords" aria-label="Pointer position" />
        <button type="button" onClick={fit} aria-label="Fit the map" title="All placed entities in view">
          Fit
        </button>
      </div>
    </div>
  );
}
