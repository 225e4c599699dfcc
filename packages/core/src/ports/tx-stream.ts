import type { Transaction } from '../model/transaction.ts';
import { payerPartition } from '../monitoring/partition.ts';
import type { Bus, StreamSpec } from './bus.ts';
import { encodeTransactionMessage } from './bus-tx-message.ts';

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
  /** Messages stored (one per transaction). */
  messages: number;
  /** Messages the stream already held (a re-run inside the de-duplication window). */
  duplicates: number;
}

/**
 * Publishes each transaction once, to its payer's partition (`<prefix>.<p>.o`; every worker reads all of them and
 * judges those of its own partitions: 0062), pipelined `window` messages at a time. Each message id is
 * `<tx id>:<partition>`, so a retried or repeated publish is stored once. Messages of one window are
 * sent in order on one connection, so the stream holds them in the order of the input.
 */
export class TxPublisher {
  readonly #bus: Bus;
  readonly #stream: TxStreamSpec;
  readonly #window: number;
  readonly stats: PublishStats = { transactions: 0, messages: 0, duplicates: 0 };

  constructor(bus: Bus, stream: TxStreamSpec, window = 512) {
    this.#bus = bus;
    this.#stream = stream;
    this.#window = window;
  }

  get stream(): TxStreamSpec {
    return this.#stream;
  }

  /** Publishes a batch in order; returns what this batch stored and what the stream already held. */
  async publish(batch: readonly Transaction[]): Promise<PublishStats> {
    const { subjectPrefix, partitions } = this.#stream;
    const mine: PublishStats = { transactions: 0, messages: 0, duplicates: 0 };
    let inFlight: Promise<void>[] = [];
    for (const tx of batch) {
      const data = encodeTransactionMessage(tx);
      const p = payerPartition(tx, partitions);
      // the payer's copy ends in .o (the payee's copy, .i, is no longer needed: every worker sees every payment)
      inFlight.push(
        this.#bus.publish(`${subjectPrefix}.${p}.o`, data, { msgId: `${tx.id}:${p}` }).then((ack) => {
          if (ack.duplicate) mine.duplicates++;
          else mine.messages++;
        }),
      );
      mine.transactions++;
      if (inFlight.length >= this.#window) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
    this.stats.transactions += mine.transactions;
    this.stats.messages += mine.messages;
    this.stats.duplicates += mine.duplicates;
    return mine;
  }
}
