import type { Kysely } from 'kysely';
import { type LaneCheckpoint, saveCheckpoint } from './checkpoint-repository.ts';
import type { Database } from './schema.ts';

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
  /** How many ids of `scale_seen_ids` (in stream order) the snapshot's position covers. */
  id_count: number;
  payload: string;
}
interface ScaleSeenIdsTable {
  stream: string;
  /** Index of the chunk's first id among every id of the stream, in stream order. */
  first_index: number;
  id_count: number;
  /** The ids, as a JSON array. */
  payload: string;
}
interface ScaleRejectsTable {
  stream: string;
  seq: number;
  lane: string;
  subject: string;
  reason: string;
  payload: string;
}
declare module './schema.ts' {
  interface Database {
    scale_rejects: ScaleRejectsTable;
    scale_firings: ScaleFiringsTable;
    scale_snapshots: ScaleSnapshotsTable;
    scale_seen_ids: ScaleSeenIdsTable;
  }
}

/** A firing (serialised) of the transaction at stream sequence `seq`; `ord` orders the firings of one transaction. */
export interface FiringRow {
  readonly seq: number;
  readonly ord: number;
  readonly payload: string;
}

/** A message of the stream no worker could read: its position, subject, why, and the start of its text. */
export interface RejectRow {
  readonly seq: number;
  readonly subject: string;
  readonly reason: string;
  readonly payload: string;
}

/** What one lane of a worker commits for a batch: its firings, the unreadable messages it owns, its checkpoint. */
export interface LaneBatch {
  readonly firings: readonly FiringRow[];
  readonly rejects?: readonly RejectRow[];
  readonly checkpoint: LaneCheckpoint;
}

/** A window-state snapshot as stored: its stream position, how many seen ids it covers, its text. */
export interface StoredSnapshot {
  readonly seq: number;
  readonly idCount: number;
  readonly payload: string;
}

// one statement per batch where possible: a lane is bound by round trips, not by the database
const CHUNK = 2000;

/**
 * What the scale-out workers keep in the database besides alerts (docs/decisions/0063-the-stream-is-the-log.md):
 * each lane's firings committed atomically with its checkpoint, window-state snapshots, and the ids of every
 * payment seen on the stream, in chunks. The payments themselves stay in the stream, which is the log.
 */
export class SqlLaneStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * Commits a batch of several lanes of one worker in one database transaction: each lane's firings and its
   * checkpoint. The commit is the acknowledgement (0061): after a crash either all of it is there or none of it.
   */
  async commitLanes(batches: readonly LaneBatch[]): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      for (const b of batches) {
        const { stream, lane } = b.checkpoint;
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
        const rejects = (b.rejects ?? []).map(
          (r): ScaleRejectsTable => ({
            stream,
            lane,
            seq: r.seq,
            subject: r.subject,
            reason: r.reason,
            payload: r.payload,
          }),
        );
        if (rejects.length > 0) {
          await trx
            .insertInto('scale_rejects')
            .values(rejects)
            .onConflict((oc) => oc.columns(['stream', 'seq']).doNothing())
            .execute();
        }
        await saveCheckpoint(trx, b.checkpoint);
      }
    });
  }

  /** The unreadable messages of a stream, in stream order. */
  async rejects(stream: string): Promise<(RejectRow & { lane: string })[]> {
    const rows = await this.#db
      .selectFrom('scale_rejects')
      .select(['seq', 'lane', 'subject', 'reason', 'payload'])
      .where('stream', '=', stream)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  /**
   * Stores a window-state snapshot taken at stream position `seq`, when `idCount` ids had been seen, keeping only
   * the `keep` newest snapshots; in the same transaction, stores the seen ids not yet stored (`idsFrom(index)`
   * returns the ids from that index up to `idCount`). Two workers saving at once may store overlapping chunks,
   * never a gap: each reads where the stored ids end inside its own transaction.
   */
  async saveSnapshot(
    stream: string,
    snapshot: StoredSnapshot,
    idsFrom: (index: number) => readonly string[],
    keep = 2,
  ): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('scale_seen_ids')
        .select(['first_index', 'id_count'])
        .where('stream', '=', stream)
        .orderBy('first_index', 'desc')
        .limit(1)
        .executeTakeFirst();
      const stored = last ? Number(last.first_index) + Number(last.id_count) : 0;
      if (stored < snapshot.idCount) {
        const ids = idsFrom(stored);
        if (ids.length !== snapshot.idCount - stored) {
          throw new Error(
            `snapshot ${stream}#${snapshot.seq}: ${ids.length} ids given for positions ${stored}…${snapshot.idCount - 1}`,
          );
        }
        await trx
          .insertInto('scale_seen_ids')
          .values({ stream, first_index: stored, id_count: ids.length, payload: JSON.stringify(ids) })
          .onConflict((oc) => oc.columns(['stream', 'first_index']).doNothing())
          .execute();
      }
      await trx
        .insertInto('scale_snapshots')
        .values({
          stream,
          seq: snapshot.seq,
          id_count: snapshot.idCount,
          created_at: Date.now(),
          payload: snapshot.payload,
        })
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
  async latestSnapshot(stream: string, maxSeq: number): Promise<StoredSnapshot | undefined> {
    const row = await this.#db
      .selectFrom('scale_snapshots')
      .select(['seq', 'id_count', 'payload'])
      .where('stream', '=', stream)
      .where('seq', '<=', maxSeq)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { seq: Number(row.seq), idCount: Number(row.id_count), payload: row.payload } : undefined;
  }

  /**
   * The first `count` ids seen on the stream, in stream order, a chunk at a time (overlapping chunks read once).
   * Throws when the stored chunks hold fewer, or one cannot be read: a silently short set would let a
   * republished payment through twice.
   */
  async *seenIds(stream: string, count: number): AsyncIterable<readonly string[]> {
    let next = 0;
    while (next < count) {
      const rows = await this.#db
        .selectFrom('scale_seen_ids')
        .select(['first_index', 'id_count', 'payload'])
        .where('stream', '=', stream)
        .where('first_index', '<=', next)
        .orderBy('first_index', 'desc')
        .limit(1)
        .execute();
      const row = rows[0];
      const first = row ? Number(row.first_index) : 0;
      if (!row || first + Number(row.id_count) <= next) {
        throw new Error(`seen ids of ${stream}: ${count} needed, the stored chunks end at ${next}`);
      }
      let ids: unknown;
      try {
        ids = JSON.parse(row.payload);
      } catch {
        ids = undefined;
      }
      if (!Array.isArray(ids) || ids.length !== Number(row.id_count)) {
        throw new Error(`seen ids of ${stream} from index ${first}: the stored chunk is unreadable`);
      }
      const page = (ids as string[]).slice(next - first, count - first);
      next += page.length;
      yield page;
    }
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
}
