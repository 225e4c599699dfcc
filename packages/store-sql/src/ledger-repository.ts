import { parseTransactionMessageText, type Transaction, transactionMessageText } from '@raqib/core';
import type { Kysely } from 'kysely';
import { type LaneCheckpoint, saveCheckpoint } from './checkpoint-repository.ts';
import type { Database } from './schema.ts';

interface ScaleLedgerTable {
  stream: string;
  lane: string;
  tx_id: string;
  seq: number;
  ts: number;
  payload: string;
}
declare module './schema.ts' {
  interface Database {
    scale_ledger: ScaleLedgerTable;
  }
}

/** A consumed transaction and the stream sequence it came with. */
export interface LedgerEntry {
  readonly tx: Transaction;
  readonly seq: number;
  /** The message text as it came off the bus, when at hand (saves encoding the transaction again). */
  readonly text?: string;
}

// one statement per batch where possible: a lane is bound by round trips, not by the database
const CHUNK = 2000;

/**
 * The transactions each lane consumed, unique by (stream, lane, transaction id). Committing a batch and the lane's
 * checkpoint is one database transaction, so after a crash the ledger and the checkpoint agree; replaying the
 * ledger rebuilds the lane's window state.
 */
export class SqlLaneLedger {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Which of `ids` the lane already holds (a redelivery, or a republish after the bus's de-duplication window). */
  async knownIds(stream: string, lane: string, ids: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.#db
        .selectFrom('scale_ledger')
        .select('tx_id')
        .where('stream', '=', stream)
        .where('lane', '=', lane)
        .where('tx_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) known.add(r.tx_id);
    }
    return known;
  }

  /** Appends entries (ignoring ones already there) and writes the checkpoint, atomically. */
  async commit(entries: readonly LedgerEntry[], checkpoint: LaneCheckpoint): Promise<void> {
    const { stream, lane } = checkpoint;
    await this.#db.transaction().execute(async (trx) => {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const rows = entries.slice(i, i + CHUNK).map(
          (e): ScaleLedgerTable => ({
            stream,
            lane,
            tx_id: e.tx.id,
            seq: e.seq,
            ts: e.tx.ts,
            payload: e.text ?? transactionMessageText(e.tx),
          }),
        );
        await trx
          .insertInto('scale_ledger')
          .values(rows)
          .onConflict((oc) => oc.columns(['stream', 'lane', 'tx_id']).doNothing())
          .execute();
      }
      await saveCheckpoint(trx, checkpoint);
    });
  }

  /**
   * The lane's transactions with event time ≥ `fromTs`, in stream order, a page at a time (keyset pagination,
   * so memory stays flat however long the ledger is).
   */
  async *replay(stream: string, lane: string, fromTs: number, pageSize = 5000): AsyncIterable<Transaction[]> {
    let after = -1;
    for (;;) {
      const rows = await this.#db
        .selectFrom('scale_ledger')
        .select(['seq', 'payload'])
        .where('stream', '=', stream)
        .where('lane', '=', lane)
        .where('seq', '>', after)
        .where('ts', '>=', fromTs)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map((r) => {
        try {
          return parseTransactionMessageText(r.payload);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`ledger row ${stream}/${lane} seq ${r.seq} is unreadable: ${reason}`);
        }
      });
      if (rows.length < pageSize) return;
    }
  }

  async count(stream: string, lane?: string): Promise<number> {
    let q = this.#db.selectFrom('scale_ledger').where('stream', '=', stream);
    if (lane !== undefined) q = q.where('lane', '=', lane);
    const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
