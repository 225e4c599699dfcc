import { createReadStream } from 'node:fs';
import { firstBadUtf8 } from '../utf8.ts';
import { InputFileError } from './input-file-error.ts';
import { openCheck } from './line-stream.ts';
import { Pacs008Scanner } from './pacs008-scanner.ts';
import { DEFAULT_BATCH_SIZE, type ReadOptions, type TxBatch } from './types.ts';

/**
 * Streams an ISO 20022 pacs.008 (FIToFICstmrCdtTrf, any .001.xx version) file one CdtTrfTxInf at a time:
 * the file is scanned for each transaction element, which alone is parsed, so a bulk message of any size is read
 * in bounded memory. A file may hold several messages; each transaction inherits its own message's GrpHdr.
 * Rows count CdtTrfTxInf elements in the file (0-based); `line` is where the element starts. A DOCTYPE or
 * ENTITY declaration refuses the whole file.
 */
export async function* readPacs008(path: string, options: ReadOptions = {}): AsyncGenerator<TxBatch> {
  const total = await openCheck(path);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const scanner = new Pacs008Scanner(path);
  // fatal: bytes that are not UTF-8 refuse the file instead of becoming U+FFFD in names and ids
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // bytes before the chunk being decoded; the last bytes of the previous chunk (a character may be split there)
  let offset = 0;
  let tail = Buffer.alloc(0);
  const decode = (bytes?: Buffer): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch (err) {
      throw notUtf8(path, scanner, tail, bytes ?? Buffer.alloc(0), offset, err);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      scanner.push(decode(chunk));
      offset += chunk.length;
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 3)));
      while (scanner.step()) {
        if (scanner.pending >= batchSize) {
          options.onBytes?.(stream.bytesRead, total);
          yield scanner.take();
        }
      }
      options.onBytes?.(stream.bytesRead, total);
    }
    scanner.push(decode());
    while (scanner.step()) {
      if (scanner.pending >= batchSize) yield scanner.take();
    }
  } catch (err) {
    if (options.signal?.aborted || (err instanceof Error && err.message.startsWith(path))) throw err;
    throw new InputFileError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  } finally {
    stream.destroy();
  }
  scanner.finish();
  if (scanner.pending > 0) yield scanner.take();
}

/**
 * Reads the transactions of a pacs.008 document held in memory (an API request body), with the same mapping and
 * rejections as the file reader. `source` names the input in errors. Throws for a DOCTYPE, a non-pacs.008
 * document or an oversized element; bad transactions come back as rejections.
 */
export function parsePacs008Text(xml: string, source = 'pacs.008 message'): TxBatch {
  const scanner = new Pacs008Scanner(source);
  scanner.push(xml);
  while (scanner.step()) {
    // every complete element is read
  }
  scanner.finish();
  return scanner.take();
}

/**
 * The refusal of a file that is not UTF-8, naming the line and byte offset of the first bad byte. Only on this error
 * path are the bytes checked one by one: `bytes` is the chunk the decoder refused, read from file offset `offset`;
 * `tail` the previous chunk's last bytes, where a character split between chunks starts; `scanner` holds all text
 * decoded before `bytes`, so its last line is where the bad byte's line starts counting.
 */
function notUtf8(
  path: string,
  scanner: Pacs008Scanner,
  tail: Buffer,
  bytes: Buffer,
  offset: number,
  cause: unknown,
): InputFileError {
  // the tail's leading continuation bytes end a character decoded already; a bad one would have failed there
  let skip = 0;
  while (skip < tail.length && (tail[skip]! & 0xc0) === 0x80) skip++;
  const from = tail.subarray(skip);
  const joined = Buffer.concat([from, bytes]);
  const at = firstBadUtf8(joined)?.offset ?? from.length;
  const fileOffset = offset - from.length + at;
  // a newline byte is never part of a multi-byte character: the tail's undecoded bytes hold none
  let line = scanner.endLine;
  for (let i = bytes.indexOf(10); i >= 0 && i < at - from.length; i = bytes.indexOf(10, i + 1)) line++;
  let what =
    at < joined.length
      ? `byte 0x${joined[at]!.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${fileOffset}`
      : `at byte offset ${fileOffset}`;
  // the decoder's flush: the file ends inside the character starting there
  if (bytes.length === 0) what += ', the file ends inside its character';
  return new InputFileError(`${path}: line ${line}: not valid UTF-8 (${what}); save the file as UTF-8`, {
    cause,
  });
}
