/**
 * The built workspace's files as a browser gets them: hashed assets cached for a year and sent
 * compressed when the build left a compressed copy and the browser accepts it; pages cached briefly.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFiles } from './client-files.ts';

const OUTLINE = JSON.stringify({
  type: 'Topology',
  arcs: Array.from({ length: 2000 }, (_, i) => [[i, i % 7]]),
});
let dir: string;
let server: http.Server;
let base: string;

/** A raw GET (no decompression, unlike fetch): status, headers and the bytes as sent. */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-client-files-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Lantern</title>');
  const outline = path.join(dir, 'assets', 'countries-50m-abc123.json');
  fs.writeFileSync(outline, OUTLINE);
  fs.writeFileSync(`${outline}.br`, zlib.brotliCompressSync(OUTLINE));
  fs.writeFileSync(`${outline}.gz`, zlib.gzipSync(OUTLINE));
  fs.writeFileSync(path.join(dir, 'assets', 'small-def456.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'secret.json.br'), 'not an asset');
  const app = express();
  app.use(clientFiles(dir));
  app.use((_req, res) => res.status(404).end());
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the workspace files', () => {
  it('sends the outline as its Brotli copy to a browser that takes Brotli, as JSON, cached for a year', async () => {
    const res = await get('/assets/countries-50m-abc123.json', {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(OUTLINE.length / 4);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(OUTLINE);
  });

  it('sends the gzip copy to a browser that takes gzip only, and the file itself to one that takes neither', async () => {
    const gz = await get('/assets/countries-50m-abc123.json', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(OUTLINE);
    const plain = await get('/assets/countries-50m-abc123.json', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(OUTLINE);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('sends an asset without a compressed copy as it is, still cached for a year', async () => {
    const res = await get('/assets/small-def456.js', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.toString()).toBe('export {};');
  });

  it('caches the pages for an hour only, and reaches nothing outside the assets for a compressed copy', async () => {
    const page = await get('/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=3600');
    const out = await get('/assets/..%2Fsecret.json', { 'accept-encoding': 'br' });
    expect(out.body.toString()).not.toBe('not an asset');
  });
});
