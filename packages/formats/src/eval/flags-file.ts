import { streamLines } from '../transactions/line-stream.ts';

/** The scan's per-row verdicts, indexed by 0-based data row. */
export interface FlagsTable {
  /** The file the table was read from, for messages. */
  readonly path: string;
  /** 1 where the row is flagged, 0 where scored and not flagged. Rows past the array were not scored. */
  readonly flagged: Uint8Array;
  /** 1 where flags.csv has a line for the row. */
  readonly scored: Uint8Array;
  readonly lines: number;
  readonly maxRow: number;
}

export const FLAGS_HEADER = 'row,score,flag,typologies';

/** A flags file that scores rows the data does not have belongs to other data: refuse rather than mis-score. */
export function checkFlagsFitData(flags: FlagsTable, rows: number, data: string): void {
  if (flags.maxRow >= rows) {
    throw new Error(
      `${flags.path}: scores row ${flags.maxRow}, but ${data} has ${rows} data rows: the flags come from other data`,
    );
  }
}

function grow(a: Uint8Array<ArrayBuffer>, need: number): Uint8Array<ArrayBuffer> {
  if (need < a.length) return a;
  const b = new Uint8Array(Math.max(need + 1, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Reads `flags.csv` (`row,score,flag,typologies`, as `raqib scan` writes it). Split by hand: the file has no
 * quoting and millions of lines. A malformed line, a repeated row or a score outside [0,1] is an Error naming
 * the file and line.
 */
export async function readFlagsFile(path: string): Promise<FlagsTable> {
  let flagged: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  let scored: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  let lineNo = 0;
  let lines = 0;
  let maxRow = -1;
  for await (const batch of streamLines(path)) {
    for (const line of batch) {
      lineNo++;
      if (lineNo === 1) {
        if (!line.startsWith(FLAGS_HEADER)) {
          throw new Error(
            `${path}: line 1: expected the header "${FLAGS_HEADER}", got "${line.slice(0, 100)}"`,
          );
        }
        continue;
      }
      if (line.length === 0) continue;
      const c0 = line.indexOf(',');
      const c1 = line.indexOf(',', c0 + 1);
      const c2 = line.indexOf(',', c1 + 1);
      if (c0 < 0 || c1 < 0) throw new Error(`${path}: line ${lineNo}: expected row,score,flag[,typologies]`);
      const rowText = line.slice(0, c0);
      const row = Number(rowText);
      if (!/^\d+$/.test(rowText) || !Number.isSafeInteger(row)) {
        throw new Error(`${path}: line ${lineNo}: row "${rowText}" is not a row index`);
      }
      const score = Number(line.slice(c0 + 1, c1));
      if (!(score >= 0 && score <= 1))
        throw new Error(`${path}: line ${lineNo}: score "${line.slice(c0 + 1, c1)}" is not in [0,1]`);
      const flag = line.slice(c1 + 1, c2 < 0 ? line.length : c2);
      if (flag !== '0' && flag !== '1')
        throw new Error(`${path}: line ${lineNo}: flag "${flag}" is not 0 or 1`);
      flagged = grow(flagged, row);
      scored = grow(scored, row);
      if (scored[row] === 1) throw new Error(`${path}: line ${lineNo}: row ${row} appears twice`);
      scored[row] = 1;
      flagged[row] = flag === '1' ? 1 : 0;
      if (row > maxRow) maxRow = row;
      lines++;
    }
  }
  if (lineNo === 0) throw new Error(`${path}: empty file, expected the header "${FLAGS_HEADER}"`);
  return { path, flagged, scored, lines, maxRow };
}
