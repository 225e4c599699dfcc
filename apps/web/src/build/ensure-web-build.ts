import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/web: the Vite project root. */
export const webRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Where the built workbench lives; `raqib serve` serves this folder. */
export const webDistDir = join(webRoot, 'dist');

const STAMP = '.raqib-build.json';
/** Inputs whose content decides whether dist is stale, including the core values the UI bundles (decision 0054). */
const INPUT_DIRS = ['src', '../../packages/core/src/model'];
const INPUT_FILES = ['index.html', 'package.json', '../../packages/core/src/cases/case.ts'];

function listFiles(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(path, out);
    else if (!name.endsWith('.test.ts') && !name.endsWith('.test.tsx')) out.push(path);
  }
}

/**
 * A digest of the UI's sources. Content rather than modification times, because a fresh clone gives every
 * file the same mtime and a `git checkout` can make an old file look new.
 */
export function webSourceDigest(): string {
  const files: string[] = [];
  for (const dir of INPUT_DIRS) listFiles(join(webRoot, dir), files);
  for (const file of INPUT_FILES) files.push(join(webRoot, file));
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(webRoot, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export type WebBuildState = 'missing' | 'stale' | 'fresh';

/** Whether apps/web/dist exists and was built from the current sources. */
export function webBuildState(): WebBuildState {
  const stampPath = join(webDistDir, STAMP);
  if (!existsSync(join(webDistDir, 'index.html')) || !existsSync(stampPath)) return 'missing';
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as { digest?: unknown };
    return stamp.digest === webSourceDigest() ? 'fresh' : 'stale';
  } catch {
    return 'stale';
  }
}

export interface EnsureWebBuildResult {
  readonly state: WebBuildState;
  readonly built: boolean;
  readonly ms: number;
  readonly dir: string;
}

/**
 * Builds the workbench with Vite's build API when dist is missing or stale, so that `raqib serve` never
 * serves an outdated UI and a newcomer needs no separate build step. Does nothing when dist is fresh.
 */
export async function ensureWebBuild(options: { force?: boolean } = {}): Promise<EnsureWebBuildResult> {
  const started = performance.now();
  const state = webBuildState();
  if (state === 'fresh' && options.force !== true) {
    return { state, built: false, ms: 0, dir: webDistDir };
  }
  const digest = webSourceDigest();
  const [{ build }, { webViteConfig }] = await Promise.all([import('vite'), import('./vite-config.ts')]);
  await build(webViteConfig(webRoot));
  writeFileSync(
    join(webDistDir, STAMP),
    `${JSON.stringify({ digest, builtAt: new Date().toISOString() })}\n`,
  );
  return { state, built: true, ms: Math.round(performance.now() - started), dir: webDistDir };
}
