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
