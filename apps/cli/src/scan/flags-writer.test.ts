import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFlags } from './flags-writer.ts';
import { ScoreTable } from './score-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'raqib-flags-'));

/** The contract's line for one row, spelled out the plain way (a float32 score against the float32 threshold). */
function expectedLine(table: ScoreTable, row: number, threshold: number): string {
  const score = table.score(row);
  const flagged = score >= Math.fround(threshold);
  const typologies = flagged || score > 0 ? table.typologies(row).join(';') : '';
  return `${row},${score === 0 ? '0' : score.toFixed(4)},${flagged ? 1 : 0},${typologies}\n`;
}

function expectedFile(table: ScoreTable, threshold: number): string {
  let text = 'row,score,flag,typologies\n';
  for (let row = 0; row <= table.maxRow; row++)
    if (table.isAccepted(row)) text += expectedLine(table, row, threshold);
  return text;
}

describe('writeFlags', () => {
  it('writes one line per accepted row, unscored, scored and flagged rows alike', async () => {
    const table = new ScoreTable();
    for (const row of [0, 1, 2, 3, 5, 9, 10, 99, 100, 12_345]) table.accept(row);
    table.raise(2, 0.45, ['FAN-OUT']);
    table.raise(3, 0.8, ['TF-EXODUS', 'CYCLE']);
    table.raise(3, 0.6, ['T05']);
    table.raise(4, 0.9, ['FAN-IN']); // quarantined row: never accepted, no line
    table.raise(10, 0.25, []);
    const path = join(dir, 'small.csv');
    expect(await writeFlags(path, table, 0.7)).toBe(10);
    expect(readFileSync(path, 'utf8')).toBe(
      [
        'row,score,flag,typologies',
        '0,0,0,',
        '1,0,0,',
        '2,0.4500,0,FAN-OUT',
        '3,0.8000,1,CYCLE;T05;TF-EXODUS',
        '5,0,0,',
        '9,0,0,',
        '10,0.2500,0,',
        '99,0,0,',
        '100,0,0,',
        '12345,0,0,',
        '',
      ].join('\n'),
    );
  });

  it('keeps every line whole across output chunks (a file of several MiB)', async () => {
    const table = new ScoreTable();
    const rows = 400_000;
    for (let row = 0; row < rows; row++) {
      if (row % 97 === 13) continue; // quarantined
      table.accept(row);
      if (row % 1_009 === 0) table.raise(row, 0.5 + (row % 7) / 20, ['STACK', 'T12']);
    }
    const path = join(dir, 'large.csv');
    const lines = await writeFlags(path, table, 0.7);
    const text = readFileSync(path, 'utf8');
    expect(text.length).toBeGreaterThan(3 << 20);
    expect(text).toBe(expectedFile(table, 0.7));
    expect(lines).toBe(rows - Math.ceil((rows - 13) / 97));
  });

  it('flags unscored rows too when the flag threshold is 0', async () => {
    const table = new ScoreTable();
    table.accept(0);
    table.accept(1);
    table.raise(1, 0.3, ['RANDOM']);
    const path = join(dir, 'zero.csv');
    await writeFlags(path, table, 0);
    expect(readFileSync(path, 'utf8')).toBe('row,score,flag,typologies\n0,0,1,\n1,0.3000,1,RANDOM\n');
  });
});
