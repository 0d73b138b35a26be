/**
 * What the map draws, as pure data: the chart's entities that have a place (a latitude and a
 * longitude) and are neither hidden nor filtered out; the chart's links between two of them;
 * and, for an entity without a place linked to two or more (a worker and the premises she
 * worked at), its route from one to the next in the order of the links' dates.
 * The map follows the chart's view state; it never changes the chart document.
 */
import { CORE_REGISTRY } from '../../../server/model/registry/registry.ts';
import type { ChartDoc } from '../state/chartDoc.ts';
import type { EntityType } from '../model/types.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

export interface MapPoint extends LatLon {
  id: string;
  type: EntityType;
  label: string;
}

export interface MapLine {
  id: string;
  /** The link's type; for a route, the type of its first link. */
  type: string;
  source: string;
  target: string;
  /** A route through an entity with no place (a person who worked at one premises, then another): its id. */
  via?: string;
}

/** The entity types whose registry definition has both a latitude and a longitude (PREMISES in the core). */
export function placedTypes(types: readonly { name: string; label: string; properties: readonly { name: string }[] }[] = CORE_REGISTRY.entityTypes): { name: string; label: string }[] {
  return types
    .filter((t) => t.properties.some((p) => p.name === 'latitude') && t.properties.some((p) => p.name === 'longitude'))
    .map((t) => ({ name: t.name, label: t.label }));
}

/** A coordinate pair fit to draw: both numbers, within WGS84's range, and not the (0, 0) of a missing value. */
export function validPlace(lat: unknown, lon: unknown): LatLon | null {
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || (lat === 0 && lon === 0)) return null;
  return { lat, lon };
}

export interface MapData {
  points: MapPoint[];
  lines: MapLine[];
  /** Shown entities of a type that has a place, but without one (not yet geocoded, say). */
  unplaced: number;
}

/**
 * The points and lines for the chart as it is shown: hidden (`doc.hidden`) and filtered
 * (`filtered`, from the chart's filters, "as known on" included) elements are left off, as on the chart.
 */
export function mapData(doc: ChartDoc, filtered: ReadonlySet<string>, places: ReadonlyMap<string, LatLon>, placeable: ReadonlySet<string>): MapData {
  const hidden = new Set(doc.hidden);
  const shown = (id: string) => !hidden.has(id) && !filtered.has(id);
  const points: MapPoint[] = [];
  let unplaced = 0;
  for (const n of Object.values(doc.nodes)) {
    if (!shown(n.id)) continue;
    const p = places.get(n.id);
    if (p) points.push({ id: n.id, type: n.type, label: n.label, lat: p.lat, lon: p.lon });
    else if (placeable.has(n.type)) unplaced += 1;
  }
  const onMap = new Set(points.map((p) => p.id));
  const lines: MapLine[] = [];
  // Links of an entity without a place to the places it is linked with, for its route.
  const stops = new Map<string, { at: string; date: string; type: string }[]>();
  for (const e of Object.values(doc.edges)) {
    if (!shown(e.id) || e.source === e.target || !shown(e.source) || !shown(e.target)) continue;
    const a = onMap.has(e.source);
    const b = onMap.has(e.target);
    if (a && b) lines.push({ id: e.id, type: e.type, source: e.source, target: e.target });
    else if (a !== b) {
      const [at, via] = a ? [e.source, e.target] : [e.target, e.source];
      if (!doc.nodes[via]) continue;
      const list = stops.get(via) ?? [];
      list.push({ at, date: e.validFrom ?? e.recordedAt ?? '', type: e.type });
      stops.set(via, list);
    }
  }
  // A route from place to place in the order of the links' dates (undated first), each leg once.
  for (const [via, list] of stops) {
    if (new Set(list.map((x) => x.at)).size < 2) continue;
    list.sort((x, y) => x.date.localeCompare(y.date) || x.at.localeCompare(y.at));
    const legs = new Set<string>();
    for (let i = 1; i < list.length; i++) {
      const from = list[i - 1]!;
      const to = list[i]!;
      const key = `${from.at}>${to.at}`;
      if (from.at === to.at || legs.has(key)) continue;
      legs.add(key);
      lines.push({ id: `${via}:${legs.size}`, type: from.type, source: from.at, target: to.at, via });
    }
  }
  return { points, lines, unplaced };
}

/**
 * Graticule spacing in degrees for a view `span` degrees wide: about four to eight lines
 * across, on a 1-2-5 step.
 */
export function graticuleStep(span: number): number {
  const steps = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30];
  return steps.find((s) => span / s <= 8) ?? 30;
}

/** "51.4579° N, 0.9880° W": a place as an analyst reads it, to four decimals (about 10 m). */
export function formatLatLon(lat: number, lon: number, digits = 4): string {
  return `${Math.abs(lat).toFixed(digits)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon).toFixed(digits)}° ${lon < 0 ? 'W' : 'E'}`;
}
