import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const page = (name: string) => fileURLToPath(new URL(`client/${name}`, import.meta.url));

// The workspace lives in client/ and is built into dist/client, which `lantern serve` serves at /.
export default defineConfig({
  root: 'client',
  plugins: [react()],
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
