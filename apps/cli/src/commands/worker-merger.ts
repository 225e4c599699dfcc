import {
  type AlertStore,
  type Bus,
  type Clock,
  createInstanceMerger,
  MERGER_LANE,
  type MonitoringConfig,
  type PatternInstances,
  parseFiringText,
  type ReferenceData,
} from '@raqib/core';
import type { SqlCheckpointStore, SqlLaneStore } from '@raqib/store-sql';
import { laneName, streamEnd, type TxStreamSpec } from './worker-stream.ts';

export interface MergerDeps {
  readonly bus: Bus;
  readonly stream: TxStreamSpec;
  readonly store: SqlLaneStore;
  readonly checkpoints: SqlCheckpointStore;
  readonly alerts: AlertStore;
  readonly config: MonitoringConfig;
  readonly reference: ReferenceData;
  readonly clock: Clock;
  readonly worker: string;
}

export interface MergerStats {
  readonly lane: string;
  readonly replayed: number;
  readonly firings: number;
  readonly alerts: number;
  /** Stream position up to which every firing is merged. */
  readonly seq: number;
}

/**
 * The merger lane (docs/decisions/0062-detection-and-merger.md): turns the account lanes' firings into alerts, in
 * stream order, exactly as the single-process monitor does. It reads only up to the lowest checkpoint of all
 * account lanes: below it every firing is committed, so the sequence of firings it merges is complete and in
 * order whatever the lanes' pace. It closes instances by the stream watermark at that position (event time
 * only), stores their alerts (idempotent by id), then commits its own checkpoint. On start it rebuilds its open
 * instances by merging again every firing up to its checkpoint and drops the alerts that gives (stored before).
 */
export class MergerRunner {
  readonly name = laneName(MERGER_LANE);
  readonly #deps: MergerDeps;
  readonly #idleMs: number;
  #merger: PatternInstances | undefined;
  #seq = 0;
  #maxTs = 0;
  #replayed = 0;
  #firings = 0;
  #alerts = 0;

  constructor(deps: MergerDeps) {
    this.#deps = deps;
    this.#idleMs = deps.config.alertMergeGapMs + deps.config.maxDisorderMs;
  }

  async start(): Promise<void> {
    const { stream, checkpoints, config, reference, clock } = this.#deps;
    const cp = await checkpoints.get(stream.name, this.name);
    if (cp && cp.partitions !== stream.partitions) {
      throw new Error(
        `lane ${this.name} of stream ${stream.name} was checkpointed with ${cp.partitions} partitions, not ${stream.partitions}`,
      );
    }
    this.#merger = createInstanceMerger({ config, reference, clock });
    if (cp) {
      this.#replayed = await this.#merge(0, cp.seq);
      this.#merger.closeIdle(cp.maxTs - this.#idleMs);
      this.#merger.drain(); // stored before the restart, from the same firings
      this.#seq = cp.seq;
      this.#maxTs = cp.maxTs;
      this.#firings = cp.processed;
      this.#alerts = cp.alerts;
    }
  }

  /** Where every account lane has committed up to, and the watermark there; undefined until all have started. */
  async #lowWater(): Promise<{ seq: number; maxTs: number } | undefined> {
    const { stream, checkpoints } = this.#deps;
    const lanes = (await checkpoints.list(stream.name)).filter((c) => /^p\d+$/.test(c.lane));
    if (lanes.length < stream.partitions) return undefined;
    let low = lanes[0]!;
    for (const c of lanes) if (c.seq < low.seq) low = c;
    return { seq: low.seq, maxTs: low.maxTs };
  }

  async #merge(fromSeq: number, toSeq: number): Promise<number> {
    const { stream, store } = this.#deps;
    let n = 0;
    for await (const page of store.firings(stream.name, fromSeq, toSeq)) {
      for (const row of page) {
        this.#merger!.record(parseFiringText(row.payload, `firing ${stream.name}#${row.seq}/${row.ord}`));
      }
      n += page.length;
    }
    return n;
  }

  /** Merges what the account lanes committed since the last step; returns the firings merged (0: nothing new). */
  async step(): Promise<number> {
    const merger = this.#merger;
    if (!merger) throw new Error(`lane ${this.name} is not started`);
    const low = await this.#lowWater();
    if (low === undefined || low.seq <= this.#seq) return 0;
    const n = await this.#merge(this.#seq, low.seq);
    merger.closeIdle(low.maxTs - this.#idleMs);
    await this.#store(merger.drain());
    this.#seq = low.seq;
    this.#maxTs = low.maxTs;
    this.#firings += n;
    await this.#saveCheckpoint();
    // a step that moved the position counts as work even without firings
    return Math.max(n, 1);
  }

  /**
   * True when the merger has merged everything on the stream: every account lane has committed up to the stream's
   * last payment message, and so has the merger. Positions only: a reader's pending count can miss a message in
   * flight, and a merger that believed it then would close every open pattern before the lanes were done.
   */
  async caughtUp(): Promise<boolean> {
    const end = await streamEnd(this.#deps.bus, this.#deps.stream);
    if (end === 0) return true; // an empty stream: nothing to wait for
    const low = await this.#lowWater();
    return low !== undefined && low.seq >= end && this.#seq >= end;
  }

  /** End of the stream (a batch run): closes the open pattern instances and stores their alerts. */
  async finish(): Promise<number> {
    const merger = this.#merger;
    if (!merger) return 0;
    merger.closeAll();
    const n = await this.#store(merger.drain());
    await this.#saveCheckpoint();
    return n;
  }

  stats(): MergerStats {
    return {
      lane: this.name,
      replayed: this.#replayed,
      firings: this.#firings,
      alerts: this.#alerts,
      seq: this.#seq,
    };
  }

  async #store(alerts: Parameters<AlertStore['upsertAlerts']>[0]): Promise<number> {
    if (alerts.length > 0) await this.#deps.alerts.upsertAlerts(alerts);
    this.#alerts += alerts.length;
    return alerts.length;
  }

  async #saveCheckpoint(): Promise<void> {
    const { stream, checkpoints } = this.#deps;
    await checkpoints.save({
      stream: stream.name,
      lane: this.name,
      partitions: stream.partitions,
      seq: this.#seq,
      maxTs: this.#maxTs,
      processed: this.#firings,
      alerts: this.#alerts,
      worker: this.#deps.worker,
      updatedAt: Date.now(),
    });
  }
}
