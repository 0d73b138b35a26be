/**
 * What opening the map waits for, started together when the Map button is pressed
 * (`prepareMap`, App starting the map's lazy chunk beside it) rather than one after another once
 * the map's code has arrived: the basemap setting with the outline, and the places of the
 * chart's entities. The view then takes what was started (`basemapData`, `placesOf`) instead of
 * asking again. Nothing here imports Leaflet: this file is part of the workspace's first load.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import outlineUrl from 'world-atlas/countries-50m.json?url';
import { readAhead } from '../api/readAhead.ts';
import { csrfHeaders, UNAUTHENTICATED_EVENT } from '../api/session.ts';
import { purposeHeaders } from '../auth/purpose.ts';
import type { GraphNode } from '../model/types.ts';
import type { LatLon } from './mapData.ts';
import { fetchPlaces, PLACEABLE } from './places.ts';

export interface MapSettings {
  /** An XYZ tile URL template ({z}/{x}/{y}), or null for the built-in outline. */
  tiles: string | null;
  attribution: string | null;
}

/** Natural Earth's countries (1:50m, world-atlas) as TopoJSON, as the built client serves it. */
export type Outline = Topology<{ countries: GeometryCollection }>;

export interface Basemap {
  settings: MapSettings;
  /** The outline, unless the settings name a tile server. */
  outline: Outline | null;
}

/** The basemap setting, for the signed-in workspace only (its URL may carry a tile server's key). */
async function fetchMapSettings(signal?: AbortSignal): Promise<MapSettings> {
  const res = await fetch('/map-settings', {
    signal,
    headers: { accept: 'application/json', ...csrfHeaders(), ...purposeHeaders() },
  });
  if (res.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  if (!res.ok) throw new Error(`the server answered ${res.status} for the map settings`);
  return (await res.json()) as MapSettings;
}

async function readBasemap(): Promise<Basemap> {
  // Both at once: the outline is wanted unless a tile server is set, and dropped as soon as one is.
  const abort = new AbortController();
  const outline = fetch(outlineUrl, { signal: abort.signal }).then(async (res) => {
    if (!res.ok) throw new Error(`the outline file answered ${res.status}`);
    return (await res.json()) as Outline;
  });
  outline.catch(() => undefined);
  const settings = await fetchMapSettings().catch((e: unknown) => {
    abort.abort();
    throw e;
  });
  if (settings.tiles) {
    abort.abort();
    return { settings, outline: null };
  }
  return { settings, outline: await outline };
}

let basemap: Promise<Basemap> | null = null;

/** The basemap, read once per page (the outline's file never changes under its name); asked again after a failure. */
export function basemapData(): Promise<Basemap> {
  basemap ??= readBasemap().catch((e: unknown) => {
    basemap = null;
    throw e;
  });
  return basemap;
}

const placeableIds = (nodes: readonly GraphNode[]) =>
  nodes
    .filter((n) => PLACEABLE.has(n.type))
    .map((n) => n.id)
    .join('\n');

/** The places' read, started by prepareMap and taken by the view. */
const placesAhead = readAhead<Map<string, LatLon>>();

/**
 * Starts the data the map waits for, as it is asked for (App starts its code beside it): the
 * basemap and the places of `nodes`.
 */
export function prepareMap(nodes: readonly GraphNode[]): void {
  // A failure here is the view's to report when it asks for the same thing.
  basemapData().catch(() => undefined);
  const key = placeableIds(nodes);
  if (key) placesAhead.start(key, () => fetchPlaces(nodes));
}

/** The places of `nodes`: those prepareMap started for the same entities, else read now (`signal` aborts only that). */
export function placesOf(
  nodes: readonly GraphNode[],
  signal?: AbortSignal,
): Promise<Map<string, LatLon>> {
  return placesAhead.take(placeableIds(nodes), () => fetchPlaces(nodes, signal));
}
