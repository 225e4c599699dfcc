// `npm ci` runs this through the workspace's prepare script, so a fresh clone has a built UI before
// `raqib serve`. A failed build must not fail the install: serve rebuilds when dist is missing and says why.
import { ensureWebBuild } from './ensure-web-build.ts';

try {
  const result = await ensureWebBuild({ force: process.argv.includes('--force') });
  console.log(
    result.built
      ? `raqib web: built ${result.dir} in ${result.ms} ms (was ${result.state})`
      : `raqib web: ${result.dir} is up to date`,
  );
} catch (error) {
  console.warn(
    `raqib web: build failed; \`raqib serve\` will try again on start.\n${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = process.argv.includes('--strict') ? 1 : 0;
}
