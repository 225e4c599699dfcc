import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { type ScoreTable, storedThreshold } from './score-table.ts';

const CHUNK = 1 << 20;
/** Room an unscored line needs: up to 16 digits of row number and `,0,0,\n`. */
const PLAIN_LINE_ROOM = 32;
const COMMA = 0x2c;
const ZERO = 0x30;
const NEWLINE = 0x0a;

/**
 * Writes flags.csv (`row,score,flag,typologies`) for every accepted row, in row order. Quarantined rows have no
 * line: they were never scored (quarantine.jsonl lists them). Nearly every row scores 0, so its line is written
 * straight into the output chunk as bytes: building a string per line made a quarter of a scan's garbage (about
 * 240 bytes a row, BENCHMARKS.md). Scored rows, a small minority, are formatted as strings.
 */
export async function writeFlags(path: string, table: ScoreTable, flagThreshold: number): Promise<number> {
  const out = createWriteStream(path);
  let chunk = Buffer.allocUnsafe(CHUNK);
  let at = chunk.write('row,score,flag,typologies\n', 0, 'latin1');
  let lines = 0;
  const flagAt = storedThreshold(flagThreshold);
  // A chunk handed to the stream is the stream's until written: each flush starts a new one.
  const flush = async (): Promise<void> => {
    if (!out.write(chunk.subarray(0, at))) await once(out, 'drain');
    chunk = Buffer.allocUnsafe(CHUNK);
    at = 0;
  };
  for (let row = 0; row <= table.maxRow; row++) {
    if (!table.isAccepted(row)) continue;
    lines++;
    const score = table.score(row);
    if (score === 0 && flagAt > 0) {
      if (at > CHUNK - PLAIN_LINE_ROOM) await flush();
      at = writeDigits(chunk, at, row);
      chunk[at++] = COMMA;
      chunk[at++] = ZERO;
      chunk[at++] = COMMA;
      chunk[at++] = ZERO;
      chunk[at++] = COMMA;
      chunk[at++] = NEWLINE;
      continue;
    }
    const flagged = score >= flagAt;
    const typologies = flagged || score > 0 ? table.typologies(row).join(';') : '';
    const line = `${row},${score === 0 ? '0' : score.toFixed(4)},${flagged ? 1 : 0},${typologies}\n`;
    const bytes = Buffer.byteLength(line);
    if (at + bytes > CHUNK) await flush();
    if (bytes > CHUNK) {
      // only a configuration with thousands of typologies on one row gets here
      if (!out.write(line)) await once(out, 'drain');
      continue;
    }
    at += chunk.write(line, at);
  }
  out.end(chunk.subarray(0, at));
  await once(out, 'finish');
  return lines;
}

/** Writes the decimal digits of a non-negative integer at `at`; returns the offset after them. */
function writeDigits(into: Buffer, at: number, value: number): number {
  let digits = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
  let v = value;
  for (let k = at + digits - 1; k >= at; k--) {
    into[k] = ZERO + (v % 10);
    v = Math.floor(v / 10);
  }
  return at + digits;
}
