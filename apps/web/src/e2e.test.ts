// The end-to-end suite lives in apps/web/e2e; this entry puts it under `npm test` (and tsc) like every suite.
// It launches Debian's Chromium against a real server and skips, saying so, when /usr/bin/chromium is absent.
import '../e2e/workbench.spec.ts';
