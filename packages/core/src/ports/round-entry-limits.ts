import type { Transaction } from '../model/transaction.ts';
import { MAX_TX_MESSAGE_BYTES } from './bus-tx-message.ts';

/**
 * What a payment may carry inside a part of a round, in either part format (versions 3 and 4,
 * docs/decisions/0064-rounds.md and 0066-columns-parts.md): the limits a payment had as a message of its own
 * (version 2). Checked by publishers before they publish (a payment past them would make every worker reject its whole
 * part) and by workers on every decoded payment.
 */

/** Longest payment id, account, bank, currency or country in a part: the transaction contract's limit. */
export const MAX_ROUND_ID_CHARS = 128;
/** Largest payment in a part, in UTF-8 bytes of its fields: what version 2 allowed a message of one payment. */
export const MAX_ROUND_ENTRY_BYTES = MAX_TX_MESSAGE_BYTES;

/** Why a payment with fields text `fields` (version 2's array) cannot travel in a part, or undefined. */
export function entryTextProblem(tx: Transaction, fields: string): string | undefined {
  for (const [name, v] of [
    ['id', tx.id],
    ['fromBank', tx.fromBank],
    ['fromAccount', tx.fromAccount],
    ['toBank', tx.toBank],
    ['toAccount', tx.toAccount],
    // dictionary-coded in version 4 parts, whose entries have the same limit
    ['currencyPaid', tx.currencyPaid],
    ['currencyReceived', tx.currencyReceived],
    ['fromCountry', tx.fromCountry ?? ''],
    ['toCountry', tx.toCountry ?? ''],
  ] as const) {
    if (v.length > MAX_ROUND_ID_CHARS)
      return `${name} has ${v.length} characters, over ${MAX_ROUND_ID_CHARS}`;
  }
  // the fields' JSON text is at least their UTF-8 bytes: exact only when the cheap bound is passed
  if (fields.length * 3 > MAX_ROUND_ENTRY_BYTES && utf8Length(fields) > MAX_ROUND_ENTRY_BYTES) {
    return `its fields take ${utf8Length(fields)} bytes, over ${MAX_ROUND_ENTRY_BYTES}`;
  }
  return undefined;
}

/** UTF-8 length of a string. */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // one byte counted already: 2 bytes below U+0800, 4 for a surrogate pair (2 per half), 3 otherwise
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/**
 * The limits a payment had as a message of its own (version 2): ids, banks and accounts at most
 * MAX_ROUND_ID_CHARS, the whole entry at most MAX_ROUND_ENTRY_BYTES of UTF-8 in its fields. Checked on the decoded
 * transaction, field by field: a loop over the parsed array cost about 1.6 µs a payment.
 */
export function checkEntrySize(tx: Transaction, index: number): void {
  const longest = Math.max(
    tx.id.length,
    tx.fromBank.length,
    tx.fromAccount.length,
    tx.toBank.length,
    tx.toAccount.length,
  );
  if (longest > MAX_ROUND_ID_CHARS) {
    const problem = entryTextProblem(tx, '');
    throw new Error(`round part entry ${index}: ${problem ?? `a field has ${longest} characters`}`);
  }
  const chars =
    longest * 5 + // a bound: the five fields above
    tx.currencyPaid.length +
    tx.currencyReceived.length +
    (tx.fromCountry?.length ?? 0) +
    (tx.toCountry?.length ?? 0) +
    (tx.purpose?.length ?? 0) +
    (tx.debtorName?.length ?? 0) +
    (tx.creditorName?.length ?? 0);
  // a UTF-16 unit is at most 3 bytes of UTF-8: count exactly only when that bound is passed
  if (chars * 3 <= MAX_ROUND_ENTRY_BYTES) return;
  const bytes = [
    tx.id,
    tx.fromBank,
    tx.fromAccount,
    tx.toBank,
    tx.toAccount,
    tx.currencyPaid,
    tx.currencyReceived,
  ]
    .concat(
      [tx.fromCountry, tx.toCountry, tx.purpose, tx.debtorName, tx.creditorName].filter(
        (v) => v !== undefined,
      ),
    )
    .reduce((n, v) => n + utf8Length(v), 0);
  if (bytes > MAX_ROUND_ENTRY_BYTES) {
    throw new Error(`round part entry ${index} has ${bytes} bytes of fields, over ${MAX_ROUND_ENTRY_BYTES}`);
  }
}
