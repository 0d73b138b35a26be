import { describe, expect, it } from 'vitest';
import { filteredIds, NO_FILTERS } from '../../../server/kernel/filters.ts';
import { aNode, anEdge } from '../testing/factories.ts';
import { addGraph, EMPTY_DOC, hide, setFilters } from '../state/chartDoc.ts';
import { formatLatLon, graticuleStep, mapData, placedTypes, validPlace } from './mapData.ts';

const lotus = aNode({ id: 'premises-000001', type: 'PREMISES', label: 'Lotus Spa' });
const jade = aNode({ id: 'premises-000002', type: 'PREMISES', label: 'Jade Nails' });
const flat = aNode({ id: 'premises-000003', type: 'PREMISES', label: '14 Elm Road' });
const ana = aNode({ id: 'person-000001', label: 'Ana DUMITRU' });
const places = new Map([
  [lotus.id, { lat: 51.4579, lon: -0.98803 }],
  [jade.id, { lat: 51.5105, lon: -0.5950 }],
]);
const PLACEABLE = new Set(['PREMISES']);
const seen = anEdge({ id: 'link-seen', type: 'VEHICLE_SEEN_AT', source: lotus.id, target: jade.id, recordedAt: '2025-03-01T10:00:00Z' });
const works = anEdge({ id: 'link-works', type: 'WORKS_AT', source: ana.id, target: lotus.id });
const doc = addGraph(EMPTY_DOC, { nodes: [lotus, jade, flat, ana], edges: [seen, works] });
const none = new Set<string>();

describe('the map of a chart', () => {
  it('places the premises that have a place, counts the one without, and joins two placed ends with a line', () => {
    const d = mapData(doc, none, places, PLACEABLE);
    expect(d.points.map((p) => [p.id, p.type, p.label, p.lat, p.lon])).toEqual([
      [lotus.id, 'PREMISES', 'Lotus Spa', 51.4579, -0.98803],
      [jade.id, 'PREMISES', 'Jade Nails', 51.5105, -0.595],
    ]);
    expect(d.unplaced).toBe(1);
    // The person has no place and one placed link: no route.
    expect(d.lines).toEqual([{ id: 'link-seen', type: 'VEHICLE_SEEN_AT', source: lotus.id, target: jade.id }]);
  });

  it("draws the route of a worker without a place from premises to premises in the order of her links' dates", () => {
    const stays = [
      anEdge({ id: 'w3', type: 'WORKS_AT', source: ana.id, target: lotus.id, validFrom: '2024-06-01' }),
      anEdge({ id: 'w1', type: 'WORKS_AT', source: ana.id, target: lotus.id, validFrom: '2024-01-01' }),
      anEdge({ id: 'w2', type: 'LIVES_AT', source: ana.id, target: jade.id, validFrom: '2024-03-01' }),
      anEdge({ id: 'w4', type: 'WORKS_AT', source: ana.id, target: jade.id, validFrom: '2024-09-01' }),
    ];
    const d = mapData(addGraph(EMPTY_DOC, { nodes: [lotus, jade, ana], edges: stays }), none, places, PLACEABLE);
    // Lotus (Jan), Jade (Mar), Lotus (Jun), Jade (Sep): each leg drawn once.
    expect(d.lines).toEqual([
      { id: `${ana.id}:1`, type: 'WORKS_AT', source: lotus.id, target: jade.id, via: ana.id },
      { id: `${ana.id}:2`, type: 'LIVES_AT', source: jade.id, target: lotus.id, via: ana.id },
    ]);
    // Hidden on the chart, she has no route on the map.
    expect(mapData(hide(addGraph(EMPTY_DOC, { nodes: [lotus, jade, ana], edges: stays }), [ana.id]), none, places, PLACEABLE).lines).toEqual([]);
  });

  it('leaves off what the chart hides, and the lines to it', () => {
    const d = mapData(hide(doc, [jade.id]), none, places, PLACEABLE);
    expect(d.points.map((p) => p.id)).toEqual([lotus.id]);
    expect(d.lines).toEqual([]);
  });

  it('leaves off what the chart filters out: a link recorded after the "as known on" date, and a place left with no link', () => {
    const known = setFilters(doc, { ...NO_FILTERS, asKnownOn: '2025-01-31' });
    const filtered = filteredIds(Object.values(known.nodes), Object.values(known.edges), known.filters);
    const d = mapData(known, filtered, places, PLACEABLE);
    // As on the chart: the sighting was recorded later, and it was the nail bar's only link.
    expect(d.points.map((p) => p.id)).toEqual([lotus.id]);
    expect(d.lines).toEqual([]);
  });

  it('leaves off a whole type hidden by the filters', () => {
    const f = setFilters(doc, { ...NO_FILTERS, hiddenEntityTypes: ['PREMISES'] });
    const d = mapData(f, filteredIds(Object.values(f.nodes), Object.values(f.edges), f.filters), places, PLACEABLE);
    expect(d.points).toEqual([]);
    expect(d.unplaced).toBe(0);
  });
});

describe('places', () => {
  it('takes the types whose registry definition has a latitude and a longitude (premises in the core)', () => {
    expect(placedTypes()).toEqual([{ name: 'PREMISES', label: 'Premises' }]);
    expect(placedTypes([{ name: 'SIGHTING', label: 'Sighting', properties: [{ name: 'latitude' }] }])).toEqual([]);
  });

  it('refuses a place that is missing, out of range or the (0, 0) of an empty cell', () => {
    expect(validPlace(51.45, -0.98)).toEqual({ lat: 51.45, lon: -0.98 });
    expect(validPlace(null, -0.98)).toBeNull();
    expect(validPlace(91, 0)).toBeNull();
    expect(validPlace(51, 181)).toBeNull();
    expect(validPlace(0, 0)).toBeNull();
    expect(validPlace(Number.NaN, 1)).toBeNull();
  });

  it('writes a place with its hemispheres, and spaces the graticule for the view', () => {
    expect(formatLatLon(51.4579, -0.98803)).toBe('51.4579° N, 0.9880° W');
    expect(formatLatLon(-33.8688, 151.2093, 2)).toBe('33.87° S, 151.21° E');
    expect(graticuleStep(0.4)).toBe(0.05);
    expect(graticuleStep(12)).toBe(2);
    expect(graticuleStep(360)).toBe(30);
  });
});
