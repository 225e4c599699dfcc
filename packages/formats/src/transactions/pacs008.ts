import { createReadStream } from 'node:fs';
import type { Transaction } from '@raqib/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { openCheck } from './line-stream.ts';
import { groupFromHeader, type Pacs008Group, pacs008ToTransaction } from './pacs008-record.ts';
import { clipRaw, DEFAULT_BATCH_SIZE, type ReadOptions, type Rejection, type TxBatch } from './types.ts';

/** Largest single CdtTrfTxInf or GrpHdr accepted; a real one is a few KiB. Bigger is refused, not buffered. */
export const MAX_PACS008_ELEMENT = 1 << 20;

/**
 * Entity processing is OFF: no DOCTYPE-declared entities are expanded (billion-laughs, XXE). Values stay strings
 * so that amounts, account numbers and BICs keep their exact text (leading zeros included).
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'Ustrd',
});

// An element start: `<CdtTrfTxInf>` or `<ns:GrpHdr attr="…">`; the name must end there (not `<GrpHdrX>`).
const START = /<(?:[A-Za-z_][\w.-]*:)?(CdtTrfTxInf|GrpHdr)(?=[\s/>])/g;
const FORBIDDEN = /<!DOCTYPE|<!ENTITY/i;
const ROOT = /<(?:[A-Za-z_][\w.-]*:)?FIToFICstmrCdtTrf[\s>]/;

function endTagRegex(name: string): RegExp {
  return new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, 'g');
}
const END = { CdtTrfTxInf: endTagRegex('CdtTrfTxInf'), GrpHdr: endTagRegex('GrpHdr') } as const;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

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
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let buf = '';
  // Line numbers: a cursor moving forward through buf, so each character is counted once.
  let cursor = 0;
  let cursorLine = 1;
  const lineAt = (pos: number): number => {
    cursorLine += countNewlines(buf, cursor, pos);
    cursor = pos;
    return cursorLine;
  };
  const cutBuffer = (pos: number): void => {
    lineAt(pos);
    buf = buf.slice(pos);
    cursor = 0;
  };
  let row = 0;
  let indexInMessage = 0;
  let group: Pacs008Group = { msgId: undefined, creDtTm: undefined, sttlmDt: undefined };
  let sawRoot = false;
  const seen = new Map<string, number>();
  let accepted: Transaction[] = [];
  let rejected: Rejection[] = [];

  const handle = (name: 'CdtTrfTxInf' | 'GrpHdr', xml: string, line: number): void => {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      if (name === 'GrpHdr') throw new Error(`${path}: line ${line}: malformed GrpHdr: ${valid.err.msg}`);
      rejected.push({
        line,
        row: row++,
        reason: `malformed XML: ${valid.err.msg} (line ${line + valid.err.line - 1})`,
        raw: clipRaw(xml),
      });
      indexInMessage++;
      return;
    }
    const parsed = parser.parse(xml) as Record<string, unknown>;
    if (name === 'GrpHdr') {
      group = groupFromHeader(parsed.GrpHdr);
      indexInMessage = 0;
      return;
    }
    const result = pacs008ToTransaction(parsed.CdtTrfTxInf, group, row, indexInMessage);
    if (typeof result === 'string') {
      rejected.push({ line, row, reason: result, raw: clipRaw(xml) });
    } else {
      const first = seen.get(result.id);
      if (first === undefined) {
        seen.set(result.id, line);
        accepted.push(result);
      } else {
        rejected.push({
          line,
          row,
          reason: `duplicate id "${result.id}" (first on line ${first})`,
          raw: clipRaw(xml),
        });
      }
    }
    row++;
    indexInMessage++;
  };

  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      options.signal?.throwIfAborted();
      buf += chunk;
      if (FORBIDDEN.test(buf)) {
        throw new Error(`${path}: DOCTYPE/ENTITY declarations are not accepted in pacs.008 input`);
      }
      if (!sawRoot && ROOT.test(buf)) sawRoot = true;
      let pos = 0;
      let pending = false; // an element has started but its end is not in the buffer yet
      for (;;) {
        START.lastIndex = pos;
        const start = START.exec(buf);
        if (start === null) break;
        const name = start[1] as 'CdtTrfTxInf' | 'GrpHdr';
        const end = END[name];
        end.lastIndex = start.index;
        const close = end.exec(buf);
        if (close === null) {
          pos = start.index;
          pending = true;
          if (buf.length - pos > MAX_PACS008_ELEMENT) {
            const line = lineAt(pos);
            throw new Error(
              `${path}: line ${line}: a ${name} element is larger than ${MAX_PACS008_ELEMENT} bytes`,
            );
          }
          break;
        }
        const line = lineAt(start.index);
        handle(name, buf.slice(start.index, close.index + close[0].length), line);
        pos = close.index + close[0].length;
        if (accepted.length + rejected.length >= batchSize) {
          cutBuffer(pos);
          pos = 0;
          options.onBytes?.(stream.bytesRead, total);
          yield { accepted, rejected };
          accepted = [];
          rejected = [];
        }
      }
      // Keep the unfinished element, or else the last few characters, which may hold a split start tag.
      cutBuffer(pending ? pos : Math.max(pos, buf.length - 64, 0));
      options.onBytes?.(stream.bytesRead, total);
    }
  } catch (err) {
    if (options.signal?.aborted || (err instanceof Error && err.message.startsWith(path))) throw err;
    throw new Error(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  } finally {
    stream.destroy();
  }
  if (!sawRoot) throw new Error(`${path}: not an ISO 20022 pacs.008 message (no FIToFICstmrCdtTrf element)`);
  START.lastIndex = 0;
  const open = START.exec(buf);
  if (open !== null && open[1] === 'CdtTrfTxInf') {
    const line = lineAt(open.index);
    rejected.push({
      line,
      row,
      reason: 'truncated CdtTrfTxInf: the file ends inside it',
      raw: clipRaw(buf.slice(open.index)),
    });
  }
  if (accepted.length + rejected.length > 0) yield { accepted, rejected };
}
