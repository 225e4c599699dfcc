import { findCurrency, formatAmount, PAYMENT_FORMATS, parseMinorUnits, type Transaction } from '@raqib/core';
import { z } from 'zod';

/**
 * The transaction contract: the JSON shape in which raqib accepts transactions from other systems (JSON Lines
 * files, later the API and the bus). Amounts may be decimal strings (preferred: exact) or JSON numbers; they are
 * converted to integer minor units of their currency, and more decimals than the currency carries is an error
 * rather than a silent rounding.
 */

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** Date.parse rolls 2026-02-30 over to March; a record with such a date is wrong, not late. */
function isRealDateTime(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > dim) return false;
  if (s.length > 10) {
    const h = Number(s.slice(11, 13));
    const mi = Number(s.slice(14, 16));
    const sec = s.charCodeAt(16) === 58 ? Number(s.slice(17, 19)) : 0;
    if (h > 23 || mi > 59 || sec > 59) return false;
  }
  return !Number.isNaN(Date.parse(s));
}

/** Event time: ISO-8601 with a zone (or a bare date, read as UTC midnight), or epoch milliseconds. */
export const eventTimeSchema = z.union([
  z
    .string()
    .regex(ISO_DATE_TIME, 'expected ISO-8601 with a zone, e.g. 2022-09-01T00:20:00Z')
    .refine(isRealDateTime, 'not a real date/time'),
  z.number().int('epoch milliseconds must be an integer').min(0).max(8.64e15),
]);

/** Non-negative amount in major units, as a decimal string ("1234.56") or a JSON number. */
export const amountSchema = z.union([
  z.string().regex(DECIMAL, 'expected a non-negative decimal such as "1234.56"'),
  z.number().finite().nonnegative('negative amount'),
]);

export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD"')
  .refine((code) => findCurrency(code)?.code === code, 'unknown currency');

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected ISO 3166-1 alpha-2 such as "DE"');

export const transactionPartySchema = z.object({
  bank: z
    .string()
    .min(1, 'empty bank')
    .max(128)
    .refine((s) => s.length === 0 || s.trim().length > 0, 'empty bank: only whitespace'),
  account: z
    .string()
    .min(1, 'empty account')
    .max(128)
    .refine((s) => s.length === 0 || s.trim().length > 0, 'empty account: only whitespace'),
  country: countryCodeSchema.optional(),
  name: z.string().max(300).optional(),
});

/** The input shape of one transaction record (before conversion to minor units). */
export const transactionContract = z.object({
  id: z.string().min(1, 'empty id').max(128),
  ts: eventTimeSchema,
  from: transactionPartySchema,
  to: transactionPartySchema,
  amountPaid: amountSchema,
  currencyPaid: currencyCodeSchema,
  /** Defaults to the paid amount and currency (a same-currency payment). */
  amountReceived: amountSchema.optional(),
  currencyReceived: currencyCodeSchema.optional(),
  paymentFormat: z.enum(PAYMENT_FORMATS),
  purpose: z.string().max(2000).optional(),
  /** Ground truth, for evaluation data only. */
  label: z.boolean().optional(),
});

export type TransactionContract = z.input<typeof transactionContract>;

/** A validated record as a Transaction; `row` is set by the reader that knows where it came from. */
export type TransactionRecord = Omit<Transaction, 'row'>;

function toMinor(amount: string | number, currency: string): number | undefined {
  const text = typeof amount === 'number' ? String(amount) : amount;
  const exponent = findCurrency(currency)?.exponent ?? 2;
  return parseMinorUnits(text, exponent);
}

/** The contract with amounts converted to integer minor units and the time to epoch ms. */
export const transactionRecordSchema = transactionContract.transform((v, ctx): TransactionRecord => {
  const currencyReceived = v.currencyReceived ?? v.currencyPaid;
  const amountPaid = toMinor(v.amountPaid, v.currencyPaid);
  const received = v.amountReceived ?? (currencyReceived === v.currencyPaid ? v.amountPaid : undefined);
  const amountReceived = received === undefined ? undefined : toMinor(received, currencyReceived);
  if (amountPaid === undefined) {
    ctx.issues.push({
      code: 'custom',
      path: ['amountPaid'],
      input: v.amountPaid,
      message: `more decimals than ${v.currencyPaid} carries, or too large`,
    });
  }
  if (received === undefined) {
    ctx.issues.push({
      code: 'custom',
      path: ['amountReceived'],
      input: undefined,
      message: 'required when currencyReceived differs from currencyPaid',
    });
  } else if (amountReceived === undefined && v.amountReceived !== undefined) {
    ctx.issues.push({
      code: 'custom',
      path: ['amountReceived'],
      input: received,
      message: `more decimals than ${currencyReceived} carries, or too large`,
    });
  }
  if (amountPaid === undefined || amountReceived === undefined) return z.NEVER;
  return {
    id: v.id,
    ts: typeof v.ts === 'number' ? v.ts : Date.parse(v.ts),
    fromBank: v.from.bank,
    fromAccount: v.from.account,
    toBank: v.to.bank,
    toAccount: v.to.account,
    amountPaid,
    currencyPaid: v.currencyPaid,
    amountReceived,
    currencyReceived,
    paymentFormat: v.paymentFormat,
    fromCountry: v.from.country,
    toCountry: v.to.country,
    purpose: v.purpose,
    debtorName: v.from.name,
    creditorName: v.to.name,
    label: v.label,
  };
});

/** One line per issue, "path: message", so a quarantine entry says exactly what is wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(record)'}: ${i.message}`)
    .join('; ');
}

/** Validates one decoded JSON value against the contract. Expected failures are values, not exceptions. */
export function parseTransactionRecord(
  value: unknown,
):
  | { readonly ok: true; readonly record: TransactionRecord }
  | { readonly ok: false; readonly reason: string } {
  const result = transactionRecordSchema.safeParse(value);
  return result.success
    ? { ok: true, record: result.data }
    : { ok: false, reason: describeIssues(result.error) };
}

/** The contract form of a Transaction (amounts as exact decimal strings): what a JSONL writer emits. */
export function toTransactionContract(tx: Transaction): TransactionContract {
  const party = (bank: string, account: string, country?: string, name?: string) => ({
    bank,
    account,
    ...(country === undefined ? {} : { country }),
    ...(name === undefined ? {} : { name }),
  });
  return {
    id: tx.id,
    ts: new Date(tx.ts).toISOString(),
    from: party(tx.fromBank, tx.fromAccount, tx.fromCountry, tx.debtorName),
    to: party(tx.toBank, tx.toAccount, tx.toCountry, tx.creditorName),
    amountPaid: formatAmount(tx.amountPaid, tx.currencyPaid),
    currencyPaid: tx.currencyPaid,
    amountReceived: formatAmount(tx.amountReceived, tx.currencyReceived),
    currencyReceived: tx.currencyReceived,
    paymentFormat: tx.paymentFormat,
    ...(tx.purpose === undefined ? {} : { purpose: tx.purpose }),
    ...(tx.label === undefined ? {} : { label: tx.label }),
  };
}
