import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The workspace lives in client/ and is built into dist/client, which `lantern serve` serves at /.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/readyz': 'http://127.0.0.1:4000',
      '/api': 'http://127.0.0.1:4000',
    },
  },
});
