import { describe, expect, it } from 'vitest';
import { parseTransactionRecord, toTransactionContract, transactionContract } from './transaction.ts';

const base = {
  id: 't1',
  ts: '2026-03-02T09:15:00Z',
  from: { bank: 'B1', account: 'A1' },
  to: { bank: 'B2', account: 'A2' },
  amountPaid: '10.00',
  currencyPaid: 'USD',
  paymentFormat: 'Wire',
};

describe('transaction contract', () => {
  it('defaults the received leg to the paid leg in the same currency', () => {
    const r = parseTransactionRecord(base);
    expect(r.ok && [r.record.amountReceived, r.record.currencyReceived]).toEqual([1000, 'USD']);
  });

  it('reports all problems of a record at once, each with its path', () => {
    const r = parseTransactionRecord({ ...base, ts: 'soon', currencyPaid: 'usd', paymentFormat: 'Pigeon' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain('ts: ');
      expect(r.reason).toContain('currencyPaid: expected an ISO 4217 code');
      expect(r.reason).toContain('paymentFormat: ');
    }
  });

  it('rejects a bank or account that is only whitespace as empty', () => {
    const reason = (from: { bank: string; account: string }) => {
      const r = parseTransactionRecord({ ...base, from });
      return r.ok ? 'accepted' : r.reason;
    };
    expect(reason({ bank: 'B1', account: '   ' })).toBe('from.account: empty account: only whitespace');
    expect(reason({ bank: '\t', account: 'A1' })).toBe('from.bank: empty bank: only whitespace');
    expect(reason({ bank: 'B1', account: '' })).toBe('from.account: empty account');
    expect(reason({ bank: 'B1', account: ' A1' })).toBe('accepted');
  });

  it('rejects a time without a zone, since it would depend on the machine', () => {
    expect(transactionContract.safeParse({ ...base, ts: '2026-03-02T09:15:00' }).success).toBe(false);
  });

  it('round-trips a transaction through its contract form exactly', () => {
    const r = parseTransactionRecord({
      ...base,
      amountPaid: '1540.250',
      currencyPaid: 'JOD',
      amountReceived: '1985.10',
      currencyReceived: 'EUR',
      from: { bank: 'B1', account: 'A1', country: 'JO', name: 'Omar' },
      purpose: 'rent',
      label: true,
    });
    if (!r.ok) throw new Error(r.reason);
    const again = parseTransactionRecord(
      JSON.parse(JSON.stringify(toTransactionContract({ ...r.record, row: 0 }))),
    );
    if (!again.ok) throw new Error(again.reason);
    expect(again.record).toEqual(r.record);
    expect(toTransactionContract({ ...r.record, row: 0 }).amountPaid).toBe('1540.250');
  });
});
