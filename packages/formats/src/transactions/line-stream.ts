import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputFileError } from './input-file-error.ts';

/** Longest line accepted before the file is refused: protects memory against a file with no newlines. */
export const MAX_LINE_LENGTH = 1 << 20;

/**
 * 64 KiB reads: a chunk's text (and every line sliced from it) is then an ordinary young-generation string that
 * dies in the next scavenge. 1 MiB chunks went to V8's large-object space, which is old generation, and cost
 * ~40 % more scavenge time and ~100 MB more RSS in a 1M-row scan (decision 0014).
 */
export const DEFAULT_CHUNK_SIZE = 1 << 16;

export interface LineStreamOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onBytes?: ((bytesRead: number, totalBytes: number) => void) | undefined;
  /** Read chunk size in bytes (default DEFAULT_CHUNK_SIZE). */
  readonly chunkSize?: number | undefined;
  /** The problem named when line `line` is over MAX_LINE_LENGTH (default: "a line is longer than…"). */
  readonly tooLong?: ((line: number) => string) | undefined;
  /**
   * Called with the 1-based number of each line that is not valid UTF-8, before the chunk holding it is yielded
   * (the line itself is yielded with U+FFFD in place of the bad bytes), so that a reader can quarantine it.
   * Without it such a line refuses the file, naming the line.
   */
  readonly onNotUtf8?: ((line: number) => void) | undefined;
}

/** The rejection reason, or the problem, of a line that is not valid UTF-8. */
export const NOT_UTF8 = 'not valid UTF-8';

/**
 * The lines `streamLines` reports as not UTF-8 (pass `report` as `onNotUtf8`), which a reader quarantines as it
 * comes to them, before their chunk: `take(line)` says whether that line was one. Free per line while none was.
 */
export class NotUtf8Lines {
  private readonly lines = new Set<number>();
  readonly report = (line: number): void => {
    this.lines.add(line);
  };

  /** Whether line `line` (1-based) was reported; each reported line is taken once. */
  take(line: number): boolean {
    return this.lines.size !== 0 && this.lines.delete(line);
  }
}

/**
 * Checks that `path` is a readable regular file and returns its size. Throws an Error naming the file
 * otherwise, so that every reader fails the same clear way on a missing or unreadable input.
 */
export async function openCheck(path: string): Promise<number> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new TypeError('not a regular file');
    size = s.size;
  } catch (err) {
    throw new InputFileError(`cannot read ${path}: ${describe(err)}`, { cause: err });
  }
  return size;
}

function describe(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = String((err as { code: unknown }).code);
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
    return code;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Streams a UTF-8 text file as arrays of complete lines, one array per read chunk (without the line
 * terminators; CR before LF is removed; a leading BOM is dropped). Pull-based: the next chunk is only read
 * when the consumer asks for more, so a slow consumer holds back the file read (backpressure).
 * Splitting whole chunks with `String#split` is much faster than a per-line readline interface.
 *
 * Bytes that are not UTF-8 decode to U+FFFD; they are not let pass silently: a line holding them is reported to
 * `onNotUtf8`, or refuses the file. The check costs nothing on the common path: only the complete lines of a chunk
 * are decoded (a newline byte never occurs inside a UTF-8 sequence, so each line decodes as it would alone), and
 * only a chunk whose text holds a U+FFFD (an indexOf that V8 answers at once for a one-byte string) has its
 * lines' bytes checked, which also tells a U+FFFD written in the file from one made by the decoder.
 */
export async function* streamLines(path: string, options: LineStreamOptions = {}): AsyncGenerator<string[]> {
  const total = await openCheck(path);
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? DEFAULT_CHUNK_SIZE });
  // the bytes after the last newline read: an unfinished line
  let carry: Buffer | undefined;
  let first = true;
  // complete lines so far: the refusal of an overlong line names it, as a rejection names its record
  let complete = 0;
  const tooLong = (line: number) =>
    new InputFileError(
      `${path}: ${
        options.tooLong?.(line) ??
        `line ${line}: a line is longer than ${MAX_LINE_LENGTH} characters; not a line-based file?`
      }`,
    );
  // bytes bound the characters from above: only a long unfinished line is decoded to be measured
  const overlong = (bytes: Buffer) =>
    bytes.length > MAX_LINE_LENGTH && bytes.toString('utf8').length > MAX_LINE_LENGTH;
  const decode = (bytes: Buffer, end: number): string => {
    const text = bytes.toString('utf8', 0, end);
    if (!first) return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      const bytes = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
      const nl = bytes.lastIndexOf(10);
      if (nl < 0) {
        carry = bytes;
        if (overlong(carry)) throw tooLong(complete + 1);
        options.onBytes?.(stream.bytesRead, total);
        continue;
      }
      carry = nl + 1 < bytes.length ? bytes.subarray(nl + 1) : undefined;
      const text = decode(bytes, nl);
      const lines = text.split('\n');
      if (carry !== undefined && overlong(carry)) throw tooLong(complete + lines.length + 1);
      if (text.indexOf('\ufffd') >= 0) reportNotUtf8(bytes, lines, complete, path, options.onNotUtf8);
      complete += lines.length;
      stripCr(lines);
      options.onBytes?.(stream.bytesRead, total);
      yield lines;
    }
  } catch (err) {
    if (options.signal?.aborted) throw err;
    if (err instanceof Error && err.message.startsWith(path)) throw err;
    throw new InputFileError(`cannot read ${path}: ${describe(err)}`, { cause: err });
  } finally {
    stream.destroy();
  }
  if (carry !== undefined) {
    const last = [decode(carry, carry.length)];
    // a file holding only a BOM holds no line (as before lines were decoded here): its reader says "empty file"
    if (last[0]!.length === 0) return;
    if (last[0]!.indexOf('\ufffd') >= 0) reportNotUtf8(carry, last, complete, path, options.onNotUtf8);
    stripCr(last);
    yield last;
  }
}

/**
 * The slow path of a chunk whose text holds a U+FFFD: each line holding one has its bytes checked, and a line that
 * is not UTF-8 is reported (or refuses the file). `bytes` starts with line `before + 1`; its lines are `lines`.
 */
function reportNotUtf8(
  bytes: Buffer,
  lines: readonly string[],
  before: number,
  path: string,
  onNotUtf8: ((line: number) => void) | undefined,
): void {
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    const nl = bytes.indexOf(10, from);
    const to = nl < 0 ? bytes.length : nl;
    if (lines[i]!.indexOf('\ufffd') >= 0 && !isUtf8(bytes.subarray(from, to))) {
      if (onNotUtf8 === undefined) {
        throw new InputFileError(`${path}: line ${before + i + 1}: ${NOT_UTF8}; save the file as UTF-8`);
      }
      onNotUtf8(before + i + 1);
    }
    from = to + 1;
  }
}

function stripCr(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
}
