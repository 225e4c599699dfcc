import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { amlsimPaymentFormat, readAmlsim } from './amlsim.ts';
import { MAX_LINE_LENGTH } from './line-stream.ts';
import { collect, fixture } from './test-support.ts';

const DAY = 86_400_000;

describe('readAmlsim', () => {
  it('reads the 2019 transactions.csv excerpt: steps to days from the start date, one bank, USD', async () => {
    const { accepted, rejected } = await collect(readAmlsim(fixture('amlsim-transactions.csv')));
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(40);
    expect(accepted[0]).toEqual({
      id: '0',
      row: 0,
      ts: Date.UTC(2022, 8, 1) + DAY,
      fromBank: 'AMLSIM',
      fromAccount: '280',
      toBank: 'AMLSIM',
      toAccount: '15349',
      amountPaid: 14780,
      currencyPaid: 'USD',
      amountReceived: 14780,
      currencyReceived: 'USD',
      paymentFormat: 'Other',
      label: undefined,
    });
  });

  it('takes the start time from the options', async () => {
    const startTime = Date.UTC(2017, 0, 1);
    const { accepted } = await collect(readAmlsim(fixture('amlsim-transactions.csv'), { startTime }));
    expect(accepted[1]!.ts).toBe(startTime + DAY);
  });

  it('reads the newer tx.csv layout with row ids and mapped type codes', async () => {
    const { accepted, rejected } = await collect(readAmlsim(fixture('amlsim-tx.csv')));
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(45);
    expect(accepted[0]).toMatchObject({
      id: '0',
      fromAccount: '15',
      toAccount: '25',
      paymentFormat: 'Cheque',
    });
    expect(accepted[2]).toMatchObject({ id: '2', row: 2, ts: Date.UTC(2022, 8, 4), paymentFormat: 'Wire' });
  });

  it('reads the tx_log layout with its per-transaction isSAR label', async () => {
    const { accepted } = await collect(readAmlsim(fixture('amlsim-tx_log.csv')));
    expect(accepted.map((t) => [t.fromAccount, t.toAccount, t.amountPaid, t.paymentFormat, t.label])).toEqual(
      [
        ['4181', '6542', 82622, 'Wire', false],
        ['2107', '8812', 15853, 'Wire', true],
        ['2107', '8812', 7511, 'Cash', true],
      ],
    );
  });

  it('quarantines malformed rows with line, row and reason', async () => {
    const { accepted, rejected } = await collect(readAmlsim(fixture('amlsim-malformed.csv')));
    expect(accepted.map((t) => [t.row, t.fromAccount])).toEqual([
      [0, '280'],
      [8, '287'],
    ]);
    expect(rejected.map((r) => [r.line, r.row, r.reason])).toEqual([
      [3, 1, 'wrong column count: expected 4, got 3'],
      [4, 2, 'empty account: sourceNodeId is empty'],
      [5, 3, 'empty account: targetNodeId is empty'],
      [6, 4, 'value "-4.5": negative amount'],
      [7, 5, 'value "abc": amount is not a number'],
      [8, 6, 'bad time: time "yesterday" is not a simulation step (0, 1, 2…)'],
      [9, 7, 'bad time: time "-1" is not a simulation step (0, 1, 2…)'],
      [11, 9, 'account too long: sourceNodeId has 129 characters (at most 128)'],
    ]);
    expect(rejected[0]!.raw).toBe('281,15350,99.5');
  });

  it('quarantines a line with a stray or unclosed quote and reads the lines after it', async () => {
    // before: one stray quote failed the whole scan ("Invalid Opening Quote" / "Quote Not Closed")
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-amlsim-')), 'transactions.csv');
    writeFileSync(
      path,
      [
        'sourceNodeId,targetNodeId,value,time',
        '280,15349,147.8,1',
        '249,90"15,104.06,1',
        '"250",9016,10, 2',
        '"251,9017,10,2',
        '252,9018,10,2',
        '253",9019,10,2',
        '254,9020,10,3',
        '',
      ].join('\n'),
    );
    const { accepted, rejected } = await collect(readAmlsim(path));
    expect(accepted.map((t) => [t.row, t.fromAccount, t.toAccount])).toEqual([
      [0, '280', '15349'],
      [2, '250', '9016'],
      [4, '252', '9018'],
      [6, '254', '9020'],
    ]);
    expect(rejected.map((r) => [r.line, r.row, r.reason, r.raw])).toEqual([
      [
        3,
        1,
        'malformed CSV: Invalid Opening Quote: a quote is found on field 1, value is "90"',
        '249,90"15,104.06,1',
      ],
      [
        5,
        3,
        'malformed CSV: Quote Not Closed: the parsing is finished with an opening quote',
        '"251,9017,10,2',
      ],
      [
        7,
        5,
        'malformed CSV: Invalid Opening Quote: a quote is found on field 0, value is "253"',
        '253",9019,10,2',
      ],
    ]);
  });

  it('skips lines holding only whitespace, before and after the header, without giving them a row', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-amlsim-')), 'transactions.csv');
    writeFileSync(
      path,
      '   \r\n\t\nsourceNodeId,targetNodeId,value,time\r\n280,15349,147.8,1\r\n \r\n\t\n\f\n\u00a0\n' +
        '\u00a0290\u00a0,9015,104.06,1\r\n  \n250,9016,10,2\r\n \n\t\r\n   ',
    );
    const { accepted, rejected } = await collect(readAmlsim(path));
    expect(rejected).toEqual([]);
    expect(accepted.map((t) => [t.id, t.row, t.fromAccount])).toEqual([
      ['0', 0, '280'],
      ['1', 1, '290'],
      ['2', 2, '250'],
    ]);
  });

  it('quarantines a line that is not UTF-8', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-amlsim-')), 'transactions.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('sourceNodeId,targetNodeId,value,time\n280,15349,147.8,1\n2'),
        Buffer.from([0xff]),
        Buffer.from('9,9015,104.06,1\n250,9016,10,2\n'),
      ]),
    );
    const { accepted, rejected } = await collect(readAmlsim(path));
    expect(accepted.map((t) => [t.row, t.fromAccount])).toEqual([
      [0, '280'],
      [2, '250'],
    ]);
    expect(rejected.map((r) => [r.line, r.row, r.reason])).toEqual([[3, 1, 'not valid UTF-8']]);
  });

  it('rejects a repeated TXN_ID', async () => {
    const { accepted, rejected } = await collect(readAmlsim(fixture('amlsim-tx-duplicate.csv')));
    expect(accepted.map((t) => [t.id, t.fromAccount])).toEqual([
      ['0', '15'],
      ['1', '21'],
    ]);
    expect(rejected.map((r) => [r.line, r.row, r.reason])).toEqual([
      [4, 2, 'duplicate id: TXN_ID "2" (first on line 2)'],
    ]);
  });

  it('refuses a CSV that is not AMLSim output and a missing file, naming the file', async () => {
    await expect(collect(readAmlsim(fixture('amlworld-sample.csv')))).rejects.toThrow(
      /amlworld-sample\.csv: line 1: not an AMLSim header/,
    );
    await expect(collect(readAmlsim('/nonexistent/transactions.csv'))).rejects.toThrow(
      'cannot read /nonexistent/transactions.csv: no such file',
    );
  });

  it('refuses a record longer than the line limit instead of buffering it whole, naming file and line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-amlsim-')), 'transactions.csv');
    const huge = 'x'.repeat(MAX_LINE_LENGTH + 1);
    writeFileSync(path, `sourceNodeId,targetNodeId,value,time\n1,2,10.00,0\n${huge},2,10.00,1\n3,4,5.00,1\n`);
    const read = collect(readAmlsim(path));
    await expect(read).rejects.toThrow(
      `${path}: line 3: a record is longer than ${MAX_LINE_LENGTH} characters`,
    );
  });

  it('maps type codes to payment formats', () => {
    expect(['WIRE', 'CHECK', 'CREDIT', 'CASH-OUT', 'DEPOSIT', undefined].map(amlsimPaymentFormat)).toEqual([
      'Wire',
      'Cheque',
      'Credit Card',
      'Cash',
      'Other',
      'Other',
    ]);
  });
});

const SHARED_SAMPLE = fileURLToPath(
  new URL('../../../../../shared/data/aml/amlsim_samples/20K_cycle200/transactions.csv', import.meta.url),
);

describe('readAmlsim on the full shared sample', () => {
  it.skipIf(!existsSync(SHARED_SAMPLE))(
    'reads all 117,805 rows of 20K_cycle200 without a rejection (skips when ../shared is absent)',
    async () => {
      let n = 0;
      let bad = 0;
      let maxTs = 0;
      for await (const b of readAmlsim(SHARED_SAMPLE, { batchSize: 10_000 })) {
        n += b.accepted.length;
        bad += b.rejected.length;
        for (const t of b.accepted) if (t.ts > maxTs) maxTs = t.ts;
      }
      expect([n, bad]).toEqual([117_805, 0]);
      expect(maxTs).toBeLessThanOrEqual(Date.UTC(2022, 8, 1) + 149 * DAY);
    },
  );
});
