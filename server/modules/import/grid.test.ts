import { describe, expect, it } from 'vitest';
import { gridMetres, gridToLatLon, placeFromGrid } from './grid.ts';
import { parseMapping } from './mapping.ts';
import { mapRow } from './rows.ts';

const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

// Ordnance Survey's worked example ("A guide to coordinate systems in Great Britain"): Caister
// water tower, E 651409.903 N 313177.270; OSGB36 52°39′27.2531″N 1°43′4.5177″E; ETRS89 (WGS84
// to within a metre) 52°39′28.8282″N 1°42′57.8663″E.
describe('British National Grid to latitude and longitude', () => {
  it("places the OS's worked example within 5 m of its published WGS84 position", () => {
    const p = gridToLatLon(651409.903, 313177.27);
    // 5e-5 degrees: about 5.5 m of latitude, 3.4 m of longitude here; the datum shift's own error is up to 5 m.
    expect(Math.abs(p.latitude - dms(52, 39, 28.8282))).toBeLessThan(5e-5);
    expect(Math.abs(p.longitude - dms(1, 42, 57.8663))).toBeLessThan(5e-5);
  });

  it('reads metres from numbers and numeric text, and names what is wrong with anything else', () => {
    expect(gridMetres(471234, 'easting')).toBe(471234);
    expect(gridMetres(' 173,456.5 ', 'northing')).toBe(173456.5);
    expect(() => gridMetres('SU 712 734', 'easting')).toThrow('"SU 712 734" is not a British National Grid easting in metres');
    expect(() => gridMetres(9_000_000, 'northing')).toThrow("9000000 is outside the British National Grid's northings (0 to 1250000 m)");
  });

  it("places a row from its grid columns, and reports a half-given or unreadable place against its column", () => {
    const cols = { easting: 'os_x', northing: 'os_y' };
    const bad: string[] = [];
    const report = (c: string, v: string, r: string) => bad.push(`${c}=${v}: ${r}`);
    expect(placeFromGrid('471234', '173456', cols, report)).toEqual(gridToLatLon(471234, 173456));
    expect(placeFromGrid(null, null, cols, report)).toBeNull();
    expect(placeFromGrid('471234', null, cols, report)).toBeNull();
    expect(placeFromGrid('471234', 'north', cols, report)).toBeNull();
    expect(bad).toEqual([
      'os_y=: the northing is empty but the easting is given; the place is left out',
      'os_y=north: "north" is not a British National Grid northing in metres',
    ]);
  });
});

describe('a mapping with grid columns', () => {
  const mapping = parseMapping(`version: 1
recordKey: [ref]
grading: { sourceEvaluation: 1, intelligenceAssessment: A, handlingCode: P, classification: OFFICIAL }
entities:
  premises:
    type: PREMISES
    properties:
      name: name
      postcode: postcode
    grid: { easting: os_x, northing: os_y }
`);
  const ctx = { source: 'COUNCIL', file: 'premises.csv', importedAt: '2025-09-01T10:00:00Z' };

  it('imports a premises placed by eastings and northings with its WGS84 latitude and longitude', () => {
    const r = mapRow({ line: 2, values: { ref: 'P1', name: 'Lotus Spa', postcode: 'RG1 1AA', os_x: '471234', os_y: '173456' } }, mapping, ctx);
    expect(r.errors).toEqual([]);
    const props = r.row!.entities[0]!.props;
    expect(props).toMatchObject({ name: 'Lotus Spa', ...gridToLatLon(471234, 173456) });
    // Reading town centre is about 51.45 N, 0.97 W.
    expect(props.latitude).toBeCloseTo(51.45, 1);
    expect(props.longitude).toBeCloseTo(-0.97, 1);
  });

  it('keeps the row and reports the column when a grid value cannot be read', () => {
    const r = mapRow({ line: 3, values: { ref: 'P2', name: 'Jade Nails', postcode: '', os_x: 'SU 712', os_y: '173456' } }, mapping, ctx);
    expect(r.errors).toEqual([]);
    expect(r.row!.entities[0]!.props).toEqual({ name: 'Jade Nails' });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 3, column: 'os_x', value: 'SU 712', code: 'VALUE_LEFT_OUT', reason: expect.stringContaining('premises.grid: "SU 712" is not a British National Grid easting in metres') })]);
  });
});
