import { isPaymentFormat, type Transaction } from '../model/transaction.ts';

/**
 * The transaction message on the bus: the Transaction as JSON, with a format version so that a worker can refuse
 * what it does not understand instead of misreading it. Decoding checks every field because a stream outlives
 * the process that wrote to it.
 */
export const TX_MESSAGE_VERSION = 1;

/** Largest message accepted (a transaction is a few hundred bytes; anything near this is not one). */
export const MAX_TX_MESSAGE_BYTES = 64 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeTransactionMessage(tx: Transaction): Uint8Array {
  return encoder.encode(transactionMessageText(tx));
}

/** The message as text (what a ledger row stores). */
export function transactionMessageText(tx: Transaction): string {
  return JSON.stringify({ v: TX_MESSAGE_VERSION, tx });
}

const STRING_FIELDS = [
  'id',
  'fromBank',
  'fromAccount',
  'toBank',
  'toAccount',
  'currencyPaid',
  'currencyReceived',
] as const;
const INTEGER_FIELDS = ['row', 'ts', 'amountPaid', 'amountReceived'] as const;
const OPTIONAL_STRINGS = ['fromCountry', 'toCountry', 'purpose', 'debtorName', 'creditorName'] as const;

/** Decodes a transaction message; throws an Error that says what is wrong (the caller names the message). */
export function decodeTransactionMessage(data: Uint8Array): Transaction {
  if (data.byteLength > MAX_TX_MESSAGE_BYTES) {
    throw new Error(`message of ${data.byteLength} bytes exceeds ${MAX_TX_MESSAGE_BYTES}`);
  }
  return parseTransactionMessageText(decodeMessageText(data));
}

/** The text of a message, refused when oversized (see MAX_TX_MESSAGE_BYTES). */
export function decodeMessageText(data: Uint8Array): string {
  if (data.byteLength > MAX_TX_MESSAGE_BYTES) {
    throw new Error(`message of ${data.byteLength} bytes exceeds ${MAX_TX_MESSAGE_BYTES}`);
  }
  return decoder.decode(data);
}

/** Decodes the text form of a transaction message (see decodeTransactionMessage). */
export function parseTransactionMessageText(text: string): Transaction {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('message is not JSON');
  }
  const envelope = parsed as { v?: unknown; tx?: unknown };
  if (typeof parsed !== 'object' || parsed === null || envelope.v !== TX_MESSAGE_VERSION) {
    throw new Error(`message version ${String(envelope?.v)} is not ${TX_MESSAGE_VERSION}`);
  }
  const tx = envelope.tx as Record<string, unknown> | null | undefined;
  if (typeof tx !== 'object' || tx === null) throw new Error('message carries no transaction');
  for (const f of STRING_FIELDS) {
    if (typeof tx[f] !== 'string' || tx[f] === '') throw new Error(`field ${f} must be a non-empty string`);
  }
  for (const f of INTEGER_FIELDS) {
    if (!Number.isSafeInteger(tx[f])) throw new Error(`field ${f} must be an integer`);
  }
  for (const f of OPTIONAL_STRINGS) {
    if (tx[f] !== undefined && typeof tx[f] !== 'string') throw new Error(`field ${f} must be a string`);
  }
  if (typeof tx.paymentFormat !== 'string' || !isPaymentFormat(tx.paymentFormat)) {
    throw new Error(`field paymentFormat has unknown value ${String(tx.paymentFormat)}`);
  }
  if (tx.label !== undefined && typeof tx.label !== 'boolean')
    throw new Error('field label must be a boolean');
  return tx as unknown as Transaction;
}
