/**
 * `npm run bench:scale`: the same synthetic dataset through the single-process monitor, through one worker and
 * through two workers (NATS JetStream + PostgreSQL, real `raqib ingest` / `raqib worker` processes), with the
 * throughput of each, their ratio, and the comparison of the alerts with the single-process run.
 * Starts its own nats-server on a spare port; PostgreSQL from RAQIB_TEST_PG (default the local server), in a
 * schema of its own per run. Writes the "Scale-out" section of BENCHMARKS.md; RAQIB_BENCH_QUICK=1 runs small and
 * writes nothing. Options: --accounts N --days D --seed S --partitions P, --own-sessions (each worker in its own
 * session, hence Linux autogroup: on a machine without an idle core, each then gets a share of its own, as a worker
 * on its own host would; its own BENCHMARKS.md section).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type Alert,
  createMonitor,
  defaultMonitoringConfig,
  fixedClock,
  type Transaction,
} from '@raqib/core';
import { readTransactions } from '@raqib/formats';
import { migrateToLatest, openDatabase, type RaqibDatabase, SqlAlertStore } from '@raqib/store-sql';
import { writeDataset } from '@raqib/synth';
import { startOwnNatsServer } from '@raqib/testkit';
import { sql } from 'kysely';
import { amlworldStreamId } from '../apps/cli/src/commands/stream-ids.ts';
import { machineLine, writeBenchmarkSection } from './benchmarks-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'apps/cli/bin/raqib.js');
const quick = process.env.RAQIB_BENCH_QUICK === '1';
const { values } = parseArgs({
  options: {
    // about 500,000 payments: long enough that each worker's warm-up (JIT, first commits) is a small part of its busy
    // span; with 117k payments (6,000 accounts) a busy span was about one second and the ratio mostly measured warm-up
    accounts: { type: 'string', default: quick ? '800' : '25000' },
    days: { type: 'string', default: quick ? '6' : '10' },
    seed: { type: 'string', default: '7' },
    partitions: { type: 'string', default: '4' },
    // each worker in a session of its own, hence its own Linux autogroup (its own share of a busy machine, as a
    // worker on its own host or container would have); writes its own section, never the default run's
    'own-sessions': { type: 'boolean', default: false },
  },
});
const accounts = Number(values.accounts);
const days = Number(values.days);
const seed = Number(values.seed);
const P = Number(values.partitions);
const ownSessions = values['own-sessions'] === true;
const pgBase = process.env.RAQIB_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (m: string) => process.stderr.write(`bench:scale: ${m}\n`);

function run(args: readonly string[], session = false): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // detached: setsid, a new session and so a new autogroup
      detached: session,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => ok({ code, out }));
  });
}

async function freshSchema(tag: string): Promise<{ url: string; database: RaqibDatabase }> {
  const schema = `raqib_bench_scale_${tag}`;
  const admin = openDatabase(pgBase);
  await sql.raw(`drop schema if exists ${schema} cascade; create schema ${schema}`).execute(admin.db);
  await admin.close();
  const url = `${pgBase}${pgBase.includes('?') ? '&' : '?'}schema=${schema}`;
  const database = openDatabase(url);
  await migrateToLatest(database);
  return { url, database };
}

const comparable = (a: Alert) => {
  const { createdAt: _, ...rest } = a;
  return JSON.stringify(rest);
};

function compare(expected: readonly Alert[], got: readonly Alert[]) {
  const want = new Map(expected.map((a) => [a.id, comparable(a)]));
  const have = new Map(got.map((a) => [a.id, comparable(a)]));
  let same = 0;
  for (const [id, text] of want) if (have.get(id) === text) same++;
  return {
    expected: want.size,
    got: have.size,
    identical: same,
    equal: same === want.size && have.size === want.size,
  };
}

interface WorkerRun {
  readonly label: string;
  readonly workers: readonly (readonly string[])[];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'raqib-bench-scale-'));
  const nats = await startOwnNatsServer();
  const databases: RaqibDatabase[] = [];
  try {
    log(`generating ${accounts} accounts × ${days} days (seed ${seed})`);
    await writeDataset(dir, { accounts, days, seed });
    const file = join(dir, 'transactions.csv');
    const txs: Transaction[] = [];
    // the names `raqib ingest` gives an AMLworld file's payments (its file name and the row): the same payments
    for await (const b of readTransactions(file))
      txs.push(...b.accepted.map((tx) => ({ ...tx, id: amlworldStreamId('transactions.csv', tx.id) })));
    const n = txs.length;

    log(`single process: ${n} transactions`);
    const t0 = performance.now();
    // no day FX rates: currency values are learnt from the stream, which every worker follows whole (0062)
    const monitor = createMonitor({ config: defaultMonitoringConfig(), clock: fixedClock(0) });
    const embedded: Alert[] = [];
    for (const tx of txs) {
      monitor.process(tx);
      embedded.push(...monitor.drainAlerts());
    }
    embedded.push(...monitor.finish());
    const embeddedSeconds = (performance.now() - t0) / 1000;

    const results: {
      label: string;
      partitions: number;
      messages: number;
      seconds: number;
      busy: number;
      slowest: number;
      cpu: number[];
      streamCpu: number[];
      cmp: ReturnType<typeof compare>;
      alerts: Alert[];
      spans: string;
      load: string;
    }[] = [];
    const ingests: { partitions: number; seconds: number; messages: number }[] = [];
    for (const partitions of [1, P]) {
      const stream = `BENCH_P${partitions}`;
      const common = ['--nats', nats.url, '--partition-count', String(partitions), '--stream', stream];
      const ti = performance.now();
      const ingest = await run(['ingest', ...common, '--quarantine', join(dir, 'q.jsonl'), '--json', file]);
      if (ingest.code !== 0) throw new Error(`ingest failed: ${ingest.out}`);
      // one message per transaction, on its payer's partition
      // rounds of payments, one message per partition present in each (0064)
      const parts = (JSON.parse(ingest.out.slice(ingest.out.indexOf('{'))) as { parts: number }).parts;
      ingests.push({ partitions, seconds: (performance.now() - ti) / 1000, messages: parts });
      const runs: WorkerRun[] =
        partitions === 1
          ? [{ label: '1 worker, 1 partition', workers: [[]] }]
          : [
              { label: `1 worker, ${partitions} partitions + merger`, workers: [[]] },
              {
                label: `2 workers, ${partitions} partitions + merger`,
                workers: [
                  ['--partitions', `0-${partitions / 2 - 1}`, '--merger'],
                  ['--partitions', `${partitions / 2}-${partitions - 1}`],
                ],
              },
            ];
      for (const r of runs) {
        const { url, database } = await freshSchema(`${partitions}_${r.workers.length}`);
        databases.push(database);
        const load = loadavg()[0]!.toFixed(1);
        log(`${r.label} (load ${load})`);
        const tw = performance.now();
        const outs = await Promise.all(
          r.workers.map((extra) =>
            run(
              ['worker', ...common, '--db', url, '--exit-when-idle', '1000', '--json', ...extra],
              ownSessions,
            ),
          ),
        );
        // the workers wait 1 s of silence before they close their windows and exit: not part of the work
        const seconds = (performance.now() - tw) / 1000 - 1;
        for (const o of outs) if (o.code !== 0) throw new Error(`worker failed: ${o.out}`);
        const summaries = outs.map(
          (o) =>
            JSON.parse(o.out.slice(o.out.indexOf('{"lanes"'))) as {
              processed: number;
              firstAt: number;
              lastAt: number;
              cpuSeconds: number;
              streamCpuSeconds: number;
            },
        );
        const t0w = Math.min(...summaries.map((x) => x.firstAt));
        const spans = summaries
          .map(
            (x, i) =>
              `worker ${i + 1} +${((x.firstAt - t0w) / 1000).toFixed(2)}–${((x.lastAt - t0w) / 1000).toFixed(2)} s ` +
              `(${x.processed} judged, ${x.streamCpuSeconds.toFixed(2)} CPU-s on the stream)`,
          )
          .join(', ');
        log(`  ${spans}`);
        const cpu = summaries.map((x) => x.cpuSeconds);
        const streamCpu = summaries.map((x) => x.streamCpuSeconds);
        // transactions judged: each exactly once across the workers' lanes
        const laneMessages = summaries.reduce((s, x) => s + x.processed, 0);
        const busy =
          (Math.max(...summaries.map((x) => x.lastAt)) - Math.min(...summaries.map((x) => x.firstAt))) / 1000;
        // the longest of the workers' own spans: a later start-up (loading the code) shifts a worker's span without
        // lengthening it, and on a stream that does not end, throughput is the slowest worker's rate
        const slowest = Math.max(...summaries.map((x) => x.lastAt - x.firstAt)) / 1000;
        const alerts = await new SqlAlertStore(database.db).listAlerts({ limit: 10_000_000 });
        results.push({
          label: r.label,
          partitions,
          messages: laneMessages,
          seconds,
          busy,
          slowest,
          cpu,
          streamCpu,
          cmp: compare(embedded, alerts),
          alerts,
          spans,
          load,
        });
      }
    }

    const one = results.find((r) => r.partitions === P && r.label.startsWith('1 worker'))!;
    const two = results.find((r) => r.label.startsWith('2 workers'))!;
    const sameAcrossWorkers = compare(one.alerts, two.alerts);
    const ratio = one.busy / two.busy;
    const steadyRatio = one.slowest / two.slowest;
    // with a free core per worker, the run takes as long as its busiest worker's CPU time
    const cpuRatio = Math.max(...one.cpu) / Math.max(...two.cpu);
    // the same without process start-up (loading the code), which a long-running worker pays once
    const streamCpuRatio = Math.max(...one.streamCpu) / Math.max(...two.streamCpu);
    const rows = results
      .map(
        (r) =>
          `| ${r.label} | ${r.messages} | ${r.seconds.toFixed(1)} | ${r.busy.toFixed(1)} | ${Math.round(n / r.busy)} | ` +
          `${r.cpu.map((c) => c.toFixed(1)).join(' + ')} | ${r.streamCpu.map((c) => c.toFixed(1)).join(' + ')} | ` +
          `${r.cmp.got} | ${r.cmp.identical} of ${r.cmp.expected}${r.cmp.equal ? ' (**equal**)' : ''} |`,
      )
      .join('\n');
    const md = `## Scale-out${ownSessions ? ', each worker in a session of its own (`--own-sessions`)' : ''}

\`npm run bench:scale${ownSessions ? ' -- --own-sessions' : ''}\` (bench/scale.ts): ${n} synthetic transactions (\`raqib generate\` ${accounts} accounts × ${days}
days, seed ${seed}; no day FX rates: currency values are learnt from the stream), published by \`raqib ingest\` in rounds of 1,024 payments (one message per partition present in a round: docs/decisions/0064-rounds.md) to NATS JetStream (own nats-server ${'2.9'}-compatible, spare port) and
consumed by \`raqib worker\` processes writing firings, checkpoints and alerts to PostgreSQL. Machine: ${machineLine()},
load average ${loadavg()[0]?.toFixed(1)} at the end (the machine is shared). Wall time from the workers' start to their
last commit ("wall", process start-up included) and from the first batch handled to the last one committed
("busy", the figure throughput is computed from). Measured ${new Date().toISOString().slice(0, 10)}.

| run | transactions judged | wall s | busy s | transactions/s (busy) | worker CPU s | of it on the stream (start-up left out) | alerts | identical to the single-process run |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| single process (\`createMonitor\`, in memory, no I/O) | ${n} | ${embeddedSeconds.toFixed(1)} | ${embeddedSeconds.toFixed(1)} | ${Math.round(n / embeddedSeconds)} | ${embeddedSeconds.toFixed(1)} | ${embeddedSeconds.toFixed(1)} | ${embedded.length} | (reference) |
${rows}

Ingest: ${ingests.map((i) => `${n} transactions in ${i.messages} messages for ${i.partitions} partition(s) in ${i.seconds.toFixed(1)} s`).join('; ')}.
Busy spans of the two workers: ${two.spans}. Load average before each run: ${results.map((r) => `${r.label} ${r.load}`).join('; ')}.

- **Two workers vs one** (same ${P} partitions + merger): ${ratio.toFixed(2)}× the throughput
  (busy ${one.busy.toFixed(1)} s → ${two.busy.toFixed(1)} s; wall ${one.seconds.toFixed(1)} s → ${two.seconds.toFixed(1)} s);
  ${steadyRatio.toFixed(2)}× by the slowest worker's own busy span (${one.slowest.toFixed(2)} s → ${two.slowest.toFixed(2)} s: the
  workers' start-ups left out, the rate of a stream that does not end); their alerts are ${sameAcrossWorkers.equal ? '**identical**' : `NOT identical (${sameAcrossWorkers.identical} of ${sameAcrossWorkers.expected})`}.
  CPU of the busiest worker: ${Math.max(...two.cpu).toFixed(1)} s instead of ${Math.max(...one.cpu).toFixed(1)} s (${cpuRatio.toFixed(2)}×); on the
  stream alone, start-up left out: ${Math.max(...two.streamCpu).toFixed(1)} s instead of ${Math.max(...one.streamCpu).toFixed(1)} s (${streamCpuRatio.toFixed(2)}×). Each worker
  follows the whole stream (decoding and window state) and runs the detectors for its own partitions only
  (docs/decisions/0062-detection-and-merger.md), so the part that divides is the detectors' share; rounds
  (0064) took the cost of receiving a message per payment out of the part every worker repeats. On a machine without
  an idle core the two workers compete for the same cores, and the wall-time ratio follows one worker's CPU over the
  two workers' together rather than the busiest worker's CPU, which is what a core per worker gives. (The workers of
  one run also share a session, hence a Linux autogroup; \`--own-sessions\` gives each its own.)
- **Equality with the single-process scan**: 1 partition ${results[0]?.cmp.equal ? '**equal**' : '**not equal**'}; ${P} partitions on one worker
  ${one.cmp.equal ? '**equal**' : `**not equal** (${one.cmp.identical} of ${one.cmp.expected})`}; on two workers ${two.cmp.equal ? '**equal**' : `**not equal** (${two.cmp.identical} of ${two.cmp.expected})`} (ids and content, creation time aside).
`;
    process.stdout.write(`${md}\n`);
    if (!quick) writeBenchmarkSection(ownSessions ? 'scale-own-sessions' : 'scale', md);
  } finally {
    for (const d of databases) await d.close();
    await nats.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
