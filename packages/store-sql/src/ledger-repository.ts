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
interface ScaleFiringsTable {
  stream: string;
  seq: number;
  ord: number;
  lane: string;
  payload: string;
}
interface ScaleSnapshotsTable {
  stream: string;
  seq: number;
  created_at: number;
  payload: string;
}
declare module './schema.ts' {
  interface Database {
    scale_ledger: ScaleLedgerTable;
    scale_firings: ScaleFiringsTable;
    scale_snapshots: ScaleSnapshotsTable;
  }
}

/** A firing (serialised) of the transaction at stream sequence `seq`; `ord` orders the firings of one transaction. */
export interface FiringRow {
  readonly seq: number;
  readonly ord: number;
  readonly payload: string;
}

/** What one lane of a worker commits for a batch: its new ledger rows, its firings and its checkpoint. */
export interface LaneBatch {
  readonly entries: readonly LedgerEntry[];
  readonly firings: readonly FiringRow[];
  readonly checkpoint: LaneCheckpoint;
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

/** A stored payload back to its transaction; a damaged row is named, never skipped. */
function readLedgerRow(stream: string, lane: string, seq: number, payload: string): Transaction {
  try {
    return parseTransactionMessageText(payload);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`ledger row ${stream}/${lane} seq ${seq} is unreadable: ${reason}`);
  }
}

/** Appends a lane's ledger rows in chunks; rows already there (a replayed batch) are left as they are. */
async function insertLedgerRows(
  trx: Kysely<Database>,
  stream: string,
  lane: string,
  entries: readonly LedgerEntry[],
): Promise<void> {
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
}

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
    await this.#db.transaction().execute(async (trx) => {
      await insertLedgerRows(trx, checkpoint.stream, checkpoint.lane, entries);
      await saveCheckpoint(trx, checkpoint);
    });
  }

  /**
   * Commits a batch of several lanes of one worker in one database transaction: each lane's ledger rows, its
   * firings and its checkpoint. The commit is the acknowledgement (0061): after a crash either all of it is there
   * or none of it.
   */
  async commitLanes(batches: readonly LaneBatch[]): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      for (const b of batches) {
        const { stream, lane } = b.checkpoint;
        await insertLedgerRows(trx, stream, lane, b.entries);
        for (let i = 0; i < b.firings.length; i += CHUNK) {
          const rows = b.firings
            .slice(i, i + CHUNK)
            .map((f): ScaleFiringsTable => ({ stream, seq: f.seq, ord: f.ord, lane, payload: f.payload }));
          await trx
            .insertInto('scale_firings')
            .values(rows)
            .onConflict((oc) => oc.columns(['stream', 'seq', 'ord']).doNothing())
            .execute();
        }
        await saveCheckpoint(trx, b.checkpoint);
      }
    });
  }

  /**
   * Every lane's transactions of the stream with sequence ≤ `toSeq`, in stream order, a page at a time (keyset
   * pagination): the whole stream once, since each transaction is in the ledger of one lane (its payer's).
   */
  async *replayStream(
    stream: string,
    toSeq: number,
    pageSize = 5000,
    fromSeq = -1,
  ): AsyncIterable<Transaction[]> {
    let after = fromSeq;
    for (;;) {
      const rows = await this.#db
        .selectFrom('scale_ledger')
        .select(['seq', 'lane', 'payload'])
        .where('stream', '=', stream)
        .where('seq', '>', after)
        .where('seq', '<=', toSeq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map((r) => readLedgerRow(stream, r.lane, r.seq, r.payload));
      if (rows.length < pageSize) return;
    }
  }

  /** Ids of every lane's transactions with sequence ≤ `toSeq`, a page at a time (rebuilding the set of ids seen). */
  async *ids(stream: string, toSeq: number, pageSize = 20_000): AsyncIterable<string[]> {
    let after = -1;
    for (;;) {
      const rows = await this.#db
        .selectFrom('scale_ledger')
        .select(['seq', 'tx_id'])
        .where('stream', '=', stream)
        .where('seq', '>', after)
        .where('seq', '<=', toSeq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map((r) => r.tx_id);
      if (rows.length < pageSize) return;
    }
  }

  /** Stores a window-state snapshot taken at stream position `seq`, keeping only the `keep` newest. */
  async saveSnapshot(stream: string, seq: number, payload: string, keep = 2): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('scale_snapshots')
        .values({ stream, seq, created_at: Date.now(), payload })
        .onConflict((oc) => oc.columns(['stream', 'seq']).doNothing())
        .execute();
      const old = await trx
        .selectFrom('scale_snapshots')
        .select('seq')
        .where('stream', '=', stream)
        .orderBy('seq', 'desc')
        .offset(keep)
        .limit(1000)
        .execute();
      if (old.length > 0) {
        await trx
          .deleteFrom('scale_snapshots')
          .where('stream', '=', stream)
          .where(
            'seq',
            'in',
            old.map((r) => Number(r.seq)),
          )
          .execute();
      }
    });
  }

  /** The newest snapshot at or below `maxSeq`, if any. */
  async latestSnapshot(
    stream: string,
    maxSeq: number,
  ): Promise<{ seq: number; payload: string } | undefined> {
    const row = await this.#db
      .selectFrom('scale_snapshots')
      .select(['seq', 'payload'])
      .where('stream', '=', stream)
      .where('seq', '<=', maxSeq)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { seq: Number(row.seq), payload: row.payload } : undefined;
  }

  /** The firings with `fromSeq` < seq ≤ `toSeq`, in stream order (then `ord`), a page at a time. */
  async *firings(
    stream: string,
    fromSeq: number,
    toSeq: number,
    pageSize = 5000,
  ): AsyncIterable<FiringRow[]> {
    let afterSeq = fromSeq;
    let afterOrd = 2_147_483_647; // the largest `integer`: nothing at `fromSeq` itself
    for (;;) {
      const rows = await this.#db
        .selectFrom('scale_firings')
        .select(['seq', 'ord', 'payload'])
        .where('stream', '=', stream)
        .where((eb) =>
          eb.or([eb('seq', '>', afterSeq), eb.and([eb('seq', '=', afterSeq), eb('ord', '>', afterOrd)])]),
        )
        .where('seq', '<=', toSeq)
        .orderBy('seq')
        .orderBy('ord')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      const page = rows.map((r) => ({ seq: Number(r.seq), ord: Number(r.ord), payload: r.payload }));
      afterSeq = page[page.length - 1]!.seq;
      afterOrd = page[page.length - 1]!.ord;
      yield page;
      if (rows.length < pageSize) return;
    }
  }

  async countFirings(stream: string): Promise<number> {
    const row = await this.#db
      .selectFrom('scale_firings')
      .where('stream', '=', stream)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async count(stream: string, lane?: string): Promise<number> {
    let q = this.#db.selectFrom('scale_ledger').where('stream', '=', stream);
    if (lane !== undefined) q = q.where('lane', '=', lane);
    const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
