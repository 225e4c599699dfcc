import type { Transaction } from '../model/transaction.ts';
import type { Bus, StreamSpec } from './bus.ts';
import { roundParts } from './bus-tx-round.ts';

const encoder = new TextEncoder();

/**
 * The transaction stream that ingest (the CLI or the API) writes and workers read
 * (docs/decisions/0062-detection-and-merger.md, 0063-the-stream-is-the-log.md).
 */
export interface TxStreamSpec {
  readonly name: string;
  /** Subjects are `<prefix>.<partition>.o`, the partition of the payer (`.i`, a payee's copy, is no longer written). */
  readonly subjectPrefix: string;
  readonly partitions: number;
}

export const DEFAULT_STREAM = 'RAQIB_TX';
export const DEFAULT_SUBJECT_PREFIX = 'raqib.tx';
export const DEFAULT_PARTITIONS = 8;

/**
 * Subject prefix of a stream: `raqib.tx` for the default stream; another stream gets its own prefix,
 * because JetStream refuses two streams whose subjects overlap.
 */
export function subjectPrefixFor(stream: string): string {
  return stream === DEFAULT_STREAM ? DEFAULT_SUBJECT_PREFIX : `raqib.tx-${stream.toLowerCase()}`;
}

/** The subject a payment (or a round's part) of payer partition `partition` is published on: `<prefix>.<p>.o`. */
export function txSubject(spec: TxStreamSpec, partition: number): string {
  return `${spec.subjectPrefix}.${partition}.o`;
}

/**
 * The partition a subject `<prefix>.<p>.o` names; undefined for one that names none of the stream's partitions (a
 * message the ingest did not write).
 */
export function subjectPartition(subject: string, spec: TxStreamSpec): number | undefined {
  const rest = subject.startsWith(`${spec.subjectPrefix}.`)
    ? subject.slice(spec.subjectPrefix.length + 1)
    : '';
  const dot = rest.indexOf('.');
  const token = rest.slice(0, dot);
  // the partition as txSubject writes it: `01` or `1e0` is another subject, not partition 1
  if (rest.slice(dot) !== '.o' || !/^(?:0|[1-9]\d*)$/.test(token)) return undefined;
  const p = Number(token);
  return p < spec.partitions ? p : undefined;
}

/** The stream's specification for `Bus.ensureStream`: its description carries the partition count. */
export function txStreamConfig(spec: TxStreamSpec): StreamSpec {
  return {
    name: spec.name,
    subjects: [`${spec.subjectPrefix}.*.*`],
    description: `raqib transactions; partitions=${spec.partitions}`,
    duplicateWindowMs: 10 * 60_000,
  };
}

export interface PublishStats {
  /** Transactions published. */
  transactions: number;
  /** Transactions the stream stored now. */
  messages: number;
  /** Transactions the stream already held (a re-run of the same input inside the de-duplication window). */
  duplicates: number;
  /** Messages stored: parts of rounds (0064), several transactions each. */
  parts: number;
}

/**
 * Publishes transactions as rounds (docs/decisions/0064-rounds.md): each `publish` call's batch is cut into rounds
 * of consecutive payments, each round into one part per payer partition present in it (`<prefix>.<p>.o`; every
 * worker reads all of them and judges the payments of its own partitions: 0062), the parts of a round one after
 * the other, pipelined `window` messages at a time. Each message id is `<round>:<partition>` and a round is named
 * by its payment ids, so publishing the same batch again is stored once. Messages are sent in order on one
 * connection, so the stream holds them in the order of the input.
 */
export class TxPublisher {
  readonly #bus: Bus;
  readonly #stream: TxStreamSpec;
  readonly #window: number;
  readonly #roundPayments: number | undefined;
  readonly stats: PublishStats = { transactions: 0, messages: 0, duplicates: 0, parts: 0 };

  /** `window`: messages in flight (512); `roundPayments`: payments per round (ROUND_PAYMENTS; tests cut small). */
  constructor(
    bus: Bus,
    stream: TxStreamSpec,
    options: { readonly window?: number; readonly roundPayments?: number } = {},
  ) {
    this.#bus = bus;
    this.#stream = stream;
    this.#window = options.window ?? 512;
    this.#roundPayments = options.roundPayments;
  }

  get stream(): TxStreamSpec {
    return this.#stream;
  }

  /** Publishes a batch in order; returns what this batch stored and what the stream already held. */
  async publish(batch: readonly Transaction[]): Promise<PublishStats> {
    const { partitions } = this.#stream;
    const mine: PublishStats = { transactions: 0, messages: 0, duplicates: 0, parts: 0 };
    let inFlight: Promise<void>[] = [];
    const limits = this.#roundPayments === undefined ? {} : { payments: this.#roundPayments };
    for (const round of roundParts(batch, partitions, limits)) {
      for (const part of round) {
        inFlight.push(
          this.#bus
            .publish(txSubject(this.#stream, part.partition), encoder.encode(part.text), {
              msgId: part.msgId,
            })
            .then((ack) => {
              if (ack.duplicate) mine.duplicates += part.payments;
              else {
                mine.messages += part.payments;
                mine.parts++;
              }
            }),
        );
        mine.transactions += part.payments;
        if (inFlight.length >= this.#window) {
          await Promise.all(inFlight);
          inFlight = [];
        }
      }
    }
    await Promise.all(inFlight);
    this.stats.transactions += mine.transactions;
    this.stats.messages += mine.messages;
    this.stats.duplicates += mine.duplicates;
    this.stats.parts += mine.parts;
    return mine;
  }
}
