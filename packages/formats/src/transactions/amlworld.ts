import {
  type CurrencyInfo,
  findCurrency,
  isPaymentFormat,
  PAYMENT_FORMATS,
  type PaymentFormat,
  type Transaction,
} from '@raqib/core';
import { splitQuotedLine } from './csv-parse-problem.ts';
import {
  accountPartProblem,
  amountProblem,
  MAX_ACCOUNT_PART,
  parseAmlworldTimeIn,
  parseDecimalMinorIn,
} from './fields.ts';
import { InputFileError } from './input-file-error.ts';
import { NOT_UTF8, NotUtf8Lines, streamLines } from './line-stream.ts';
import { clipRaw, DEFAULT_BATCH_SIZE, type ReadOptions, type Rejection, type TxBatch } from './types.ts';

/** IBM AMLworld's header (HI-Small_Trans.csv and siblings): two columns are named `Account`. */
export const AMLWORLD_HEADER =
  'Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering';
/** The same without the label column, as a bank's own export would be. */
export const AMLWORLD_HEADER_UNLABELLED = AMLWORLD_HEADER.slice(0, AMLWORLD_HEADER.lastIndexOf(','));

const COLUMN_NAMES = AMLWORLD_HEADER.split(',');

/** Whether a first line is an AMLworld header; `undefined` if not, else whether it has the label column. */
export function amlworldHeaderKind(firstLine: string): { labelled: boolean } | undefined {
  const line = firstLine.charCodeAt(0) === 0xfeff ? firstLine.slice(1) : firstLine;
  const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (trimmed === AMLWORLD_HEADER) return { labelled: true };
  if (trimmed === AMLWORLD_HEADER_UNLABELLED) return { labelled: false };
  return undefined;
}

const currencyCache = new Map<string, CurrencyInfo | null>();

/**
 * The last name seen in each of 64 slots (by length and first and last letters) and what it meant: a field of a
 * line compared in place with the one name its slot holds costs no string and no hash (a Map lookup would hash a
 * fresh slice every row; AMLworld names a dozen currencies and seven formats). A miss falls back to `resolve`.
 */
class NameSlots<T> {
  static readonly SIZE = 64;
  readonly #names: (string | undefined)[] = new Array<string | undefined>(NameSlots.SIZE).fill(undefined);
  readonly #values: (T | undefined)[] = new Array<T | undefined>(NameSlots.SIZE).fill(undefined);
  readonly #resolve: (name: string) => T | undefined;
  constructor(resolve: (name: string) => T | undefined) {
    this.#resolve = resolve;
  }

  /** What `text.slice(from, to)` means. */
  get(text: string, from: number, to: number): T | undefined {
    const n = to - from;
    const slot =
      n === 0 ? 0 : (n * 7 + text.charCodeAt(from) * 3 + text.charCodeAt(to - 1)) & (NameSlots.SIZE - 1);
    const held = this.#names[slot];
    if (held !== undefined && held.length === n) {
      let k = 0;
      while (k < n && held.charCodeAt(k) === text.charCodeAt(from + k)) k++;
      if (k === n) return this.#values[slot];
    }
    const name = text.slice(from, to);
    const value = this.#resolve(name);
    this.#names[slot] = name;
    this.#values[slot] = value;
    return value;
  }
}

const currencies = new NameSlots<CurrencyInfo>((name) => {
  let c = currencyCache.get(name);
  if (c === undefined) {
    c = findCurrency(name) ?? null;
    if (currencyCache.size < 1024) currencyCache.set(name, c);
  }
  return c ?? undefined;
});

/** The PAYMENT_FORMATS constant of a name (later lookups by it hash nothing), or undefined. */
const formats = new NameSlots<PaymentFormat>((name) =>
  isPaymentFormat(name) ? PAYMENT_FORMATS[PAYMENT_FORMATS.indexOf(name)] : undefined,
);

/**
 * An AMLworld row as a Transaction, built by a constructor instead of an object literal: V8 tracks an object
 * literal's allocation site and, when a scavenge finds most of its recent objects alive (a batch of rows being
 * built), may decide to allocate all later ones in the old generation. Then every row dies in the old generation,
 * where only a full collection frees it, and keeps its strings alive through every scavenge: parse-only runs took
 * 0.9 s or 2–4.5 s by that decision (decision 0022). Objects built by `new` have no allocation site. The fields
 * are the literal's, in the same order (JSON, spread and equality see the same Transaction).
 */
class AmlworldRow implements Transaction {
  readonly id: string;
  readonly row: number;
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
  readonly label: boolean | undefined;
  constructor(
    row: number,
    ts: number,
    fromBank: string,
    fromAccount: string,
    toBank: string,
    toAccount: string,
    amountPaid: number,
    currencyPaid: string,
    amountReceived: number,
    currencyReceived: string,
    paymentFormat: PaymentFormat,
    label: boolean | undefined,
  ) {
    this.id = String(row);
    this.row = row;
    this.ts = ts;
    this.fromBank = fromBank;
    this.fromAccount = fromAccount;
    this.toBank = toBank;
    this.toAccount = toAccount;
    this.amountPaid = amountPaid;
    this.currencyPaid = currencyPaid;
    this.amountReceived = amountReceived;
    this.currencyReceived = currencyReceived;
    this.paymentFormat = paymentFormat;
    this.label = label;
  }
}

/**
 * Parses one AMLworld data line into a Transaction, or returns the reason it is malformed.
 * Hand-written (see docs/decisions/0030-hand-written-amlworld-reader.md): fields are found with indexOf
 * because IBM's files never quote; a line that does contain a quote goes through csv-parse instead.
 */
export function parseAmlworldLine(line: string, row: number, labelled: boolean): Transaction | string {
  const expected = labelled ? 11 : 10;
  if (line.indexOf('"') >= 0) return parseQuotedLine(line, row, labelled);
  const c0 = line.indexOf(',');
  const c1 = line.indexOf(',', c0 + 1);
  const c2 = line.indexOf(',', c1 + 1);
  const c3 = line.indexOf(',', c2 + 1);
  const c4 = line.indexOf(',', c3 + 1);
  const c5 = line.indexOf(',', c4 + 1);
  const c6 = line.indexOf(',', c5 + 1);
  const c7 = line.indexOf(',', c6 + 1);
  const c8 = line.indexOf(',', c7 + 1);
  if (c0 < 0 || c1 < 0 || c2 < 0 || c3 < 0 || c4 < 0 || c5 < 0 || c6 < 0 || c7 < 0 || c8 < 0) {
    return columnCountProblem(line, expected);
  }
  let c9 = line.indexOf(',', c8 + 1);
  if (labelled) {
    if (c9 < 0 || line.indexOf(',', c9 + 1) >= 0) return columnCountProblem(line, expected);
  } else {
    if (c9 >= 0) return columnCountProblem(line, expected);
    c9 = line.length;
  }
  // Fields are read in place; only the four account parts become strings (a field is cut out for a message).
  const ts = parseAmlworldTimeIn(line, 0, c0);
  if (Number.isNaN(ts)) return badTime(line.slice(0, c0));
  if (c1 === c0 + 1) return EMPTY_FROM_BANK;
  if (c2 === c1 + 1) return EMPTY_FROM_ACCOUNT;
  if (c3 === c2 + 1) return EMPTY_TO_BANK;
  if (c4 === c3 + 1) return EMPTY_TO_ACCOUNT;
  // a part that is only whitespace is as empty as an empty one; only one that starts with a space, a control or a
  // non-ASCII character can be, so the common path costs four character tests
  if (
    mayBeBlank(line.charCodeAt(c0 + 1)) ||
    mayBeBlank(line.charCodeAt(c1 + 1)) ||
    mayBeBlank(line.charCodeAt(c2 + 1)) ||
    mayBeBlank(line.charCodeAt(c3 + 1))
  ) {
    const blank = blankAccount(
      line.slice(c0 + 1, c1),
      line.slice(c1 + 1, c2),
      line.slice(c2 + 1, c3),
      line.slice(c3 + 1, c4),
    );
    if (blank !== undefined) return blank;
  }
  if (c4 - c0 - 4 > MAX_ACCOUNT_PART) {
    // only when the four parts together are long can one of them be too long: one test on the common path
    const tooLong = tooLongAccount(c1 - c0 - 1, c2 - c1 - 1, c3 - c2 - 1, c4 - c3 - 1);
    if (tooLong !== undefined) return tooLong;
  }
  const cr = currencies.get(line, c5 + 1, c6);
  if (cr === undefined) return unknownCurrency(line.slice(c5 + 1, c6), 'Receiving');
  const cp = currencies.get(line, c7 + 1, c8);
  if (cp === undefined) return unknownCurrency(line.slice(c7 + 1, c8), 'Payment');
  const amountReceived = parseDecimalMinorIn(line, c4 + 1, c5, cr.exponent);
  if (amountReceived < 0) return badAmount('Received', line.slice(c4 + 1, c5), amountReceived);
  const amountPaid = parseDecimalMinorIn(line, c6 + 1, c7, cp.exponent);
  if (amountPaid < 0) return badAmount('Paid', line.slice(c6 + 1, c7), amountPaid);
  const format = formats.get(line, c8 + 1, c9);
  if (format === undefined) return unknownFormat(line.slice(c8 + 1, c9));
  let label: boolean | undefined;
  if (labelled) {
    const at = c9 + 1;
    const one = line.length === at + 1 ? line.charCodeAt(at) : -1;
    if (one === 49 /* 1 */) label = true;
    else if (one === 48 /* 0 */) label = false;
    else return badLabel(line.slice(at));
  }
  return new AmlworldRow(
    row,
    ts,
    line.slice(c0 + 1, c1),
    line.slice(c1 + 1, c2),
    line.slice(c2 + 1, c3),
    line.slice(c3 + 1, c4),
    amountPaid,
    cp.code,
    amountReceived,
    cr.code,
    format,
    label,
  );
}

/** The first of the four account parts longer than the contract allows, as a quarantine reason. */
function tooLongAccount(fromBank: number, fromAccount: number, toBank: number, toAccount: number) {
  return (
    accountPartProblem('From Bank', fromBank) ??
    accountPartProblem('the from Account', fromAccount) ??
    accountPartProblem('To Bank', toBank) ??
    accountPartProblem('the to Account', toAccount)
  );
}

/** Whether a field starting with this character code could be only whitespace (space, control, non-ASCII). */
const mayBeBlank = (code: number) => code <= 32 || code >= 127;
const isBlank = (part: string) => part.length > 0 && part.trim().length === 0;

/** The first of the four account parts that is only whitespace, as a quarantine reason. */
function blankAccount(fromBank: string, fromAccount: string, toBank: string, toAccount: string) {
  if (isBlank(fromBank)) return BLANK_FROM_BANK;
  if (isBlank(fromAccount)) return BLANK_FROM_ACCOUNT;
  if (isBlank(toBank)) return BLANK_TO_BANK;
  if (isBlank(toAccount)) return BLANK_TO_ACCOUNT;
  return undefined;
}

const EMPTY_FROM_BANK = 'empty account: From Bank is empty';
const EMPTY_FROM_ACCOUNT = 'empty account: the from Account is empty';
const EMPTY_TO_BANK = 'empty account: To Bank is empty';
const EMPTY_TO_ACCOUNT = 'empty account: the to Account is empty';
const BLANK_FROM_BANK = 'empty account: From Bank is only whitespace';
const BLANK_FROM_ACCOUNT = 'empty account: the from Account is only whitespace';
const BLANK_TO_BANK = 'empty account: To Bank is only whitespace';
const BLANK_TO_ACCOUNT = 'empty account: the to Account is only whitespace';
const badTime = (time: string) => `bad time "${time}": expected YYYY/MM/DD HH:MM`;
const unknownCurrency = (name: string, side: 'Receiving' | 'Payment') =>
  `unknown currency "${name}" in ${side} Currency`;
const badAmount = (side: 'Received' | 'Paid', text: string, code: number) =>
  `Amount ${side} "${text}": ${amountProblem(code)}`;
const unknownFormat = (format: string) => `unknown Payment Format "${format}"`;
const badLabel = (text: string) => `Is Laundering "${text}": expected 0 or 1`;

function columnCountProblem(line: string, expected: number): string {
  let n = 1;
  for (let i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) n++;
  return `wrong column count: expected ${expected}, got ${n}`;
}

function parseQuotedLine(line: string, row: number, labelled: boolean): Transaction | string {
  const fields = splitQuotedLine(line);
  return typeof fields === 'string' ? fields : amlworldFieldsToTransaction(fields, row, labelled);
}

/** Builds a Transaction from already split AMLworld fields (the quoted-line path; the csv-parse baseline). */
export function amlworldFieldsToTransaction(
  f: readonly string[],
  row: number,
  labelled: boolean,
): Transaction | string {
  const expected = labelled ? 11 : 10;
  if (f.length !== expected) return `wrong column count: expected ${expected}, got ${f.length}`;
  return buildTransaction(
    row,
    f[0]!,
    f[1]!,
    f[2]!,
    f[3]!,
    f[4]!,
    f[5]!,
    f[6]!,
    f[7]!,
    f[8]!,
    f[9]!,
    labelled ? f[10]! : undefined,
  );
}

function buildTransaction(
  row: number,
  time: string,
  fromBank: string,
  fromAccount: string,
  toBank: string,
  toAccount: string,
  received: string,
  receivingCurrency: string,
  paid: string,
  paymentCurrency: string,
  format: string,
  labelText: string | undefined,
): Transaction | string {
  const ts = parseAmlworldTimeIn(time, 0, time.length);
  if (Number.isNaN(ts)) return badTime(time);
  if (fromBank.length === 0) return EMPTY_FROM_BANK;
  if (fromAccount.length === 0) return EMPTY_FROM_ACCOUNT;
  if (toBank.length === 0) return EMPTY_TO_BANK;
  if (toAccount.length === 0) return EMPTY_TO_ACCOUNT;
  const blank = blankAccount(fromBank, fromAccount, toBank, toAccount);
  if (blank !== undefined) return blank;
  const tooLong = tooLongAccount(fromBank.length, fromAccount.length, toBank.length, toAccount.length);
  if (tooLong !== undefined) return tooLong;
  const cr = currencies.get(receivingCurrency, 0, receivingCurrency.length);
  if (cr === undefined) return unknownCurrency(receivingCurrency, 'Receiving');
  const cp = currencies.get(paymentCurrency, 0, paymentCurrency.length);
  if (cp === undefined) return unknownCurrency(paymentCurrency, 'Payment');
  const amountReceived = parseDecimalMinorIn(received, 0, received.length, cr.exponent);
  if (amountReceived < 0) return badAmount('Received', received, amountReceived);
  const amountPaid = parseDecimalMinorIn(paid, 0, paid.length, cp.exponent);
  if (amountPaid < 0) return badAmount('Paid', paid, amountPaid);
  const paymentFormatConstant = formats.get(format, 0, format.length);
  if (paymentFormatConstant === undefined) return unknownFormat(format);
  let label: boolean | undefined;
  if (labelText !== undefined) {
    if (labelText === '1') label = true;
    else if (labelText === '0') label = false;
    else return badLabel(labelText);
  }
  return new AmlworldRow(
    row,
    ts,
    fromBank,
    fromAccount,
    toBank,
    toAccount,
    amountPaid,
    cp.code,
    amountReceived,
    cr.code,
    paymentFormatConstant,
    label,
  );
}

/**
 * Streams an AMLworld CSV file in batches. The header must be IBM's, with or without `Is Laundering`;
 * anything else is refused with an Error naming the file. Blank lines are skipped and take no row index.
 */
export async function* readAmlworld(path: string, options: ReadOptions = {}): AsyncGenerator<TxBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let accepted: Transaction[] = [];
  let rejected: Rejection[] = [];
  let lineNo = 0;
  let row = 0;
  let labelled: boolean | undefined;
  // lines that are not UTF-8: quarantined, not read with U+FFFD in them
  const notUtf8 = new NotUtf8Lines();
  const lineOptions = { ...options, onNotUtf8: notUtf8.report };
  for await (const lines of streamLines(path, lineOptions)) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      lineNo++;
      if (labelled === undefined) {
        const kind = amlworldHeaderKind(line);
        if (kind === undefined) {
          throw new InputFileError(
            `${path}: line ${lineNo}: not an AMLworld header. Expected "${AMLWORLD_HEADER}" ` +
              `(the last column optional), got "${clipRaw(line).slice(0, 200)}"`,
          );
        }
        labelled = kind.labelled;
        continue;
      }
      if (line.length === 0) continue;
      const result = notUtf8.take(lineNo) ? NOT_UTF8 : parseAmlworldLine(line, row, labelled);
      if (typeof result === 'string') {
        rejected.push({ line: lineNo, row, reason: result, raw: clipRaw(line) });
      } else {
        accepted.push(result);
      }
      row++;
      if (accepted.length + rejected.length >= batchSize) {
        yield { accepted, rejected };
        accepted = [];
        rejected = [];
      }
    }
  }
  if (labelled === undefined) throw new InputFileError(`${path}: empty file, expected the AMLworld header`);
  if (accepted.length + rejected.length > 0) yield { accepted, rejected };
}

/** Column names in file order, for messages and docs. */
export function amlworldColumns(): readonly string[] {
  return COLUMN_NAMES;
}
