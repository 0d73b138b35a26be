import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const page = (name: string) => fileURLToPath(new URL(`client/${name}`, import.meta.url));

/**
 * Brotli and gzip copies of the built scripts, styles and data files, written beside them
 * (`x.js.br`, `x.js.gz`) for the server to send to a browser that accepts them
 * (server/http/client-files.ts): compressed once here rather than on every request. The map's
 * outline (756 kB of TopoJSON) travels as about a quarter of that.
 */
function precompress(): Plugin {
  return {
    name: 'lantern-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|json|svg|html)$/.test(name)) continue;
        const file = path.join(options.dir!, name);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        // Quality 9, not 11: within a few per cent of the smallest, at a tenth of the build time.
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

// The workspace lives in client/ and is built into dist/client, which `lantern serve` serves at /.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // Two pages from one code base: the workspace, and the briefing page that the server's
    // headless Chromium renders snapshots with (docs/snapshots.md).
    rolldownOptions: { input: { main: page('index.html'), briefing: page('briefing.html') } },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/readyz': 'http://127.0.0.1:4000',
      '/api': 'http://127.0.0.1:4000',
      '/map-settings': 'http://127.0.0.1:4000',
    },
  },
});
