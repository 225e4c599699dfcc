/**
 * Where one worker's CPU goes on the bench:scale stream (issue 6, decision 0064): receive, decode, window-state
 * update, detectors, and the whole lane runner (commits and the rest are what the runner costs beyond the parts).
 * Everything runs in this one process, the parts interleaved round by round, so that a busy shared machine
 * disturbs them alike. Starts its own nats-server; PostgreSQL from RAQIB_TEST_PG (default the local server), in a
 * schema of its own. Prints a table and the ceiling of two workers over one if receiving cost nothing.
 * `npx tsx bench/scale-profile.ts [--rounds 3] [--accounts 6000 --days 10 --seed 7 --partitions 4]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NatsBus } from '@raqib/bus-nats';
import {
  createDetectionStage,
  decodeMessageText,
  defaultMonitoringConfig,
  parseTransactionMessageText,
  payerPartition,
  subjectPrefixFor,
  type Transaction,
  TxPublisher,
  type TxStreamSpec,
} from '@raqib/core';
import { readTransactions } from '@raqib/formats';
import { migrateToLatest, openDatabase, SqlCheckpointStore, SqlLaneStore } from '@raqib/store-sql';
import { writeDataset } from '@raqib/synth';
import { startOwnNatsServer } from '@raqib/testkit';
import { sql } from 'kysely';
import { LaneRunner } from '../apps/cli/src/commands/worker-lane.ts';
import { ensureTxStream } from '../apps/cli/src/commands/worker-stream.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '6000' },
    days: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    partitions: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
  },
});
const P = Number(values.partitions);
const rounds = Number(values.rounds);
const pgBase = process.env.RAQIB_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (m: string) => process.stderr.write(`scale-profile: ${m}\n`);

/** CPU seconds (user + system) of this process spent in `work`. */
async function cpu(work: () => Promise<void> | void): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1e6;
}

const dir = mkdtempSync(join(tmpdir(), 'raqib-scale-profile-'));
const nats = await startOwnNatsServer();
const schema = `raqib_scale_profile_${process.pid}`;
const admin = openDatabase(pgBase);
try {
  await writeDataset(dir, {
    accounts: Number(values.accounts),
    days: Number(values.days),
    seed: Number(values.seed),
  });
  const txs: Transaction[] = [];
  for await (const b of readTransactions(join(dir, 'transactions.csv'))) txs.push(...b.accepted);
  const n = txs.length;
  const stream: TxStreamSpec = { name: 'PROFILE', subjectPrefix: subjectPrefixFor('PROFILE'), partitions: P };
  const bus = await NatsBus.connect(nats.url);
  await ensureTxStream(bus, stream);
  await new TxPublisher(bus, stream).publish(txs);
  log(`${n} transactions published to ${P} partitions`);

  const config = defaultMonitoringConfig();
  const mineHalf = new Set(Array.from({ length: P / 2 }, (_, i) => i));
  const payerPart = txs.map((tx) => payerPartition(tx, P));
  const parts: Record<string, number[]> = {};
  const add = (k: string, v: number) => {
    parts[k] ??= [];
    parts[k].push(v);
  };

  let datas: Uint8Array[] = [];
  for (let r = 0; r < rounds; r++) {
    log(`round ${r + 1}`);
    // receive: the ordered reader of a worker, every message handed out, nothing done with it
    const got: Uint8Array[] = [];
    add(
      'receive',
      await cpu(async () => {
        const reader = await bus.reader(stream.name, {
          filterSubject: `${stream.subjectPrefix}.*.o`,
          startSeq: 1,
        });
        while (got.length < n) for (const d of await reader.fetch(2000, 200)) got.push(d.data);
        await reader.close();
      }),
    );
    datas = got;
    let decoded: Transaction[] = [];
    add(
      'decode',
      await cpu(() => {
        decoded = datas.map((d) => parseTransactionMessageText(decodeMessageText(d)));
      }),
    );
    add(
      'state',
      await cpu(() => {
        const stage = createDetectionStage({ config, reference: {}, onFiring: () => undefined });
        for (const tx of decoded) stage.process(tx, false);
      }),
    );
    add(
      'state + all detectors',
      await cpu(() => {
        const stage = createDetectionStage({ config, reference: {}, onFiring: () => undefined });
        for (const tx of decoded) stage.process(tx, true);
      }),
    );
    add(
      'state + half the detectors',
      await cpu(() => {
        const stage = createDetectionStage({ config, reference: {}, onFiring: () => undefined });
        for (let i = 0; i < decoded.length; i++) stage.process(decoded[i]!, mineHalf.has(payerPart[i]!));
      }),
    );
    for (const [label, lanes] of [
      ['runner, all lanes', Array.from({ length: P }, (_, i) => i)],
      ['runner, half the lanes', [...mineHalf]],
    ] as const) {
      const s = `${schema}_${r}_${lanes.length}`;
      await sql.raw(`drop schema if exists ${s} cascade; create schema ${s}`).execute(admin.db);
      const database = openDatabase(`${pgBase}?schema=${s}`);
      await migrateToLatest(database);
      const runner = new LaneRunner(lanes, {
        bus,
        stream,
        store: new SqlLaneStore(database.db),
        checkpoints: new SqlCheckpointStore(database.db),
        config,
        reference: {},
        worker: `${hostname()}:${process.pid}`,
        batchSize: 2000,
      });
      await runner.start();
      const t0 = performance.now();
      add(
        label,
        await cpu(async () => {
          let seen = 0;
          while (seen < n) seen += await runner.step(200);
          await runner.flush();
        }),
      );
      add(`${label} (wall)`, (performance.now() - t0) / 1000);
      await runner.close();
      await database.close();
      await sql.raw(`drop schema ${s} cascade`).execute(admin.db);
    }
  }
  await bus.close();

  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  const m = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v)]));
  const us = (s: number) => ((s / n) * 1e6).toFixed(2);
  const lines = [`| part | CPU s per round | median s | µs per payment |`, `|---|---|---:|---:|`];
  for (const [k, v] of Object.entries(parts)) {
    lines.push(`| ${k} | ${v.map((x) => x.toFixed(2)).join(', ')} | ${m[k]!.toFixed(2)} | ${us(m[k]!)} |`);
  }
  const detectors = m['state + all detectors']! - m.state!;
  const all = m['runner, all lanes']!;
  const half = m['runner, half the lanes']!;
  const rest = all - m.receive! - m.decode! - m['state + all detectors']!;
  lines.push(
    '',
    `detectors alone: ${detectors.toFixed(2)} s (${us(detectors)} µs); runner beyond receive + decode + monitor ` +
      `(commits, batching, GC, seen ids): ${rest.toFixed(2)} s (${us(rest)} µs)`,
    `two workers over one today, CPU-bound with a core each: ${(all / half).toFixed(2)}`,
    `the same if receiving cost nothing: ${((all - m.receive!) / (half - m.receive!)).toFixed(2)}`,
    `the same if receiving and decoding cost nothing: ${((all - m.receive! - m.decode!) / (half - m.receive! - m.decode!)).toFixed(2)}`,
    `${n} payments, ${P} partitions, ${rounds} rounds; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} at the end`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await sql
    .raw(`drop schema if exists ${schema} cascade`)
    .execute(admin.db)
    .catch(() => undefined);
  await admin.close();
  await nats.dispose();
  rmSync(dir, { recursive: true, force: true });
}
