import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Alert,
  type Bus,
  createMonitor,
  defaultMonitoringConfig,
  fixedClock,
  MemoryAlertStore,
  type Transaction,
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
import type { LaneRunner } from './worker-lane.ts';
import type { TxStreamSpec } from './worker-stream.ts';

/** The worker tests' shared fixture: one generated data set, its single-process alerts, lane dependencies. */

// a ring far larger than the data (nothing is evicted) but small to allocate, so that the suites stay quick
export const laneTestConfig = { ...defaultMonitoringConfig(), retainTransactions: 1 << 16 };
export const laneTestClock = fixedClock(Date.UTC(2026, 0, 1));

/** What the single-process scan raises. */
export function embeddedAlerts(input: readonly Transaction[]): Alert[] {
  const monitor = createMonitor({ config: laneTestConfig, clock: laneTestClock });
  const out: Alert[] = [];
  for (const tx of input) {
    monitor.process(tx);
    out.push(...monitor.drainAlerts());
  }
  return [...out, ...monitor.finish()];
}

/** Alerts as comparable values: everything except when they were created. */
export const comparable = (alerts: readonly Alert[]) =>
  alerts.map(({ createdAt: _, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The generated payments (300 accounts, 6 days, seed 11) and their single-process alerts, filled by `load` (call
 * it in `beforeAll`); `close` removes the files and closes every database opened through `database`.
 */
export function laneFixture(tag: string) {
  let dir = '';
  const txs: Transaction[] = [];
  const embedded: Alert[] = [];
  const databases: RaqibDatabase[] = [];
  return {
    txs,
    embedded,
    async load(): Promise<void> {
      dir = mkdtempSync(join(tmpdir(), `raqib-${tag}-`));
      await writeDataset(dir, { accounts: 300, days: 6, seed: 11, rate: 0.03 });
      for await (const batch of readTransactions(join(dir, 'transactions.csv'))) txs.push(...batch.accepted);
      embedded.push(...embeddedAlerts(txs));
    },
    /** A migrated in-memory database, closed by `close`. */
    async database(): Promise<RaqibDatabase> {
      const database = openDatabase(':memory:');
      databases.push(database);
      await migrateToLatest(database);
      return database;
    },
    async close(): Promise<void> {
      for (const d of databases) await d.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a lane runner or merger of these tests needs, on one database and bus. */
export function laneDeps(
  bus: Bus,
  database: RaqibDatabase,
  stream: TxStreamSpec,
  worker: string,
  batchSize = 100,
) {
  return {
    bus,
    stream,
    store: new SqlLaneStore(database.db),
    checkpoints: new SqlCheckpointStore(database.db),
    alerts: new MemoryAlertStore(),
    config: laneTestConfig,
    reference: {},
    clock: laneTestClock,
    worker,
    batchSize,
  };
}

/** Reads a lane runner's stream to its end, waits for the last commit and gives its stats. */
export async function drain(runner: LaneRunner) {
  while ((await runner.step(0)) > 0) {
    // next batch
  }
  await runner.flush();
  return runner.stats();
}
