import { createReadStream } from 'node:fs';
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
  let offset = 0;
  const decode = (bytes?: Buffer): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch (err) {
      const at =
        bytes === undefined ? `at its end (byte ${offset})` : `in bytes ${offset}–${offset + bytes.length}`;
      throw new InputFileError(`${path}: not valid UTF-8 ${at}; save the file as UTF-8`, { cause: err });
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      scanner.push(decode(chunk));
      offset += chunk.length;
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
