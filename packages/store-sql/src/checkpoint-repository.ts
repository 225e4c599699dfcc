import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

interface ScaleCheckpointsTable {
  stream: string;
  lane: string;
  partitions: number;
  seq: number;
  max_ts: number;
  processed: number;
  alerts: number;
  worker: string;
  updated_at: number;
}
declare module './schema.ts' {
  interface Database {
    scale_checkpoints: ScaleCheckpointsTable;
  }
}

/** Where a lane (an account partition or the merger lane) of a stream stands. */
export interface LaneCheckpoint {
  readonly stream: string;
  readonly lane: string;
  /** Partition count of the stream when the checkpoint was written: a worker refuses a different one. */
  readonly partitions: number;
  /** Highest stream sequence the lane has handled (account lane: judged and committed; merger: merged). */
  readonly seq: number;
  /** The stream's watermark (latest event time, epoch ms) at `seq`: the merger closes instances by it. */
  readonly maxTs: number;
  readonly processed: number;
  readonly alerts: number;
  /** Which worker wrote it (host:pid), for operators. */
  readonly worker: string;
  readonly updatedAt: number;
}

const fromRow = (r: ScaleCheckpointsTable): LaneCheckpoint => ({
  stream: r.stream,
  lane: r.lane,
  partitions: Number(r.partitions),
  seq: Number(r.seq),
  maxTs: Number(r.max_ts),
  processed: Number(r.processed),
  alerts: Number(r.alerts),
  worker: r.worker,
  updatedAt: Number(r.updated_at),
});

/** Writes a checkpoint; pass a transaction to make it atomic with the ledger rows it describes. */
export async function saveCheckpoint(db: Kysely<Database>, cp: LaneCheckpoint): Promise<void> {
  const row: ScaleCheckpointsTable = {
    stream: cp.stream,
    lane: cp.lane,
    partitions: cp.partitions,
    seq: cp.seq,
    max_ts: cp.maxTs,
    processed: cp.processed,
    alerts: cp.alerts,
    worker: cp.worker,
    updated_at: cp.updatedAt,
  };
  await db
    .insertInto('scale_checkpoints')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['stream', 'lane']).doUpdateSet({
        partitions: (eb) => eb.ref('excluded.partitions'),
        seq: (eb) => eb.ref('excluded.seq'),
        max_ts: (eb) => eb.ref('excluded.max_ts'),
        processed: (eb) => eb.ref('excluded.processed'),
        alerts: (eb) => eb.ref('excluded.alerts'),
        worker: (eb) => eb.ref('excluded.worker'),
        updated_at: (eb) => eb.ref('excluded.updated_at'),
      }),
    )
    .execute();
}

/** Reads lane checkpoints (SQLite or PostgreSQL). */
export class SqlCheckpointStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Writes a checkpoint on its own (the merger lane's, which has no ledger rows to go with it). */
  async save(cp: LaneCheckpoint): Promise<void> {
    await saveCheckpoint(this.#db, cp);
  }

  async get(stream: string, lane: string): Promise<LaneCheckpoint | undefined> {
    const row = await this.#db
      .selectFrom('scale_checkpoints')
      .selectAll()
      .where('stream', '=', stream)
      .where('lane', '=', lane)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async list(stream: string): Promise<LaneCheckpoint[]> {
    const rows = await this.#db
      .selectFrom('scale_checkpoints')
      .selectAll()
      .where('stream', '=', stream)
      .orderBy('lane')
      .execute();
    return rows.map(fromRow);
  }
}
