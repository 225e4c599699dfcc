/**
 * Where one worker's CPU goes on the bench:scale stream (issue 6, decision 0064): receive, decode, window-state
 * update, detectors, and the whole lane runner (commits and the rest are what the runner costs beyond the parts).
 * Everything runs in this one process, the parts interleaved round by round, so that a busy shared machine
 * disturbs them alike. Starts its own nats-server; PostgreSQL from RAQIB_TEST_PG (default the local server), in a
 * schema of its own; writes the "Scale-out: where one worker's CPU goes" section of BENCHMARKS.md (not with
 * RAQIB_BENCH_QUICK=1). The same payments are read from two streams, one message per payment (version 2, before
 * 0064) and rounds (version 4 since docs/decisions/0066-columns-parts.md). Prints a table and, for each, the ceiling of two workers over one.
 * `npx tsx bench/scale-profile.ts [--rounds 3] [--round 1024] [--batch 2000] [--accounts 6000 --days 10 --seed 7 --partitions 4]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NatsBus } from '@raqib/bus-nats';
import {
  createDetectionStage,
  decodeTxMessage,
  defaultMonitoringConfig,
  encodeTransactionMessage,
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
import { machineLine, writeBenchmarkSection } from './benchmarks-file.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '6000' },
    days: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    partitions: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    // payments per round of the stream (0064); 1 gives one message per payment, as before rounds
    round: { type: 'string', default: '1024' },
    // payments per database transaction, as `raqib worker --batch`
    batch: { type: 'string', default: '2000' },
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
  const bus = await NatsBus.connect(nats.url);
  const spec = (name: string): TxStreamSpec => ({
    name,
    subjectPrefix: subjectPrefixFor(name),
    partitions: P,
  });
  // version 2, one message per payment (before 0064), and rounds of --round payments (version 4, 0066)
  const v2 = spec('PROFILE_V2');
  await ensureTxStream(bus, v2);
  for (let i = 0; i < n; i += 512) {
    await Promise.all(
      txs.slice(i, i + 512).map((tx) => {
        const p = payerPartition(tx, P);
        return bus.publish(`${v2.subjectPrefix}.${p}.o`, encodeTransactionMessage(tx), {
          msgId: `${tx.id}:${p}`,
        });
      }),
    );
  }
  const rounds4 = spec('PROFILE_V4');
  await ensureTxStream(bus, rounds4);
  const publisher = new TxPublisher(bus, rounds4, { roundPayments: Number(values.round) });
  await publisher.publish(txs);
  const streams = [
    { label: 'one payment a message (v2)', stream: v2, messages: n },
    { label: `rounds of ${values.round} (v4)`, stream: rounds4, messages: publisher.stats.parts },
  ];
  log(`${n} transactions published to ${P} partitions: ${n} and ${publisher.stats.parts} messages`);

  const config = defaultMonitoringConfig();
  const mineHalf = new Set(Array.from({ length: P / 2 }, (_, i) => i));
  const payerPart = txs.map((tx) => payerPartition(tx, P));
  const parts: Record<string, number[]> = {};
  const add = (k: string, v: number) => {
    parts[k] ??= [];
    parts[k].push(v);
  };

  for (let r = 0; r < rounds; r++) {
    for (const { label: format, stream, messages } of streams) {
      log(`round ${r + 1}: ${format}`);
      const key = (part: string) => `${part}\t${format}`;
      // receive: the ordered reader of a worker, every message handed out, nothing done with it
      const got: Uint8Array[] = [];
      add(
        key('receive'),
        await cpu(async () => {
          const reader = await bus.reader(stream.name, {
            filterSubject: `${stream.subjectPrefix}.*.o`,
            startSeq: 1,
          });
          while (got.length < messages) for (const d of await reader.fetch(2000, 200)) got.push(d.data);
          await reader.close();
        }),
      );
      let decoded: Transaction[] = [];
      add(
        key('decode'),
        await cpu(() => {
          decoded = [];
          for (const d of got) {
            const m = decodeTxMessage(d);
            if (m.kind === 'tx') decoded.push(m.tx);
            else for (const e of m.part.entries) decoded.push(e.tx);
          }
        }),
      );
      add(
        key('state'),
        await cpu(() => {
          const stage = createDetectionStage({ config, reference: {}, onFiring: () => undefined });
          for (const tx of decoded) stage.process(tx, false);
        }),
      );
      add(
        key('state + all detectors'),
        await cpu(() => {
          const stage = createDetectionStage({ config, reference: {}, onFiring: () => undefined });
          for (const tx of decoded) stage.process(tx, true);
        }),
      );
      add(
        key('state + half the detectors'),
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
          batchSize: Number(values.batch),
        });
        await runner.start();
        const t0 = performance.now();
        add(
          key(label),
          await cpu(async () => {
            const read = () => runner.stats().processed + runner.stats().followed;
            while (read() < n) await runner.step(200);
            await runner.flush();
          }),
        );
        add(key(`${label} (wall)`), (performance.now() - t0) / 1000);
        if (runner.stats().processed + runner.stats().followed !== n)
          throw new Error(`${format}: ${label} read ${runner.stats().processed + runner.stats().followed}`);
        await runner.close();
        await database.close();
        await sql.raw(`drop schema ${s} cascade`).execute(admin.db);
      }
    }
  }
  await bus.close();

  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  const m = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v)]));
  const us = (s: number) => ((s / n) * 1e6).toFixed(2);
  const lines = [
    `| part | format | CPU s per round | median s | µs per payment |`,
    `|---|---|---|---:|---:|`,
  ];
  for (const [k, v] of Object.entries(parts)) {
    const [part, format] = k.split('\t');
    lines.push(
      `| ${part} | ${format} | ${v.map((x) => x.toFixed(2)).join(', ')} | ${m[k]!.toFixed(2)} | ${us(m[k]!)} |`,
    );
  }
  lines.push('');
  for (const { label: format } of streams) {
    const g = (part: string) => m[`${part}\t${format}`]!;
    const all = g('runner, all lanes');
    const half = g('runner, half the lanes');
    const rest = all - g('receive') - g('decode') - g('state + all detectors');
    lines.push(
      `${format}: detectors alone ${(g('state + all detectors') - g('state')).toFixed(2)} s; runner beyond receive + ` +
        `decode + monitor (commits, batching, GC, seen ids) ${rest.toFixed(2)} s (${us(rest)} µs); two workers over ` +
        `one, CPU-bound with a core each: ${(all / half).toFixed(2)}; if receiving cost nothing: ` +
        `${((all - g('receive')) / (half - g('receive'))).toFixed(2)}`,
    );
  }
  lines.push(
    `${n} payments, ${P} partitions, ${rounds} rounds; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} at the end`,
  );
  const command = `npx tsx bench/scale-profile.ts ${process.argv.slice(2).join(' ')}`.trim();
  const md = `## Scale-out: where one worker's CPU goes

\`${command}\` (bench/scale-profile.ts): the bench:scale payments (${n}, ${P} partitions) read by one process from
two streams of its own nats-server, one message per payment (version 2, as before docs/decisions/0064-rounds.md) and
rounds (version 4, columns: 0066), the parts of a worker timed separately (CPU seconds of the process, user + system), the two
formats alternating round by round; "runner" is the whole \`LaneRunner\` with PostgreSQL commits. Machine:
${machineLine()}. Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

${lines.join('\n')}
`;
  process.stdout.write(md);
  if (process.env.RAQIB_BENCH_QUICK !== '1') writeBenchmarkSection('scale-profile', md);
} finally {
  await sql
    .raw(`drop schema if exists ${schema} cascade`)
    .execute(admin.db)
    .catch(() => undefined);
  await admin.close();
  await nats.dispose();
  rmSync(dir, { recursive: true, force: true });
}
