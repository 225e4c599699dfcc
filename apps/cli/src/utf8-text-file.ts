import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { CliError } from './cli-error.ts';

/** Largest customers or pairs file a command reads whole (bytes). */
export const MAX_TEXT_FILE = 512 * 1024 * 1024;

/**
 * Reads a CSV the screening commands take whole (customers, name pairs) as UTF-8 text without its byte-order mark.
 * A file larger than MAX_TEXT_FILE is refused before it is read; bytes that are not UTF-8 (a cp1252 export: Müller
 * as 4D FC 6C…) are refused naming the line, since each would otherwise be screened as U+FFFD.
 */
export function readUtf8TextFile(path: string): string {
  try {
    const size = statSync(path).size;
    if (size > MAX_TEXT_FILE) throw new CliError(`${path}: larger than ${MAX_TEXT_FILE} bytes`);
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    if (text.includes('\ufffd') && !isUtf8(bytes)) {
      const line = text.slice(0, text.indexOf('\ufffd')).split('\n').length;
      throw new CliError(`${path}: line ${line}: not UTF-8; save the file as UTF-8`);
    }
    return text.replace(/^\ufeff/, '');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
}
