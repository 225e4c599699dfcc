import { parse as parseCsvSync } from 'csv-parse/sync';
import { MAX_LINE_LENGTH } from './line-stream.ts';

/**
 * A csv-parse failure in the words of raqib's line readers. Its message for an over-long record gives a byte count
 * and no cause; the file's path is added by the caller.
 */
export function csvParseProblem(err: unknown, limit: number = MAX_LINE_LENGTH): string {
  if (err instanceof Error && (err as { code?: unknown }).code === 'CSV_MAX_RECORD_SIZE') {
    const line = (err as { lines?: unknown }).lines;
    const where = typeof line === 'number' ? `line ${line}: ` : '';
    return `${where}a record is longer than ${limit} characters; not a CSV file, or a quote left open?`;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * One line of a line-based CSV reader that holds a quote, split by csv-parse: its fields, or the problem as a
 * quarantine reason when the line is not one well-formed record (a stray or unclosed quote; a quoted field may not
 * span lines). Judged line by line, a bad quote costs its own record only and never swallows the lines after it.
 */
export function splitQuotedLine(line: string, trim = false): string[] | string {
  let records: string[][];
  try {
    records = parseCsvSync(line, { relax_column_count: true, trim }) as string[][];
  } catch (err) {
    // the line was parsed alone, so csv-parse's "at line 1" would contradict the rejection's own line
    const message = err instanceof Error ? err.message : String(err);
    return `malformed CSV: ${message.replace(/ at line 1\b/, '')}`;
  }
  if (records.length !== 1) return 'malformed CSV: a quoted field spans lines';
  return records[0] ?? [];
}
