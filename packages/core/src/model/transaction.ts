/** Payment channels. AMLworld's seven formats, plus the channels ISO 20022 and other feeds name. */
export const PAYMENT_FORMATS = [
  'Wire',
  'ACH',
  'Cheque',
  'Credit Card',
  'Cash',
  'Reinvestment',
  'Bitcoin',
  'Card',
  'Internal',
  'Mobile',
  'Other',
] as const;
export type PaymentFormat = (typeof PAYMENT_FORMATS)[number];

const FORMAT_SET: ReadonlySet<string> = new Set(PAYMENT_FORMATS);
export function isPaymentFormat(value: string): value is PaymentFormat {
  return FORMAT_SET.has(value);
}

/**
 * One payment between two accounts. Amounts are integer minor units of their currency (see money.ts); both
 * legs are kept because cross-currency payments carry an exchange rate that detectors examine (TF-FX-PREMIUM).
 */
export interface Transaction {
  /** Unique within its source; AMLworld rows have none, so readers use the 0-based data-row index. */
  readonly id: string;
  /** 0-based data-row index in the source file, or -1 when the transaction did not come from a file. */
  readonly row: number;
  /** Event time, epoch milliseconds UTC. */
  readonly ts: number;
  readonly fromBank: string;
  readonly fromAccount: string;
  readonly toBank: string;
  readonly toAccount: string;
  readonly amountPaid: number;
  readonly currencyPaid: string;
  readonly amountReceived: number;
  readonly currencyReceived: string;
  readonly paymentFormat: PaymentFormat;
  /** ISO 3166-1 alpha-2 of the paying and receiving side, when the source or reference files know them. */
  readonly fromCountry?: string | undefined;
  readonly toCountry?: string | undefined;
  /** Remittance information / purpose text. */
  readonly purpose?: string | undefined;
  /** Party names as the payment carries them (pacs.008 Dbtr/Cdtr Nm), for party screening. */
  readonly debtorName?: string | undefined;
  readonly creditorName?: string | undefined;
  /** Ground-truth label, when the source has one (AMLworld `Is Laundering`). Never read by detectors. */
  readonly label?: boolean | undefined;
}

/** The unique key of an account: accounts are unique by bank + account id. */
export function accountKey(bank: string, account: string): string {
  return `${bank}|${account}`;
}

export interface AccountRef {
  readonly bank: string;
  readonly account: string;
}

export function parseAccountKey(key: string): AccountRef {
  const bar = key.indexOf('|');
  return { bank: key.slice(0, bar), account: key.slice(bar + 1) };
}
