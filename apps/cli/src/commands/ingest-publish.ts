import { type Bus, encodeTransactionMessage, payerPartition, type Transaction } from '@raqib/core';
import type { TxStreamSpec } from './worker-stream.ts';

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

  async publish(batch: readonly Transaction[]): Promise<void> {
    const { subjectPrefix, partitions } = this.#stream;
    let inFlight: Promise<void>[] = [];
    for (const tx of batch) {
      const data = encodeTransactionMessage(tx);
      const p = payerPartition(tx, partitions);
      // the payer's copy ends in .o (the payee's copy, .i, is no longer needed: every worker sees every payment)
      inFlight.push(
        this.#bus.publish(`${subjectPrefix}.${p}.o`, data, { msgId: `${tx.id}:${p}` }).then((ack) => {
          if (ack.duplicate) this.stats.duplicates++;
          else this.stats.messages++;
        }),
      );
      this.stats.transactions++;
      if (inFlight.length >= this.#window) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
  }
}
