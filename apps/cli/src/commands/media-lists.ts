import { buildScreeningIndex, type ScreeningIndex } from '@raqib/core';
import { loadListPath } from '@raqib/formats';
import { CliError } from '../cli-error.ts';

/** Loads list files/folders given with --lists into one screening index (curated aliases included). */
export function loadListIndex(paths: readonly string[] | undefined): ScreeningIndex | undefined {
  if (paths === undefined || paths.length === 0) return undefined;
  try {
    const entries = paths.flatMap((p) => loadListPath(p).flatMap((l) => l.entries));
    return buildScreeningIndex(entries);
  } catch (e) {
    throw new CliError(`cannot read lists: ${(e as Error).message}`);
  }
}
