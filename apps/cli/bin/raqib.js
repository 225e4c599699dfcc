#!/usr/bin/env node
// The CLI runs from TypeScript source through tsx, so no build step sits between a clone and `npx raqib`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
