import {
  type Alert,
  type AlertStore,
  alertLane,
  type Bus,
  type BusConsumer,
  type Clock,
  createMonitor,
  decodeMessageText,
  GRAPH_LANE,
  type Lane,
  laneConfig,
  type Monitor,
  type MonitoringConfig,
  parseTransactionMessageText,
  type ReferenceData,
  type Transaction,
} from '@raqib/core';
import type { LedgerEntry, SqlCheckpointStore, SqlLaneLedger } from '@raqib/store-sql';
import { laneName, type TxStreamSpec } from './worker-stream.ts';

export interface LaneDeps {
  readonly bus: Bus;
  readonly stream: TxStreamSpec;
  readonly ledger: SqlLaneLedger;
  readonly checkpoints: SqlCheckpointStore;
  readonly alerts: AlertStore;
  readonly config: MonitoringConfig;
  readonly reference: ReferenceData;
  readonly clock: Clock;
  /** host:pid, recorded in checkpoints. */
  readonly worker: string;
  /** Deliveries processed per database transaction. */
  readonly batchSize?: number;
  /** A message that cannot be decoded: reported here (and acknowledged, so that it does not block the lane). */
  readonly onRejected?: (lane: string, seq: number, reason: string) => void;
}

export interface LaneStats {
  readonly lane: string;
  readonly replayed: number;
  readonly processed: number;
  readonly skipped: number;
  readonly rejected: number;
  readonly alerts: number;
}

/**
 * One lane of a worker: an ordered reader of the lane's subject, the lane's monitor, its ledger and checkpoint.
 * Each batch goes monitor → alerts upserted (idempotent by alert id) → ledger rows + checkpoint (the stream
 * position) committed in one database transaction: that commit is the acknowledgement. A crash before it loses
 * nothing: the restarted lane rebuilds its state from the ledger and reads on from the checkpoint, so the batch
 * is processed as if for the first time. A transaction published again (an ingest re-run after the bus's
 * de-duplication window) is already in the ledger and is skipped. Either way the lane's alerts are those of an
 * uninterrupted run.
 */
export class LaneRunner {
  readonly lane: Lane;
  readonly name: string;
  readonly #deps: LaneDeps;
  #monitor: Monitor | undefined;
  #consumer: BusConsumer | undefined;
  #seq = 0;
  #maxTs = Number.NEGATIVE_INFINITY;
  #processed = 0;
  #alerts = 0;
  #replayed = 0;
  #skipped = 0;
  #rejected = 0;

  constructor(lane: Lane, deps: LaneDeps) {
    this.lane = lane;
    this.name = laneName(lane);
    this.#deps = deps;
  }

  /** Rebuilds the window state from the ledger, then opens the durable consumer. */
  async start(): Promise<void> {
    const { stream, ledger, checkpoints } = this.#deps;
    const cp = await checkpoints.get(stream.name, this.name);
    if (cp && cp.partitions !== stream.partitions) {
      throw new Error(
        `lane ${this.name} of stream ${stream.name} was checkpointed with ${cp.partitions} partitions, not ${stream.partitions}`,
      );
    }
    this.#monitor = createMonitor({
      config: laneConfig(this.#deps.config, this.lane, stream.partitions),
      reference: this.#deps.reference,
      clock: this.#deps.clock,
    });
    if (cp) {
      this.#seq = cp.seq;
      this.#maxTs = cp.maxTs;
      this.#processed = cp.processed;
      this.#alerts = cp.alerts;
      // The whole ledger: the monitor keeps all-time account statistics, so a shorter replay would change them.
      for await (const page of ledger.replay(stream.name, this.name, Number.MIN_SAFE_INTEGER)) {
        for (const tx of page) this.#monitor.process(tx);
        this.#replayed += page.length;
      }
      // these alerts were stored before the restart, from the same transactions in the same order
      this.#monitor.drainAlerts();
    }
    // The position lives in the database, committed with the state: read on from there, in stream order.
    this.#consumer = await this.#deps.bus.reader(stream.name, {
      filterSubject:
        this.lane === GRAPH_LANE ? `${stream.subjectPrefix}.*.o` : `${stream.subjectPrefix}.${this.lane}.*`,
      startSeq: this.#seq + 1,
    });
  }

  /** Processes one batch; returns how many deliveries it handled (0 when none came within `waitMs`). */
  async step(waitMs: number): Promise<number> {
    const consumer = this.#consumer;
    const monitor = this.#monitor;
    if (!consumer || !monitor) throw new Error(`lane ${this.name} is not started`);
    const { stream, ledger } = this.#deps;
    const deliveries = await consumer.fetch(this.#deps.batchSize ?? 1000, waitMs);
    if (deliveries.length === 0) return 0;

    const candidates: LedgerEntry[] = [];
    for (const d of deliveries) {
      if (d.seq <= this.#seq) continue; // at or before the checkpoint: already in the ledger
      let tx: Transaction;
      let text: string;
      try {
        text = decodeMessageText(d.data);
        tx = parseTransactionMessageText(text);
      } catch (error) {
        this.#rejected++;
        this.#deps.onRejected?.(this.name, d.seq, error instanceof Error ? error.message : String(error));
        continue;
      }
      candidates.push({ tx, seq: d.seq, text });
    }
    const known = candidates.length
      ? await ledger.knownIds(
          stream.name,
          this.name,
          candidates.map((c) => c.tx.id),
        )
      : new Set<string>();
    const fresh: LedgerEntry[] = [];
    const inBatch = new Set<string>();
    for (const c of candidates) {
      if (known.has(c.tx.id) || inBatch.has(c.tx.id)) {
        this.#skipped++;
        continue;
      }
      inBatch.add(c.tx.id);
      fresh.push(c);
      monitor.process(c.tx);
      if (c.tx.ts > this.#maxTs) this.#maxTs = c.tx.ts;
    }
    const owned = this.#owned(monitor.drainAlerts());
    if (owned.length > 0) await this.#deps.alerts.upsertAlerts(owned);
    this.#processed += fresh.length;
    this.#alerts += owned.length;
    const lastSeq = deliveries.reduce((m, d) => Math.max(m, d.seq), this.#seq);
    this.#seq = lastSeq;
    await ledger.commit(fresh, this.#checkpoint());
    for (const d of deliveries) d.ack();
    await consumer.flushAcks();
    return deliveries.length;
  }

  /** End of the stream (a batch run): closes the open pattern instances and stores their alerts. */
  async finish(): Promise<number> {
    const monitor = this.#monitor;
    if (!monitor) return 0;
    const owned = this.#owned(monitor.finish());
    if (owned.length > 0) await this.#deps.alerts.upsertAlerts(owned);
    this.#alerts += owned.length;
    return owned.length;
  }

  async close(): Promise<void> {
    await this.#consumer?.close();
    this.#consumer = undefined;
  }

  pending(): Promise<number> {
    return this.#consumer ? this.#consumer.pending() : Promise.resolve(0);
  }

  stats(): LaneStats {
    return {
      lane: this.name,
      replayed: this.#replayed,
      processed: this.#processed,
      skipped: this.#skipped,
      rejected: this.#rejected,
      alerts: this.#alerts,
    };
  }

  #owned(alerts: readonly Alert[]): Alert[] {
    const partitions = this.#deps.stream.partitions;
    return alerts.filter((a) => alertLane(a, partitions) === this.lane);
  }

  #checkpoint() {
    const { stream } = this.#deps;
    return {
      stream: stream.name,
      lane: this.name,
      partitions: stream.partitions,
      seq: this.#seq,
      maxTs: Number.isFinite(this.#maxTs) ? this.#maxTs : 0,
      processed: this.#processed,
      alerts: this.#alerts,
      worker: this.#deps.worker,
      updatedAt: Date.now(),
    };
  }
}
