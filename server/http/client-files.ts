/**
 * The built workspace's files (dist/client). Vite names everything under /assets by a hash of
 * its content, so a name never changes its bytes: those are cached for a year as immutable, and
 * a browser opening the map a second time asks for nothing. Each asset the build compressed
 * (vite.config.ts, `precompress`) is sent as its Brotli or gzip copy to a browser that accepts
 * it: the map's outline is 756 kB as JSON and about a quarter of that compressed. The rest (the
 * pages) keeps a short cache, since a new build changes them under the same name.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

const FOREVER = { maxAge: '365d', immutable: true, index: false } as const;

export function clientFiles(dir: string): Router {
  const assets = path.join(dir, 'assets');
  // Listed once at start: only a name in this list is ever looked for, so a request path cannot reach elsewhere.
  const present = new Set(fs.existsSync(assets) ? fs.readdirSync(assets) : []);
  const router = express.Router();
  router.get('/assets/:file', (req, res, next) => {
    const name = req.params.file;
    if (!present.has(`${name}.br`) && !present.has(`${name}.gz`)) return next();
    res.vary('Accept-Encoding');
    const enc = ENCODINGS.find(
      ([coding, ext]) => present.has(name + ext) && req.acceptsEncodings(coding) === coding,
    );
    if (!enc) return next();
    // The type of the file itself (send would take it from .br), and no byte ranges of the compressed copy.
    res.type(path.extname(name)).set('content-encoding', enc[0]);
    res.sendFile(name + enc[1], { root: assets, acceptRanges: false, ...FOREVER });
  });
  router.use('/assets', express.static(assets, FOREVER));
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  return router;
}
