import { type Kysely, PostgresAdapter, sql } from 'kysely';
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
  /** Index of the oldest id the snapshot needs (those before it were behind the horizon: 0065). */
  seen_from: number;
  payload: string;
}
interface ScaleSeenIdsTable {
  stream: string;
  /** Index of the chunk's first id among every id of the stream, in stream order. */
  first_index: number;
  /** How many indexes the chunk covers (ids behind the horizon when it was stored are not in it). */
  id_count: number;
  /** The ids held, as a JSON array of `[index - first_index, id, event time]`. */
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

/**
 * A window-state snapshot as stored: its stream position, how many seen ids it covers, from which index on it needs
 * them, its text.
 */
export interface StoredSnapshot {
  readonly seq: number;
  readonly idCount: number;
  readonly seenFrom: number;
  readonly payload: string;
}

/** A transaction id seen on the stream: the event time of its payment and its index among the stream's ids. */
export interface SeenEntry {
  readonly id: string;
  readonly ts: number;
  readonly index: number;
}

// one statement per batch where possible: a lane is bound by round trips, not by the database
const CHUNK = 2000;

/**
 * Indexes per stored chunk of seen ids: a chunk is one row of JSON text, read whole at a restart; 100,000 ids are
 * about 3 MB, far below what one string or one statement may hold, whatever the snapshot interval.
 */
export const SEEN_CHUNK_IDS = 100_000;

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
   * the `keep` newest snapshots; in the same transaction, stores the seen ids not yet stored (`entriesFrom(index)`
   * returns the ids held from that index on, those at `idCount` or later left for a later snapshot), in chunks of at
   * most `SEEN_CHUNK_IDS` indexes, and deletes the chunks that end before every kept snapshot's `seenFrom`.
   *
   * Returns false, storing nothing, when a snapshot at `seq` or later is stored already. Saves of one stream are
   * serialised (an advisory lock on PostgreSQL; SQLite has one writer), so chunks are written in the order of the
   * snapshots' positions: each chunk holds every id of its range still within the horizon at the position of the
   * snapshot that wrote it, which is all that snapshot and any later one need (0065). An older snapshot saved after
   * a newer one would rely on a chunk written at a later cutoff, missing ids it needs — hence the refusal.
   */
  async saveSnapshot(
    stream: string,
    snapshot: StoredSnapshot,
    entriesFrom: (index: number) => readonly SeenEntry[],
    keep = 2,
  ): Promise<boolean> {
    return await this.#db.transaction().execute(async (trx) => {
      if (trx.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`select pg_advisory_xact_lock(hashtext('raqib-snapshot'), hashtext(${stream}))`.execute(trx);
      }
      const newest = await trx
        .selectFrom('scale_snapshots')
        .select((eb) => eb.fn.max<number>('seq').as('seq'))
        .where('stream', '=', stream)
        .executeTakeFirst();
      if (newest?.seq !== undefined && newest.seq !== null && Number(newest.seq) >= snapshot.seq)
        return false;
      const last = await trx
        .selectFrom('scale_seen_ids')
        .select(['first_index', 'id_count'])
        .where('stream', '=', stream)
        .orderBy('first_index', 'desc')
        .limit(1)
        .executeTakeFirst();
      const stored = last ? Number(last.first_index) + Number(last.id_count) : 0;
      if (stored > snapshot.idCount) {
        throw new Error(
          `snapshot ${stream}#${snapshot.seq}: covers ${snapshot.idCount} seen ids, but ${stored} are stored by older snapshots`,
        );
      }
      if (stored < snapshot.idCount) {
        const chunks = new Map<number, [number, string, number][]>();
        for (const e of entriesFrom(stored)) {
          if (e.index < stored || !Number.isInteger(e.index)) {
            throw new Error(
              `snapshot ${stream}#${snapshot.seq}: seen id ${e.id} has index ${e.index}, below ${stored}`,
            );
          }
          if (e.index >= snapshot.idCount) continue;
          const first = stored + Math.floor((e.index - stored) / SEEN_CHUNK_IDS) * SEEN_CHUNK_IDS;
          const rows = chunks.get(first);
          if (rows) rows.push([e.index - first, e.id, e.ts]);
          else chunks.set(first, [[e.index - first, e.id, e.ts]]);
        }
        // every range gets its chunk, an empty one too: the chunks must cover [stored, idCount) without a gap
        for (let first = stored; first < snapshot.idCount; first += SEEN_CHUNK_IDS) {
          await trx
            .insertInto('scale_seen_ids')
            .values({
              stream,
              first_index: first,
              id_count: Math.min(SEEN_CHUNK_IDS, snapshot.idCount - first),
              payload: JSON.stringify(chunks.get(first) ?? []),
            })
            .execute();
        }
      }
      await trx
        .insertInto('scale_snapshots')
        .values({
          stream,
          seq: snapshot.seq,
          id_count: snapshot.idCount,
          seen_from: snapshot.seenFrom,
          created_at: Date.now(),
          payload: snapshot.payload,
        })
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
      // ids every kept snapshot has forgotten (0065): no restart reads them again
      const need = await trx
        .selectFrom('scale_snapshots')
        .where('stream', '=', stream)
        .select((eb) => eb.fn.min<number>('seen_from').as('from'))
        .executeTakeFirst();
      if (need?.from !== undefined && need.from !== null) {
        await trx
          .deleteFrom('scale_seen_ids')
          .where('stream', '=', stream)
          .where((eb) => eb(eb('first_index', '+', eb.ref('id_count')), '<=', Number(need.from)))
          .execute();
      }
      return true;
    });
  }

  /** The newest snapshot at or below `maxSeq`, if any. */
  async latestSnapshot(stream: string, maxSeq: number): Promise<StoredSnapshot | undefined> {
    const row = await this.#db
      .selectFrom('scale_snapshots')
      .select(['seq', 'id_count', 'seen_from', 'payload'])
      .where('stream', '=', stream)
      .where('seq', '<=', maxSeq)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row
      ? {
          seq: Number(row.seq),
          idCount: Number(row.id_count),
          seenFrom: Number(row.seen_from),
          payload: row.payload,
        }
      : undefined;
  }

  /**
   * The stored seen ids with index `from` ≤ index < `count`, in stream order, a chunk at a time (overlapping chunks
   * read once). Throws when the stored chunks do not cover that range, or one cannot be read: a silently short set
   * would let a republished payment through twice.
   */
  async *seenEntries(stream: string, from: number, count: number): AsyncIterable<readonly SeenEntry[]> {
    let next = from;
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
      const end = row ? first + Number(row.id_count) : 0;
      if (!row || end <= next) {
        throw new Error(
          `seen ids of ${stream}: ${from}…${count - 1} needed, the stored chunks end at ${next}`,
        );
      }
      const page = parseSeenChunk(
        row.payload,
        first,
        end,
        `seen ids of ${stream} from index ${first}`,
      ).filter((e) => e.index >= next && e.index < count);
      next = Math.min(end, count);
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

/** The entries of a stored chunk covering indexes `first` ≤ i < `end`; names the chunk when it cannot be read. */
function parseSeenChunk(payload: string, first: number, end: number, where: string): SeenEntry[] {
  let rows: unknown;
  try {
    rows = JSON.parse(payload);
  } catch {
    rows = undefined;
  }
  if (!Array.isArray(rows)) throw new Error(`${where}: the stored chunk is unreadable`);
  const out: SeenEntry[] = [];
  for (const r of rows) {
    if (
      !Array.isArray(r) ||
      r.length !== 3 ||
      !Number.isInteger(r[0]) ||
      typeof r[1] !== 'string' ||
      typeof r[2] !== 'number' ||
      first + (r[0] as number) >= end ||
      (r[0] as number) < 0
    ) {
      throw new Error(`${where}: the stored chunk is unreadable (entry ${JSON.stringify(r)?.slice(0, 80)})`);
    }
    out.push({ id: r[1], ts: r[2], index: first + (r[0] as number) });
  }
  return out;
}
