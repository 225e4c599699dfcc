import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file (tests run from any working directory). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SANCTIONS_FIXTURES = join(REPO_ROOT, 'fixtures/sanctions');
/** Shared data outside the repository (no redistribution licence for all of it): tests skip when absent. */
export const SHARED_SANCTIONS = resolve(REPO_ROOT, '../shared/data/sanctions');

export function fixture(name: string, encoding: BufferEncoding = 'utf8'): string {
  return readFileSync(join(SANCTIONS_FIXTURES, name), encoding);
}
