import { createHash } from 'node:crypto';
import type { Transaction } from '../model/transaction.ts';
import { MAX_PARTITIONS, payerPartition } from '../monitoring/partition.ts';
import { columnsPartText, fromColumnsPart, TX_COLUMNS_VERSION } from './bus-tx-columns.ts';
import {
  decodeMessageText,
  transactionFieldsText,
  transactionFromFields,
  transactionFromJson,
} from './bus-tx-message.ts';
import { checkEntrySize, entryTextProblem } from './round-entry-limits.ts';

export { MAX_ROUND_ENTRY_BYTES, MAX_ROUND_ID_CHARS } from './round-entry-limits.ts';

/**
 * Version 3 of the transaction message: one **part of a round** (docs/decisions/0064-rounds.md). A publisher cuts
 * its input into rounds of consecutive payments and splits each round by payer partition into at most P parts,
 * published one after another, each on its partition's subject:
 *
 *     [3, round, parts, count, [ordinal, id, row, ts, …], [ordinal, …], …]
 *
 * `round` names the round by its content (a hash of its payment ids, so that publishing the same input again gives
 * the same message ids and JetStream stores it once), `parts` is how many parts the round has, `count` how many
 * payments, and each payment is version 2's field array with its ordinal in the round in place of the version.
 * Every worker reads every message of the stream (0062), and receiving one costs the NATS client several times what
 * the monitor spends on a payment: a part carries a few hundred payments for the price of one message. A worker
 * reassembles the round and processes its payments in ordinal order: the input's order.
 */
export const TX_ROUND_VERSION = 3;

/** Most payments in a round. */
export const MAX_ROUND_PAYMENTS = 4096;
/** Largest part accepted: NATS's default max_payload (1 MiB); publishers stay far below it (ROUND_BYTES). */
export const MAX_ROUND_PART_BYTES = 1024 * 1024;

/** How a publisher cuts rounds: at most this many payments… */
export const ROUND_PAYMENTS = 1024;
/**
 * …and at most this many characters of payment fields (≤ 768 KiB of UTF-8), so that a round of long names still
 * fits one message.
 */
export const ROUND_BYTES = 256 * 1024;

/** What a round's name must look like: a publisher's names are 22 characters of base64url. */
export const ROUND_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export interface RoundEntry {
  /** Position of the payment in its round, from 0. */
  readonly ordinal: number;
  readonly tx: Transaction;
}

export interface RoundPart {
  readonly round: string;
  /** Parts of the round (≥ 1), one per payer partition present in it. */
  readonly parts: number;
  /** Payments of the round, over all its parts. */
  readonly count: number;
  /** This part's payments, ordinals increasing. */
  readonly entries: readonly RoundEntry[];
}

/** A message of the stream, any version: one transaction (1, 2) or a part of a round (3). */
export type TxMessage =
  | { readonly kind: 'tx'; readonly tx: Transaction }
  /** `text`: the part as decoded (strict UTF-8, so it encodes back to the same bytes): what a snapshot holds. */
  | { readonly kind: 'part'; readonly part: RoundPart; readonly text: string };

/** One part of a round as a publisher sends it. */
export interface OutgoingPart {
  readonly partition: number;
  /** JetStream message id: `<round>:<partition>`. */
  readonly msgId: string;
  readonly text: string;
  /** Payments in this part. */
  readonly payments: number;
}

/**
 * The name of a round: a hash of its payment ids in order (22 characters of base64url SHA-256). Each id is hashed
 * with its length in front, so that ids holding the separator cannot make two different rounds one name.
 */
export function roundName(txs: readonly Transaction[]): string {
  const h = createHash('sha256');
  for (const tx of txs) h.update(`${tx.id.length}:${tx.id}`);
  return h.digest('base64url').slice(0, 22);
}

/**
 * Cuts `txs` into rounds (ROUND_PAYMENTS payments or ROUND_BYTES of fields, whichever comes first) and each round
 * into its parts, in the order they must be published: round by round, parts by partition. Deterministic: the same
 * input gives the same rounds, names and texts. Parts are written in columns (version 4, bus-tx-columns.ts) unless
 * `version` 3 is asked for (tests of the older format, which workers still read); the rounds and their names are the
 * same in either format.
 */
export function roundParts(
  txs: readonly Transaction[],
  partitions: number,
  options: { readonly payments?: number; readonly bytes?: number; readonly version?: 3 | 4 } = {},
): OutgoingPart[][] {
  const maxPayments = Math.min(options.payments ?? ROUND_PAYMENTS, MAX_ROUND_PAYMENTS);
  const maxBytes = options.bytes ?? ROUND_BYTES;
  const columns = (options.version ?? TX_COLUMNS_VERSION) === TX_COLUMNS_VERSION;
  const rounds: OutgoingPart[][] = [];
  let start = 0;
  while (start < txs.length) {
    // fields of each payment with a placeholder ordinal: the ordinal is known once the round is cut (version 3's
    // text, also the size bound of a version 4 part, which codes the repeated strings once)
    const fields: string[] = [];
    let bytes = 0;
    let end = start;
    while (end < txs.length && end - start < maxPayments) {
      const f = transactionFieldsText(0, txs[end]!);
      // a payment past the limits would make every worker reject its whole part, and with it its round
      const problem = entryTextProblem(txs[end]!, f);
      if (problem !== undefined) throw new Error(`payment ${txs[end]!.id.slice(0, 200)}: ${problem}`);
      if (end > start && bytes + f.length > maxBytes) break;
      fields.push(f);
      bytes += f.length;
      end++;
    }
    const round = txs.slice(start, end);
    const name = roundName(round);
    const byPartition = new Map<number, number[]>();
    for (let i = 0; i < round.length; i++) {
      const p = payerPartition(round[i]!, partitions);
      let list = byPartition.get(p);
      if (!list) {
        list = [];
        byPartition.set(p, list);
      }
      list.push(i);
    }
    const head = `[${TX_ROUND_VERSION},${JSON.stringify(name)},${byPartition.size},${round.length}`;
    rounds.push(
      [...byPartition.keys()]
        .sort((a, b) => a - b)
        .map((p) => {
          const ordinals = byPartition.get(p)!;
          const text = columns
            ? columnsPartText(name, byPartition.size, round.length, ordinals, round)
            : // "[0," → "[<ordinal>,"
              `${head},${ordinals.map((i) => `[${i}${fields[i]!.slice(2)}`).join(',')}]`;
          return { partition: p, msgId: `${name}:${p}`, text, payments: ordinals.length };
        }),
    );
    start = end;
  }
  return rounds;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Why a payment cannot travel in a part (the limits workers check: MAX_ROUND_ID_CHARS, MAX_ROUND_ENTRY_BYTES), or
 * undefined. A publisher sets such payments aside (`raqib ingest` quarantines them) instead of publishing a part
 * every worker would reject whole.
 */
export function roundEntryProblem(tx: Transaction): string | undefined {
  return entryTextProblem(tx, transactionFieldsText(0, tx));
}

/** True when the bytes start a part of a round (`[3,` or `[4,`): such a message may be larger than a transaction. */
function isRoundPart(data: Uint8Array): boolean {
  return data[0] === 0x5b && (data[1] === 0x33 || data[1] === 0x34) && data[2] === 0x2c;
}

/** Decodes a message of any version; throws an Error that says what is wrong (the caller names the message). */
export function decodeTxMessage(data: Uint8Array): TxMessage {
  const part = isRoundPart(data);
  if (part && data.byteLength > MAX_ROUND_PART_BYTES) {
    throw new Error(`message of ${data.byteLength} bytes exceeds ${MAX_ROUND_PART_BYTES}`);
  }
  // decodeMessageText refuses a transaction message above MAX_TX_MESSAGE_BYTES; a part is decoded strictly, so that
  // the text a snapshot holds encodes back to the bytes that were checked against MAX_ROUND_PART_BYTES
  let text: string;
  if (part) {
    try {
      text = strict.decode(data);
    } catch {
      throw new Error('round part is not valid UTF-8');
    }
  } else text = decodeMessageText(data);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('message is not JSON');
  }
  if (
    !part &&
    Array.isArray(parsed) &&
    (parsed[0] === TX_COLUMNS_VERSION || parsed[0] === TX_ROUND_VERSION)
  ) {
    // a part not starting exactly `[3,` / `[4,` escaped the strict UTF-8 decoding and the part size limit above
    throw new Error(`round part must begin with "[${String(parsed[0])}," (no space before it)`);
  }
  if (Array.isArray(parsed) && parsed[0] === TX_COLUMNS_VERSION) {
    return { kind: 'part', part: fromColumnsPart(parsed, checkHead(parsed)), text };
  }
  if (Array.isArray(parsed) && parsed[0] === TX_ROUND_VERSION)
    return { kind: 'part', part: fromPart(parsed), text };
  return { kind: 'tx', tx: transactionFromJson(parsed) };
}

/** The head every part carries, `[version, round, parts, count, …]`, checked; returns the part's head fields. */
function checkHead(a: readonly unknown[]): { round: string; parts: number; count: number } {
  const [, round, parts, count] = a;
  if (typeof round !== 'string' || round === '') throw new Error('round part names no round');
  if (!ROUND_NAME.test(round)) {
    throw new Error(
      `round part name ${JSON.stringify(round.slice(0, 80))} is not 1 to 64 of A-Z a-z 0-9 _ -`,
    );
  }
  if (!Number.isInteger(parts) || (parts as number) < 1 || (parts as number) > MAX_PARTITIONS) {
    throw new Error(`round part count ${String(parts)} is not 1 to ${MAX_PARTITIONS}`);
  }
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_ROUND_PAYMENTS) {
    throw new Error(`round payment count ${String(count)} is not 1 to ${MAX_ROUND_PAYMENTS}`);
  }
  return { round, parts: parts as number, count: count as number };
}

function fromPart(a: readonly unknown[]): RoundPart {
  const { round, parts, count } = checkHead(a);
  if (a.length < 5) throw new Error('round part carries no payment');
  const entries: RoundEntry[] = [];
  let last = -1;
  for (let i = 4; i < a.length; i++) {
    const e = a[i];
    if (!Array.isArray(e)) throw new Error(`round part entry ${i - 4} is not an array`);
    const ordinal = e[0];
    if (!Number.isInteger(ordinal) || (ordinal as number) <= last || (ordinal as number) >= count) {
      throw new Error(
        `round part entry ${i - 4} has ordinal ${String(ordinal)} (after ${last}, below ${count})`,
      );
    }
    last = ordinal as number;
    let tx: Transaction;
    try {
      tx = transactionFromFields(e);
    } catch (error) {
      throw new Error(`round part entry ${i - 4}: ${error instanceof Error ? error.message : String(error)}`);
    }
    checkEntrySize(tx, i - 4);
    entries.push({ ordinal: last, tx });
  }
  return { round, parts, count, entries };
}
