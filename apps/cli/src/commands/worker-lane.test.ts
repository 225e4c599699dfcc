import {
  type Bus,
  type BusConsumer,
  decodeTxMessage,
  encodeTransactionMessage,
  InProcessBus,
  payerPartition,
  type ReaderOptions,
  TxPublisher,
} from '@raqib/core';
import { type LaneCheckpoint, type RaqibDatabase, SqlCheckpointStore, SqlLaneStore } from '@raqib/store-sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparable, laneDeps, laneFixture } from './worker-lane.test-support.ts';
import { LaneRunner } from './worker-lane.ts';
import { MergerRunner } from './worker-merger.ts';
import { ensureTxStream, type TxStreamSpec } from './worker-stream.ts';

const fixture = laneFixture('lanes');
const { txs, embedded } = fixture;
beforeAll(() => fixture.load());
afterAll(() => fixture.close());

type Commit = SqlLaneStore['commitLanes'];

/** A lane store whose commit fails once, at the given call: the power goes out before the commit lands. */
class FailingStore extends SqlLaneStore {
  calls = 0;
  readonly failAt: number;
  constructor(database: RaqibDatabase, failAt: number) {
    super(database.db);
    this.failAt = failAt;
  }
  override async commitLanes(batches: Parameters<Commit>[0]): Promise<void> {
    if (++this.calls === this.failAt) throw new Error('simulated crash before commit');
    await super.commitLanes(batches);
  }
}

/** A lane store whose commit lands and then the process dies, before the lanes read on. */
class CrashAfterCommitStore extends FailingStore {
  override async commitLanes(batches: Parameters<Commit>[0]): Promise<void> {
    await SqlLaneStore.prototype.commitLanes.call(this, batches);
    if (++this.calls === this.failAt) throw new Error('simulated crash after commit');
  }
}

/** The merger dies after storing alerts and before its checkpoint lands. */
class CrashingCheckpoints extends SqlCheckpointStore {
  calls = 0;
  readonly failAt: number;
  constructor(database: RaqibDatabase, failAt: number) {
    super(database.db);
    this.failAt = failAt;
  }
  override async save(cp: LaneCheckpoint): Promise<void> {
    if (++this.calls === this.failAt) throw new Error('simulated merger crash');
    await super.save(cp);
  }
}

interface Crash {
  /** Index of the worker (lane group), or "merger". */
  readonly who: number | 'merger';
  readonly kind: 'before-commit' | 'after-commit';
  readonly atBatch: number;
}

/**
 * Runs workers, each owning a group of account lanes, and one merger, step by step in turn (so the lanes run at
 * different paces and the merger sees partial progress), injecting crashes: a crashed worker is replaced by a
 * fresh one that rebuilds its state from the database, as after a SIGKILL.
 */
async function runWorkers(
  partitions: number,
  groups: readonly number[][],
  crashes: readonly Crash[] = [],
  snapshotEvery?: number,
  /** Unreadable messages published halfway through the stream: [subject, text]. */
  garbage: readonly (readonly [string, string])[] = [],
) {
  const database = await fixture.database();
  const bus = new InProcessBus();
  const stream: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions };
  await ensureTxStream(bus, stream);
  const half = Math.floor(txs.length / 2);
  // small rounds (0064): many of them, their parts spread over the runners' batches
  const options = { roundPayments: 7 };
  await new TxPublisher(bus, stream, options).publish(txs.slice(0, half));
  for (const [subject, text] of garbage) await bus.publish(subject, new TextEncoder().encode(text));
  await new TxPublisher(bus, stream, options).publish(txs.slice(half));
  // ingest runs twice (an operator retry of the first batch): the same rounds, which the stream de-duplicates by
  // message id
  const again = new TxPublisher(bus, stream, options);
  await again.publish(txs.slice(0, half));
  expect(again.stats).toMatchObject({ transactions: half, messages: 0, duplicates: half, parts: 0 });

  const base = {
    ...laneDeps(bus, database, stream, 'test:1'),
    ...(snapshotEvery ? { snapshotEvery } : {}),
  };
  const pending = [...crashes];
  const laneRunner = (g: number) => {
    const crash = pending.find((c) => c.who === g);
    if (crash) pending.splice(pending.indexOf(crash), 1);
    const store = !crash
      ? base.store
      : crash.kind === 'before-commit'
        ? new FailingStore(database, crash.atBatch)
        : new CrashAfterCommitStore(database, crash.atBatch);
    return new LaneRunner(groups[g]!, { ...base, store });
  };
  const mergerRunner = () => {
    const crash = pending.find((c) => c.who === 'merger');
    if (crash) pending.splice(pending.indexOf(crash), 1);
    return new MergerRunner(
      crash ? { ...base, checkpoints: new CrashingCheckpoints(database, crash.atBatch) } : base,
    );
  };
  const runners = groups.map((_, g) => laneRunner(g));
  for (const r of runners) await r.start();
  let merger = mergerRunner();
  await merger.start();
  let crashed = 0;
  const restarted = new Set<number>();
  for (let round = 0; ; round++) {
    let moved = 0;
    for (let g = 0; g < runners.length; g++) {
      try {
        moved += await runners[g]!.step(0);
      } catch (error) {
        expect(String(error)).toMatch(/simulated crash/);
        await runners[g]!.close(); // the process is gone: what it did not commit is read again
        crashed++;
        runners[g] = laneRunner(g);
        await runners[g]!.start();
        restarted.add(g);
        moved++;
      }
    }
    try {
      moved += await merger.step();
    } catch (error) {
      expect(String(error)).toMatch(/simulated merger crash/);
      crashed++;
      merger = mergerRunner();
      await merger.start();
      moved++;
    }
    if (moved === 0 && (await merger.caughtUp())) break;
    expect(round).toBeLessThan(10_000);
  }
  await merger.finish();
  for (const r of runners) await r.close();
  expect(crashed).toBe(crashes.length);
  // what each lane's checkpoint says it judged, summed over its restarts
  const judged = new Map<string, number>();
  for (const cp of await new SqlCheckpointStore(database.db).list('RAQIB_TX'))
    if (cp.lane !== 'merger') judged.set(cp.lane, cp.processed);
  const snapshots = runners.reduce((n, r) => n + r.stats().snapshots, 0);
  return {
    alerts: await base.alerts.listAlerts({ limit: 1_000_000 }),
    judged,
    restarts: [...restarted].map((g) => runners[g]!.stats()),
    rejects: await base.store.rejects('RAQIB_TX'),
    snapshots,
    bus,
    database,
  };
}

/**
 * Payments of the rounds complete at or before stream position `seq` (read from the bus, not from the runner): what
 * a restart rebuilding up to `seq` passes through the state without judging.
 */
async function paymentsThrough(bus: InProcessBus, seq: number): Promise<number> {
  const reader = await bus.reader('RAQIB_TX', { filterSubject: 'raqib.tx.*.o', startSeq: 1 });
  const parts = new Map<string, { left: number; payments: number }>();
  let n = 0;
  for (;;) {
    const batch = (await reader.fetch(1000, 0)).filter((d) => d.seq <= seq);
    if (batch.length === 0) break;
    for (const d of batch) {
      const m = decodeTxMessage(d.data);
      if (m.kind !== 'part') throw new Error(`#${d.seq} is not a part`);
      const round = parts.get(m.part.round) ?? { left: m.part.parts, payments: 0 };
      round.left--;
      round.payments += m.part.entries.length;
      parts.set(m.part.round, round);
      if (round.left === 0) n += round.payments;
    }
  }
  await reader.close();
  return n;
}

/** Each transaction is judged by its payer's partition, once. */
function expectedJudged(partitions: number): Map<string, number> {
  const expected = new Map<string, number>();
  for (let p = 0; p < partitions; p++) expected.set(`p${p}`, 0);
  for (const tx of txs) {
    const lane = `p${payerPartition(tx, partitions)}`;
    expected.set(lane, expected.get(lane)! + 1);
  }
  return expected;
}

describe('worker lanes and merger (in-process bus, SQLite)', () => {
  it('with one partition, raise exactly the alerts of the single-process scan, across crashes', async () => {
    expect(embedded.length).toBeGreaterThanOrEqual(10); // enough alerts for the comparison to mean something
    const run = await runWorkers(
      1,
      [[0]],
      [
        { who: 0, kind: 'before-commit', atBatch: 9 },
        { who: 'merger', kind: 'before-commit', atBatch: 3 },
      ],
    );
    expect(comparable(run.alerts)).toEqual(comparable(embedded));
    expect(run.judged).toEqual(expectedJudged(1)); // nothing lost, nothing twice
    // the restarted worker read the stream again from its start up to the lowest checkpoint, judging none of it
    expect(run.restarts).toHaveLength(1);
    expect(run.restarts[0]!.rebuildTo).toBeGreaterThan(0);
    expect(run.restarts[0]!.replayed).toBe(await paymentsThrough(run.bus, run.restarts[0]!.rebuildTo));
  });

  it('records each unreadable message once, in the lane its subject names, and judges the rest as usual', async () => {
    const run = await runWorkers(
      4,
      [
        [0, 2],
        [1, 3],
      ],
      [{ who: 0, kind: 'before-commit', atBatch: 6 }],
      undefined,
      [
        ['raqib.tx.2.o', 'not a transaction'],
        ['raqib.tx.x.o', '[2,"only an id"]'],
      ],
    );
    expect(comparable(run.alerts)).toEqual(comparable(embedded));
    expect(run.judged).toEqual(expectedJudged(4));
    expect(run.rejects.map((r) => [r.lane, r.subject, r.reason, r.payload])).toEqual([
      ['p2', 'raqib.tx.2.o', 'message is not JSON', 'not a transaction'],
      // a subject that names no partition is recorded by partition 0
      ['p0', 'raqib.tx.x.o', 'message has 1 fields, not 12 to 18', '[2,"only an id"]'],
    ]);
    expect(run.rejects[1]!.seq).toBe(run.rejects[0]!.seq + 1);
  });

  it('with four partitions on one worker, raise exactly the alerts of the single-process scan', async () => {
    const run = await runWorkers(4, [[0, 1, 2, 3]]);
    expect(comparable(run.alerts)).toEqual(comparable(embedded));
    expect(run.judged).toEqual(expectedJudged(4));
  });

  it('with four partitions on two workers, crashing before and after commits, raise the same alerts', async () => {
    const run = await runWorkers(
      4,
      [
        [0, 2],
        [1, 3],
      ],
      [
        { who: 0, kind: 'before-commit', atBatch: 3 },
        { who: 1, kind: 'after-commit', atBatch: 7 },
        { who: 'merger', kind: 'before-commit', atBatch: 5 },
      ],
    );
    expect(comparable(run.alerts)).toEqual(comparable(embedded));
    expect(run.judged).toEqual(expectedJudged(4));
    expect(run.restarts).toHaveLength(2);
    for (const r of run.restarts) expect(r.replayed).toBe(await paymentsThrough(run.bus, r.rebuildTo));
  });

  it('with snapshots of the window state, workers restart from a snapshot and still raise the same alerts', async () => {
    const run = await runWorkers(
      4,
      [
        [0, 1],
        [2, 3],
      ],
      [
        { who: 0, kind: 'before-commit', atBatch: 12 },
        { who: 1, kind: 'after-commit', atBatch: 18 },
      ],
      400,
    );
    expect(comparable(run.alerts)).toEqual(comparable(embedded));
    expect(run.judged).toEqual(expectedJudged(4));
    expect(run.snapshots).toBeGreaterThan(0);
    // a restart loaded a snapshot and read the stream again only from its position
    const restored = run.restarts.filter((r) => r.restoredFrom > 0);
    expect(restored.length).toBeGreaterThan(0);
    for (const r of restored) {
      const afterSnapshot =
        (await paymentsThrough(run.bus, r.rebuildTo)) - (await paymentsThrough(run.bus, r.restoredFrom));
      expect(r.replayed).toBe(afterSnapshot);
    }
  });

  it('passes over a payment republished after the de-duplication window, also after a restart from a snapshot', async () => {
    const run = await runWorkers(4, [[0, 1, 2, 3]], [], 400);
    expect(run.snapshots).toBeGreaterThan(0);
    // an operator re-sends early payments once the bus no longer remembers their message ids
    const stream: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 4 };
    const replay = txs.slice(0, 50);
    for (const tx of replay) {
      const p = payerPartition(tx, 4);
      await run.bus.publish(`raqib.tx.${p}.o`, encodeTransactionMessage(tx), { msgId: `late:${tx.id}` });
    }
    const runner = new LaneRunner([0, 1, 2, 3], laneDeps(run.bus, run.database, stream, 'test:2'));
    await runner.start();
    expect(runner.stats().restoredFrom).toBeGreaterThan(0); // the seen ids came with the snapshot, not the stream
    while ((await runner.step(0)) > 0) {
      // read to the end
    }
    await runner.close();
    expect(runner.stats().skipped).toBe(replay.length);
    expect(runner.stats().processed).toBe(0);
  });

  /** A fresh database and an in-process stream of two partitions holding the fixture's first `n` payments. */
  async function twoPartitions(n: number) {
    const database = await fixture.database();
    const bus = new InProcessBus();
    const stream: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 2 };
    await ensureTxStream(bus, stream);
    if (n > 0) await new TxPublisher(bus, stream).publish(txs.slice(0, n));
    return { database, bus, stream };
  }

  it('a merger on an empty stream is caught up (a batch run over nothing ends), one with unread payments is not', async () => {
    const { database, bus, stream } = await twoPartitions(0);
    const merger = new MergerRunner(laneDeps(bus, database, stream, 'test:4'));
    await merger.start();
    expect(await merger.caughtUp()).toBe(true);
    await new TxPublisher(bus, stream).publish(txs.slice(0, 3));
    expect(await merger.caughtUp()).toBe(false); // no lane has judged them yet
  });

  it("a batch run ends on positions, not on a reader's pending count, which can miss a message in flight", async () => {
    const { database, bus, stream } = await twoPartitions(40);
    // every reader says nothing is pending, as a NATS reader may while its first messages are being delivered
    const blind: Bus = {
      ensureStream: (spec) => bus.ensureStream(spec),
      publish: (subject, data, options) => bus.publish(subject, data, options),
      consumer: (name, durable, options) => bus.consumer(name, durable, options),
      firstSeq: (name) => bus.firstSeq(name),
      lastSeq: (name, subject) => bus.lastSeq(name, subject),
      close: () => bus.close(),
      reader: async (name: string, options: ReaderOptions) => {
        const inner = await bus.reader(name, options);
        const reader: BusConsumer = {
          fetch: (max, waitMs) => inner.fetch(max, waitMs),
          flushAcks: () => inner.flushAcks(),
          pending: () => Promise.resolve(0),
          close: () => inner.close(),
        };
        return reader;
      },
    };
    const deps = laneDeps(blind, database, stream, 'test:5');
    const merger = new MergerRunner(deps);
    await merger.start();
    expect(await merger.caughtUp()).toBe(false); // no lane has judged a payment
    const runner = new LaneRunner([0, 1], deps);
    await runner.start();
    expect(await runner.caughtUp()).toBe(false);
    while ((await runner.step(0)) > 0) {
      // read to the end
    }
    expect(await runner.caughtUp()).toBe(true);
    expect(await merger.caughtUp()).toBe(false); // the lanes are done, the merger has not merged yet
    while ((await merger.step()) > 0) {
      // merge to the end
    }
    expect(await merger.caughtUp()).toBe(true);
    await runner.close();
  });

  it('rejects a payment message on a subject that names no partition of the stream (a batch end never waits for it)', async () => {
    const { database, bus, stream } = await twoPartitions(40);
    await bus.publish('raqib.tx.5.o', encodeTransactionMessage(txs[40]!));
    const runner = new LaneRunner([0, 1], laneDeps(bus, database, stream, 'test:6'));
    await runner.start();
    expect(await runner.step(0)).toBeGreaterThan(0); // the whole stream in one batch, its commit in flight
    expect(await runner.caughtUp()).toBe(false); // not done while the commit is in flight
    expect(await runner.step(0)).toBe(0); // nothing new: the commit is flushed
    expect(await runner.caughtUp()).toBe(true);
    expect(runner.stats().processed).toBe(40);
    expect(runner.stats().rejected).toBe(1);
    const rejects = await new SqlLaneStore(database.db).rejects('RAQIB_TX');
    expect(rejects.map((r) => [r.lane, r.subject])).toEqual([['p0', 'raqib.tx.5.o']]);
    expect(rejects[0]?.reason).toMatch(/names no partition of RAQIB_TX/);
    await runner.close();
  });

  it('refuses to start when the stream no longer holds what the window state must be rebuilt from', async () => {
    const run = await runWorkers(4, [[0, 1, 2, 3]], [], 400);
    const restored = (await new SqlLaneStore(run.database.db).latestSnapshot('RAQIB_TX', txs.length))!;
    // the stream's limits removed everything up to and including the newest snapshot's next message
    const trimmed = Object.assign(Object.create(run.bus) as InProcessBus, {
      firstSeq: () => Promise.resolve(restored.seq + 2),
    });
    const stream: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 4 };
    const runner = new LaneRunner([0, 1, 2, 3], laneDeps(trimmed, run.database, stream, 'test:3'));
    await expect(runner.start()).rejects.toThrow(
      new RegExp(
        `starts at #${restored.seq + 2}, but the window state must be rebuilt from #${restored.seq + 1}`,
      ),
    );
  });
});
