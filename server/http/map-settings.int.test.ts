/**
 * The workspace map's basemap setting (LANTERN_MAP_STYLE, docs/workspace.md#the-map): by default
 * no tile server, and no origin but this one for images; a force's own tile server is told to the
 * signed-in workspace, and to nobody else (its URL may carry a key), and is the one other origin
 * its Content Security Policy lets images come from.
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

  const settings = (s: TestServer) => fetch(`${s.url}/map-settings`, { headers: { authorization: s.authorization } });

  it('names no tile server by default, and lets images come from this origin and data/blob URLs only', async () => {
    const res = await settings(plain);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tiles: null, attribution: null });
    expect(imgSrc(res)).toBe("'self' data: blob:");
  });

  it("tells the workspace a force's tile server and allows that origin, and no other, for images", async () => {
    const res = await settings(force);
    expect(await res.json()).toEqual({ tiles: 'https://tiles.force.example:8443/osm/{z}/{x}/{y}.png', attribution: '© Force GIS' });
    expect(imgSrc(res)).toBe("'self' data: blob: https://tiles.force.example:8443");
    // The same policy on the workspace's own pages.
    expect(imgSrc(await fetch(`${force.url}/healthz`))).toBe("'self' data: blob: https://tiles.force.example:8443");
  });

  it('tells the tile server to no one who is not signed in', async () => {
    for (const headers of [{}, { authorization: 'Bearer lt_not-a-token' }] as Record<string, string>[]) {
      const res = await fetch(`${force.url}/map-settings`, { headers });
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(text).not.toContain('tiles.force.example');
      expect(JSON.parse(text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
