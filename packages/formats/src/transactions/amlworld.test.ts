import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMLWORLD_HEADER, parseAmlworldLine, readAmlworld } from './amlworld.ts';
import { collect, fixture } from './test-support.ts';

describe('parseAmlworldLine names (currencies and formats remembered per slot)', () => {
  it('tells apart names that share a slot (same length, first and last letters), in any order', () => {
    // Euro / Eazo and Cash / Cosh fall in the same slot: each must be judged by its own letters every time
    const line = (cur: string, format: string) =>
      `2022/09/01 00:20,010,8000EBD30,011,8000EBD31,10.00,${cur},10.00,${cur},${format},0`;
    const ids: string[] = [];
    for (const [cur, format] of [
      ['Euro', 'Cash'],
      ['Eazo', 'Cash'],
      ['Euro', 'Cosh'],
      ['Euro', 'Cash'],
      ['Eazo', 'Cosh'],
      ['Euro', 'Cash'],
    ] as const) {
      const r = parseAmlworldLine(line(cur, format), 0, true);
      ids.push(typeof r === 'string' ? r : `${r.currencyPaid} ${r.paymentFormat}`);
    }
    expect(ids).toEqual([
      'EUR Cash',
      'unknown currency "Eazo" in Receiving Currency',
      'unknown Payment Format "Cosh"',
      'EUR Cash',
      'unknown currency "Eazo" in Receiving Currency',
      'EUR Cash',
    ]);
  });
});

describe('readAmlworld', () => {
  it('calls a file holding only a BOM empty', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-amlworld-')), 'bom-only.csv');
    writeFileSync(path, '\uFEFF');
    await expect(collect(readAmlworld(path))).rejects.toThrow(
      /bom-only\.csv: empty file, expected the AMLworld header/,
    );
  });

  it('reads IBM-format rows into transactions with exact minor units, UTC time and labels', async () => {
    const { accepted, rejected } = await collect(readAmlworld(fixture('amlworld-sample.csv')));
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(11);
    expect(accepted[0]).toEqual({
      id: '0',
      row: 0,
      ts: Date.UTC(2022, 8, 1, 0, 20),
      fromBank: '010',
      fromAccount: '8000EBD30',
      toBank: '010',
      toAccount: '8000EBD30',
      amountPaid: 369734,
      currencyPaid: 'USD',
      amountReceived: 369734,
      currencyReceived: 'USD',
      paymentFormat: 'Reinvestment',
      label: false,
    });
    // cross-currency row: Amount Received comes before Amount Paid in IBM's column order
    const fx = accepted[6]!;
    expect([fx.amountReceived, fx.currencyReceived, fx.amountPaid, fx.currencyPaid]).toEqual([
      112000,
      'CNY',
      16006,
      'USD',
    ]);
    expect(fx.label).toBe(true);
    expect(fx.toBank).toBe('001227');
    expect(accepted[7]!.amountPaid).toBe(108000); // 0.00108 BTC in satoshi
  });

  it('skips a blank line without giving it a row index, but counts it in line numbers', async () => {
    const { accepted } = await collect(readAmlworld(fixture('amlworld-sample.csv')));
    const after = accepted[9]!;
    expect(after.row).toBe(9);
    expect(after.id).toBe('9');
    expect(after.ts).toBe(Date.UTC(2022, 8, 2, 13, 47));
  });

  it('reads the unlabelled header with CRLF line ends', async () => {
    const { accepted, rejected } = await collect(readAmlworld(fixture('amlworld-unlabelled-crlf.csv')));
    expect(rejected).toEqual([]);
    expect(accepted.map((t) => [t.row, t.toAccount, t.paymentFormat, t.label])).toEqual([
      [0, '8000EBD30', 'Reinvestment', undefined],
      [1, '80A8E4F00', 'Wire', undefined],
    ]);
  });

  it('quarantines each kind of malformed row with its line, row and a clear reason', async () => {
    const { accepted, rejected } = await collect(readAmlworld(fixture('amlworld-malformed.csv')));
    expect(accepted.map((t) => [t.row, t.fromAccount, t.label])).toEqual([
      [0, '8000EBD30', false],
      [14, '8000EBD30', true], // fully quoted row goes through csv-parse
      [15, '8000EBD31', false],
    ]);
    expect(rejected.map((r) => [r.line, r.row, r.reason])).toEqual([
      [3, 1, 'wrong column count: expected 11, got 10'],
      [4, 2, 'wrong column count: expected 11, got 12'],
      [5, 3, 'bad time "2022/13/01 00:20": expected YYYY/MM/DD HH:MM'],
      [6, 4, 'bad time "2022/02/30 00:20": expected YYYY/MM/DD HH:MM'],
      [7, 5, 'bad time "yesterday": expected YYYY/MM/DD HH:MM'],
      [8, 6, 'Amount Received "-12.00": negative amount'],
      [9, 7, 'Amount Received "NaN": amount is not a number'],
      [10, 8, 'Amount Paid "": amount is not a number'],
      [11, 9, 'unknown currency "Doubloon" in Receiving Currency'],
      [12, 10, 'empty account: the from Account is empty'],
      [13, 11, 'empty account: To Bank is empty'],
      [14, 12, 'unknown Payment Format "Telegraph"'],
      [15, 13, 'Is Laundering "yes": expected 0 or 1'],
    ]);
    expect(rejected[0]!.raw).toContain('8000EBD30,3697.34,US Dollar');
  });

  it('yields batches of the requested size', async () => {
    const { accepted, batches } = await collect(
      readAmlworld(fixture('amlworld-sample.csv'), { batchSize: 4 }),
    );
    expect(accepted).toHaveLength(11);
    expect(batches).toBe(3);
  });

  it('refuses a file whose header is not IBM’s, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-aw-'));
    const path = join(dir, 'other.csv');
    writeFileSync(path, 'ts,from,to,amount\n2022/09/01 00:20,a,b,1\n');
    await expect(collect(readAmlworld(path))).rejects.toThrow(/other\.csv: line 1: not an AMLworld header/);
  });

  it('throws an error naming a missing file', async () => {
    await expect(collect(readAmlworld('/nonexistent/HI-Small_Trans.csv'))).rejects.toThrow(
      'cannot read /nonexistent/HI-Small_Trans.csv: no such file',
    );
  });

  it('reads rows split across read chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-aw-'));
    const path = join(dir, 'many.csv');
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `2022/09/01 00:${String(i % 60).padStart(2, '0')},1,A${i},2,B${i},${i}.25,Euro,${i}.25,Euro,ACH,0`,
    );
    writeFileSync(path, `${AMLWORLD_HEADER}\n${rows.join('\n')}\n`);
    const { accepted, rejected } = await collect(readAmlworld(path));
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(3000);
    expect(accepted[2999]).toMatchObject({ row: 2999, fromAccount: 'A2999', amountPaid: 299925 });
  });

  /** An AMLworld line with these banks and accounts (its fields quoted when `quoted`). */
  const accountsRow = (fb: string, fa: string, tb: string, ta: string, quoted = false) => {
    const f = ['2022/09/01 00:20', fb, fa, tb, ta, '10.00', 'Euro', '10.00', 'Euro', 'ACH', '0'];
    return quoted ? f.map((x) => `"${x}"`).join(',') : f.join(',');
  };

  it('quarantines a bank or account id longer than the contract allows (128), plain or quoted, instead of failing', async () => {
    // before: an account of 40,000 characters reached the account index, which threw and ended the whole scan
    const dir = mkdtempSync(join(tmpdir(), 'raqib-aw-'));
    const path = join(dir, 'long.csv');
    const at128 = 'A'.repeat(128);
    writeFileSync(
      path,
      `${AMLWORLD_HEADER}\n${[
        accountsRow('1', at128, '2', 'B'),
        accountsRow('1', `${at128}X`, '2', 'B'),
        accountsRow('1', 'A', '2', 'B'.repeat(40_000)),
        accountsRow('9'.repeat(129), 'A', '2', 'B'),
        accountsRow('1', 'A', '2'.repeat(130), 'B', true),
        accountsRow('1', at128, '2', at128, true),
      ].join('\n')}\n`,
    );
    const { accepted, rejected } = await collect(readAmlworld(path));
    expect(accepted.map((t) => t.row)).toEqual([0, 5]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'account too long: the from Account has 129 characters (at most 128)'],
      [4, 'account too long: the to Account has 40000 characters (at most 128)'],
      [5, 'account too long: From Bank has 129 characters (at most 128)'],
      [6, 'account too long: To Bank has 130 characters (at most 128)'],
    ]);
  });

  it('quarantines a bank or account id that is only whitespace as an empty account, plain or quoted', async () => {
    // before: "   " passed as an account, and every such row became one party
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-aw-')), 'blank.csv');
    writeFileSync(
      path,
      `${AMLWORLD_HEADER}\n${[
        accountsRow('1', 'A', '2', 'B'),
        accountsRow('1', '   ', '2', 'B'),
        accountsRow('1', 'A', '2', '\t'),
        accountsRow(' ', 'A', '2', 'B'),
        accountsRow('1', 'A', '\u00a0', 'B'),
        accountsRow('1', '   ', '2', 'B', true),
        accountsRow('1', ' A', '2', 'B '),
      ].join('\n')}\n`,
    );
    const { accepted, rejected } = await collect(readAmlworld(path));
    expect(accepted.map((t) => [t.row, t.fromAccount, t.toAccount])).toEqual([
      [0, 'A', 'B'],
      [6, ' A', 'B '],
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'empty account: the from Account is only whitespace'],
      [4, 'empty account: the to Account is only whitespace'],
      [5, 'empty account: From Bank is only whitespace'],
      [6, 'empty account: To Bank is only whitespace'],
      [7, 'empty account: the from Account is only whitespace'],
    ]);
  });

  it('quarantines a line that is not UTF-8 instead of reading U+FFFD into its ids', async () => {
    // before: cp1252 "Müller" was read as "M\uFFFDller", silently
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-aw-')), 'cp1252.csv');
    const row = (account: string) =>
      `2022/09/01 00:20,010,${account},011,8000EBD31,10.00,Euro,10.00,Euro,ACH,0\n`;
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`${AMLWORLD_HEADER}\n${row('A1')}`),
        Buffer.from(row('M\u00fcller'), 'latin1'),
        Buffer.from(`${row('M\u00fcller')}${row('\uFFFD')}`),
      ]),
    );
    const { accepted, rejected } = await collect(readAmlworld(path));
    expect(accepted.map((t) => [t.row, t.fromAccount])).toEqual([
      [0, 'A1'],
      [2, 'Müller'],
      [3, '\uFFFD'],
    ]);
    expect(rejected.map((r) => [r.line, r.row, r.reason])).toEqual([[3, 1, 'not valid UTF-8']]);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by user'));
    await expect(
      collect(readAmlworld(fixture('amlworld-sample.csv'), { signal: controller.signal })),
    ).rejects.toThrow('stopped by user');
  });
});

describe('parseAmlworldLine', () => {
  it('rounds sub-cent digits half-up instead of rejecting them', () => {
    const tx = parseAmlworldLine('2022/09/01 00:20,1,A,2,B,10.005,US Dollar,10.004,US Dollar,Wire', 0, false);
    expect(typeof tx).toBe('object');
    if (typeof tx === 'object') expect([tx.amountReceived, tx.amountPaid]).toEqual([1001, 1000]);
  });

  it('reads amounts in exponent notation in a row, each field on its own (review of 725a45a)', () => {
    const tx = parseAmlworldLine('2022/09/01 00:20,1,A,2,B,1.5E+4,US Dollar,1.005E0,Euro,Wire', 0, false);
    expect(typeof tx).toBe('object');
    if (typeof tx === 'object') {
      expect([tx.amountReceived, tx.currencyReceived, tx.amountPaid, tx.currencyPaid]).toEqual([
        1500000,
        'USD',
        101,
        'EUR',
      ]);
    }
  });
});
