import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place (the CLI runs from source). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The UN list excerpt shipped in the repo (public domain; see fixtures/sanctions/SOURCES.md). */
export const UN_EXCERPT = join(REPO_ROOT, 'fixtures', 'sanctions', 'un-excerpt.xml');
