import type { PaymentFormat, Transaction } from '@raqib/core';
import { splitQuotedLine } from './csv-parse-problem.ts';
import { accountPartProblem, amountProblem, parseDecimalMinor } from './fields.ts';
import { InputFileError } from './input-file-error.ts';
import { MAX_LINE_LENGTH, NOT_UTF8, NotUtf8Lines, streamLines } from './line-stream.ts';
import {
  clipRaw,
  DEFAULT_AMLSIM_START,
  DEFAULT_BATCH_SIZE,
  type ReadOptions,
  type Rejection,
  type TxBatch,
} from './types.ts';

/** AMLSim has no banks: every account is put in this one bank so that account keys stay unique. */
export const AMLSIM_BANK = 'AMLSIM';
/** AMLSim amounts carry no currency; its simulations are denominated in dollars. */
export const AMLSIM_CURRENCY = 'USD';
const DAY_MS = 86_400_000;

/**
 * The AMLSim output layouts read, keyed by the columns that identify them:
 * - `transactions`: the 2019 samples (`sourceNodeId,targetNodeId,value,time`; `time` is the step);
 * - `tx`: the newer output (`TXN_ID,ACCOUNT_ID,COUNTER_PARTY_ACCOUNT_NUM,TXN_SOURCE_TYPE_CODE,tx_count,
 *   TXN_AMOUNT_ORIG,start,end`), whose TXN_ID must not repeat;
 * - `tx_log`: the current simulator's log (`step,type,amount,nameOrig,…,nameDest,…,isSAR,alertID`), which
 *   also carries a per-transaction label.
 */
interface Layout {
  readonly name: 'transactions' | 'tx' | 'tx_log';
  readonly header: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly amount: string;
  readonly step: string;
  readonly id?: string;
  readonly type?: string;
  readonly label?: string;
}

const LAYOUTS: readonly Layout[] = [
  {
    name: 'transactions',
    header: ['sourceNodeId', 'targetNodeId', 'value', 'time'],
    from: 'sourceNodeId',
    to: 'targetNodeId',
    amount: 'value',
    step: 'time',
  },
  {
    name: 'tx',
    header: [
      'TXN_ID',
      'ACCOUNT_ID',
      'COUNTER_PARTY_ACCOUNT_NUM',
      'TXN_SOURCE_TYPE_CODE',
      'tx_count',
      'TXN_AMOUNT_ORIG',
      'start',
      'end',
    ],
    from: 'ACCOUNT_ID',
    to: 'COUNTER_PARTY_ACCOUNT_NUM',
    amount: 'TXN_AMOUNT_ORIG',
    step: 'start',
    id: 'TXN_ID',
    type: 'TXN_SOURCE_TYPE_CODE',
  },
  {
    name: 'tx_log',
    header: [
      'step',
      'type',
      'amount',
      'nameOrig',
      'oldbalanceOrig',
      'newbalanceOrig',
      'nameDest',
      'oldbalanceDest',
      'newbalanceDest',
      'isSAR',
      'alertID',
    ],
    from: 'nameOrig',
    to: 'nameDest',
    amount: 'amount',
    step: 'step',
    type: 'type',
    label: 'isSAR',
  },
];

function splitHeader(line: string): string[] {
  return line.split(',').map((c) => c.trim());
}

function layoutOf(columns: readonly string[]): Layout | undefined {
  return LAYOUTS.find(
    (l) => l.header.length === columns.length && l.header.every((h, i) => columns[i] === h),
  );
}

export function isAmlsimHeader(line: string): boolean {
  return layoutOf(splitHeader(line)) !== undefined;
}

/** AMLSim's transaction type codes mapped to raqib's payment formats; anything else is `Other`. */
export function amlsimPaymentFormat(code: string | undefined): PaymentFormat {
  switch ((code ?? '').toUpperCase()) {
    case 'WIRE':
    case 'TRANSFER':
      return 'Wire';
    case 'CHECK':
      return 'Cheque';
    case 'CREDIT':
      return 'Credit Card';
    case 'CASH':
    case 'CASH-IN':
    case 'CASH-OUT':
    case 'CASH_IN':
    case 'CASH_OUT':
      return 'Cash';
    default:
      return 'Other';
  }
}

const STEP = /^\d{1,6}$/;

/**
 * A line that csv-parse's `skip_empty_lines` with `trim` (this reader before it read line by line) skipped: empty
 * or only `String.prototype.trim`'s whitespace (space, tab, CR, form feed, no-break space…). It takes no row.
 */
function isBlank(line: string): boolean {
  return line.length === 0 || line.trim().length === 0;
}

/**
 * The fields of one line, trimmed as csv-parse's `trim` did (`String.prototype.trim`); a problem text when the
 * line is not one well-formed CSV record. AMLSim writes no quotes, so a line with none is split directly; one with
 * a quote goes through csv-parse, alone.
 */
function splitLine(line: string): string[] | string {
  if (line.indexOf('"') >= 0) return splitQuotedLine(line, true);
  const fields = line.split(',');
  for (let i = 0; i < fields.length; i++) fields[i] = fields[i]!.trim();
  return fields;
}

/**
 * Streams an AMLSim transaction file (any layout above) in batches. Steps become event times:
 * `startTime + step days`. All accounts sit in bank {@link AMLSIM_BANK}, amounts in USD. Each line is one record
 * (AMLSim writes no quoted field spanning lines); a line that is empty or only whitespace, before or after the
 * header, is skipped and takes no row. A line that is not well-formed CSV, a stray quote for one, is
 * quarantined with its line and the rest of the file is read. A whole-file csv-parse could not do that: a quote
 * opening a field starts a field that runs on over the following lines, so records after it would be merged into
 * it or lost.
 */
export async function* readAmlsim(path: string, options: ReadOptions = {}): AsyncGenerator<TxBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const start = options.startTime ?? DEFAULT_AMLSIM_START;
  let layout: Layout | undefined;
  let idx = { from: 0, to: 0, amount: 0, step: 0, id: -1, type: -1, label: -1 };
  const seen = new Map<string, number>();
  let accepted: Transaction[] = [];
  let rejected: Rejection[] = [];
  let lineNo = 0;
  let row = 0;
  const tooLong = (line: number) =>
    `line ${line}: a record is longer than ${MAX_LINE_LENGTH} characters; not a CSV file?`;
  // lines that are not UTF-8: quarantined, not read with U+FFFD in them
  const notUtf8 = new NotUtf8Lines();
  const lineOptions = { ...options, tooLong, onNotUtf8: notUtf8.report };
  for await (const lines of streamLines(path, lineOptions)) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      lineNo++;
      if (isBlank(line)) continue;
      // streamLines bounds an unfinished line; one finished in the same read may be a chunk longer
      if (line.length > MAX_LINE_LENGTH) throw new InputFileError(`${path}: ${tooLong(lineNo)}`);
      const fields = notUtf8.take(lineNo) ? NOT_UTF8 : splitLine(line);
      if (layout === undefined) {
        layout = typeof fields === 'string' ? undefined : layoutOf(fields);
        if (layout === undefined) {
          throw new InputFileError(
            `${path}: line ${lineNo}: not an AMLSim header (expected one of: ` +
              `${LAYOUTS.map((l) => l.header.join(',')).join(' | ')}), got "${line.slice(0, 200)}"`,
          );
        }
        const col = (name: string | undefined) => (name === undefined ? -1 : layout!.header.indexOf(name));
        idx = {
          from: col(layout.from),
          to: col(layout.to),
          amount: col(layout.amount),
          step: col(layout.step),
          id: col(layout.id),
          type: col(layout.type),
          label: col(layout.label),
        };
        continue;
      }
      const result =
        typeof fields === 'string' ? fields : toTransaction(fields, row, layout, idx, start, seen, lineNo);
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
  if (layout === undefined) throw new InputFileError(`${path}: empty file, expected an AMLSim header`);
  if (accepted.length + rejected.length > 0) yield { accepted, rejected };
}

function toTransaction(
  f: readonly string[],
  row: number,
  layout: Layout,
  idx: { from: number; to: number; amount: number; step: number; id: number; type: number; label: number },
  start: number,
  seen: Map<string, number>,
  line: number,
): Transaction | string {
  if (f.length !== layout.header.length) {
    return `wrong column count: expected ${layout.header.length}, got ${f.length}`;
  }
  const from = f[idx.from]!;
  const to = f[idx.to]!;
  if (from.length === 0) return `empty account: ${layout.from} is empty`;
  if (to.length === 0) return `empty account: ${layout.to} is empty`;
  const tooLong = accountPartProblem(layout.from, from.length) ?? accountPartProblem(layout.to, to.length);
  if (tooLong !== undefined) return tooLong;
  const stepText = f[idx.step]!;
  if (!STEP.test(stepText))
    return `bad time: ${layout.step} "${stepText}" is not a simulation step (0, 1, 2…)`;
  const amountText = f[idx.amount]!;
  const amount = parseDecimalMinor(amountText, 2);
  if (amount < 0) return `${layout.amount} "${amountText}": ${amountProblem(amount)}`;
  // Ids are the row index in every layout (the reader contract: flags and eval join on rows); a TXN_ID, where the
  // layout has one, is still checked for repeats, since a repeated TXN_ID is a duplicated record.
  if (idx.id >= 0) {
    const txnId = f[idx.id]!;
    if (txnId.length === 0) return `empty id: ${layout.id} is empty`;
    const first = seen.get(txnId);
    if (first !== undefined) return `duplicate id: ${layout.id} "${txnId}" (first on line ${first})`;
    seen.set(txnId, line);
  }
  let label: boolean | undefined;
  if (idx.label >= 0) {
    const l = f[idx.label]!.toLowerCase();
    if (l === '1' || l === 'true') label = true;
    else if (l === '0' || l === 'false') label = false;
    else return `${layout.label} "${f[idx.label]}": expected 0/1 or true/false`;
  }
  return {
    id: String(row),
    row,
    ts: start + Number(stepText) * DAY_MS,
    fromBank: AMLSIM_BANK,
    fromAccount: from,
    toBank: AMLSIM_BANK,
    toAccount: to,
    amountPaid: amount,
    currencyPaid: AMLSIM_CURRENCY,
    amountReceived: amount,
    currencyReceived: AMLSIM_CURRENCY,
    paymentFormat: amlsimPaymentFormat(idx.type >= 0 ? f[idx.type] : undefined),
    label,
  };
}
