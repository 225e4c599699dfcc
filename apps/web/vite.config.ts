import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The workbench is served by `raqib serve` from apps/web/dist; the dev server proxies the API to it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // the core is pure (no I/O, no globals touched at import), so modules the UI does not use can be dropped
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/packages/core/src/') },
    },
  },
  server: {
    proxy: {
      '/v1': process.env.RAQIB_API ?? 'http://127.0.0.1:8080',
      '/openapi.json': process.env.RAQIB_API ?? 'http://127.0.0.1:8080',
    },
  },
});
