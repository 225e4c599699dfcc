import { hostname } from 'node:os';
import { NatsBus, redactNatsUrl } from '@raqib/bus-nats';
import { MERGER_LANE, parsePartitionList, ROUND_MAX_AGE } from '@raqib/core';
import {
  acquireLaneLease,
  type LaneLease,
  LanesHeldError,
  SqlAlertStore,
  SqlCheckpointStore,
  SqlLaneStore,
  waitForLaneLease,
} from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openStore } from '../db-option.ts';
import { startProgress } from '../progress.ts';
import { SEEN_HORIZON_MS } from './seen-ids.ts';
import { LaneRunner } from './worker-lane.ts';
import { MergerRunner } from './worker-merger.ts';
import { loadWorkerReference } from './worker-reference.ts';
import {
  DEFAULT_PARTITIONS,
  DEFAULT_STREAM,
  ensureTxStream,
  laneName,
  txStreamFromFlags,
} from './worker-stream.ts';

interface WorkerFlags {
  partitions?: string;
  merger?: boolean;
  nats?: string;
  db?: string;
  partitionCount: string;
  stream: string;
  banks?: string;
  accounts?: string;
  config?: string;
  jurisdictions?: string;
  fxRates?: string;
  batch: string;
  snapshotEvery: string;
  exitWhenIdle?: string;
  standby?: boolean;
  json?: boolean;
}

/** `raqib worker --partitions 0-3 --nats URL --db postgres://…`: consumes lanes of the stream and raises alerts. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'follow the transaction stream, judge the payments of some partitions, merge firings into alerts in the store',
    )
    .option(
      '--partitions <list>',
      'account partitions this worker judges, e.g. 0-3 or 0,2,5, or none with --merger (default: all, and the merger lane)',
    )
    .option('--merger', 'also run the merger lane (firings → alerts; exactly one worker runs it)')
    .option('--nats <url>', 'NATS server URL (env RAQIB_NATS)')
    .addOption(dbOption())
    .option(
      '--partition-count <n>',
      'partitions of the stream (must match ingest)',
      String(DEFAULT_PARTITIONS),
    )
    .option('--stream <name>', 'JetStream stream name', DEFAULT_STREAM)
    .option('--banks <file>', 'banks.csv (bank_id,country_iso2)')
    .option('--accounts <file>', 'accounts.csv (bank_id,account,entity_name,entity_type)')
    .option('--config <file>', 'monitoring configuration (JSON)')
    .option('--jurisdictions <file>', 'jurisdiction list (default: the shipped file)')
    .option(
      '--fx-rates <file>',
      'day FX rates, CSV date,currency,usd_per_unit (give the scan the same file to compare)',
    )
    .option(
      '--batch <n>',
      'payments per database transaction (whole messages: a batch may run over by a round)',
      '8000',
    )
    .option(
      '--snapshot-every <n>',
      'store a window-state snapshot about every n transactions, so that a restart replays only what follows (0: never)',
      '250000',
    )
    .option(
      '--standby',
      'when another worker holds these lanes, wait and take them over when it stops (instead of exiting)',
    )
    .option(
      '--exit-when-idle <ms>',
      "batch run: exit once nothing came for this long and this worker's lanes (and its merger: every lane of the stream) have committed up to the stream's last message; the merger then closes open patterns",
    )
    .option('--json', 'print the summary as JSON')
    .action(async (flags: WorkerFlags) => {
      await runWorker(flags);
    });
}

/** True when the positions show that nothing is left (an unreachable bus or database is not "done"). */
async function drained(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch {
    return false;
  }
}

/**
 * The account lanes, and whether this worker runs the merger lane (the default when it runs every lane).
 * `--partitions none --merger` runs the merger alone, so that the account workers can be alike.
 */
export function parseLanes(
  flags: Pick<WorkerFlags, 'partitions' | 'merger'>,
  partitions: number,
): { lanes: number[]; merger: boolean } {
  if (flags.partitions === 'none') {
    if (flags.merger !== true) {
      throw new CliError(
        '--partitions none leaves this worker nothing to do: add --merger to run the merger alone',
      );
    }
    return { lanes: [], merger: true };
  }
  let lanes: number[];
  try {
    lanes =
      flags.partitions === undefined
        ? Array.from({ length: partitions }, (_, i) => i)
        : parsePartitionList(flags.partitions, partitions);
  } catch (error) {
    throw new CliError(`--partitions: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { lanes, merger: flags.merger === true || flags.partitions === undefined };
}

/**
 * What a worker without the merger lane tells its operator: its lanes write firings, and alerts appear only once
 * some worker of the stream runs `--merger` (the issue's own example, `--partitions 0-3`, is such a worker).
 */
export function withoutMergerNote(lanes: readonly number[], merger: boolean, partitions: number): string {
  if (merger) return '';
  const mine = new Set(lanes);
  const others = Array.from({ length: partitions }, (_, p) => p).filter((p) => !mine.has(p));
  const lanesWord =
    lanes.length === 1 ? 'this lane writes firings, which become' : 'these lanes write firings, which become';
  return (
    `raqib worker: no merger lane here: ${lanesWord} alerts only where one worker of the stream runs --merger` +
    `${others.length > 0 ? ` (partition${others.length === 1 ? '' : 's'} ${others.join(',')} of ${partitions} ${others.length === 1 ? 'is' : 'are'} not run here)` : ''}\n`
  );
}

async function runWorker(flags: WorkerFlags): Promise<void> {
  const url = flags.nats ?? process.env.RAQIB_NATS;
  if (!url) throw new CliError('worker needs --nats URL (or RAQIB_NATS)');
  const stream = txStreamFromFlags(flags.stream, flags.partitionCount);
  const { lanes, merger: runsMerger } = parseLanes(flags, stream.partitions);
  const batchSize = Number(flags.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new CliError(`--batch must be an integer from 1 to 10000, not "${flags.batch}"`);
  }
  const snapshotEvery = Number(flags.snapshotEvery);
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 0) {
    throw new CliError(
      `--snapshot-every must be a whole number of transactions, not "${flags.snapshotEvery}"`,
    );
  }
  const idleMs = flags.exitWhenIdle === undefined ? undefined : Number(flags.exitWhenIdle);
  if (idleMs !== undefined && !(Number.isFinite(idleMs) && idleMs >= 0)) {
    throw new CliError(`--exit-when-idle must be milliseconds, not "${flags.exitWhenIdle}"`);
  }
  const { reference, config } = await loadWorkerReference(flags);

  const database = await openStore(flags.db);
  const bus = await NatsBus.connect(url, { name: `raqib-worker-${process.pid}` }).catch(
    async (error: unknown) => {
      await database.close();
      throw new CliError(error instanceof Error ? error.message : String(error));
    },
  );
  const started = Date.now();
  let stopping = false;
  const interrupted = new AbortController();
  const onSignal = () => {
    stopping = true;
    interrupted.abort(new CliError('worker stopped before it could take its lanes'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let runner: LaneRunner | undefined;
  let merger: MergerRunner | undefined;
  let lease: LaneLease | undefined;
  try {
    const names = lanes.map((l) => laneName(l));
    if (runsMerger) names.push(laneName(MERGER_LANE));
    const keys = names.map((n) => `${stream.name}/${n}`);
    let waiting = false;
    lease = await (flags.standby
      ? waitForLaneLease(database, keys, {
          signal: interrupted.signal,
          onHeld: (held) => {
            if (!waiting) {
              process.stderr.write(
                `raqib worker: lanes ${held.join(', ')} are held by another worker; standing by to take them over\n`,
              );
            }
            waiting = true;
          },
        })
      : acquireLaneLease(database, keys)
    ).catch((error: unknown) => {
      if (error instanceof CliError) throw error;
      throw new CliError(
        `${error instanceof Error ? error.message : String(error)}${error instanceof LanesHeldError ? ' (--standby waits for them)' : ''}`,
      );
    });
    await ensureTxStream(bus, stream);
    const deps = {
      bus,
      stream,
      store: new SqlLaneStore(database.db),
      checkpoints: new SqlCheckpointStore(database.db),
      alerts: new SqlAlertStore(database.db),
      config,
      reference,
      clock: { now: () => Date.now() },
      worker: `${hostname()}:${process.pid}`,
      batchSize,
      ...(snapshotEvery > 0 ? { snapshotEvery } : {}),
      onRejected: (seq: number, reason: string) => {
        process.stderr.write(
          `raqib worker: message ${stream.name}#${seq} rejected: ${reason} (kept in scale_rejects)\n`,
        );
      },
    };
    if (lanes.length > 0) {
      runner = new LaneRunner(lanes, deps);
      await runner.start();
    }
    if (runsMerger) {
      merger = new MergerRunner(deps);
      await merger.start();
    }
    const restart = runner?.stats();
    const rebuild = !restart?.rebuildTo
      ? ''
      : ` (window state ${restart.restoredFrom ? `loaded from the snapshot at #${restart.restoredFrom}, then ` : ''}` +
        `rebuilt from the stream up to #${restart.rebuildTo})`;
    process.stderr.write(
      `raqib worker: lanes ${names.join(',')} of ${stream.name} at ${redactNatsUrl(url)} → ${database.location}${rebuild}\n`,
    );
    process.stderr.write(withoutMergerNote(lanes, runsMerger, stream.partitions));
    // the backlog at start sizes the bar (on a TTY only); a live stream keeps growing past it, which the bar caps
    const backlog = runner ? await runner.pending().catch(() => 0) : 0;
    const progress = startProgress('worker', backlog, ' messages');
    // CPU spent before reading the stream (process start-up, loading the code, restoring the window state)
    const cpuAtStart = process.cpuUsage();
    let lastWork = Date.now();
    // when the first batch began and the last one was handled: the busy span, without start-up and the final idle
    // wait (a batch of rounds is thousands of payments: the first one's own time is part of the span)
    let firstAt = 0;
    let lastAt = 0;
    const worked = (began: number) => {
      lastWork = Date.now();
      firstAt ||= began;
      lastAt = lastWork;
    };
    const idle = () => idleMs !== undefined && Date.now() - lastWork >= idleMs;
    let lanesDone = runner === undefined;
    const tasks: Promise<void>[] = [];
    if (runner) {
      const r = runner;
      tasks.push(
        (async () => {
          while (!stopping) {
            const began = Date.now();
            const n = await r.step(200);
            if (n > 0) worked(began);
            else if (idle() && (await drained(() => r.caughtUp()))) break;
            const s = r.stats();
            progress.update(
              s.processed + s.followed,
              `${s.processed} judged${s.late > 0 ? `, ${s.late} late (refused)` : ''}`,
            );
          }
          lanesDone = true;
        })(),
      );
    }
    if (merger) {
      const m = merger;
      tasks.push(
        (async () => {
          while (!stopping) {
            const began = Date.now();
            const n = await m.step();
            if (n > 0) worked(began);
            else if (lanesDone && idle() && (await drained(() => m.caughtUp()))) break;
            // alerts are not latency-critical to the second: merging a few times a second leaves the CPU to the lanes
            await new Promise((ok) => setTimeout(ok, 250));
          }
        })(),
      );
    }
    await Promise.all(tasks);
    progress.stop();
    if (!stopping && idleMs !== undefined && merger) await merger.finish();
    const seconds = (Date.now() - started) / 1000;
    const laneStats = runner?.stats();
    const mergerStats = merger?.stats();
    const processed = laneStats?.processed ?? 0;
    const summary = {
      lanes: laneStats,
      merger: mergerStats,
      processed,
      alerts: mergerStats?.alerts ?? 0,
      seconds,
      messagesPerSecond: Math.round(processed / Math.max(seconds, 1e-3)),
      firstAt,
      lastAt,
      // CPU time of this process: on a machine without a free core, it shows how work splits when wall time cannot
      cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
      // …and what of it went to the stream itself, start-up left out
      streamCpuSeconds: (process.cpuUsage(cpuAtStart).user + process.cpuUsage(cpuAtStart).system) / 1e6,
      interrupted: stopping,
    };
    if (laneStats && laneStats.openRounds > 0) {
      // parts of a round wait for the rest: a publisher stopped in the middle of a round (0064); running it again on
      // the same input sends the missing parts, which complete the round on every worker
      process.stderr.write(
        `raqib worker: ${laneStats.openRounds} round(s) of ${stream.name} still wait for parts: a publisher stopped ` +
          `in the middle of one; run the same ingest again to complete them (within ${ROUND_MAX_AGE} stream ` +
          'positions of their first part: past that every worker drops them, recorded in scale_rejects)\n',
      );
    }
    if (laneStats && laneStats.late > 0) {
      process.stderr.write(
        `raqib worker: ${laneStats.late} payment(s) of ${stream.name} came more than ${SEEN_HORIZON_MS / 86_400_000} ` +
          "days behind the stream's latest event time and were refused, never judged (each recorded in scale_rejects " +
          "by its payer's lane; docs/decisions/0065-seen-ids-horizon.md)\n",
      );
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(
        `worker: ${processed} transactions judged on lanes ${names.join(',')}, ${summary.alerts} alerts, ${seconds.toFixed(1)} s\n`,
      );
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner?.close();
    await lease?.release();
    await bus.close();
    await database.close();
  }
}
