import { CsvError, parse } from 'csv-parse/sync';
import { ListParseError } from './list-parse-error.ts';

export interface CsvRecord {
  readonly record: string[];
  /** 1-based line where the record ends in the file. */
  readonly line: number;
}

/** Parses CSV text into records with line numbers; a CSV syntax error becomes a ListParseError with its line. */
export function csvRecords(
  text: string,
  file: string,
  extra: { recordDelimiter?: string[]; delimiter?: string } = {},
): CsvRecord[] {
  try {
    const out = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      ...(extra.recordDelimiter ? { record_delimiter: extra.recordDelimiter } : {}),
      ...(extra.delimiter ? { delimiter: extra.delimiter } : {}),
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // csv-parse counts the \r and the \n of a CRLF inside a quoted field as two lines: every later line number
    // would be one too high per such field (OFAC and Excel files are CRLF)
    let doubled = 0;
    return out.map((r) => {
      for (const cell of r.record) doubled += cell.match(/\r\n/g)?.length ?? 0;
      return { record: r.record, line: r.info.lines - doubled };
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const parserLine = (error as CsvError & { lines?: number }).lines;
      const line = parserLine === undefined ? '?' : String(lineInText(text, parserLine));
      throw new ListParseError(
        file,
        `line ${line}`,
        error.message.replace(/\bat line \d+/, `at line ${line}`),
      );
    }
    throw error;
  }
}

/**
 * The line of the text that csv-parse calls `parserLine`: it counts a CRLF inside a quoted field as two lines, so
 * its error line is one too high per such field before the error.
 */
function lineInText(text: string, parserLine: number): number {
  let parser = 1;
  let real = 1;
  let quoted = false;
  for (let i = 0; i < text.length && parser < parserLine; i++) {
    const c = text[i];
    if (c === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else quoted = !quoted;
    } else if (c === '\r' && text[i + 1] === '\n') {
      i++;
      real++;
      parser += quoted ? 2 : 1;
    } else if (c === '\n' || c === '\r') {
      real++;
      parser++;
    }
  }
  return real;
}
