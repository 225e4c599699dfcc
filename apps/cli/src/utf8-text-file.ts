import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { CliError } from './cli-error.ts';

/** Largest customers or pairs file a command reads whole (bytes). */
export const MAX_TEXT_FILE = 512 * 1024 * 1024;

/** Line (1-based) and byte offset (0-based) of the first byte that makes `bytes` not UTF-8. */
function firstBadByte(bytes: Uint8Array): { line: number; offset: number } {
  let start = 0;
  let end = 0;
  let line = 1;
  // whole lines are checked at native speed; only the bad one is walked byte by byte
  for (; ; start = end + 1, line++) {
    const nl = bytes.indexOf(0x0a, start);
    end = nl === -1 ? bytes.length : nl;
    if (!isUtf8(bytes.subarray(start, end)) || nl === -1) break;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lead = start;
  for (let i = start; i < end; i++) {
    if (((bytes[i] ?? 0) & 0xc0) !== 0x80) lead = i;
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return { line, offset: i };
    }
  }
  return { line, offset: lead }; // a sequence cut short by the end of the line: its first byte
}

/**
 * Reads a CSV the screening commands take whole (customers, name pairs) as UTF-8 text without its byte-order mark.
 * A file larger than MAX_TEXT_FILE is refused before it is read; bytes that are not UTF-8 (a cp1252 or ISO-8859-1
 * export: Müller as 4D FC 6C…; a UTF-16 file) are refused naming the line and byte offset of the first bad byte,
 * since each would otherwise be screened as U+FFFD. There is no encoding option: the file must be UTF-8.
 */
export function readUtf8TextFile(path: string): string {
  try {
    const size = statSync(path).size;
    if (size > MAX_TEXT_FILE) throw new CliError(`${path}: larger than ${MAX_TEXT_FILE} bytes`);
    const bytes = readFileSync(path);
    if (!isUtf8(bytes)) {
      // the line of the first bad byte itself: a U+FFFD written as UTF-8 earlier in the file is no error
      const { line, offset } = firstBadByte(bytes);
      const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
      const what = utf16
        ? 'UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8'
        : `not UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at byte offset ${offset})`;
      throw new CliError(`${path}: line ${line}: ${what}; save the file as UTF-8`);
    }
    return bytes.toString('utf8').replace(/^\ufeff/, '');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
}
