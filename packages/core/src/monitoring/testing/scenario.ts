import type { Alert } from '../../model/alert.ts';
import type { Rng } from '../../model/clock.ts';
import { fixedClock, seededRng } from '../../model/clock.ts';
import type { AccountInfo, BankInfo, EntityType } from '../../model/reference.ts';
import type { PaymentFormat, Transaction } from '../../model/transaction.ts';
import type { MonitoringConfig } from '../config.ts';
import { createMonitor } from '../monitor.ts';

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

/** One leg of a hand-made group: payer and payee as `bank:acct`, amount in USD. */
export type Leg = readonly [payer: string, payee: string, usd: number];

/** A scenario of cash legs five hours apart, in the order given (the shape AMLworld's bipartite groups take). */
export function cashLegs(list: readonly Leg[]): Scenario {
  const sc = new Scenario();
  list.forEach(([payer, payee, usd], k) => {
    sc.pay(payer, payee, usd, T0 + k * 5 * H, { paymentFormat: 'Cash' });
  });
  return sc;
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

export interface ScenarioRun {
  /** Final score per row (max over reports). */
  readonly scores: Map<number, number>;
  /** Rows whose final score reached the flag threshold (0.5 by default). */
  readonly flagged: Set<number>;
  /** Per row, detector id → highest measured value among outcomes above band .00. */
  readonly findings: Map<number, Map<string, number>>;
  readonly alerts: Alert[];
}

/** Reference data for scenarios: `bank → country` and `bank:account → entity type`. */
export function reference(
  banks: Record<string, string>,
  entities: Record<string, EntityType> = {},
): { banks: Map<string, BankInfo>; accounts: Map<string, AccountInfo> } {
  const b = new Map<string, BankInfo>(
    Object.entries(banks).map(([id, c]) => [id, { bankId: id, country: c }]),
  );
  const a = new Map<string, AccountInfo>();
  for (const [key, t] of Object.entries(entities)) {
    const [bank, account] = key.includes(':') ? (key.split(':') as [string, string]) : ['1', key];
    a.set(`${bank}|${account}`, { bankId: bank, account, entityName: account, entityType: t });
  }
  return { banks: b, accounts: a };
}

/** Runs a scenario through a fresh monitor and collects scores, flags, detector findings and alerts. */
export function runScenario(
  sc: Scenario,
  ref: ReturnType<typeof reference> = reference({}),
  config?: MonitoringConfig,
): ScenarioRun {
  const scores = new Map<number, number>();
  const findings = new Map<number, Map<string, number>>();
  const m = createMonitor({
    clock: fixedClock(0),
    reference: ref,
    ...(config ? { config } : {}),
    onScore: (row, _id, s) => scores.set(row, Math.max(scores.get(row) ?? 0, s)),
    onFinding: (row, det, v) => {
      const f = findings.get(row) ?? new Map<string, number>();
      f.set(det, Math.max(f.get(det) ?? 0, v));
      findings.set(row, f);
    },
  });
  for (const tx of sc.sorted()) m.process(tx);
  const alerts = m.finish();
  const flagged = new Set([...scores].filter(([, s]) => s >= 0.5).map(([r]) => r));
  return { scores, flagged, findings, alerts };
}

/** The highest value a detector measured anywhere in a run (0 when it never fired). */
export function maxFinding(run: ScenarioRun, detector: string): number {
  let best = 0;
  for (const f of run.findings.values()) best = Math.max(best, f.get(detector) ?? 0);
  return best;
}
