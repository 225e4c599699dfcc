import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { InputFileError } from '../transactions/input-file-error.ts';
import { openCheck } from '../transactions/line-stream.ts';
import { MAX_WHOLE_TEXT_FILE } from '../whole-text-file.ts';
import { plainCsvRecords } from './plain-csv-records.ts';

/** Problems listed in one error before the rest are summarised as a count. */
const MAX_LISTED = 20;
const MAX_RECORD = 1 << 16;
interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

export interface ReferenceRow {
  readonly line: number;
  readonly get: (column: string) => string;
}

/**
 * Reads a reference CSV (banks.csv, accounts.csv) — split directly when it needs no CSV machinery (no quotes;
 * plainCsvRecords), with csv-parse otherwise, the same records either way — checking that the header names the
 * `required` columns (extra columns are allowed and ignored). Each data row is handed to `onRow`, which returns a
 * problem text or undefined. All problems are collected and thrown together in one Error naming the file and
 * each line: reference data is either right or refused, never partly used.
 */
export async function readReferenceCsv(
  path: string,
  required: readonly string[],
  onRow: (row: ReferenceRow) => string | undefined,
): Promise<void> {
  const size = await openCheck(path);
  // read whole: a bigger file would not fit in one string
  if (size > MAX_WHOLE_TEXT_FILE) {
    throw new InputFileError(`${path}: ${size} bytes is over the ${MAX_WHOLE_TEXT_FILE}-byte limit`);
  }
  const plain = plainCsvRecords(await readFile(path, 'utf8'), MAX_RECORD);
  const file = plain === undefined ? createReadStream(path) : undefined;
  const parser = file?.pipe(
    parse({
      info: true,
      trim: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
      max_record_size: MAX_RECORD,
    }),
  );
  file?.on('error', (err) => parser?.destroy(err));
  const records: Iterable<ParsedRecord> | AsyncIterable<ParsedRecord> =
    plain?.map(({ record, lines }) => ({ record, info: { lines } })) ??
    (parser as unknown as AsyncIterable<ParsedRecord>);
  const problems: string[] = [];
  let index: Map<string, number> | undefined;
  let width = 0;
  try {
    for await (const { record, info } of records) {
      if (index === undefined) {
        index = new Map(record.map((name, i) => [name.toLowerCase(), i]));
        width = record.length;
        // a column read by name and given twice would be read from its last copy, the other silently ignored
        // (unread extra columns may repeat: an export's empty trailing columns do)
        const repeated = record.find(
          (name, i) => required.includes(name.toLowerCase()) && index!.get(name.toLowerCase()) !== i,
        );
        if (repeated !== undefined) {
          throw new InputFileError(
            `${path}: line ${info.lines}: header names column "${repeated}" twice (got ${record.join(',')})`,
          );
        }
        const missing = required.filter((c) => !index!.has(c));
        if (missing.length > 0) {
          throw new InputFileError(
            `${path}: line ${info.lines}: header lacks ${missing.join(', ')} (expected ${required.join(',')}, got ${record.join(',')})`,
          );
        }
        continue;
      }
      const cols = index;
      let problem: string | undefined;
      if (record.length !== width) problem = `wrong column count: expected ${width}, got ${record.length}`;
      else problem = onRow({ line: info.lines, get: (c) => record[cols.get(c) ?? -1] ?? '' });
      if (problem !== undefined) problems.push(`line ${info.lines}: ${problem}`);
    }
  } catch (err) {
    if (err instanceof Error && err.message.startsWith(path)) throw err;
    throw new InputFileError(`${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    file?.destroy();
  }
  if (index === undefined)
    throw new InputFileError(`${path}: empty file, expected the header ${required.join(',')}`);
  if (problems.length > 0) {
    const more = problems.length > MAX_LISTED ? `\n  … and ${problems.length - MAX_LISTED} more` : '';
    throw new InputFileError(
      `${path}: ${problems.length} bad row(s):\n  ${problems.slice(0, MAX_LISTED).join('\n  ')}${more}`,
    );
  }
}
