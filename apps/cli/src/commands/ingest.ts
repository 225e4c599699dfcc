import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { NatsBus, redactNatsUrl } from '@raqib/bus-nats';
import {
  MAX_ROUND_PAYMENTS,
  ROUND_PAYMENTS,
  roundEntryProblem,
  streamAdmissionProblem,
  type Transaction,
  TxPublisher,
} from '@raqib/core';
import { detectFormat, isTransactionFormat, readTransactions, type TransactionFormat } from '@raqib/formats';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { startProgress } from '../progress.ts';
import { amlworldStreamId } from './stream-ids.ts';
import { DEFAULT_PARTITIONS, DEFAULT_STREAM, ensureTxStream, txStreamFromFlags } from './worker-stream.ts';

interface IngestFlags {
  nats?: string;
  partitionCount: string;
  stream: string;
  format?: string;
  quarantine: string;
  round: string;
  json?: boolean;
}

/** `raqib ingest --nats URL FILE…`: reads transaction files and publishes them to the partitioned stream. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('publish transaction files to the NATS JetStream stream, partitioned by account')
    .argument('<files...>', 'transaction files (AMLworld CSV, JSONL, pacs.008 XML, AMLSim CSV)')
    .option('--nats <url>', 'NATS server URL (env RAQIB_NATS)')
    .option(
      '--partition-count <n>',
      'partitions of the stream (must match the workers)',
      String(DEFAULT_PARTITIONS),
    )
    .option('--stream <name>', 'JetStream stream name', DEFAULT_STREAM)
    .option('--format <format>', 'input format (amlworld, jsonl, pacs008, amlsim); detected when absent')
    .option('--quarantine <file>', 'where rejected records go (JSON lines)', 'ingest-quarantine.jsonl')
    .option(
      '--round <n>',
      `payments per round: each round is one message per partition present in it (docs/decisions/0064-rounds.md)`,
      String(ROUND_PAYMENTS),
    )
    .option('--json', 'print the summary as JSON')
    .action(async (files: string[], flags: IngestFlags) => {
      await runIngest(files, flags);
    });
}

async function runIngest(files: string[], flags: IngestFlags): Promise<void> {
  const url = flags.nats ?? process.env.RAQIB_NATS;
  if (!url) throw new CliError('ingest needs --nats URL (or RAQIB_NATS)');
  if (flags.format !== undefined && !isTransactionFormat(flags.format)) {
    throw new CliError(`--format must be one of amlworld, jsonl, pacs008, amlsim, not "${flags.format}"`);
  }
  const format = flags.format as TransactionFormat | undefined;
  for (const f of files) if (!existsSync(f)) throw new CliError(`input file not found: ${f}`);
  const roundPayments = Number(flags.round);
  if (!Number.isInteger(roundPayments) || roundPayments < 1 || roundPayments > MAX_ROUND_PAYMENTS) {
    throw new CliError(`--round must be an integer from 1 to ${MAX_ROUND_PAYMENTS}, not "${flags.round}"`);
  }
  const stream = txStreamFromFlags(flags.stream, flags.partitionCount);
  const bus = await NatsBus.connect(url, { name: 'raqib-ingest' }).catch((error: unknown) => {
    throw new CliError(error instanceof Error ? error.message : String(error));
  });
  const started = Date.now();
  const quarantine = createWriteStream(flags.quarantine);
  let rejected = 0;
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  try {
    await ensureTxStream(bus, stream);
    const publisher = new TxPublisher(bus, stream, { roundPayments });
    for (const file of files) {
      // AMLworld rows have no ids of their own: named by file and row (stream-ids.ts); other formats keep theirs
      const prefixIds = (format ?? (await detectFormat(file))) === 'amlworld';
      const total = statSync(file).size;
      const progress = startProgress(`ingest ${basename(file)}`, total, ' bytes');
      let bytes = 0;
      const tag = basename(file);
      for await (const batch of readTransactions(file, {
        ...(format ? { format } : {}),
        signal: interrupt.signal,
        onBytes: (done) => {
          bytes = done;
        },
      })) {
        const named: readonly Transaction[] = prefixIds
          ? batch.accepted.map((tx) => ({ ...tx, id: amlworldStreamId(tag, tx.id) }))
          : batch.accepted;
        // a payment past a part's limits (an id made too long by its file's name) would have every worker reject
        // its whole part: it is quarantined here instead (0064, limits and rejects)
        const txs: Transaction[] = [];
        const unfit: { row: number; reason: string; raw: string }[] = [];
        const now = Date.now();
        for (const tx of named) {
          const problem = roundEntryProblem(tx) ?? streamAdmissionProblem(tx, now);
          if (problem === undefined) txs.push(tx);
          else unfit.push({ row: tx.row, reason: problem, raw: JSON.stringify(tx).slice(0, 4096) });
        }
        await publisher.publish(txs);
        if (batch.rejected.length > 0 || unfit.length > 0) {
          let text = '';
          for (const r of [...batch.rejected, ...unfit]) text += `${JSON.stringify({ file, ...r })}\n`;
          if (!quarantine.write(text)) await once(quarantine, 'drain');
          rejected += batch.rejected.length + unfit.length;
        }
        progress.update(bytes, `${publisher.stats.transactions} tx`);
        if (interrupt.signal.aborted) break;
      }
      progress.stop();
      if (interrupt.signal.aborted) break;
    }
    const seconds = (Date.now() - started) / 1000;
    const summary = {
      nats: redactNatsUrl(url),
      stream: stream.name,
      partitions: stream.partitions,
      interrupted: interrupt.signal.aborted,
      ...publisher.stats,
      quarantined: rejected,
      quarantineFile: flags.quarantine,
      seconds,
      transactionsPerSecond: Math.round(publisher.stats.transactions / Math.max(seconds, 1e-3)),
    };
    if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(
        `ingested ${summary.transactions} transactions in ${summary.parts} messages ` +
          `(${summary.duplicates} already on the stream) into ${stream.name} (${stream.partitions} partitions) ` +
          `in ${seconds.toFixed(1)} s; ${rejected} rejected → ${flags.quarantine}\n`,
      );
    }
    if (summary.duplicates > 0) {
      process.stderr.write(
        `raqib ingest: ${summary.duplicates} payment(s) were already on ${stream.name} under the same ids and were not ` +
          'stored again — a re-run of the same input, or new payments under ids used before (an AMLworld file names ' +
          'its payments <file name>#<row>: give each file its own name)\n',
      );
    }
    if (interrupt.signal.aborted) process.exitCode = 130;
  } finally {
    process.off('SIGINT', onSignal);
    quarantine.end();
    await once(quarantine, 'finish');
    await bus.close();
  }
}
