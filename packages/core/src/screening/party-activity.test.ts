import { describe, expect, it } from 'vitest';
import type { Alert } from '../model/alert.ts';
import type { Transaction } from '../model/transaction.ts';
import { AccountActivityLog, withAccountActivity } from './party-activity.ts';

const hit: Alert = {
  id: 'scr-1',
  source: 'screening',
  typologies: ['T20'],
  score: 0.95,
  accounts: [{ bank: 'B1', account: 'A1' }],
  transactions: [],
  rows: [],
  subgraph: { nodes: [], edges: [] },
  start: 99,
  end: 99,
  explanation: { en: 'account-holder "X" may be designated: UN QDi.1 (exact 1.00)', ar: 'الطرف «X»' },
  findings: [],
  configVersion: 'screening-v1@0.8',
  createdAt: 99,
  status: 'new',
  details: { refId: 'QDi.1' },
};

function payment(row: number, from: string, to: string, ts: number): Transaction {
  return {
    id: `t${row}`,
    row,
    ts,
    fromBank: 'B1',
    fromAccount: from,
    toBank: 'B1',
    toAccount: to,
    amountPaid: 100 * row,
    currencyPaid: 'EUR',
    amountReceived: 100 * row,
    currencyReceived: 'EUR',
    paymentFormat: 'Wire',
  };
}

describe('account activity of a screening hit', () => {
  it('counts every payment, keeps the first ones as evidence and says how many are listed', () => {
    const log = new AccountActivityLog([{ bank: 'B1', account: 'A1' }], 2);
    log.observe(payment(0, 'A9', 'A8', 1000));
    log.observe(payment(1, 'A1', 'A2', 5000));
    log.observe(payment(2, 'A3', 'A1', 2000));
    log.observe(payment(3, 'A1', 'A4', 9000));
    const activity = log.of({ bank: 'B1', account: 'A1' });
    expect(activity?.count).toBe(3);
    const alert = withAccountActivity(hit, activity);
    expect(alert.rows).toEqual([2, 1]);
    expect(alert.transactions).toEqual(['t2', 't1']);
    expect([alert.start, alert.end]).toEqual([2000, 9000]);
    expect(alert.explanation.en).toMatch(
      /^account-holder "X" may be designated: UN QDi\.1 \(exact 1\.00\)\. The account made or received 3 payments .* \(the first 2 read are listed\)\.$/,
    );
    expect(alert.explanation.ar).toContain('عدد معاملات الحساب في البيانات المراقَبة: 3،');
    expect(alert.details).toEqual({ refId: 'QDi.1', activity: { payments: 3, listed: 2, complete: true } });
    expect(alert.id).toBe(hit.id);
  });

  it('watches accounts by bank and account together', () => {
    const log = new AccountActivityLog([{ bank: 'B2', account: 'A1' }]);
    log.observe(payment(1, 'A1', 'A2', 5000));
    expect(log.of({ bank: 'B2', account: 'A1' })?.count).toBe(0);
    expect(log.of({ bank: 'B1', account: 'A1' })).toBeUndefined();
    expect(new AccountActivityLog([]).empty).toBe(true);
  });

  it('dates one payment by its day, and speaks of the data read when the scan was interrupted', () => {
    const log = new AccountActivityLog([{ bank: 'B1', account: 'A1' }]);
    log.observe(payment(1, 'A1', 'A2', Date.UTC(2022, 8, 2, 11, 30)));
    const alert = withAccountActivity(hit, log.of({ bank: 'B1', account: 'A1' }), false);
    expect(alert.explanation.en).toContain(
      'The account made or received 1 payment in the part of the data read before the scan was interrupted, on 2022-09-02 11:30 UTC.',
    );
    expect(alert.explanation.ar).toContain('في 2022-09-02 11:30 بالتوقيت العالمي');
    expect(alert.details).toMatchObject({ activity: { payments: 1, listed: 1, complete: false } });
  });

  it('says so when the account made no payment, keeping the screening date', () => {
    const alert = withAccountActivity(hit, new AccountActivityLog([hit.accounts[0]!]).of(hit.accounts[0]!));
    expect(alert.transactions).toEqual([]);
    expect([alert.start, alert.end]).toEqual([99, 99]);
    expect(alert.explanation.en).toContain('no payment in the monitored data');
  });
});
