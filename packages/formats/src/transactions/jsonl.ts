import { parseTransactionRecord } from '@raqib/contracts';
import type { Transaction } from '@raqib/core';
import { NOT_UTF8, NotUtf8Lines, streamLines } from './line-stream.ts';
import { clipRaw, DEFAULT_BATCH_SIZE, type ReadOptions, type Rejection, type TxBatch } from './types.ts';

/** Longest JSON line parsed: a transaction record is far smaller; longer lines are quarantined unparsed. */
export const MAX_JSONL_RECORD = 64 * 1024;

/**
 * Streams a JSON Lines file of transaction-contract records (packages/contracts) in batches. Each non-blank
 * line is one record and one data row (`row` counts records, `line` counts lines). Invalid JSON, contract
 * violations and a repeated id are rejected with the line number; a repeated id keeps the first record.
 */
export async function* readJsonl(path: string, options: ReadOptions = {}): AsyncGenerator<TxBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const seen = new Map<string, number>();
  let accepted: Transaction[] = [];
  let rejected: Rejection[] = [];
  let lineNo = 0;
  let row = 0;
  // lines that are not UTF-8: quarantined, not read with U+FFFD in them
  const notUtf8 = new NotUtf8Lines();
  const lineOptions = { ...options, onNotUtf8: notUtf8.report };
  for await (const lines of streamLines(path, lineOptions)) {
    for (const line of lines) {
      lineNo++;
      if (line.trim().length === 0) continue;
      const reason = notUtf8.take(lineNo) ? NOT_UTF8 : parseLine(line, row, lineNo, seen, accepted);
      if (reason !== undefined) rejected.push({ line: lineNo, row, reason, raw: clipRaw(line) });
      row++;
      if (accepted.length + rejected.length >= batchSize) {
        yield { accepted, rejected };
        accepted = [];
        rejected = [];
      }
    }
  }
  if (accepted.length + rejected.length > 0) yield { accepted, rejected };
}

function parseLine(
  line: string,
  row: number,
  lineNo: number,
  seen: Map<string, number>,
  out: Transaction[],
): string | undefined {
  if (line.length > MAX_JSONL_RECORD) return `record longer than ${MAX_JSONL_RECORD} characters`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return `invalid JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return 'expected a JSON object per line';
  }
  const parsed = parseTransactionRecord(value);
  if (!parsed.ok) return parsed.reason;
  const first = seen.get(parsed.record.id);
  if (first !== undefined) return `duplicate id "${parsed.record.id}" (first on line ${first})`;
  seen.set(parsed.record.id, lineNo);
  out.push({ ...parsed.record, row });
  return undefined;
}
