import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Alert,
  createMonitor,
  defaultMonitoringConfig,
  encodeTransactionMessage,
  fixedClock,
  InProcessBus,
  MemoryAlertStore,
  type OutgoingPart,
  roundParts,
  type Transaction,
  TxPublisher,
} from '@raqib/core';
import { readTransactions } from '@raqib/formats';
import {
  migrateToLatest,
  openDatabase,
  type RaqibDatabase,
  SqlCheckpointStore,
  SqlLaneStore,
} from '@raqib/store-sql';
import { writeDataset } from '@raqib/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LaneRunner } from './worker-lane.ts';
import { MergerRunner } from './worker-merger.ts';
import { ensureTxStream, type TxStreamSpec } from './worker-stream.ts';

/**
 * Rounds on the stream (message version 3, docs/decisions/0064-rounds.md): whatever the order of a round's parts,
 * whatever lies between them, a crash of the publisher between them, a part published twice or messages of older
 * versions before them, a worker processes the payments in the input's order and raises the single-process alerts.
 */
const config = { ...defaultMonitoringConfig(), retainTransactions: 1 << 16 };
const clock = fixedClock(Date.UTC(2026, 0, 1));
const stream: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 4 };
const ROUND = { payments: 7 };
let dir = '';
const txs: Transaction[] = [];
let embedded: Alert[] = [];
const databases: RaqibDatabase[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'raqib-rounds-'));
  await writeDataset(dir, { accounts: 300, days: 6, seed: 11, rate: 0.03 });
  for await (const batch of readTransactions(join(dir, 'transactions.csv'))) txs.push(...batch.accepted);
  const monitor = createMonitor({ config, clock });
  for (const tx of txs) {
    monitor.process(tx);
    embedded.push(...monitor.drainAlerts());
  }
  embedded = [...embedded, ...monitor.finish()];
});
afterAll(async () => {
  for (const d of databases) await d.close();
  rmSync(dir, { recursive: true, force: true });
});

const comparable = (alerts: readonly Alert[]) =>
  alerts.map(({ createdAt: _, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function setup() {
  const database = openDatabase(':memory:');
  databases.push(database);
  await migrateToLatest(database);
  const bus = new InProcessBus();
  await ensureTxStream(bus, stream);
  const deps = {
    bus,
    stream,
    store: new SqlLaneStore(database.db),
    checkpoints: new SqlCheckpointStore(database.db),
    alerts: new MemoryAlertStore(),
    config,
    reference: {},
    clock,
    worker: 'test:1',
    batchSize: 20,
  };
  const send = async (part: OutgoingPart, msgId = part.msgId) =>
    bus.publish(`raqib.tx.${part.partition}.o`, new TextEncoder().encode(part.text), { msgId });
  return { bus, deps, send };
}

/** Reads on until the stream is exhausted; returns the runner's stats. */
async function drain(runner: LaneRunner) {
  while ((await runner.step(0)) > 0) {
    // next batch
  }
  await runner.flush();
  return runner.stats();
}

/** Merges every committed firing into alerts and closes the open patterns. */
async function alertsOf(deps: Awaited<ReturnType<typeof setup>>['deps']): Promise<Alert[]> {
  const merger = new MergerRunner(deps);
  await merger.start();
  while ((await merger.step()) > 0 || !(await merger.caughtUp())) {
    // next page of firings
  }
  await merger.finish();
  return deps.alerts.listAlerts({ limit: 1_000_000 });
}

describe('rounds of payments on the stream (version 3)', () => {
  it('processes the payments in the input order when parts come reversed and interleaved with the next round', async () => {
    const { deps, send } = await setup();
    const rounds = roundParts(txs, 4, ROUND).map((parts) => [...parts].reverse());
    expect(rounds.filter((r) => r.length > 1).length).toBeGreaterThan(rounds.length / 2);
    // every round but the first completes only after the next round's other parts were published
    for (const part of rounds[0]!.slice(0, -1)) await send(part);
    for (let k = 0; k < rounds.length; k++) {
      for (const part of rounds[k + 1]?.slice(0, -1) ?? []) await send(part);
      await send(rounds[k]!.at(-1)!);
    }
    const runner = new LaneRunner([0, 1, 2, 3], deps);
    await runner.start();
    const stats = await drain(runner);
    expect(stats).toMatchObject({ processed: txs.length, skipped: 0, rejected: 0, openRounds: 0 });
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });

  it('completes a round the publisher died in the middle of when it runs again, across a worker restart from a snapshot', async () => {
    const { deps, send } = await setup();
    const half = Math.floor(txs.length / 2);
    const publisher = new TxPublisher(deps.bus, stream, { roundPayments: ROUND.payments });
    // the first run publishes the first half's rounds and dies after the first part of the middle round
    const first = roundParts(txs.slice(0, half), 4, ROUND);
    const middle = Math.floor(first.length / 2);
    for (const round of first.slice(0, middle)) for (const part of round) await send(part);
    expect(first[middle]!.length).toBeGreaterThan(1);
    await send(first[middle]![0]!);
    // a worker reads all of it, storing a snapshot after every batch: the last one holds the open round's part
    const crashed = new LaneRunner([0, 1, 2, 3], { ...deps, snapshotEvery: 1 });
    await crashed.start();
    expect(await drain(crashed)).toMatchObject({ openRounds: 1 });
    const snapshot = (await deps.store.latestSnapshot(stream.name, Number.MAX_SAFE_INTEGER))!;
    expect(JSON.parse(snapshot.payload).heldParts).toHaveLength(1);
    await crashed.close();
    // the operator runs the ingest again: the parts already stored are de-duplicated, the missing ones stored
    const rerun = await publisher.publish(txs.slice(0, half));
    expect(rerun.parts).toBe(first.slice(middle).reduce((n, r) => n + r.length, 0) - 1);
    await publisher.publish(txs.slice(half));
    const restarted = new LaneRunner([0, 1, 2, 3], deps);
    await restarted.start();
    expect(restarted.stats()).toMatchObject({ restoredFrom: snapshot.seq, openRounds: 1 });
    expect(await drain(restarted)).toMatchObject({ openRounds: 0, skipped: 0 });
    const judged = (await deps.checkpoints.list(stream.name)).reduce((n, c) => n + c.processed, 0);
    expect(judged).toBe(txs.length); // nothing lost, nothing twice
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });

  it('passes over a part published twice (after the de-duplication window), open or complete', async () => {
    const { deps, send } = await setup();
    const rounds = roundParts(txs, 4, ROUND);
    const k = rounds.findIndex((r) => r.length > 2);
    for (const [i, round] of rounds.entries()) {
      for (const [j, part] of round.entries()) {
        await send(part);
        if (i === k && j === 0) await send(part, 'late:open'); // its round is still open
        if (i === k + 1 && j === 0) await send(rounds[k]![1]!, 'late:done'); // its round is complete
      }
    }
    const runner = new LaneRunner([0, 1, 2, 3], deps);
    await runner.start();
    expect(await drain(runner)).toMatchObject({
      processed: txs.length,
      duplicateParts: 1,
      // the part of a complete round opens a round of its own that never completes: its payments are never read
      openRounds: 1,
      skipped: 0,
    });
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });

  it('reads a stream that holds version 1, then version 2 messages, then rounds', async () => {
    const { deps, bus } = await setup();
    const third = Math.floor(txs.length / 3);
    for (const tx of txs.slice(0, third)) {
      await bus.publish('raqib.tx.0.o', new TextEncoder().encode(JSON.stringify({ v: 1, tx })));
    }
    for (const tx of txs.slice(third, 2 * third))
      await bus.publish('raqib.tx.0.o', encodeTransactionMessage(tx));
    await new TxPublisher(bus, stream, { roundPayments: ROUND.payments }).publish(txs.slice(2 * third));
    const runner = new LaneRunner([0, 1, 2, 3], deps);
    await runner.start();
    expect(await drain(runner)).toMatchObject({ processed: txs.length, rejected: 0, openRounds: 0 });
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });
});
