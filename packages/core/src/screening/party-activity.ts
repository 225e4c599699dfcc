/**
 * What a designated account holder did in the monitored data. A hit on an account holder (accounts.csv) names an
 * account, not a payment: the analyst's next question is which payments that account made or received, since those
 * are what a bank freezes and an STR reports. The scan watches the accounts whose holders matched and hands each
 * alert its payments as evidence.
 */
import type { Alert, SubgraphEdge } from '../model/alert.ts';
import { type AccountRef, accountKey, type Transaction } from '../model/transaction.ts';

/** Payments kept as evidence per account; every payment is still counted and dates the alert. */
export const MAX_ACTIVITY_EVIDENCE = 50;

export interface AccountActivity {
  /** Every payment the account made or received. */
  count: number;
  /** Event times of the first and last of them (epoch ms). */
  first: number;
  last: number;
  /** The first payments seen, at most MAX_ACTIVITY_EVIDENCE. */
  readonly payments: { readonly row: number; readonly edge: SubgraphEdge }[];
}

/** Watches a few accounts through a scan: one lookup by account id a side, the bank checked on a hit. */
export class AccountActivityLog {
  readonly #byAccount = new Map<string, { readonly bank: string; readonly activity: AccountActivity }[]>();
  readonly #maxEvidence: number;

  constructor(accounts: readonly AccountRef[], maxEvidence = MAX_ACTIVITY_EVIDENCE) {
    this.#maxEvidence = maxEvidence;
    for (const { bank, account } of accounts) {
      const same = this.#byAccount.get(account) ?? [];
      if (same.some((w) => w.bank === bank)) continue;
      same.push({ bank, activity: { count: 0, first: Infinity, last: -Infinity, payments: [] } });
      this.#byAccount.set(account, same);
    }
  }

  /** Nothing to watch: a caller can skip `observe` altogether. */
  get empty(): boolean {
    return this.#byAccount.size === 0;
  }

  observe(tx: Transaction): void {
    const payer = this.#find(tx.fromBank, tx.fromAccount);
    if (payer) this.#note(payer, tx);
    const payee = this.#find(tx.toBank, tx.toAccount);
    // a transfer between the account's own bank and number (a self-transfer) is one payment, not two
    if (payee && payee !== payer) this.#note(payee, tx);
  }

  /** The account's activity, or undefined when it was not watched. */
  of(account: AccountRef): AccountActivity | undefined {
    return this.#find(account.bank, account.account);
  }

  #find(bank: string, account: string): AccountActivity | undefined {
    const same = this.#byAccount.get(account);
    if (same === undefined) return undefined;
    for (const w of same) if (w.bank === bank) return w.activity;
    return undefined;
  }

  #note(activity: AccountActivity, tx: Transaction): void {
    activity.count++;
    if (tx.ts < activity.first) activity.first = tx.ts;
    if (tx.ts > activity.last) activity.last = tx.ts;
    if (activity.payments.length < this.#maxEvidence)
      activity.payments.push({
        row: tx.row,
        edge: {
          txId: tx.id,
          from: accountKey(tx.fromBank, tx.fromAccount),
          to: accountKey(tx.toBank, tx.toAccount),
          amount: tx.amountPaid,
          currency: tx.currencyPaid,
          ts: tx.ts,
        },
      });
  }
}

/** The screening explanation ends in the token list, without a full stop: one is put before the added sentence. */
function andThen(text: string, sentence: string): string {
  return `${text.replace(/[.\s]+$/u, '')}. ${sentence}`;
}

function utcMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The account holder's hit with the account's payments as its evidence: transactions, rows, the payments as its
 * subgraph, the alert dated from the first payment to the last, and a sentence saying how many there were. An
 * account with no payment keeps the alert as screened and says so. `complete` is false when the scan stopped
 * early: the sentence then speaks of the data read before it stopped, not of the whole file.
 */
export function withAccountActivity(
  alert: Alert,
  activity: AccountActivity | undefined,
  complete = true,
): Alert {
  const where = complete
    ? { en: 'in the monitored data', ar: 'في البيانات المراقَبة' }
    : {
        en: 'in the part of the data read before the scan was interrupted',
        ar: 'في ما قُرئ من البيانات قبل أن يتوقف الفحص',
      };
  if (activity === undefined || activity.count === 0)
    return {
      ...alert,
      explanation: {
        en: andThen(alert.explanation.en, `The account made or received no payment ${where.en}.`),
        ar: andThen(alert.explanation.ar, `لا معاملات للحساب ${where.ar}.`),
      },
      details: { ...alert.details, activity: { payments: 0, listed: 0, complete } },
    };
  const payments = [...activity.payments].sort((a, b) => a.edge.ts - b.edge.ts || a.row - b.row);
  const nodes = new Set<string>();
  for (const { edge } of payments) {
    nodes.add(edge.from);
    nodes.add(edge.to);
  }
  const listed = payments.length;
  const one = activity.first === activity.last;
  const span = one
    ? `on ${utcMinute(activity.first)} UTC`
    : `${utcMinute(activity.first)} to ${utcMinute(activity.last)} UTC`;
  const spanAr = one
    ? `في ${utcMinute(activity.first)} بالتوقيت العالمي`
    : `من ${utcMinute(activity.first)} إلى ${utcMinute(activity.last)} بالتوقيت العالمي`;
  return {
    ...alert,
    transactions: payments.map((p) => p.edge.txId),
    rows: payments.filter((p) => p.row >= 0).map((p) => p.row),
    subgraph: { nodes: [...nodes], edges: payments.map((p) => p.edge) },
    start: activity.first,
    end: activity.last,
    explanation: {
      en: andThen(
        alert.explanation.en,
        `The account made or received ${activity.count} payment${activity.count === 1 ? '' : 's'} ${where.en}, ` +
          `${span}${listed < activity.count ? ` (the first ${listed} read are listed)` : ''}.`,
      ),
      // the count after a colon, as the monitoring explanations write their measures: no agreement to get wrong
      ar: andThen(
        alert.explanation.ar,
        `عدد معاملات الحساب ${where.ar}: ${activity.count}، ${spanAr}` +
          `${listed < activity.count ? ` (أُدرجت أول ${listed} منها قراءةً)` : ''}.`,
      ),
    },
    details: { ...alert.details, activity: { payments: activity.count, listed, complete } },
  };
}
