import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ScoreTable } from './score-table.ts';

/**
 * Writes flags.csv (`row,score,flag,typologies`) for every accepted row, in row order. Quarantined rows have no
 * line: they were never scored (quarantine.jsonl lists them). Written in large chunks: 5M lines in a few seconds.
 */
export async function writeFlags(path: string, table: ScoreTable, flagThreshold: number): Promise<number> {
  const out = createWriteStream(path);
  let buffer = 'row,score,flag,typologies\n';
  let lines = 0;
  for (let row = 0; row <= table.maxRow; row++) {
    if (!table.isAccepted(row)) continue;
    const score = table.score(row);
    const flagged = score >= flagThreshold;
    const typologies = flagged || score > 0 ? table.typologies(row).join(';') : '';
    buffer += `${row},${score === 0 ? '0' : score.toFixed(4)},${flagged ? 1 : 0},${typologies}\n`;
    lines++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return lines;
}
