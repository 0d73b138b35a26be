import { describe, expect, it } from 'vitest';
import { gridMetres, gridToLatLon, placeFromGrid } from './grid.ts';

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
