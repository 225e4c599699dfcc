// `vite dev` for UI work; the configuration itself lives in src/build/vite-config.ts (typed, shared with the build).
import { fileURLToPath } from 'node:url';
import { webViteConfig } from './src/build/vite-config.ts';

export default webViteConfig(fileURLToPath(new URL('.', import.meta.url)), process.env.RAQIB_API);
