/**
 * `lantern geocode` against the run's Neo4j: fixture premises (ids tagged with this suite's
 * prefix, removed afterwards) placed from the small CSV fixture, existing coordinates left alone
 * unless --overwrite, the unplaced listed with their reason, and the exit codes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway, Row } from '../../db/gateway.ts';
import { cliEnv, testGateway } from '../../testing/harness.ts';
import { Fixture } from '../../testing/fixture.ts';
import { runOffline } from '../../testing/statements.ts';
import { GEOCODE_SOURCE } from './index.ts';

const tag = `geo${process.pid}`;
const only = `premises-${tag}-`;
const fx = new Fixture(tag);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-geocode-'));
// The fixture under a name of this run's own, so its source record is this suite's alone.
const csv = path.join(dir, `postcodes-${tag}.csv`);
let gw: Gateway;
const recordKeys = new Set<string>();

const ids = {
  placed: fx.entity('PREMISES', { name: 'Lotus Spa', kind: 'MASSAGE_PARLOUR', postcode: 'ZX1 1AA' }, { key: 'a' }),
  compact: fx.entity('PREMISES', { name: 'Flat 2', kind: 'SHORT_LET', postcode: 'zx11ae' }, { key: 'b' }),
  hasCoordinates: fx.entity('PREMISES', { name: 'Rose Nails', kind: 'NAIL_BAR', postcode: 'ZX1 1AB', latitude: 50.5, longitude: -1.5 }, { key: 'c' }),
  noPostcode: fx.entity('PREMISES', { name: 'Car wash by the bridge', kind: 'CAR_WASH' }, { key: 'd' }),
  notInFile: fx.entity('PREMISES', { name: 'Hotel', kind: 'HOTEL', postcode: 'ZX9 9ZZ' }, { key: 'e' }),
  badPostcode: fx.entity('PREMISES', { name: 'Old record', kind: 'OTHER', postcode: 'ZX1 1AA' }, { key: 'f' }),
  noGridReference: fx.entity('PREMISES', { name: 'Terminated', kind: 'OTHER', postcode: 'ZX1 1AD' }, { key: 'g' }),
};
// A postcode stored before postcodes were checked (shaping refuses it today).
(fx.entities.find((e) => e.id === ids.badPostcode)!.props as Row).postcode = 'NOWHERE';

function lantern(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lantern.js', ...args], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function premises(): Promise<Record<string, Row>> {
  const rows = await gw.read('geocode/premises', { idPrefix: only });
  return Object.fromEntries(rows.map((r) => [String((r.entity as Row).id), r.entity as Row]));
}

function report(file: string) {
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { placed: { id: string }[]; unplaced: { id: string; reason: string; postcode: string | null }[]; sourceRecord: { recordKey: string } | null; exitCode: number };
  if (r.sourceRecord) recordKeys.add(r.sourceRecord.recordKey);
  return r;
}

beforeAll(async () => {
  fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'onspd-sample.csv'), csv);
  gw = testGateway();
  await fx.write(gw);
});

afterAll(async () => {
  await fx.remove(gw);
  for (const recordKey of recordKeys) await runOffline(gw, 'testing/remove-source-record', { source: GEOCODE_SOURCE, recordKey });
  await gw.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lantern geocode', () => {
  it('--dry-run lists what would be placed and what could not, and writes nothing', async () => {
    const out = path.join(dir, 'dry.json');
    const r = await lantern(['geocode', '--postcodes', csv, '--only', only, '--dry-run', '--report', out]);
    expect(r.stderr).toContain(`${ids.noPostcode} (Car wash by the bridge): no postcode`);
    expect(r.stdout).toContain('5 postcode rows read (pcds, lat, long); 7 premises: 2 would be placed, 1 already placed, 4 not placed');
    expect(r.code).toBe(2);
    expect(report(out).sourceRecord).toBeNull();
    const now = await premises();
    expect(now[ids.placed]!.latitude).toBeUndefined();
  }, 120_000);

  it('places premises without coordinates at their postcode centroid, leaves placed ones alone, and lists the rest with the reason', async () => {
    const out = path.join(dir, 'run.json');
    const r = await lantern(['geocode', '--postcodes', csv, '--only', only, '--report', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${csv}:4: ZX1 1AD has no coordinates in the file (latitude 99.999999)`);
    const now = await premises();
    expect([now[ids.placed]!.latitude, now[ids.placed]!.longitude]).toEqual([51.454001, -0.972001]);
    expect([now[ids.compact]!.latitude, now[ids.compact]!.longitude]).toEqual([51.454004, -0.972004]);
    expect([now[ids.hasCoordinates]!.latitude, now[ids.hasCoordinates]!.longitude]).toEqual([50.5, -1.5]);
    for (const id of [ids.noPostcode, ids.notInFile, ids.badPostcode, ids.noGridReference]) expect(now[id]!.latitude).toBeUndefined();
    // The label and the rest of the premises are kept; it now cites the source record naming the file.
    expect(now[ids.placed]!.label).toBe('Lotus Spa, ZX1 1AA');
    expect(now[ids.placed]!.kind).toBe('MASSAGE_PARLOUR');
    const rep = report(out);
    expect(rep.sourceRecord!.recordKey).toMatch(new RegExp(`^postcodes-${tag}\\.csv#[0-9a-f]{16}$`));
    expect((now[ids.placed]!.sourceIds as string[]).length).toBe(2);
    expect(rep.placed.map((p) => p.id).sort()).toEqual([ids.placed, ids.compact]);
    expect(rep.unplaced.map((u) => [u.id, u.reason, u.postcode]).sort()).toEqual(
      [
        [ids.noPostcode, 'no postcode', null],
        [ids.notInFile, 'postcode not in the file', 'ZX9 9ZZ'],
        [ids.badPostcode, 'bad postcode', 'NOWHERE'],
        [ids.noGridReference, 'postcode not in the file', 'ZX1 1AD'],
      ].sort(),
    );
    expect(rep.exitCode).toBe(2);
  }, 120_000);

  it('run again, places nothing more; --overwrite replaces coordinates premises had', async () => {
    const again = await lantern(['geocode', '--postcodes', csv, '--only', only]);
    expect(again.stdout).toContain('7 premises: 0 placed, 3 already placed, 4 not placed');
    const r = await lantern(['geocode', '--postcodes', csv, '--only', only, '--overwrite']);
    expect(r.stdout).toContain('1 placed (1 replacing coordinates)');
    const now = await premises();
    expect([now[ids.hasCoordinates]!.latitude, now[ids.hasCoordinates]!.longitude]).toEqual([51.454002, -0.972002]);
  }, 120_000);

  it('exits 0 when every premises considered is placed, and 1 naming the bad input', async () => {
    const ok = await lantern(['geocode', '--postcodes', csv, '--only', `premises-${tag}-a`]);
    expect(ok.code).toBe(0);
    const missing = await lantern(['geocode', '--postcodes', path.join(dir, 'absent.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`cannot read --postcodes ${path.join(dir, 'absent.csv')}`);
    const grid = path.join(dir, 'grid.csv');
    fs.writeFileSync(grid, 'pcd,oseast1m,osnrth1m\nZX1 1AA,470001,173001\n');
    const onGrid = await lantern(['geocode', '--postcodes', grid, '--only', only, '--dry-run']);
    expect(onGrid.stdout).toContain('(pcd, oseast1m, osnrth1m (British National Grid))');
    const xy = path.join(dir, 'xy.csv');
    fs.writeFileSync(xy, 'pcd,x,y\nZX1 1AA,470001,173001\n');
    const noColumns = await lantern(['geocode', '--postcodes', xy, '--only', only]);
    expect(noColumns.code).toBe(1);
    expect(noColumns.stderr).toContain(`${xy}: line 1 has no latitude column (lat, latitude), no longitude column (long, longitude)`);
    const before = await premises();
    expect(before[ids.notInFile]!.latitude).toBeUndefined();
  }, 120_000);
});
