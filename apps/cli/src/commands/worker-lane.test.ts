import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Alert,
  createMonitor,
  defaultMonitoringConfig,
  fixedClock,
  GRAPH_LANE,
  InProcessBus,
  type Lane,
  MemoryAlertStore,
  type Transaction,
  transactionPartitions,
} from '@raqib/core';
import { readTransactions } from '@raqib/formats';
import {
  type LaneCheckpoint,
  type LedgerEntry,
  migrateToLatest,
  openDatabase,
  type RaqibDatabase,
  SqlCheckpointStore,
  SqlLaneLedger,
} from '@raqib/store-sql';
import { writeDataset } from '@raqib/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TxPublisher } from './ingest-publish.ts';
import { LaneRunner } from './worker-lane.ts';
import { ensureTxStream, type TxStreamSpec } from './worker-stream.ts';

// a ring far larger than the data (nothing is evicted) but small to allocate, so that the suite stays quick
const config = { ...defaultMonitoringConfig(), retainTransactions: 1 << 16 };
const clock = fixedClock(Date.UTC(2026, 0, 1));
let dir = '';
const txs: Transaction[] = [];
const databases: RaqibDatabase[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'raqib-lanes-'));
  await writeDataset(dir, { accounts: 300, days: 6, seed: 11, rate: 0.03 });
  for await (const batch of readTransactions(join(dir, 'transactions.csv'))) txs.push(...batch.accepted);
});
afterAll(async () => {
  for (const d of databases) await d.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the single-process scan raises. */
function embeddedAlerts(input: readonly Transaction[]): Alert[] {
  const monitor = createMonitor({ config, clock });
  const out: Alert[] = [];
  for (const tx of input) {
    monitor.process(tx);
    out.push(...monitor.drainAlerts());
  }
  return [...out, ...monitor.finish()];
}

/** Alerts as comparable values: everything except when they were created. */
const comparable = (alerts: readonly Alert[]) =>
  alerts.map(({ createdAt: _, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A ledger whose commit fails once, at the given call: the power goes out before the commit lands. */
class FailingLedger extends SqlLaneLedger {
  calls = 0;
  readonly failAt: number;
  constructor(database: RaqibDatabase, failAt: number) {
    super(database.db);
    this.failAt = failAt;
  }
  override async commit(entries: readonly LedgerEntry[], checkpoint: LaneCheckpoint): Promise<void> {
    if (++this.calls === this.failAt) throw new Error('simulated crash before commit');
    await super.commit(entries, checkpoint);
  }
}

/** A ledger whose commit lands and then the process dies, before the lane reads on. */
class CrashAfterCommitLedger extends FailingLedger {
  override async commit(entries: readonly LedgerEntry[], checkpoint: LaneCheckpoint): Promise<void> {
    await SqlLaneLedger.prototype.commit.call(this, entries, checkpoint);
    if (++this.calls === this.failAt) throw new Error('simulated crash after commit');
  }
}

interface Crash {
  readonly lane: Lane;
  readonly kind: 'before-commit' | 'after-commit';
  readonly atBatch: number;
}

async function runLanes(partitions: number, crashes: readonly Crash[] = []) {
  const database = openDatabase(':memory:');
  databases.push(database);
  await migrateToLatest(database);
  const bus = new InProcessBus();
  const stream: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions };
  await ensureTxStream(bus, stream);
  await new TxPublisher(bus, stream).publish(txs);
  // ingest runs twice (an operator retry): the stream de-duplicates by message id
  const again = new TxPublisher(bus, stream);
  await again.publish(txs.slice(0, 100));
  expect(again.stats.messages).toBe(0);

  const store = new MemoryAlertStore();
  const base = {
    bus,
    stream,
    ledger: new SqlLaneLedger(database.db),
    checkpoints: new SqlCheckpointStore(database.db),
    alerts: store,
    config,
    reference: {},
    clock,
    worker: 'test:1',
    batchSize: 100,
  };
  const lanes: Lane[] = Array.from({ length: partitions }, (_, i) => i);
  if (partitions > 1) lanes.push(GRAPH_LANE);
  let crashed = 0;
  for (const lane of lanes) {
    const crash = crashes.find((c) => c.lane === lane);
    if (crash) {
      const doomed = new LaneRunner(lane, {
        ...base,
        ledger:
          crash.kind === 'before-commit'
            ? new FailingLedger(database, crash.atBatch)
            : new CrashAfterCommitLedger(database, crash.atBatch),
      });
      await doomed.start();
      await expect(async () => {
        while ((await doomed.step(0)) > 0) {
          // runs until the simulated crash
        }
      }).rejects.toThrow(/simulated crash/);
      await doomed.close(); // the process is gone: what it did not acknowledge is delivered again
      crashed++;
    }
    const runner = new LaneRunner(lane, base);
    await runner.start();
    if (crash) expect(runner.stats().replayed).toBeGreaterThan(0);
    while ((await runner.step(0)) > 0) {
      // drain the lane
    }
    await runner.finish();
    await runner.close();
  }
  expect(crashed).toBe(crashes.length);
  const ledger = new SqlLaneLedger(database.db);
  const ledgerCounts = new Map<string, number>();
  for (const lane of lanes) {
    const name = lane === GRAPH_LANE ? 'graph' : `p${lane}`;
    ledgerCounts.set(name, await ledger.count('RAQIB_TX', name));
  }
  return { alerts: await store.listAlerts({ limit: 1_000_000 }), ledgerCounts };
}

describe('worker lanes (in-process bus, SQLite)', () => {
  it('with one partition, raise exactly the alerts of the single-process scan, across crashes', async () => {
    const embedded = embeddedAlerts(txs);
    expect(embedded.length).toBeGreaterThanOrEqual(10); // enough alerts for the comparison to mean something
    const { alerts, ledgerCounts } = await runLanes(1, [{ lane: 0, kind: 'before-commit', atBatch: 9 }]);
    expect(comparable(alerts)).toEqual(comparable(embedded));
    expect(ledgerCounts.get('p0')).toBe(txs.length); // nothing lost, nothing twice

    const afterCommit = await runLanes(1, [{ lane: 0, kind: 'after-commit', atBatch: 14 }]);
    expect(comparable(afterCommit.alerts)).toEqual(comparable(embedded));
    expect(afterCommit.ledgerCounts.get('p0')).toBe(txs.length);
  });

  it('with four partitions and the graph lane, give the same alerts whether or not workers crash', async () => {
    const calm = await runLanes(4);
    const stormy = await runLanes(4, [
      { lane: 1, kind: 'before-commit', atBatch: 3 },
      { lane: 2, kind: 'after-commit', atBatch: 4 },
      { lane: GRAPH_LANE, kind: 'before-commit', atBatch: 12 },
    ]);
    expect(comparable(stormy.alerts)).toEqual(comparable(calm.alerts));
    expect(stormy.ledgerCounts).toEqual(calm.ledgerCounts);
    // every transaction is in the ledger of each of its accounts' partitions, and once in the graph lane's
    const expected = new Map<string, number>([['graph', txs.length]]);
    for (const tx of txs)
      for (const p of transactionPartitions(tx, 4)) expected.set(`p${p}`, (expected.get(`p${p}`) ?? 0) + 1);
    expect(calm.ledgerCounts).toEqual(expected);
  });
});
