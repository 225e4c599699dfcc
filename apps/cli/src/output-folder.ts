import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './cli-error.ts';

const WHY: Readonly<Record<string, string>> = {
  ENOTDIR: 'a part of the path is a file',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/**
 * Creates an `--out` folder (and missing parents) and returns its absolute path, or says in one line why it cannot:
 * a command's output folder is the user's to fix, and a stack from deep inside the command helps nobody.
 */
export function prepareOutputFolder(out: string): string {
  const dir = resolve(out);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new CliError(`--out ${out} exists and is not a folder`);
    return dir;
  }
  try {
    // one level without `recursive` when the parent exists: clearer errors, and no recursion into odd mounts
    mkdirSync(dir, { recursive: !existsSync(dirname(dir)) });
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    const why = Object.hasOwn(WHY, code) ? WHY[code] : code;
    throw new CliError(`cannot create the output folder ${out}: ${why}`);
  }
  return dir;
}
