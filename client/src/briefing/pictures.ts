/**
 * The briefing's map and occupancy pictures (issue 26), made from the snapshot's own record (its
 * entities, already masked and scoped when the snapshot was made, their places, and its dated
 * links) with the workspace's own code: mapData and the occupancy rows read a chart document, and
 * the snapshot is turned into one. Nothing is read from the server: the outline is the workspace
 * map's, a file of the built client. A force's tile server (LANTERN_MAP_STYLE) is not drawn here,
 * by design: a render must come out the same from the record alone, offline (decision 0040).
 */
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import outlineUrl from 'world-atlas/countries-50m.json?url';
import { NO_FILTERS } from '../../../server/kernel/filters.ts';
import type { SnapshotContent } from '../../../server/kernel/snapshot.ts';
import { EMPTY_DOC, type ChartDoc } from '../state/chartDoc.ts';
import { mapData, placedTypes, validPlace, type LatLon } from '../map/mapData.ts';
import { mapPicture, type MapPicture } from '../map/mapPicture.ts';
import { occupancy, staysOnChart, type Occupancy } from '../occupancy/stays.ts';
import { toGraphEdge, toGraphNode } from './chartImage.ts';

/** The snapshot as a chart document: nothing hidden, no filter (the snapshot is what was chosen). */
export function docOf(content: SnapshotContent): ChartDoc {
  return {
    ...EMPTY_DOC,
    nodes: Object.fromEntries(content.nodes.map((n) => [n.id, toGraphNode(n)])),
    edges: Object.fromEntries(content.edges.map((e) => [e.id, toGraphEdge(e)])),
    positions: Object.fromEntries(content.nodes.map((n) => [n.id, n.position])),
    filters: NO_FILTERS,
  };
}

export interface BriefingMap extends MapPicture {
  url: string;
  placed: number;
  unplaced: number;
  /** Link types drawn between placed entities, and whether routes are drawn. */
  lineTypes: string[];
  routes: boolean;
}

export interface BriefingPictures {
  map: BriefingMap | null;
  occupancy: Occupancy | null;
}

let outline: Promise<FeatureCollection | null> | null = null;

/** The Natural Earth outline, read once per page (the briefing page is reused render after render). */
function loadOutline(): Promise<FeatureCollection | null> {
  outline ??= fetch(outlineUrl)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`the outline answered ${r.status}`))))
    .then((topo: Topology<{ countries: GeometryCollection }>) => feature(topo, topo.objects.countries) as FeatureCollection)
    .catch(() => {
      outline = null;
      return null;
    });
  return outline;
}

const PLACEABLE = new Set(placedTypes().map((t) => t.name));

/** The pictures the snapshot asks for; each null when not asked for. */
export async function briefingPictures(content: SnapshotContent, refOf: (id: string) => string): Promise<BriefingPictures> {
  const want = content.pictures ?? { map: false, occupancy: false };
  if (!want.map && !want.occupancy) return { map: null, occupancy: null };
  const doc = docOf(content);
  const none = new Set<string>();
  const o = occupancy(doc, staysOnChart(doc), () => true, content.asKnownOn);
  const colour = new Map(o.premises.map((p) => [p.id, p.colour]));
  let map: BriefingMap | null = null;
  if (want.map) {
    const places = new Map<string, LatLon>();
    for (const n of content.nodes) {
      const p = n.place && validPlace(n.place.lat, n.place.lon);
      if (p) places.set(n.id, p);
    }
    const placeable = new Set([...PLACEABLE, ...content.nodes.filter((n) => n.place).map((n) => n.type)]);
    const data = mapData(doc, none, places, placeable);
    const picture = mapPicture({ data, colourOf: (id) => (want.occupancy ? colour.get(id) : undefined), refOf }, await loadOutline());
    map = picture && {
      ...picture,
      url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`,
      placed: data.points.length,
      unplaced: data.unplaced,
      lineTypes: [...new Set(data.lines.filter((l) => !l.via).map((l) => l.type))],
      routes: data.lines.some((l) => l.via),
    };
  }
  return { map, occupancy: want.occupancy ? o : null };
}
