import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { firstBadUtf8, MAX_WHOLE_TEXT_FILE } from '@raqib/formats';
import { CliError } from './cli-error.ts';

/**
 * Which side of its byte pairs a file's NUL bytes fall on, over its first 256 bytes: 'LE' when every NUL is at an
 * odd offset (UTF-16 LE: ASCII letters followed by NUL), 'BE' when every one is at an even offset (four at least:
 * one stray NUL says nothing), else undefined.
 * Arabic letters in UTF-16 (27 06) hold no NUL, so a mostly Arabic file has few: one-sidedness, not their number,
 * says UTF-16.
 */
function nulSide(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  const n = Math.min(bytes.length, 256);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (odd >= 4 && even === 0) return 'LE';
  if (even >= 4 && odd === 0) return 'BE';
  return undefined;
}

/** 1-based line of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/**
 * Reads a CSV the screening commands take whole (customers, name pairs) as UTF-8 text without its byte-order mark.
 * A file larger than MAX_WHOLE_TEXT_FILE (V8's longest string) is refused before it is read; bytes that are not UTF-8 (a cp1252 or ISO-8859-1
 * export: Müller as 4D FC 6C…; a UTF-16 file, with or without a byte-order mark) are refused naming the line and
 * byte offset of the first bad byte, since each would otherwise be screened as U+FFFD. There is no encoding option: the file must be UTF-8.
 */
export function readUtf8TextFile(path: string): string {
  try {
    const size = statSync(path).size;
    if (size > MAX_WHOLE_TEXT_FILE) {
      throw new CliError(`${path}: ${size} bytes is over the ${MAX_WHOLE_TEXT_FILE}-byte limit`);
    }
    const bytes = readFileSync(path);
    const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    // A CSV of names holds no NUL byte, though UTF-8 allows one: a NUL means UTF-16 or UTF-32 without a byte-order
    // mark, or a padded export, each of which would otherwise be read as names with NULs in them
    const nul = bom ? -1 : bytes.indexOf(0);
    if (nul !== -1) {
      const side = nul < 256 ? nulSide(bytes) : undefined;
      throw new CliError(
        side
          ? `${path}: looks like UTF-16 ${side} without a byte-order mark (a NUL byte ${side === 'LE' ? 'after' : 'before'} each ASCII letter), not UTF-8; save the file as UTF-8`
          : `${path}: line ${lineOf(bytes, nul)}: a NUL byte at byte offset ${nul} (a UTF-16 or UTF-32 file, or a padded export?), not UTF-8 text; save the file as UTF-8`,
      );
    }
    // the line of the first bad byte itself: a U+FFFD written as UTF-8 earlier in the file is no error
    const bad = isUtf8(bytes) ? undefined : firstBadUtf8(bytes);
    if (bad !== undefined) {
      const { line, offset } = bad;
      const what = bom
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
