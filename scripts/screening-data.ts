/**
 * Shared loaders for the screening evaluation and benchmark: the real lists in ../shared/data/sanctions
 * and the labelled sets in ../shared/data/screening-eval (resolved from the repository root).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListEntry } from '@raqib/core';
import { loadListPath, parseOfacCsv } from '@raqib/formats';
import { parse } from 'csv-parse/sync';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = resolve(REPO_ROOT, '../shared/data');
export const EVAL = join(SHARED, 'screening-eval');
export const SANCTIONS = join(SHARED, 'sanctions');

export function requireShared(): void {
  if (!existsSync(SANCTIONS) || !existsSync(EVAL)) {
    process.stderr.write(`screening evaluation needs ${SHARED} (not present): nothing measured\n`);
    process.exit(2);
  }
}

/** UN 2026-02-27 consolidated list. */
export function unEntries(): ListEntry[] {
  return loadListPath(join(SANCTIONS, 'un/UN_consolidated.xml')).flatMap((l) => [...l.entries]);
}

/**
 * The benchmark OFAC set: sdn.csv 2024-05-03 with the 2025-12-24 alt/add/comments files ("the 2025
 * aliases"). Aliases of ent_nums designated after May 2024 become alias-only entries (orphans: 'entries').
 */
export function ofacBenchEntries(): ListEntry[] {
  const f = (p: string) => ({ file: p, text: readFileSync(join(SANCTIONS, p), 'utf8') });
  return [
    ...parseOfacCsv(
      {
        primary: f('ofac/2024-05-03/sdn.csv'),
        alt: f('ofac/2025-12-24/alt.csv'),
        add: f('ofac/2025-12-24/add.csv'),
        comments: f('ofac/2025-12-24/sdn_comments.csv'),
      },
      { list: 'OFAC-SDN', version: '2024-05-03', orphans: 'entries' },
    ).entries,
  ];
}

export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/**
 * The screening bench's query pool (`npm run bench:screening`, bench/screening-ab.ts): the yente candidate-generation
 * fixtures, UN persons treated with typos and reordering, then synthetic negatives in Latin and Arabic script.
 */
export function benchQueryPool(): string[] {
  const fixtures = join(EVAL, 'opensanctions/yente_candidate_generation_fixtures');
  const names = (file: string): string[] => readCsv(join(fixtures, file)).map((r) => r.full_name ?? '');
  return [
    ...names('positives_un_treated.csv'),
    ...names('negatives_global.csv').slice(0, 12000),
    ...names('negatives_us.csv').slice(0, 3000),
  ].filter((q) => q.trim().length > 0);
}
