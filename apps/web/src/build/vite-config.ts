import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';

/**
 * The workbench's Vite configuration, shared by `ensureWebBuild()` (inline, no config file to find) and by
 * apps/web/vite.config.mjs for `vite dev`. The dev server proxies the API to a running `raqib serve`.
 */
export function webViteConfig(root: string, apiOrigin = 'http://127.0.0.1:8080'): InlineConfig {
  return {
    root,
    base: './',
    configFile: false,
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
    server: { proxy: { '/v1': apiOrigin, '/openapi.json': apiOrigin } },
  };
}
