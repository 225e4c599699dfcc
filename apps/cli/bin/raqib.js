#!/usr/bin/env node
// The CLI runs from TypeScript source through tsx, so no build step sits between a clone and `npx raqib`.
import { register } from 'tsx/esm/api';

register();
// `raqib alerts | head` closes the pipe early: that is the reader's choice, not an error
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// `raqib scan` runs in a child process on huge pages where that makes it faster (decision 0018)
const { relaunchScanOnHugePages } = await import('../src/huge-page-relaunch.ts');
const relaunched = await relaunchScanOnHugePages(process.argv);
if (relaunched !== undefined) process.exitCode = relaunched;
else {
  const { main } = await import('../src/main.ts');
  process.exitCode = await main(process.argv);
}
