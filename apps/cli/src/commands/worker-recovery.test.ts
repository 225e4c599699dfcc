import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NatsBus } from '@raqib/bus-nats';
import {
  type Alert,
  createDetectionStage,
  createMonitor,
  defaultMonitoringConfig,
  fixedClock,
  type Transaction,
} from '@raqib/core';
import { readTransactions } from '@raqib/formats';
import {
  migrateToLatest,
  openDatabase,
  type RaqibDatabase,
  SqlAlertStore,
  SqlLaneStore,
} from '@raqib/store-sql';
import { writeDataset } from '@raqib/synth';
import {
  natsServerBinary,
  natsTestUrl,
  type OwnNatsServer,
  postgresTestUrl,
  skipNotice,
  startOwnNatsServer,
} from '@raqib/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amlworldStreamId } from './stream-ids.ts';
import { subjectPrefixFor } from './worker-stream.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const bin = join(root, 'apps/cli/bin/raqib.js');
const pgUrl = postgresTestUrl();
const enabled = pgUrl !== undefined && natsTestUrl() !== undefined && natsServerBinary() !== undefined;

const children = new Set<ChildProcess>();

/** Runs the CLI as its own process (so that SIGKILL is a real crash). */
function cli(args: readonly string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
} {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const done = new Promise<{ code: number | null; out: string }>((ok) => {
    child.once('exit', (code) => ok({ code, out }));
  });
  return { child, done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const comparable = (alerts: readonly Alert[]) =>
  alerts.map(({ createdAt: _, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

if (!enabled) {
  describe('worker recovery (real processes, PostgreSQL, NATS)', () => {
    it.skip(
      skipNotice('worker SIGKILL and NATS restart recovery', 'RAQIB_TEST_PG and RAQIB_TEST_NATS'),
      () => {},
    );
  });
} else {
  describe('worker recovery (real processes, PostgreSQL, NATS)', () => {
    let dir = '';
    let file = '';
    const txs: Transaction[] = [];
    let embedded: Alert[] = [];
    /** Firings of one detection stage that judges every payment once: what the lanes together must commit. */
    let firings = 0;
    let nats: OwnNatsServer | undefined;
    const databases: RaqibDatabase[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'raqib-recovery-'));
      await writeDataset(dir, { accounts: 500, days: 6, seed: 5, rate: 0.03 });
      file = join(dir, 'transactions.csv');
      // the names `raqib ingest` gives an AMLworld file's payments: its file name and the row
      for await (const batch of readTransactions(file))
        txs.push(...batch.accepted.map((tx) => ({ ...tx, id: amlworldStreamId('transactions.csv', tx.id) })));
      const monitor = createMonitor({ config: defaultMonitoringConfig(), clock: fixedClock(0) });
      for (const tx of txs) {
        monitor.process(tx);
        embedded.push(...monitor.drainAlerts());
      }
      embedded = [...embedded, ...monitor.finish()];
      const stage = createDetectionStage({ config: defaultMonitoringConfig(), onFiring: () => firings++ });
      for (const tx of txs) stage.process(tx, true);
      expect(embedded.length).toBeGreaterThan(10);
      // a server of our own on a spare port: the test restarts it, and must never touch the shared one
      nats = await startOwnNatsServer();
    });
    const schemas: string[] = [];
    afterAll(async () => {
      // a failed or timed-out case must not leave a worker reconnecting forever to a server that is gone
      for (const child of children) child.kill('SIGKILL');
      for (const d of databases) await d.close();
      if (schemas.length > 0) {
        const admin = openDatabase(pgUrl!);
        for (const s of schemas) await sql.raw(`drop schema if exists ${s} cascade`).execute(admin.db);
        await admin.close();
      }
      await nats?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    async function freshSchema(tag: string): Promise<{ url: string; database: RaqibDatabase }> {
      const schema = `raqib_recovery_${tag}_${process.pid}`;
      const admin = openDatabase(pgUrl!);
      await sql.raw(`drop schema if exists ${schema} cascade; create schema ${schema}`).execute(admin.db);
      await admin.close();
      schemas.push(schema);
      const url = `${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}schema=${schema}`;
      const database = openDatabase(url);
      databases.push(database);
      await migrateToLatest(database);
      return { url, database };
    }

    // transactions judged by the account lanes (the merger's checkpoint counts firings)
    const processed = async (database: RaqibDatabase) => {
      const row = await sql<{
        n: string | number | null;
      }>`select sum(processed) as n from scale_checkpoints where lane like 'p%'`.execute(database.db);
      return Number(row.rows[0]?.n ?? 0);
    };
    /** Payments judged by the lanes p2 and p3 (the worker the four-partition test kills). */
    const processedHigh = async (database: RaqibDatabase) => {
      const row = await sql<{
        n: string | number | null;
      }>`select sum(processed) as n from scale_checkpoints where lane in ('p2', 'p3')`.execute(database.db);
      return Number(row.rows[0]?.n ?? 0);
    };

    async function expectEmbedded(database: RaqibDatabase, stream: string): Promise<void> {
      const alerts = await new SqlAlertStore(database.db).listAlerts({ limit: 1_000_000 });
      expect(alerts.length).toBe(embedded.length);
      expect(comparable(alerts)).toEqual(comparable(embedded));
      // every transaction judged once (by its payer's lane), each firing stored once: nothing lost, nothing twice
      expect(await processed(database)).toBe(txs.length);
      expect(firings).toBeGreaterThan(0);
      expect(await new SqlLaneStore(database.db).countFirings(stream)).toBe(firings);
    }

    it('a worker killed with SIGKILL mid-stream and restarted raises the alerts of the single-process scan', async () => {
      const stream = `KILL_${process.pid}`;
      const { url, database } = await freshSchema('kill');
      const common = ['--nats', nats!.url, '--partition-count', '1', '--stream', stream];
      const ingest = await cli(['ingest', ...common, '--quarantine', join(dir, 'q1.jsonl'), file]).done;
      expect(ingest.code, ingest.out).toBe(0);

      // a snapshot every tenth of the stream: killed after a quarter, the restart loads one (and its seen ids)
      const every = String(Math.ceil(txs.length / 10));
      const worker = ['worker', ...common, '--db', url, '--batch', '100', '--exit-when-idle', '1500'];
      const first = cli([...worker, '--snapshot-every', every]);
      await until(async () => (await processed(database)) >= txs.length / 4, 'the first worker to get going');
      first.child.kill('SIGKILL');
      const killed = await first.done;
      expect(killed.code).toBeNull(); // it died, it did not finish
      const before = await processed(database);
      expect(before).toBeLessThan(txs.length);

      const second = await cli([...worker, '--snapshot-every', every, '--json']).done;
      expect(second.code, second.out).toBe(0);
      expect(second.out).toMatch(
        /window state loaded from the snapshot at #\d+, then rebuilt from the stream up to #\d+/,
      );
      await expectEmbedded(database, stream);
    }, 120_000);

    it('four partitions on two workers, one killed with SIGKILL mid-stream and restarted, raise the alerts of the single-process scan', async () => {
      const stream = `KILL4_${process.pid}`;
      const { url, database } = await freshSchema('kill4');
      const common = ['--nats', nats!.url, '--partition-count', '4', '--stream', stream];
      const ingest = await cli(['ingest', ...common, '--quarantine', join(dir, 'q4.jsonl'), file]).done;
      expect(ingest.code, ingest.out).toBe(0);

      const worker = ['worker', ...common, '--db', url, '--batch', '100', '--exit-when-idle', '1500'];
      const a = cli([...worker, '--partitions', '0-1', '--merger']);
      const b = cli([...worker, '--partitions', '2-3']);
      // both workers under way: on a loaded machine the second may start late, and killed before its first commit it
      // would restart from nothing, which is not the recovery this test is about
      await until(
        async () => (await processed(database)) >= txs.length / 4 && (await processedHigh(database)) > 0,
        'the workers to get going',
      );
      b.child.kill('SIGKILL');
      const killed = await b.done;
      expect(killed.code).toBeNull(); // it died, it did not finish
      expect(await processed(database)).toBeLessThan(txs.length);

      const again = await cli([...worker, '--partitions', '2-3', '--json']).done;
      expect(again.code, again.out).toBe(0);
      expect(again.out).toMatch(
        /window state (loaded from the snapshot at #\d+, then )?rebuilt from the stream up to #\d+/,
      );
      const merged = await a.done;
      expect(merged.code, merged.out).toBe(0);
      await expectEmbedded(database, stream);
    }, 180_000);

    /**
     * The server stopped in the middle of the ingest and again in the middle of the consumption; with more than one
     * partition, two workers (one with the merger) ride it out together.
     */
    async function rideOutRestarts(tag: string, partitions: 1 | 4): Promise<void> {
      const stream = `${tag}_${process.pid}`;
      const { url, database } = await freshSchema(tag.toLowerCase());
      const common = ['--nats', nats!.url, '--partition-count', String(partitions), '--stream', stream];
      // rounds of 10 payments: hundreds of messages, so that the server stops in the middle of the ingest
      const ingest = cli([
        'ingest',
        ...common,
        '--round',
        '10',
        '--quarantine',
        join(dir, `${tag}.jsonl`),
        file,
      ]);
      const watcher = await NatsBus.connect(nats!.url);
      await until(async () => {
        const reader = await watcher
          .reader(stream, { filterSubject: `${subjectPrefixFor(stream)}.>`, startSeq: 1 })
          .catch(() => undefined);
        const n = reader ? await reader.pending() : 0;
        await reader?.close();
        return n > 50;
      }, 'ingest to have published part of the file');
      await watcher.close();
      // the restart must fall inside the ingest, or this case tests nothing
      expect(ingest.child.exitCode, 'ingest still running when the server stops').toBeNull();
      await nats!.stop(); // mid-ingest
      await sleep(1000);
      await nats!.start();
      const ingested = await ingest.done;
      expect(ingested.code, ingested.out).toBe(0);
      expect(ingested.out).toMatch(new RegExp(`ingested ${txs.length} transactions`));

      const worker = ['worker', ...common, '--db', url, '--batch', '100', '--exit-when-idle', '2000'];
      const workers =
        partitions === 1
          ? [cli(worker)]
          : [cli([...worker, '--partitions', '0-1', '--merger']), cli([...worker, '--partitions', '2-3'])];
      await until(
        async () =>
          (await processed(database)) >= txs.length / 4 &&
          (partitions === 1 || (await processedHigh(database)) > 0),
        'the workers to get going',
      );
      expect(await processed(database), 'payments left to judge when the server stops').toBeLessThan(
        txs.length,
      );
      await nats!.stop(); // mid-consumption
      await sleep(1000);
      await nats!.start();
      for (const w of workers) {
        const done = await w.done;
        expect(done.code, done.out).toBe(0);
      }
      await expectEmbedded(database, stream);
    }

    it('ingest and worker ride out a restart of the NATS server without losing or repeating anything', async () => {
      await rideOutRestarts('RESTART', 1);
    }, 120_000);

    it('four partitions on two workers ride out a restart of the NATS server without losing or repeating anything', async () => {
      await rideOutRestarts('RESTART4', 4);
    }, 180_000);
  });
}
