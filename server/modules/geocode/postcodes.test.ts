import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { gridToLatLon } from '../../model/grid.ts';
import { describeColumns, PostcodeFileError, readCentroids } from './postcodes.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const read = (name: string, want?: Set<string>) => readCentroids(fs.createReadStream(fixture(name)), { file: name, want });
const text = (csv: string) => readCentroids(Readable.from([csv]), { file: 'x.csv' });

describe('readCentroids', () => {
  it('reads the ONS Postcode Directory layout by column name: pcds, lat, long, keyed by compact postcode', async () => {
    const r = await read('onspd-sample.csv');
    expect(r.columns).toEqual({ postcode: 'pcds', latitude: 'lat', longitude: 'long' });
    expect(r.rows).toBe(5);
    expect(r.centroids.get('ZX11AA')).toEqual({ latitude: 51.454001, longitude: -0.972001, line: 2 });
    expect(r.centroids.get('ZX11AE')).toMatchObject({ latitude: 51.454004, longitude: -0.972004 });
    expect([...r.centroids.keys()].sort()).toEqual(['ZX11AA', 'ZX11AB', 'ZX11AE']);
    // The directory's "no grid reference" mark and a row whose postcode is not one, each named by line.
    expect(r.problems).toEqual([
      { line: 4, reason: 'ZX1 1AD has no coordinates in the file (latitude 99.999999)' },
      { line: 6, reason: '"NOT A PC" is not a UK postcode' },
    ]);
  });

  it('reads the open layout (postcode, latitude, longitude), normalising the postcode, and names bad rows by line', async () => {
    const r = await read('open-postcodes.csv');
    expect(r.columns).toEqual({ postcode: 'postcode', latitude: 'latitude', longitude: 'longitude' });
    expect(r.centroids.get('ZX22BA')).toEqual({ latitude: 52.100001, longitude: -1.200001, line: 2 });
    expect(r.centroids.size).toBe(1);
    expect(r.problems).toEqual([
      { line: 3, reason: 'ZX2 2BB: latitude "52.100002" and longitude "north" are not both numbers' },
      { line: 4, reason: 'ZX2 2BD: latitude 152.1, longitude -1.2 is not a place on Earth' },
    ]);
  });

  it('keeps only the postcodes asked for', async () => {
    const r = await read('onspd-sample.csv', new Set(['ZX11AB', 'ZX99ZZ']));
    expect([...r.centroids.keys()]).toEqual(['ZX11AB']);
    expect(r.rows).toBe(5);
  });

  it('reads grid columns (the directory\'s oseast1m and osnrth1m) when there is no latitude and longitude, converting them to WGS84', async () => {
    const r = await text('pcd,oseast1m,osnrth1m\nZX1 1AA,651410,313177\nZX1 1AB,,\nZX1 1AD,SU 712,173001\n');
    expect(r.columns).toEqual({ postcode: 'pcd', easting: 'oseast1m', northing: 'osnrth1m' });
    expect(describeColumns(r.columns)).toBe('pcd, oseast1m, osnrth1m (British National Grid)');
    // The OS's worked example (Caister water tower), as the import's grid conversion places it.
    expect(r.centroids.get('ZX11AA')).toEqual({ ...gridToLatLon(651410, 313177), line: 2 });
    expect(r.centroids.get('ZX11AA')!.latitude).toBeCloseTo(52.658, 2);
    expect(r.centroids.get('ZX11AA')!.longitude).toBeCloseTo(1.716, 2);
    expect(r.problems).toEqual([
      { line: 3, reason: 'ZX1 1AB has no grid reference in the file' },
      { line: 4, reason: 'ZX1 1AD: "SU 712" is not a British National Grid easting in metres' },
    ]);
  });

  it("reads OS Code-Point Open's rows, which have no header line: postcode, quality, eastings, northings", async () => {
    const r = await text('"ZX1 1AA",10,651410,313177,"E92000001","","E18000006","","E10000020","E07000145"\n"ZX11AB",90,0,0,"E92000001","","","","",""\n');
    expect(r.columns).toEqual({ postcode: 'Postcode', easting: 'Eastings', northing: 'Northings' });
    expect(r.rows).toBe(2);
    expect(r.centroids.get('ZX11AA')).toEqual({ ...gridToLatLon(651410, 313177), line: 1 });
    expect(r.problems).toEqual([{ line: 2, reason: 'ZX1 1AB has no grid reference in the file' }]);
  });

  it('refuses a file without postcode, latitude or longitude (or grid) columns, naming the file and the columns it has', async () => {
    await expect(text('pcd,x,y\nZX1 1AA,470001,173001\n')).rejects.toThrow(PostcodeFileError);
    await expect(text('pcd,x,y\nZX1 1AA,470001,173001\n')).rejects.toThrow(
      'x.csv: line 1 has no latitude column (lat, latitude), no longitude column (long, longitude) (nor grid columns: oseast1m and osnrth1m, or eastings and northings); its columns are "pcd", "x", "y"',
    );
    await expect(text('')).rejects.toThrow('x.csv is empty');
  });

  it('names the line of a CSV syntax error', async () => {
    await expect(text('postcode,lat,long\nZX1 1AA,51.1,-1.1\n"ZX1 1AB,51.2,-1.2\n')).rejects.toThrow(/^x\.csv: line \d+: /);
  });
});
