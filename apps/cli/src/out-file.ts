/**
 * An output file written whole or not at all. A temporary file beside it is created up front, so that an --out
 * that cannot be written fails before any work is done; the result goes there and is renamed into place at the
 * end. Opening --out itself up front would empty an existing file at once, and a failed or interrupted run
 * would leave it empty.
 */
import { closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cli-error.ts';

export interface PendingOut {
  readonly path: string;
  readonly temporary: string;
  fd: number | undefined;
}

/** Creates the temporary file beside `path`; a CliError when its folder cannot take it. */
export function reserveOut(path: string): PendingOut {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    return { path, temporary, fd: openSync(temporary, 'wx') };
  } catch (error) {
    // the user named --out, not the temporary file: the reason names the path they gave
    throw new CliError(`cannot write ${path}: ${(error as Error).message.replaceAll(temporary, path)}`);
  }
}

/** Writes `text` and moves it into place; on failure the temporary file is removed and `path` left as it was. */
export function commitOut(out: PendingOut, text: string): void {
  try {
    writeFileSync(out.fd as number, text);
    closeSync(out.fd as number);
    out.fd = undefined;
    renameSync(out.temporary, out.path);
  } catch (error) {
    discardOut(out);
    throw new CliError(
      `cannot write ${out.path}: ${(error as Error).message.replaceAll(out.temporary, out.path)}`,
    );
  }
}

/** Removes the temporary file of a run that failed; nothing once committed. */
export function discardOut(out: PendingOut): void {
  if (out.fd !== undefined) {
    closeSync(out.fd);
    out.fd = undefined;
  }
  rmSync(out.temporary, { force: true });
}
