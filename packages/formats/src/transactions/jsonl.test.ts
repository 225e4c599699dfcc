import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from './jsonl.ts';
import { collect, fixture } from './test-support.ts';

describe('readJsonl', () => {
  it('reads contract records: decimal strings and numbers, ISO and epoch times, parties and purpose', async () => {
    const { accepted, rejected } = await collect(readJsonl(fixture('transactions.jsonl')));
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(4);
    expect(accepted[0]).toEqual({
      id: 'tx-0001',
      row: 0,
      ts: Date.UTC(2026, 2, 2, 9, 15),
      fromBank: 'AHLIJOAX',
      fromAccount: 'JO94AHLI1000000000001234567890',
      toBank: 'DEUTDEFF',
      toAccount: 'DE89370400440532013000',
      amountPaid: 1540250, // JOD has three decimals
      currencyPaid: 'JOD',
      amountReceived: 198510,
      currencyReceived: 'EUR',
      paymentFormat: 'Wire',
      fromCountry: 'JO',
      toCountry: 'DE',
      purpose: 'Invoice 2026-117',
      debtorName: 'Omar Haddad',
      creditorName: 'Nord Trading GmbH',
      label: undefined,
    });
    expect(accepted[1]).toMatchObject({ ts: 1772442900000, amountPaid: 25000, amountReceived: 25000 });
    expect(accepted[2]).toMatchObject({ ts: Date.UTC(2026, 2, 2, 9, 0), amountPaid: 10, label: false });
    // a blank line is skipped: the fourth record is row 3 on line 5
    expect(accepted[3]).toMatchObject({ row: 3, ts: Date.UTC(2026, 2, 3), amountPaid: 12345, label: true });
  });

  it('quarantines every kind of bad record with its line and a reason naming the field', async () => {
    const { accepted, rejected } = await collect(readJsonl(fixture('transactions-malformed.jsonl')));
    expect(accepted.map((t) => [t.row, t.id])).toEqual([
      [0, 'ok-1'],
      [12, 'ok-2'],
    ]);
    const byLine = new Map(rejected.map((r) => [r.line, r.reason]));
    expect(rejected.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(byLine.get(2)).toBe('duplicate id "ok-1" (first on line 1)');
    expect(byLine.get(3)).toMatch(/^invalid JSON: /);
    expect(byLine.get(4)).toBe('ts: expected ISO-8601 with a zone, e.g. 2022-09-01T00:20:00Z');
    expect(byLine.get(5)).toBe('ts: not a real date/time');
    expect(byLine.get(6)).toBe('amountPaid: negative amount');
    expect(byLine.get(7)).toBe('amountPaid: expected a non-negative decimal such as "1234.56"');
    expect(byLine.get(8)).toBe('currencyPaid: unknown currency');
    expect(byLine.get(9)).toBe('from.account: empty account');
    expect(byLine.get(10)).toBe('amountPaid: more decimals than USD carries, or too large');
    expect(byLine.get(11)).toBe('amountReceived: required when currencyReceived differs from currencyPaid');
    expect(byLine.get(12)).toBe('expected a JSON object per line');
  });

  it('quarantines a line that is not UTF-8', async () => {
    const rec = (id: string, account: string) =>
      `{"id":"${id}","ts":"2026-03-02T09:15:00Z","from":{"bank":"B","account":"${account}"},"to":{"bank":"C","account":"X"},"amountPaid":"1.00","currencyPaid":"USD","paymentFormat":"Wire"}\n`;
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-jsonl-')), 'cp1252.jsonl');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(rec('a', 'A')),
        Buffer.from(rec('b', 'M\u00fcller'), 'latin1'),
        Buffer.from(rec('c', 'Müller')),
      ]),
    );
    const { accepted, rejected } = await collect(readJsonl(path));
    expect(accepted.map((t) => [t.row, t.fromAccount])).toEqual([
      [0, 'A'],
      [2, 'Müller'],
    ]);
    expect(rejected.map((r) => [r.line, r.row, r.reason])).toEqual([[2, 1, 'not valid UTF-8']]);
  });

  it('throws an error naming a missing file', async () => {
    await expect(collect(readJsonl('/nonexistent/tx.jsonl'))).rejects.toThrow(
      'cannot read /nonexistent/tx.jsonl',
    );
  });
});
