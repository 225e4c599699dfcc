import {
  accountKey,
  type Bus,
  type BusConsumer,
  createDetectionStage,
  type Delivery,
  type DetectionStage,
  decodeTxMessage,
  type Firing,
  firingText,
  type MonitoringConfig,
  partitionOf,
  type ReferenceData,
  RoundAssembler,
  type RoundLimits,
  type RoundPart,
  subjectPartition,
  type Transaction,
  type TxMessage,
  txSubject,
} from '@raqib/core';
import type {
  LaneCheckpoint,
  RejectRow,
  SeenEntry,
  SqlCheckpointStore,
  SqlLaneStore,
} from '@raqib/store-sql';
import { SEEN_HORIZON_MS, SeenIds } from './seen-ids.ts';
import { parseSnapshotText, snapshotText } from './worker-snapshot.ts';
import { laneName, streamEnd, type TxStreamSpec } from './worker-stream.ts';

export interface LaneDeps {
  readonly bus: Bus;
  readonly stream: TxStreamSpec;
  readonly store: SqlLaneStore;
  readonly checkpoints: SqlCheckpointStore;
  readonly config: MonitoringConfig;
  readonly reference: ReferenceData;
  /** host:pid, recorded in checkpoints. */
  readonly worker: string;
  /** Payments processed per database transaction (whole messages: a batch may run over by a round). */
  readonly batchSize?: number;
  /**
   * Take a window-state snapshot after about this many transactions (when the stream's lowest checkpoint has
   * caught up with this worker), so that a restart reads the stream again only from there. Unset: never.
   */
  readonly snapshotEvery?: number;
  /** A message that cannot be decoded: reported here (and passed over, the same way on every worker). */
  readonly onRejected?: (seq: number, reason: string) => void;
  /**
   * Limits of open rounds (tests only): every worker of a stream must use the same ones, or they would drop rounds
   * at different positions (0064: the defaults ROUND_MAX_AGE, MAX_OPEN_ROUNDS, MAX_HELD_BYTES, RECENT_ROUNDS).
   */
  readonly roundLimits?: RoundLimits;
  /** The seen-ids horizon (tests only): every worker of a stream must use the same one (0065: SEEN_HORIZON_MS). */
  readonly seenHorizonMs?: number;
}

export interface LaneStats {
  readonly lanes: string;
  /** Transactions read again at start, up to the stream's lowest checkpoint, to rebuild the window state. */
  readonly replayed: number;
  /** The stream's lowest checkpoint at start: the window state is rebuilt up to there (0: a fresh start). */
  readonly rebuildTo: number;
  /** Stream position of the snapshot the state was loaded from at start (0: none). */
  readonly restoredFrom: number;
  readonly snapshots: number;
  /** Transactions judged by this worker's lanes. */
  readonly processed: number;
  /** Transactions of other lanes (or judged before a restart) that only updated the window state. */
  readonly followed: number;
  readonly skipped: number;
  /**
   * Payments more than the seen-ids horizon behind the stream's latest event time that this worker read (of every
   * lane, every worker counts them; read again after a restart, again): refused, never judged, each recorded once
   * in `scale_rejects` by its payer's lane (0065).
   */
  readonly late: number;
  /** Transaction ids held now (those within the horizon): what the worker's memory for de-duplication holds. */
  readonly seenIds: number;
  /** Parts of a round received a second time (a republish of a round still open): passed over. */
  readonly duplicateParts: number;
  /** Rounds waiting for parts when the stats were taken. */
  readonly openRounds: number;
  /** Held parts of rounds dropped (expired, evicted or inconsistent): each recorded in `scale_rejects`. */
  readonly droppedParts: number;
  readonly rejected: number;
  readonly firings: number;
  /** Database commits (batches). */
  readonly batches: number;
}

type LaneBatchRows = Parameters<SqlLaneStore['commitLanes']>[0][number];
interface BatchRows {
  judged: number;
  readonly firings: LaneBatchRows['firings'][number][];
  readonly rejects: RejectRow[];
  /** Late payments by the position of the part (or message) that carried them: one reject row each position. */
  readonly late: Map<number, { readonly subject: string; readonly txs: Transaction[] }>;
}

/**
 * Firing ordinals reserved per payment: a firing's `ord` is the payment's ordinal in its round times this, plus
 * the firing's index (the stage raises at most one firing per typology, far fewer than this).
 */
const FIRINGS_PER_PAYMENT = 1024;

const lossy = new TextDecoder(); // not fatal: an undecodable byte becomes U+FFFD

/** The start of an unreadable message's text, to store with the reason. */
function rejectedText(data: Uint8Array): string {
  return lossy.decode(data.subarray(0, 4096));
}

/** The lane that records an unreadable message: its subject's, partition 0 for a subject that names none. */
function recordingLane(subject: string, stream: TxStreamSpec): number {
  return subjectPartition(subject, stream) ?? 0;
}

/** Why a part cannot belong to a round of this stream, or undefined when it can (0064, limits and rejects). */
function partProblem(
  part: RoundPart,
  partition: number | undefined,
  subject: string,
  stream: TxStreamSpec,
): string | undefined {
  if (partition === undefined) {
    return `round ${part.round}: subject ${subject} names none of the stream's ${stream.partitions} partitions`;
  }
  if (part.parts > stream.partitions) {
    return `round ${part.round}: ${part.parts} parts on a stream of ${stream.partitions} partitions`;
  }
  const wrong = part.entries.filter(
    (e) => partitionOf(accountKey(e.tx.fromBank, e.tx.fromAccount), stream.partitions) !== partition,
  );
  if (wrong.length > 0) {
    return `round ${part.round}: payments ${wrong.map((e) => e.tx.id).join(', ')} have their payer in another partition than ${partition}`;
  }
  return undefined;
}

/** The reject row of the late payments one part (or message) carried (0065). */
function lateReject(seq: number, subject: string, txs: readonly Transaction[], horizonMs: number): RejectRow {
  const days = horizonMs / 86_400_000;
  // whole payments only, as long as they fit the column's 4 KB: the payload stays JSON, and the reason says how
  // many it holds (every id is in the reason)
  const kept: string[] = [];
  let size = 2;
  for (const t of txs) {
    const text = JSON.stringify({ ...t, ts: new Date(t.ts).toISOString() });
    if (size + text.length + 1 > 4096) break;
    kept.push(text);
    size += text.length + 1;
  }
  const shown = kept.length === txs.length ? '' : ` (the fields of the first ${kept.length} in the payload)`;
  return {
    seq,
    subject,
    reason:
      `payments ${txs.map((t) => t.id).join(', ')} are more than ${days} day${days === 1 ? '' : 's'} behind the ` +
      `stream's latest event time: refused, never judged${shown} (a late backfill belongs in a scan or a new ` +
      'stream: docs/decisions/0065-seen-ids-horizon.md)',
    payload: `[${kept.join(',')}]`,
  };
}

/**
 * The account lanes of one worker (docs/decisions/0062-detection-and-merger.md). One detection stage follows the
 * whole stream (the payer's copy of every payment, in stream order), so its window state is the state a single
 * process would have; the detectors run only for payments whose payer's partition is one of this worker's lanes
 * and that lane's checkpoint is behind. Each batch commits, in one database transaction, every lane's firings and
 * checkpoint: that commit is the acknowledgement (0061). The payments themselves are not copied: the stream is the
 * log (0063).
 *
 * At start the window state is loaded from the newest snapshot at or below the stream's lowest checkpoint, and the
 * stream is read again from the snapshot's position (from its start when there is none): up to the lowest
 * checkpoint, and between that point and one of our lanes' checkpoint, payments only update the state. A
 * transaction id seen before on the stream (a republish after the bus's de-duplication window) is passed over,
 * identically on every worker; the ids seen up to a snapshot are stored with it. Ids are remembered within a horizon
 * of event time, and a payment further behind the stream's latest event time is refused as late, so that memory
 * stays bounded and nothing is judged twice (0065).
 */
export class LaneRunner {
  readonly lanes: readonly number[];
  readonly name: string;
  readonly #deps: LaneDeps;
  readonly #mine: Set<number>;
  /** Checkpointed stream position of every lane of the stream (ours are kept current). */
  readonly #cpSeq: number[];
  readonly #counts = new Map<number, { processed: number; firings: number }>();
  /** Transaction ids seen on the stream within the horizon, in stream order (0065). */
  readonly #seen = new SeenIds();
  readonly #horizonMs: number;
  /** Rounds whose parts have not all come yet (0064). */
  readonly #rounds: RoundAssembler;
  #duplicateParts = 0;
  #droppedParts = 0;
  /** Payments read from the stream (each batch stops once it holds `batchSize` of them). */
  #payments = 0;
  /** Messages fetched and not yet processed: the batch filled up before them. */
  #backlog: Delivery[] = [];
  /** The stream's lowest checkpoint at start: deliveries up to it rebuild the window state. */
  #rebuildTo = 0;
  #stage: DetectionStage | undefined;
  #consumer: BusConsumer | undefined;
  #pending: Firing[] = [];
  #replayed = 0;
  #processed = 0;
  #followed = 0;
  #skipped = 0;
  #late = 0;
  #rejected = 0;
  #firings = 0;
  #batches = 0;
  #restoredFrom = 0;
  #snapshots = 0;
  #sinceSnapshot = 0;
  #inflight: Promise<void> | undefined;

  constructor(lanes: readonly number[], deps: LaneDeps) {
    if (lanes.length === 0) throw new Error('a lane runner needs at least one lane');
    this.lanes = [...lanes].sort((a, b) => a - b);
    this.name = this.lanes.map(laneName).join(',');
    this.#deps = deps;
    this.#rounds = new RoundAssembler(deps.roundLimits);
    this.#mine = new Set(lanes);
    this.#cpSeq = new Array<number>(deps.stream.partitions).fill(0);
    this.#horizonMs = deps.seenHorizonMs ?? SEEN_HORIZON_MS;
  }

  /**
   * Loads the newest snapshot at or below the stream's lowest checkpoint, then opens an ordered reader at the
   * snapshot's position (or the stream's start), refusing a stream that no longer holds what lies after it.
   */
  async start(): Promise<void> {
    const { stream, store, checkpoints, config, reference, bus } = this.#deps;
    for (const cp of await checkpoints.list(stream.name)) {
      if (cp.partitions !== stream.partitions) {
        throw new Error(
          `lane ${cp.lane} of stream ${stream.name} was checkpointed with ${cp.partitions} partitions, not ${stream.partitions}`,
        );
      }
      const m = /^p(\d+)$/.exec(cp.lane);
      if (m) this.#cpSeq[Number(m[1])] = cp.seq;
      if (m && this.#mine.has(Number(m[1])))
        this.#counts.set(Number(m[1]), { processed: cp.processed, firings: cp.alerts });
    }
    const low = Math.min(...this.#cpSeq);
    const snapshot = low > 0 ? await store.latestSnapshot(stream.name, low) : undefined;
    const where = `snapshot ${stream.name}#${snapshot?.seq}`;
    const restored = snapshot ? parseSnapshotText(snapshot.payload, where) : undefined;
    this.#stage = createDetectionStage({
      config,
      reference,
      onFiring: (f) => this.#pending.push(f),
      ...(restored ? { restore: restored.stage } : {}),
    });
    if (snapshot && restored) {
      this.#restoredFrom = snapshot.seq;
      // parts of rounds open at the snapshot lie before it: the stream is read again only after it
      this.#rounds.restoreRecent(restored.recent);
      for (const h of restored.held) {
        let kind: string;
        try {
          const m = decodeTxMessage(new TextEncoder().encode(h.text));
          kind = m.kind === 'part' ? this.#rounds.add(h.partition, h.seq, m.part, m.text).kind : m.kind;
        } catch (error) {
          throw new Error(
            `${where}: held part at #${h.seq}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        if (kind !== 'waiting' || this.#rounds.takeDropped().length > 0) {
          throw new Error(`${where}: held part at #${h.seq} is not the part of an open round`);
        }
      }
      // a page is a chunk (up to SEEN_CHUNK_IDS ids): appended one by one, never spread as call arguments
      const entries: SeenEntry[] = [];
      for await (const page of store.seenEntries(stream.name, snapshot.seenFrom, snapshot.idCount))
        for (const e of page) entries.push(e);
      this.#seen.restore(entries, this.#cutoff(), snapshot.idCount);
    }
    const from = (snapshot?.seq ?? 0) + 1;
    const first = await bus.firstSeq(stream.name);
    if (first > from) {
      throw new Error(
        `stream ${stream.name} starts at #${first}, but the window state must be rebuilt from #${from} ` +
          `(${snapshot ? `snapshot at #${snapshot.seq}` : 'no snapshot stored'}): the stream's limits removed ` +
          'messages the workers still need; keep its retention above the snapshot interval (docs/deploy.md)',
      );
    }
    this.#rebuildTo = low;
    this.#consumer = await bus.reader(stream.name, {
      filterSubject: `${stream.subjectPrefix}.*.o`,
      startSeq: from,
    });
  }

  /** Processes one batch; returns how many deliveries it handled (0 when none came within `waitMs`). */
  async step(waitMs: number): Promise<number> {
    const consumer = this.#consumer;
    const stage = this.#stage;
    if (!consumer || !stage) throw new Error(`lanes ${this.name} are not started`);
    const { stream } = this.#deps;
    const batchSize = this.#deps.batchSize ?? 1000;
    // a batch is `batchSize` payments: one message of a round (0064) carries hundreds, so whole messages are taken
    // until the batch is full and the rest wait for the next step
    const fetched = this.#backlog.length > 0 ? this.#backlog : await consumer.fetch(batchSize, waitMs);
    if (fetched.length === 0) {
      await this.flush(); // idle: whatever was judged is durable before the caller hears "nothing new"
      return 0;
    }
    const rows = new Map<number, BatchRows>();
    for (const p of this.lanes) rows.set(p, { judged: 0, firings: [], rejects: [], late: new Map() });
    let lastSeq = 0;
    const paymentsBefore = this.#payments;
    let taken = 0;
    while (taken < fetched.length && this.#payments - paymentsBefore < batchSize) {
      const d = fetched[taken++]!;
      if (d.seq > lastSeq) lastSeq = d.seq;
      // rounds too old to complete are dropped at the same position on every worker
      this.#rounds.expire(d.seq);
      this.#recordDropped(d.seq, rows);
      let message: TxMessage;
      try {
        message = decodeTxMessage(d.data);
      } catch (error) {
        this.#reject(d, error instanceof Error ? error.message : String(error), rows);
        continue;
      }
      if (message.kind === 'tx') {
        // a payment of its own (versions 1–2) on a subject that names none of the stream's partitions: no publisher
        // of this stream wrote it, and a batch run's end (streamEnd) counts only the partitions' subjects
        if (subjectPartition(d.subject, stream) === undefined) {
          this.#reject(d, `subject ${d.subject} names no partition of ${stream.name}`, rows);
          continue;
        }
        this.#handle(message.tx, d.seq, 0, rows, undefined, d.seq, d.subject);
        continue;
      }
      // a part of a round (0064): its payments are processed, in the round's order, at the round's last part
      const partition = subjectPartition(d.subject, stream);
      const problem = partProblem(message.part, partition, d.subject, stream);
      if (problem !== undefined || partition === undefined) {
        const reason = problem ?? `subject ${d.subject} names no partition`;
        this.#reject(d, reason, rows);
        this.#rounds.fail(message.part.round, d.seq, `${reason} (the part at #${d.seq})`);
        this.#recordDropped(d.seq, rows);
        continue;
      }
      const got = this.#rounds.add(partition, d.seq, message.part, message.text);
      if (got.kind === 'complete') {
        for (let i = 0; i < got.txs.length; i++) {
          const p = got.partitions[i]!;
          this.#handle(got.txs[i]!, d.seq, i, rows, p, got.partSeqs[i]!, txSubject(stream, p));
        }
      } else if (got.kind === 'invalid') this.#reject(d, got.reason, rows);
      else if (got.kind === 'duplicate') this.#duplicateParts++;
      this.#recordDropped(d.seq, rows);
    }
    const deliveries = fetched.slice(0, taken);
    this.#backlog = fetched.slice(taken);
    this.#seen.expire(this.#cutoff());
    for (const lane of rows.values()) {
      for (const [seq, { subject, txs }] of lane.late) {
        const row = lateReject(seq, subject, txs, this.#horizonMs);
        this.#deps.onRejected?.(seq, row.reason); // said as it happens: a worker that never exits shows no summary
        lane.rejects.push(row);
      }
    }
    const batches: LaneBatchRows[] = [];
    for (const p of this.lanes) {
      if (this.#cpSeq[p]! >= lastSeq) continue; // judged up to here before a restart: its checkpoint stands
      const lane = rows.get(p)!;
      const counts = this.#counts.get(p) ?? { processed: 0, firings: 0 };
      counts.processed += lane.judged;
      counts.firings += lane.firings.length;
      this.#counts.set(p, counts);
      batches.push({
        firings: lane.firings,
        rejects: lane.rejects,
        checkpoint: this.#checkpoint(p, lastSeq, counts),
      });
    }
    for (const b of batches) this.#cpSeq[Number(b.checkpoint.lane.slice(1))] = lastSeq;
    // One commit in flight while the next batch is judged: the CPU works while PostgreSQL commits. Commits stay in
    // order (each waits for the previous one), and a failed commit fails the next step or flush, after which the
    // runner must be dropped and restarted from the database (what it judged after that commit is not durable).
    await this.flush();
    if (batches.length > 0) {
      const commit = this.#deps.store.commitLanes(batches).then(() => {
        this.#batches++;
        for (const d of deliveries) d.ack();
        return consumer.flushAcks();
      });
      commit.catch(() => undefined); // observed by the next flush; not an unhandled rejection meanwhile
      this.#inflight = commit;
    }
    const every = this.#deps.snapshotEvery;
    if (every !== undefined && this.#sinceSnapshot >= every) await this.#snapshot(lastSeq);
    return deliveries.length;
  }

  /**
   * The held parts of rounds the assembler dropped while reading position `seq`: each recorded once, by its
   * partition's lane, in the batch that reads `seq` (the row keeps the part's own position, naming its payments).
   */
  #recordDropped(seq: number, rows: Map<number, BatchRows>): void {
    for (const { held, ids, reason } of this.#rounds.takeDropped()) {
      this.#droppedParts++;
      const why = `${reason}; part at #${held.seq} dropped at #${seq} with payments ${ids.join(', ')}`;
      this.#deps.onRejected?.(held.seq, why);
      if (this.#mine.has(held.partition) && seq > this.#cpSeq[held.partition]!) {
        rows.get(held.partition)!.rejects.push({
          seq: held.seq,
          subject: `${this.#deps.stream.subjectPrefix}.${held.partition}.o`,
          reason: why,
          payload: held.text.slice(0, 4096),
        });
      }
    }
  }

  /** An unreadable message: passed over by every worker alike, recorded once by the lane its subject names. */
  #reject(d: Delivery, reason: string, rows: Map<number, BatchRows>): void {
    this.#rejected++;
    this.#deps.onRejected?.(d.seq, reason);
    const p = recordingLane(d.subject, this.#deps.stream);
    if (this.#mine.has(p) && d.seq > this.#cpSeq[p]!) {
      rows.get(p)!.rejects.push({ seq: d.seq, subject: d.subject, reason, payload: rejectedText(d.data) });
    }
  }

  /** Event times before this are behind the horizon: refused as late, and their ids forgotten (0065). */
  #cutoff(): number {
    return this.#stage!.watermark() - this.#horizonMs;
  }

  /**
   * One payment, at stream position `seq` (its message's, or its round's last part's) and `ordinal` in its round
   * (0 for a message of one payment): state always, detectors when its payer's lane is ours and not yet past `seq`.
   * `payer`: its payer's partition when known; `partSeq` and `subject`: the position and subject of the part (or
   * message) that carried it.
   */
  #handle(
    tx: Transaction,
    seq: number,
    ordinal: number,
    rows: Map<number, BatchRows>,
    payer: number | undefined,
    partSeq: number,
    subject: string,
  ): void {
    this.#payments++;
    const rebuilding = seq <= this.#rebuildTo;
    if (!rebuilding) this.#sinceSnapshot++;
    // a round's payments come with their payer's partition, checked against their part's subject (partProblem)
    const p = payer ?? partitionOf(accountKey(tx.fromBank, tx.fromAccount), this.#deps.stream.partitions);
    const judge = this.#mine.has(p) && seq > this.#cpSeq[p]!;
    // before the seen ids are asked: a republished copy of a payment behind the horizon is refused here, so an id
    // behind the horizon never decides anything and may be forgotten
    const cutoff = this.#cutoff();
    if (tx.ts < cutoff) {
      this.#late++;
      if (judge) {
        const lane = rows.get(p)!;
        const late = lane.late.get(partSeq);
        if (late) late.txs.push(tx);
        else lane.late.set(partSeq, { subject, txs: [tx] });
      }
      return;
    }
    if (!this.#seen.admit(tx.id, tx.ts, cutoff)) {
      this.#skipped++;
      return;
    }
    this.#pending = [];
    this.#stage!.process(tx, judge);
    if (!judge) {
      if (rebuilding) this.#replayed++;
      else this.#followed++;
      return;
    }
    const lane = rows.get(p)!;
    lane.judged++;
    if (this.#pending.length > FIRINGS_PER_PAYMENT) {
      throw new Error(
        `payment ${tx.id} raised ${this.#pending.length} firings, more than ${FIRINGS_PER_PAYMENT}`,
      );
    }
    // firings are merged in (seq, ord) order: the round's order, then the order the stage raised them
    for (let k = 0; k < this.#pending.length; k++) {
      lane.firings.push({
        seq,
        ord: ordinal * FIRINGS_PER_PAYMENT + k,
        payload: firingText(this.#pending[k]!),
      });
    }
    this.#processed++;
    this.#firings += this.#pending.length;
  }

  /**
   * Stores the window state at `seq` when every lane of the stream has committed up to there: a restart (of any
   * worker: the state is the same on all of them) loads the newest snapshot at or below the lowest checkpoint.
   */
  async #snapshot(seq: number): Promise<void> {
    await this.flush();
    const { stream, checkpoints, store } = this.#deps;
    const lanes = (await checkpoints.list(stream.name)).filter((c) => /^p\d+$/.test(c.lane));
    if (lanes.length < stream.partitions || lanes.some((c) => c.seq < seq)) return; // others lag: try later
    const seen = this.#seen;
    seen.expire(this.#cutoff());
    // refused (false) when another worker stored one at this position or later: this worker's is not needed
    const saved = await store.saveSnapshot(
      stream.name,
      {
        seq,
        idCount: seen.count,
        seenFrom: seen.firstIndex,
        payload: snapshotText(this.#stage!.snapshot(), this.#rounds.held(), this.#rounds.recent()),
      },
      (index) => seen.entriesFrom(index),
    );
    if (saved) this.#snapshots++;
    this.#sinceSnapshot = 0;
  }

  /** Waits for the commit in flight; throws if it failed. */
  async flush(): Promise<void> {
    const inflight = this.#inflight;
    this.#inflight = undefined;
    await inflight;
  }

  async close(): Promise<void> {
    await this.#inflight?.catch(() => undefined);
    this.#inflight = undefined;
    await this.#consumer?.close();
    this.#consumer = undefined;
    this.#backlog = [];
  }

  async pending(): Promise<number> {
    return this.#backlog.length + (this.#consumer ? await this.#consumer.pending() : 0);
  }

  /**
   * True when every lane of this runner has committed up to the stream's last payment message: what a batch run may
   * stop on. `pending` is only a lag figure (a message the bus is delivering at this instant may be missing from it).
   */
  async caughtUp(): Promise<boolean> {
    // a commit in flight is not done yet (and its failure is the next step's to report, not this check's)
    if (this.#backlog.length > 0 || this.#inflight !== undefined) return false;
    const end = await streamEnd(this.#deps.bus, this.#deps.stream);
    return this.lanes.every((p) => this.#cpSeq[p]! >= end);
  }

  stats(): LaneStats {
    return {
      lanes: this.name,
      replayed: this.#replayed,
      rebuildTo: this.#rebuildTo,
      restoredFrom: this.#restoredFrom,
      snapshots: this.#snapshots,
      processed: this.#processed,
      followed: this.#followed,
      skipped: this.#skipped,
      late: this.#late,
      seenIds: this.#seen.size,
      duplicateParts: this.#duplicateParts,
      openRounds: this.#rounds.open,
      droppedParts: this.#droppedParts,
      rejected: this.#rejected,
      firings: this.#firings,
      batches: this.#batches,
    };
  }

  #checkpoint(p: number, seq: number, counts: { processed: number; firings: number }): LaneCheckpoint {
    const { stream } = this.#deps;
    const w = this.#stage!.watermark();
    return {
      stream: stream.name,
      lane: laneName(p),
      partitions: stream.partitions,
      seq,
      maxTs: Number.isFinite(w) ? w : 0,
      processed: counts.processed,
      // the lanes raise firings, not alerts: the column counts the lane's firings
      alerts: counts.firings,
      worker: this.#deps.worker,
      updatedAt: Date.now(),
    };
  }
}
