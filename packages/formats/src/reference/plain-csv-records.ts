/**
 * Characters csv-parse's `trim` removes around a field (csv-parse 6/7 `init_state.js`): a field that begins or
 * ends with one of them is left to csv-parse.
 */
const TRIMMED = new Set([
  0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

export interface PlainRecord {
  readonly record: string[];
  /** 1-based number of the record's line, blank lines counted (csv-parse's `info.lines`). */
  readonly lines: number;
}

/**
 * The records of a reference CSV that needs no CSV machinery: no quote, no carriage return, no record longer than
 * `maxRecord` characters and no field beginning or ending with a character `trim` would remove. Such a file is
 * split on newlines and commas and gives exactly what csv-parse gives with `trim`, `skip_empty_lines`, `bom` and
 * `relax_column_count` (blank lines skipped but counted); anything else returns undefined, for csv-parse to read.
 * accounts.csv of a large bank is hundreds of thousands of such lines, which csv-parse reads byte by byte with its
 * per-record bookkeeping (decision 0016).
 */
export function plainCsvRecords(text: string, maxRecord: number): PlainRecord[] | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.indexOf('"') >= 0 || body.indexOf('\r') >= 0) return undefined;
  const out: PlainRecord[] = [];
  let line = 0;
  for (let start = 0; start <= body.length; ) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    line++;
    if (end - start > maxRecord) return undefined;
    if (end > start) {
      const record = splitPlainLine(body, start, end);
      if (record === undefined) return undefined;
      out.push({ record, lines: line });
    }
    start = end + 1;
  }
  return out;
}

/** The fields of body[start, end), or undefined when one begins or ends with a trimmed character. */
function splitPlainLine(body: string, start: number, end: number): string[] | undefined {
  const fields: string[] = [];
  for (let from = start; ; ) {
    let to = body.indexOf(',', from);
    if (to < 0 || to > end) to = end;
    if (to > from && (TRIMMED.has(body.charCodeAt(from)) || TRIMMED.has(body.charCodeAt(to - 1))))
      return undefined;
    fields.push(body.slice(from, to));
    if (to === end) return fields;
    from = to + 1;
  }
}
