import { type Bus, encodeTransactionMessage, type Transaction, transactionPartitions } from '@raqib/core';
import type { TxStreamSpec } from './worker-stream.ts';

export interface PublishStats {
  /** Transactions published. */
  transactions: number;
  /** Messages stored (a transaction between two partitions is two messages). */
  messages: number;
  /** Messages the stream already held (a re-run inside the de-duplication window). */
  duplicates: number;
}

/**
 * Publishes transactions to the partitions of both their accounts (`<prefix>.<p>.o` for the payer's partition,
 * `<prefix>.<p>.i` for the payee's when it differs), pipelined `window` messages at a time. Each
 * message id is `<tx id>:<partition>`, so a retried or repeated publish is stored once. Messages of one window are
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
      const parts = transactionPartitions(tx, partitions);
      for (let k = 0; k < parts.length; k++) {
        const p = parts[k]!;
        // the payer's copy ends in .o: the graph lane reads those alone, i.e. every payment once
        const subject = `${subjectPrefix}.${p}.${k === 0 ? 'o' : 'i'}`;
        inFlight.push(
          this.#bus.publish(subject, data, { msgId: `${tx.id}:${p}` }).then((ack) => {
            if (ack.duplicate) this.stats.duplicates++;
            else this.stats.messages++;
          }),
        );
      }
      this.stats.transactions++;
      if (inFlight.length >= this.#window) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
  }
}
