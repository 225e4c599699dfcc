import { findCurrency, parseAmount } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { AMLWORLD_FORMATS, AMLWORLD_HEADER } from './amlworld-text.ts';
import { type GenerateOptions, SyntheticDataset } from './generator.ts';
import { PATTERN_TYPES } from './laundering-plan.ts';

const SMALL: GenerateOptions = { accounts: 3000, days: 4, seed: 11, rate: 0.004 };

function render(options: GenerateOptions) {
  const data = new SyntheticDataset(options);
  const transactions = Buffer.concat([...data.transactionChunks()]).toString('utf8');
  return {
    data,
    transactions,
    patterns: data.patternsTxt(),
    accounts: [...data.accountsCsv()].join(''),
    banks: data.banksCsv(),
  };
}

const base = render(SMALL);
const rows = base.transactions.trimEnd().split('\n');

describe('SyntheticDataset', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const again = render(SMALL);
    expect(again.transactions).toBe(base.transactions);
    expect(again.patterns).toBe(base.patterns);
    expect(again.accounts).toBe(base.accounts);
    const other = render({ ...SMALL, seed: 12 });
    expect(other.transactions).not.toBe(base.transactions);
  });

  it("writes AMLworld's header and row format exactly", () => {
    expect(rows[0]).toBe(AMLWORLD_HEADER);
    expect(AMLWORLD_HEADER).toBe(
      'Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering',
    );
    // one expect at the end: 20k rows × 11 fields of expect() calls would dominate the test's time
    const problems: string[] = [];
    const formats = new Set<string>(AMLWORLD_FORMATS);
    let previous = '';
    for (const row of rows.slice(1)) {
      const f = row.split(',');
      if (f.length !== 11) {
        problems.push(`columns: ${row}`);
        continue;
      }
      const [ts, fromBank, fromAcct, toBank, toAcct, recv, recvCur, paid, paidCur, format, label] = f as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      if (!/^2022\/09\/0[1-4] [0-2]\d:[0-5]\d$/.test(ts)) problems.push(`time: ${row}`);
      if (ts < previous) problems.push(`order: ${row}`);
      previous = ts;
      if (!/^\d{3,7}$/.test(fromBank) || !/^\d{3,7}$/.test(toBank)) problems.push(`bank: ${row}`);
      if (!/^8[0-9A-F]{8}$/.test(fromAcct) || !/^8[0-9A-F]{8}$/.test(toAcct))
        problems.push(`account: ${row}`);
      const rc = findCurrency(recvCur);
      const pc = findCurrency(paidCur);
      if (!rc || !pc || rc.aliases[0] !== recvCur || pc.aliases[0] !== paidCur)
        problems.push(`currency: ${row}`);
      if (!((parseAmount(recv, rc?.code ?? '') ?? 0) > 0 && (parseAmount(paid, pc?.code ?? '') ?? 0) > 0)) {
        problems.push(`amount: ${row}`);
      }
      if (!formats.has(format)) problems.push(`format: ${row}`);
      if (label !== '0' && label !== '1') problems.push(`label: ${row}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(rows.length).toBeGreaterThan(10_000);
  });

  it('labels exactly the pattern rows and the untyped onward rows as laundering', () => {
    const { typed, untyped } = base.data.launderingLines();
    const positives = rows.slice(1).filter((r) => r.endsWith(',1'));
    expect(positives.length).toBe(typed.length + untyped.length);
    const count = new Map<string, number>();
    for (const r of positives) count.set(r, (count.get(r) ?? 0) + 1);
    const blockLines = base.patterns.split('\n').filter((l) => /^\d{4}\//.test(l));
    expect(blockLines.length).toBe(typed.length);
    for (const line of blockLines) {
      const left = count.get(line) ?? 0;
      expect(left, `pattern line missing from transactions.csv: ${line}`).toBeGreaterThan(0);
      count.set(line, left - 1);
    }
    const share = untyped.length / positives.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.45);
  });

  it('plants every pattern type in BEGIN/END blocks', () => {
    const begins = [...base.patterns.matchAll(/^BEGIN LAUNDERING ATTEMPT - ([A-Z-]+)(?:: {2}.+)?$/gm)].map(
      (m) => m[1],
    );
    const ends = [...base.patterns.matchAll(/^END LAUNDERING ATTEMPT - ([A-Z-]+)$/gm)].map((m) => m[1]);
    expect(ends).toEqual(begins);
    for (const type of PATTERN_TYPES)
      expect(begins.filter((b) => b === type).length, type).toBeGreaterThanOrEqual(3);
    expect(base.patterns).toContain('BEGIN LAUNDERING ATTEMPT - FAN-OUT:  Max 16-degree Fan-Out\n');
  });
});
