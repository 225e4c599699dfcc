import { isPaymentFormat, type PaymentFormat, type Transaction } from '../model/transaction.ts';
import type { RoundEntry, RoundPart } from './bus-tx-round.ts';
import { checkEntrySize, MAX_ROUND_ID_CHARS } from './round-entry-limits.ts';

/**
 * Version 4 of the transaction message: a part of a round (docs/decisions/0064-rounds.md) in **columns**
 * (docs/decisions/0066-columns-parts.md). Every worker decodes every part of the stream (0062), and decoding a version 3
 * part — a field array per payment, every bank, currency and format spelled out — was the largest cost each worker
 * repeats. A version 4 part is one JSON array:
 *
 *     [4, round, parts, count, strings, ordinals, ids, rows, tss, fromBanks, fromAccounts, toBanks, toAccounts,
 *      amountsPaid, currenciesPaid, amountsReceived, currenciesReceived, formats,
 *      fromCountries?, toCountries?, purposes?, debtorNames?, creditorNames?, labels?]
 *
 * - `strings`: the part's dictionary, the distinct banks, currencies, payment formats and countries in order of first
 *   use; the bank, currency, format and country columns hold indexes into it.
 * - `ordinals`, `rows`, `tss`: the first value, then each value's difference from the one before (small integers,
 *   cheaper to parse than 13-digit times); ordinals strictly increase, rows and times may go back.
 * - `amountsReceived`: null where the amount received equals the amount paid.
 * - The optional columns are null (or left off at the end) when no payment of the part has the field, else hold a
 *   value or null per payment; countries are indexes into `strings`, labels booleans.
 *
 * Every column has one entry per payment and every value is checked, so a worker refuses what it does not
 * understand, with an Error naming the column and the payment's place in the part (the caller names the message).
 */
export const TX_COLUMNS_VERSION = 4;

/** Columns after the head (version, round, parts, count): dictionary and the twelve required fields. */
const REQUIRED_COLUMNS = 14;
const OPTIONAL_COLUMNS = [
  'fromCountry',
  'toCountry',
  'purpose',
  'debtorName',
  'creditorName',
  'label',
] as const;

/**
 * The text of one part: the payments of `round` at `ordinals` (increasing), in columns. `name`, `parts`, `count`:
 * the round's name, its number of parts and of payments.
 */
export function columnsPartText(
  name: string,
  parts: number,
  count: number,
  ordinals: readonly number[],
  round: readonly Transaction[],
): string {
  const strings: string[] = [];
  const codes = new Map<string, number>();
  const code = (s: string): number => {
    let c = codes.get(s);
    if (c === undefined) {
      c = strings.length;
      strings.push(s);
      codes.set(s, c);
    }
    return c;
  };
  const txs = ordinals.map((i) => round[i]!);
  const deltas = (values: readonly number[]) => values.map((v, i) => (i === 0 ? v : v - values[i - 1]!));
  const column = <T>(read: (tx: Transaction) => T) => txs.map(read);
  const required: unknown[] = [
    deltas(ordinals),
    column((tx) => tx.id),
    deltas(column((tx) => tx.row)),
    deltas(column((tx) => tx.ts)),
    column((tx) => code(tx.fromBank)),
    column((tx) => tx.fromAccount),
    column((tx) => code(tx.toBank)),
    column((tx) => tx.toAccount),
    column((tx) => tx.amountPaid),
    column((tx) => code(tx.currencyPaid)),
    column((tx) => (tx.amountReceived === tx.amountPaid ? null : tx.amountReceived)),
    column((tx) => code(tx.currencyReceived)),
    column((tx) => code(tx.paymentFormat)),
  ];
  const optional: unknown[] = OPTIONAL_COLUMNS.map((field) => {
    if (txs.every((tx) => tx[field] === undefined)) return null;
    return column((tx) => {
      const v = tx[field];
      if (v === undefined) return null;
      return field === 'fromCountry' || field === 'toCountry' ? code(v as string) : v;
    });
  });
  while (optional.length > 0 && optional[optional.length - 1] === null) optional.pop();
  return JSON.stringify([TX_COLUMNS_VERSION, name, parts, count, strings, ...required, ...optional]);
}

/** A column of `n` entries, or an Error naming it. */
function columnOf(a: readonly unknown[], at: number, name: string, n: number): readonly unknown[] {
  const c = a[at];
  if (!Array.isArray(c)) throw new Error(`round part column ${name} is not an array`);
  // n is the ordinals column's length: a part whose ordinals column is the short or long one must say so too
  if (c.length !== n) {
    throw new Error(`round part column ${name} has ${c.length} entries, column ordinals ${n}`);
  }
  return c;
}

/** An optional column: undefined when absent (null or left off), else `n` entries. */
function optionalColumn(
  a: readonly unknown[],
  at: number,
  name: string,
  n: number,
): readonly unknown[] | undefined {
  return a[at] === undefined || a[at] === null ? undefined : columnOf(a, at, name, n);
}

function bad(name: string, i: number, problem: string): Error {
  return new Error(`round part entry ${i}: field ${name} ${problem}`);
}

function idText(c: readonly unknown[], i: number, name: string): string {
  const v = c[i];
  if (typeof v !== 'string' || v === '') throw bad(name, i, 'must be a non-empty string');
  if (v.length > MAX_ROUND_ID_CHARS)
    throw bad(name, i, `has ${v.length} characters, over ${MAX_ROUND_ID_CHARS}`);
  return v;
}

function safeInteger(v: unknown, name: string, i: number): number {
  if (!Number.isSafeInteger(v)) throw bad(name, i, 'must be an integer');
  return v as number;
}

/** A running sum of a difference-coded column at `i` (`previous` the value before). */
function summed(c: readonly unknown[], i: number, previous: number, name: string): number {
  const d = c[i];
  if (!Number.isSafeInteger(d)) throw bad(name, i, 'must be an integer');
  const v = i === 0 ? (d as number) : previous + (d as number);
  if (!Number.isSafeInteger(v)) throw bad(name, i, 'must be an integer');
  return v;
}

function coded(strings: readonly string[], c: readonly unknown[], i: number, name: string): string {
  const k = c[i];
  const v = typeof k === 'number' ? strings[k] : undefined;
  if (v === undefined || !Number.isInteger(k)) {
    throw bad(name, i, `has code ${String(k)}, not one of the part's ${strings.length} strings`);
  }
  return v;
}

function optionalText(c: readonly unknown[] | undefined, i: number, name: string): string | undefined {
  const v = c?.[i];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw bad(name, i, 'must be a string');
  return v;
}

/**
 * A version 4 part, already parsed, its head (`[4, round, parts, count`) checked by the caller: every column and
 * value checked, each payment built as one literal in version 2's field order (the stage's objects keep one shape).
 */
export function fromColumnsPart(
  a: readonly unknown[],
  head: { readonly round: string; readonly parts: number; readonly count: number },
): RoundPart {
  const columns = a.length - 4;
  if (columns < REQUIRED_COLUMNS || columns > REQUIRED_COLUMNS + OPTIONAL_COLUMNS.length) {
    throw new Error(
      `round part has ${columns} columns, not ${REQUIRED_COLUMNS} to ${REQUIRED_COLUMNS + OPTIONAL_COLUMNS.length}`,
    );
  }
  const strings = a[4];
  if (!Array.isArray(strings)) throw new Error('round part column strings is not an array');
  for (let k = 0; k < strings.length; k++) {
    const s: unknown = strings[k];
    if (typeof s !== 'string' || s === '' || s.length > MAX_ROUND_ID_CHARS) {
      throw new Error(`round part string ${k} is not a string of 1 to ${MAX_ROUND_ID_CHARS} characters`);
    }
  }
  const ordinals = a[5];
  if (!Array.isArray(ordinals)) throw new Error('round part column ordinals is not an array');
  const n = ordinals.length;
  if (n === 0) throw new Error('round part carries no payment');
  const ids = columnOf(a, 6, 'ids', n);
  const rows = columnOf(a, 7, 'rows', n);
  const tss = columnOf(a, 8, 'tss', n);
  const fromBanks = columnOf(a, 9, 'fromBanks', n);
  const fromAccounts = columnOf(a, 10, 'fromAccounts', n);
  const toBanks = columnOf(a, 11, 'toBanks', n);
  const toAccounts = columnOf(a, 12, 'toAccounts', n);
  const amountsPaid = columnOf(a, 13, 'amountsPaid', n);
  const currenciesPaid = columnOf(a, 14, 'currenciesPaid', n);
  const amountsReceived = columnOf(a, 15, 'amountsReceived', n);
  const currenciesReceived = columnOf(a, 16, 'currenciesReceived', n);
  const formats = columnOf(a, 17, 'formats', n);
  const fromCountries = optionalColumn(a, 18, 'fromCountries', n);
  const toCountries = optionalColumn(a, 19, 'toCountries', n);
  const purposes = optionalColumn(a, 20, 'purposes', n);
  const debtorNames = optionalColumn(a, 21, 'debtorNames', n);
  const creditorNames = optionalColumn(a, 22, 'creditorNames', n);
  const labels = optionalColumn(a, 23, 'labels', n);
  const optional = a.length > 4 + REQUIRED_COLUMNS;
  // a dictionary entry is checked as a payment format once, however many payments use it
  const formatOk: (boolean | undefined)[] = [];
  const entries: RoundEntry[] = [];
  let ordinal = -1;
  let row = 0;
  let ts = 0;
  for (let i = 0; i < n; i++) {
    const next = summed(ordinals, i, ordinal, 'ordinal');
    if (next <= ordinal || next >= head.count) {
      throw new Error(`round part entry ${i} has ordinal ${next} (after ${ordinal}, below ${head.count})`);
    }
    ordinal = next;
    row = summed(rows, i, row, 'row');
    ts = summed(tss, i, ts, 'ts');
    const formatCode = formats[i];
    const format = coded(strings, formats, i, 'paymentFormat');
    const k = formatCode as number;
    formatOk[k] ??= isPaymentFormat(format);
    if (!formatOk[k]) throw bad('paymentFormat', i, `has unknown value ${format}`);
    const amountPaid = safeInteger(amountsPaid[i], 'amountPaid', i);
    const received = amountsReceived[i];
    const tx: { -readonly [K in keyof Transaction]: Transaction[K] } = {
      id: idText(ids, i, 'id'),
      row,
      ts,
      fromBank: coded(strings, fromBanks, i, 'fromBank'),
      fromAccount: idText(fromAccounts, i, 'fromAccount'),
      toBank: coded(strings, toBanks, i, 'toBank'),
      toAccount: idText(toAccounts, i, 'toAccount'),
      amountPaid,
      currencyPaid: coded(strings, currenciesPaid, i, 'currencyPaid'),
      amountReceived: received === null ? amountPaid : safeInteger(received, 'amountReceived', i),
      currencyReceived: coded(strings, currenciesReceived, i, 'currencyReceived'),
      paymentFormat: format as PaymentFormat,
    };
    if (optional) {
      const fromCountry = fromCountries?.[i] ?? null;
      const toCountry = toCountries?.[i] ?? null;
      const purpose = optionalText(purposes, i, 'purpose');
      const debtorName = optionalText(debtorNames, i, 'debtorName');
      const creditorName = optionalText(creditorNames, i, 'creditorName');
      const label = labels?.[i] ?? null;
      if (label !== null && typeof label !== 'boolean') throw bad('label', i, 'must be a boolean');
      if (fromCountry !== null) tx.fromCountry = coded(strings, fromCountries!, i, 'fromCountry');
      if (toCountry !== null) tx.toCountry = coded(strings, toCountries!, i, 'toCountry');
      if (purpose !== undefined) tx.purpose = purpose;
      if (debtorName !== undefined) tx.debtorName = debtorName;
      if (creditorName !== undefined) tx.creditorName = creditorName;
      if (label !== null) tx.label = label;
    }
    checkEntrySize(tx, i);
    entries.push({ ordinal, tx });
  }
  return { round: head.round, parts: head.parts, count: head.count, entries };
}
