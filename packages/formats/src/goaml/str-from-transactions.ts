import {
  type AccountInfo,
  accountKey,
  type BankInfo,
  currencyExponent,
  formatAmount,
  type PaymentFormat,
  type Transaction,
} from '@raqib/core';
import type { GoamlParty, GoamlReportingPerson, GoamlStr, GoamlTransaction } from './str-report.ts';

/** goAML conduction (how the transaction was carried out) per raqib payment format. */
export const TRANSMODE_BY_FORMAT: Readonly<Record<PaymentFormat, string>> = {
  Wire: 'SWIFT',
  ACH: 'ELCFT',
  Cheque: 'OCT',
  'Credit Card': 'CCD',
  Cash: 'OCT',
  Reinvestment: 'INTRN',
  Bitcoin: 'ELCFT',
  Card: 'DBCD',
  Internal: 'INTRN',
  Mobile: 'MB',
  Other: '-',
};

/** goAML funds type (what moved) per raqib payment format. */
export const FUNDS_BY_FORMAT: Readonly<Record<PaymentFormat, string>> = {
  Wire: 'ELCFT',
  ACH: 'ELCFT',
  Cheque: 'CHQ',
  'Credit Card': 'CRTCR',
  Cash: 'CASH',
  Reinvestment: 'SECUR',
  Bitcoin: 'CRPTC',
  Card: 'POS',
  Internal: 'ELCFT',
  Mobile: 'ELCFT',
  Other: 'ELCFT',
};

/** The reporting entity's settings (from configuration). */
export interface ReportingEntity {
  readonly rentityId: number;
  readonly branch?: string | undefined;
  readonly localCurrency: string;
  /** Units of local currency per one unit of each foreign currency, e.g. { USD: 3.6725 } for AED. */
  readonly fxToLocal: Readonly<Record<string, number>>;
  /**
   * Approximate rates used only when `fxToLocal` has none for a currency. Every transaction converted with one
   * says so in its goAML `comments`, and the result lists a warning, so that the approver sees it before filing.
   */
  readonly approximateFxToLocal?: Readonly<Record<string, number>> | undefined;
  readonly reportingPerson?: GoamlReportingPerson | undefined;
}

export interface StrFromTransactionsInput {
  readonly entity: ReportingEntity;
  readonly reference: string;
  readonly reportDate: number;
  readonly reason: string;
  readonly action?: string | undefined;
  readonly transactions: readonly Transaction[];
  /** Accounts reported without transactions (screening hits), used when `transactions` is empty. */
  readonly activity?:
    | readonly {
        readonly bank: string;
        readonly account: string;
        readonly score: number;
        readonly reason: string;
      }[]
    | undefined;
  readonly indicators: readonly string[];
  readonly accounts?: ReadonlyMap<string, AccountInfo> | undefined;
  readonly banks?: ReadonlyMap<string, BankInfo> | undefined;
}

export type StrBuildResult =
  | {
      readonly ok: true;
      readonly report: GoamlStr;
      /** Things the approver must look at, e.g. amounts converted at approximate rates. */
      readonly warnings: readonly string[];
    }
  | {
      readonly ok: false;
      readonly problems: readonly string[];
      /** Currencies that need a rate to the local currency (RAQIB_GOAML_FX or the request's fxRates). */
      readonly missingRates: readonly string[];
    };

/** The rate to the local currency: configured, else approximate (flagged), else none. */
function rateFor(
  currency: string,
  entity: ReportingEntity,
): { rate: number; approximate: boolean } | undefined {
  const configured = entity.fxToLocal[currency];
  if (configured !== undefined && configured > 0) return { rate: configured, approximate: false };
  const approximate = entity.approximateFxToLocal?.[currency];
  if (approximate !== undefined && approximate > 0) return { rate: approximate, approximate: true };
  return undefined;
}

/** Local-currency amount of integer minor units at a rate, to 2 decimals. */
function localAmount(minor: number, currency: string, rate: number): string {
  const major = minor / 10 ** currencyExponent(currency);
  return (Math.round(major * rate * 100) / 100).toFixed(2);
}

/**
 * Decides the content of an STR from a case's evidence transactions: parties (with holder names from the account
 * reference or the payment itself), countries, goAML codes, and local-currency amounts. Every transaction that
 * cannot be reported (no exchange rate to the local currency) is named in the result.
 */
export function strFromTransactions(input: StrFromTransactionsInput): StrBuildResult {
  const problems: string[] = [];
  const missingRates = new Set<string>();
  const approximated = new Set<string>();
  const party = (
    bank: string,
    account: string,
    country: string | undefined,
    name: string | undefined,
    currency: string,
  ): GoamlParty => {
    const info = input.accounts?.get(accountKey(bank, account));
    return {
      bank,
      account,
      country: country ?? input.banks?.get(bank)?.country,
      holderName: info?.entityName ?? name,
      holderType: info?.entityType ?? (name === undefined ? undefined : 'unknown'),
      currency,
    };
  };
  const transactions: GoamlTransaction[] = [];
  for (const tx of [...input.transactions].sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : 1))) {
    const isLocal = tx.currencyPaid === input.entity.localCurrency;
    const fx = isLocal ? undefined : rateFor(tx.currencyPaid, input.entity);
    if (!isLocal && fx === undefined) {
      missingRates.add(tx.currencyPaid);
      problems.push(
        `transaction ${tx.id}: no exchange rate from ${tx.currencyPaid} to ${input.entity.localCurrency} configured`,
      );
      continue;
    }
    const amountLocal =
      fx === undefined
        ? formatAmount(tx.amountPaid, tx.currencyPaid)
        : localAmount(tx.amountPaid, tx.currencyPaid, fx.rate);
    const foreign =
      fx === undefined
        ? undefined
        : {
            currency: tx.currencyPaid,
            amount: formatAmount(tx.amountPaid, tx.currencyPaid),
            rate: String(fx.rate),
          };
    let comments: string | undefined;
    if (fx?.approximate) {
      approximated.add(tx.currencyPaid);
      comments = `amount_local converted at an approximate rate (1 ${tx.currencyPaid} = ${fx.rate} ${input.entity.localCurrency}), not a booking rate`;
    }
    transactions.push({
      id: tx.id,
      ts: tx.ts,
      description: tx.purpose?.trim()
        ? tx.purpose
        : `${tx.paymentFormat} payment ${tx.fromAccount} to ${tx.toAccount}`,
      location: input.entity.branch ?? 'Head office',
      transmodeCode: TRANSMODE_BY_FORMAT[tx.paymentFormat],
      fromFundsCode: FUNDS_BY_FORMAT[tx.paymentFormat],
      toFundsCode: FUNDS_BY_FORMAT[tx.paymentFormat],
      amountLocal,
      foreign,
      from: party(tx.fromBank, tx.fromAccount, tx.fromCountry, tx.debtorName, tx.currencyPaid),
      to: party(tx.toBank, tx.toAccount, tx.toCountry, tx.creditorName, tx.currencyReceived),
      comments,
    });
  }
  const activity =
    input.transactions.length > 0
      ? undefined
      : (input.activity ?? []).map((a) => ({
          party: party(a.bank, a.account, undefined, undefined, input.entity.localCurrency),
          significance: a.score * 10,
          reason: a.reason,
        }));
  if (input.transactions.length === 0 && (activity?.length ?? 0) === 0) {
    problems.push('the case has no evidence transactions or accounts to report');
  }
  if (input.indicators.length === 0) problems.push('choose at least one report indicator code');
  if (problems.length > 0) return { ok: false, problems, missingRates: [...missingRates].sort() };
  const warnings = [...approximated]
    .sort()
    .map(
      (c) =>
        `${c} amounts were converted to ${input.entity.localCurrency} at an approximate rate; give the booking rate (fxRates) before filing`,
    );
  return {
    ok: true,
    warnings,
    report: {
      rentityId: input.entity.rentityId,
      rentityBranch: input.entity.branch,
      entityReference: input.reference,
      reportDate: input.reportDate,
      localCurrency: input.entity.localCurrency,
      reportingPerson: input.entity.reportingPerson,
      reason: input.reason,
      action: input.action,
      transactions,
      activity,
      indicators: input.indicators,
    },
  };
}
