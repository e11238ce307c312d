import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './server/build-precompress.ts';

// The client lives in client/; the build lands in dist/client, which the server serves.
export default defineConfig({
  root: resolve(import.meta.dirname, 'client'),
  publicDir: resolve(import.meta.dirname, 'assets'),
  plugins: [react(), precompressPlugin()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'client/index.html'),
        console: resolve(import.meta.dirname, 'client/console.html'),
      },
    },
  },
});
