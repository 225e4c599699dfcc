import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAmlworld } from './amlworld-eval.ts';
import { readFlagsFile } from './flags-file.ts';

const HEADER =
  'Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering';
const row = (minute: number, to: string, label: 0 | 1, amount = '100.00') =>
  `2022/09/01 00:${String(minute).padStart(2, '0')},010,8000A,020,${to},${amount},US Dollar,${amount},US Dollar,ACH,${label}`;

function fixture(flags: string, alerts?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'raqib-eval-'));
  const rows = [
    row(1, '8000B', 1), // 0 fan-out leg
    row(2, '8000C', 1), // 1 fan-out leg
    row(3, '8000D', 1), // 2 fan-out leg
    row(4, '8000E', 1), // 3 fan-out leg
    row(5, '8000F', 0), // 4 background
    row(6, '8000G', 1), // 5 cycle leg, duplicated below
    row(6, '8000G', 1), // 6 the duplicate
    row(7, '8000H', 1), // 7 untyped laundering
    row(8, '8000I', 0), // 8 background
    'garbage,line', // 9 quarantined
  ];
  writeFileSync(join(dir, 'transactions.csv'), `${HEADER}\n${rows.join('\n')}\n`);
  writeFileSync(
    join(dir, 'patterns.txt'),
    [
      'BEGIN LAUNDERING ATTEMPT - FAN-OUT:  Max 16-degree Fan-Out',
      row(1, '8000B', 1),
      row(2, '8000C', 1),
      row(3, '8000D', 1),
      row(4, '8000E', 1).replace('100.00,US Dollar,ACH', '100.0,US Dollar,ACH'),
      'END LAUNDERING ATTEMPT - FAN-OUT',
      '',
      'BEGIN LAUNDERING ATTEMPT - CYCLE:  Max 10 hops',
      row(6, '8000G', 1),
      row(6, '8000G', 1),
      row(9, '8000Z', 1), // matches nothing
      'END LAUNDERING ATTEMPT - CYCLE',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'flags.csv'), `row,score,flag,typologies\n${flags}`);
  if (alerts !== undefined) writeFileSync(join(dir, 'alerts.jsonl'), alerts);
  return dir;
}

describe('evaluateAmlworld', () => {
  it('computes transaction-level scores and per-pattern recall by field matching', async () => {
    // flagged: rows 0, 1 (fan-out 2/4 = found), 5 (cycle 1/3 = missed), 8 (false positive); row 3 unscored
    const flags = [
      '0,0.9,1,FAN-OUT',
      '1,0.9,1,FAN-OUT',
      '2,0.1,0,',
      '4,0,0,',
      '5,0.8,1,CYCLE',
      '6,0.2,0,',
      '7,0,0,',
      '8,0.7,1,FAN-IN',
    ]
      .map((l) => `${l}\n`)
      .join('');
    const dir = fixture(
      flags,
      [
        '{"id":"a","typologies":["FAN-OUT"],"rows":[0,1]}',
        '{"id":"b","typologies":["CYCLE","T06"],"rows":[4,5]}',
        '{"id":"c","typologies":["FAN-IN"],"rows":[8]}',
        '',
      ].join('\n'),
    );
    const r = await evaluateAmlworld({
      transactions: join(dir, 'transactions.csv'),
      patterns: join(dir, 'patterns.txt'),
      flags: await readFlagsFile(join(dir, 'flags.csv')),
      alerts: join(dir, 'alerts.jsonl'),
    });
    expect(r.rows).toBe(10);
    expect(r.quarantined).toBe(1);
    expect(r.unscored).toBe(1);
    expect(r.confusion).toEqual({ tp: 3, fp: 1, fn: 4, tn: 1 });
    expect(r.precision).toBe(0.75);
    expect(r.recall).toBeCloseTo(3 / 7, 12);
    expect(r.unmatchedPatternRows).toBe(1);
    // row 7 is the only laundering row in no block, and it is not flagged
    expect(r.untyped).toEqual({ rows: 1, flagged: 0, recall: 0 });
    const byType = Object.fromEntries(r.patterns.map((p) => [p.type, p]));
    expect(byType['FAN-OUT']).toMatchObject({ instances: 1, found: 1, rows: 4, rowsFlagged: 2, recall: 1 });
    expect(byType.CYCLE).toMatchObject({ instances: 1, found: 0, rows: 3, rowsFlagged: 1, recall: 0 });
    expect(byType['TF-EXODUS']).toMatchObject({ instances: 0, recall: null });
    expect(r.alerts).toBe(3);
    expect(r.alertsPerThousand).toBeCloseTo((3 * 1000) / 9, 12);
    // a and b have a laundering row in their evidence, c (row 8, background) does not
    expect(r.alertQuality?.trueAlerts).toBe(2);
    expect(r.alertQuality?.precision).toBeCloseTo(2 / 3, 12);
    expect(r.alertQuality?.byTypology).toEqual([
      { typology: 'CYCLE', alerts: 1, trueAlerts: 1 },
      { typology: 'FAN-IN', alerts: 1, trueAlerts: 0 },
      { typology: 'FAN-OUT', alerts: 1, trueAlerts: 1 },
      { typology: 'T06', alerts: 1, trueAlerts: 1 },
    ]);
  });

  it('reports no alert figures without alerts.jsonl, and refuses a malformed flags file by line', async () => {
    const dir = fixture('0,0.9,1,\n');
    const r = await evaluateAmlworld({
      transactions: join(dir, 'transactions.csv'),
      flags: await readFlagsFile(join(dir, 'flags.csv')),
      alerts: join(dir, 'alerts.jsonl'),
    });
    expect(r.alerts).toBeNull();
    expect(r.patterns).toEqual([]);
    const bad = fixture('0,0.9,1,\n0,0.2,0,\n');
    await expect(readFlagsFile(join(bad, 'flags.csv'))).rejects.toThrow(/line 3: row 0 appears twice/);
    const other = fixture('0,0.9,1,\n12,0.5,1,\n');
    await expect(
      evaluateAmlworld({
        transactions: join(other, 'transactions.csv'),
        flags: await readFlagsFile(join(other, 'flags.csv')),
      }),
    ).rejects.toThrow(/scores row 12, but .* has 10 data rows/);
    const score = fixture('0,1.7,1,\n');
    await expect(readFlagsFile(join(score, 'flags.csv'))).rejects.toThrow(
      /line 2: score "1.7" is not in \[0,1\]/,
    );
  });
});
