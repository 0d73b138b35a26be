/**
 * The workspace map's basemap setting (LANTERN_MAP_STYLE, docs/workspace.md#the-map): by default
 * no tile server, and no origin but this one for images; a force's own tile server is told to the
 * workspace and is the one other origin its Content Security Policy lets images come from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testGateway, type TestServer } from '../testing/harness.ts';
import type { Gateway } from '../db/gateway.ts';

const imgSrc = (res: Response) => /img-src ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

describe('the map settings', () => {
  let gateway: Gateway;
  let plain: TestServer;
  let force: TestServer;
  beforeAll(async () => {
    gateway = testGateway();
    plain = await startTestServer({ gateway });
    force = await startTestServer({ gateway, map: { tiles: 'https://tiles.force.example:8443/osm/{z}/{x}/{y}.png', attribution: '© Force GIS' } });
  });
  afterAll(async () => {
    await plain?.close();
    await force?.close();
    await gateway?.close();
  });

  it('names no tile server by default, and lets images come from this origin and data/blob URLs only', async () => {
    const res = await fetch(`${plain.url}/map-settings`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tiles: null, attribution: null });
    expect(imgSrc(res)).toBe("'self' data: blob:");
  });

  it("tells the workspace a force's tile server and allows that origin, and no other, for images", async () => {
    const res = await fetch(`${force.url}/map-settings`);
    expect(await res.json()).toEqual({ tiles: 'https://tiles.force.example:8443/osm/{z}/{x}/{y}.png', attribution: '© Force GIS' });
    expect(imgSrc(res)).toBe("'self' data: blob: https://tiles.force.example:8443");
    // The same policy on the workspace's own pages.
    expect(imgSrc(await fetch(`${force.url}/healthz`))).toBe("'self' data: blob: https://tiles.force.example:8443");
  });
});
