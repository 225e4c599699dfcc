import type { Rng } from '../../model/clock.ts';
import { seededRng } from '../../model/clock.ts';
import type { PaymentFormat, Transaction } from '../../model/transaction.ts';

export const T0 = Date.UTC(2022, 8, 1);
export const MIN = 60_000;
export const H = 3_600_000;
export const D = 24 * H;

/**
 * A small builder of hand-made scenarios for detector tests: `pay('A', 'B', 100, t)` appends a USD payment
 * between accounts of bank "1" (or `bank:acct` for another bank), numbering rows in order.
 */
export class Scenario {
  readonly txs: Transaction[] = [];

  pay(
    from: string,
    to: string,
    amountUsd: number,
    ts: number,
    extra: Partial<Omit<Transaction, 'id' | 'row'>> & { paidCurrency?: string; received?: number } = {},
  ): Transaction {
    const [fb, fa] = from.includes(':') ? (from.split(':') as [string, string]) : ['1', from];
    const [tb, ta] = to.includes(':') ? (to.split(':') as [string, string]) : ['1', to];
    const row = this.txs.length;
    const cur = extra.paidCurrency ?? 'USD';
    const minor = Math.round(amountUsd * 100);
    const { paidCurrency: _p, received, ...rest } = extra;
    const tx: Transaction = {
      id: String(row),
      row,
      ts,
      fromBank: fb,
      fromAccount: fa,
      toBank: tb,
      toAccount: ta,
      amountPaid: minor,
      currencyPaid: cur,
      amountReceived: received !== undefined ? Math.round(received * 100) : minor,
      currencyReceived: cur,
      paymentFormat: 'ACH' as PaymentFormat,
      ...rest,
    };
    this.txs.push(tx);
    return tx;
  }

  sorted(): Transaction[] {
    return [...this.txs].sort((a, b) => a.ts - b.ts || a.row - b.row);
  }
}

/**
 * A plain background stream for throughput measurements and false-positive checks: `accounts` accounts with
 * heavy-tailed activity, payments to a few habitual counterparties and a few popular merchants, over `days` days.
 */
export function* backgroundStream(
  accounts: number,
  days: number,
  perAccountPerDay: number,
  seed = 1,
): Generator<Transaction> {
  const rng: Rng = seededRng(seed);
  const total = Math.round(accounts * days * perAccountPerDay);
  const merchants = Math.max(10, Math.round(accounts / 200));
  const span = days * D;
  const formats: PaymentFormat[] = ['ACH', 'Cheque', 'Credit Card', 'Wire', 'Cash'];
  for (let row = 0; row < total; row++) {
    const ts = T0 + Math.floor((row / total) * span);
    const a = Math.floor(accounts * rng.next() ** 2);
    const r = rng.next();
    let b: number;
    if (r < 0.4) b = accounts + Math.floor(merchants * rng.next() ** 3);
    else if (r < 0.9) b = (a * 7919 + 1 + Math.floor(rng.next() * 5) * 104729) % accounts;
    else b = Math.floor(accounts * rng.next());
    const amount = Math.round(Math.exp(3 + rng.next() * 6) * 100);
    yield {
      id: String(row),
      row,
      ts,
      fromBank: String(a % 50),
      fromAccount: `A${a}`,
      toBank: String(b % 50),
      toAccount: `A${b}`,
      amountPaid: amount,
      currencyPaid: 'USD',
      amountReceived: amount,
      currencyReceived: 'USD',
      paymentFormat: formats[Math.floor(rng.next() * formats.length)]!,
    };
  }
}
