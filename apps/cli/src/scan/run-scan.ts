import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AccountActivityLog,
  type AccountInfo,
  type Alert,
  type AlertStore,
  type BankInfo,
  type Clock,
  createMonitor,
  type MonitoringConfig,
  type ReferenceData,
  type ScreenedParty,
  withAccountActivity,
} from '@raqib/core';
import { detectFormat, readTransactions, type TransactionFormat } from '@raqib/formats';
import { writeFlags } from './flags-writer.ts';
import { referenceDataOf } from './load-reference.ts';
import { PartyCollector } from './party-collector.ts';
import { ScoreTable, storedThreshold } from './score-table.ts';

export interface ScanInput {
  readonly input: string;
  readonly format?: TransactionFormat | undefined;
  readonly banks?: readonly BankInfo[] | undefined;
  readonly accounts?: readonly AccountInfo[] | undefined;
  readonly jurisdictions?: ReferenceData['jurisdictions'];
  /** Day reference rates (USD per unit); without them the monitor derives rates from the data. */
  readonly fxRates?: ReferenceData['fxRates'];
  readonly config: MonitoringConfig;
  readonly outDir: string;
  readonly store?: AlertStore | undefined;
  readonly clock: Clock;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((bytes: number, total: number, rows: number, alerts: number) => void) | undefined;
  /** A step that is not reading transactions (screening the account holders), named before it starts. */
  readonly onStep?: ((text: string) => void) | undefined;
  /**
   * Party screening: receives named parties and returns sanctions alerts, stored with the scan's own. Called with
   * the account holders from accounts.csv before the transactions (the scan then gathers the payments of the
   * accounts that matched, as those alerts' evidence), and with the debtors and creditors the transactions name
   * after them.
   */
  readonly screenParties?: ((parties: readonly ScreenedParty[]) => Promise<readonly Alert[]>) | undefined;
}

export interface ScanSummary {
  readonly input: string;
  readonly format: string;
  readonly interrupted: boolean;
  readonly records: { readonly read: number; readonly accepted: number; readonly quarantined: number };
  readonly quarantineFile: string;
  readonly flagged: number;
  readonly alerts: number;
  readonly alertsByTypology: Readonly<Record<string, number>>;
  readonly stored: { readonly inserted: number; readonly updated: number };
  readonly configVersion: string;
  readonly seconds: number;
  readonly transactionsPerSecond: number;
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * One scan: read → monitor → outputs. A transaction crosses the house once: the reader yields batches, the monitor
 * scores each transaction and raises earlier rows retroactively through the score sink, alerts are drained as
 * their pattern instances close. The store receives alerts in one transaction per chunk, and alert ids are
 * stable, so an interrupted run leaves the database consistent and a rerun updates instead of duplicating.
 */
export async function runScan(options: ScanInput, now: () => number): Promise<ScanSummary> {
  const started = now();
  mkdirSync(options.outDir, { recursive: true });
  const paths = {
    flags: join(options.outDir, 'flags.csv'),
    alerts: join(options.outDir, 'alerts.jsonl'),
    summary: join(options.outDir, 'summary.json'),
    quarantine: join(options.outDir, 'quarantine.jsonl'),
  };
  if (!existsSync(options.input)) throw new Error(`input file not found: ${options.input}`);
  const totalBytes = statSync(options.input).size;
  // detected here rather than inside the reader, so that the summary can say which format was read
  const format = options.format ?? (await detectFormat(options.input));

  const table = new ScoreTable();
  const reference = referenceDataOf(options);
  const monitor = createMonitor({
    config: options.config,
    reference,
    clock: options.clock,
    onScore: (row, _txId, score, typologies) => table.raise(row, score, typologies),
  });

  const parties = options.screenParties ? new PartyCollector(options.accounts ?? []) : undefined;
  let holderHits: readonly Alert[] = [];
  if (options.screenParties && parties && parties.holders().length > 0) {
    options.onStep?.(`screening ${parties.holders().length.toLocaleString('en-US')} account holders`);
    holderHits = await options.screenParties(parties.holders());
  }
  const watched = new AccountActivityLog(holderHits.flatMap((a) => a.accounts));
  const watching = !watched.empty;
  const quarantine = createWriteStream(paths.quarantine);
  const alerts: Alert[] = [];
  let read = 0;
  let accepted = 0;
  let quarantined = 0;
  let bytes = 0;
  let interrupted = false;

  const batches = readTransactions(options.input, {
    format,
    ...(options.signal ? { signal: options.signal } : {}),
    onBytes: (done) => {
      bytes = done;
    },
  });
  try {
    for await (const batch of batches) {
      monitor.lookAhead(batch.accepted);
      for (const tx of batch.accepted) {
        table.accept(tx.row);
        const assessment = monitor.process(tx);
        if (parties && (tx.debtorName !== undefined || tx.creditorName !== undefined)) parties.add(tx);
        if (watching) watched.observe(tx);
        if (assessment.score > 0) table.raise(tx.row, assessment.score, assessment.typologies);
      }
      accepted += batch.accepted.length;
      if (batch.rejected.length > 0) {
        let text = '';
        for (const r of batch.rejected) text += `${JSON.stringify({ file: options.input, ...r })}\n`;
        if (!quarantine.write(text)) await once(quarantine, 'drain');
        quarantined += batch.rejected.length;
      }
      read += batch.accepted.length + batch.rejected.length;
      for (const a of monitor.drainAlerts()) alerts.push(a);
      options.onProgress?.(bytes, totalBytes, read, alerts.length);
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
    }
  } catch (error) {
    if (!(options.signal?.aborted && isAbort(error))) throw error;
    interrupted = true;
  }
  // An interrupted scan keeps only the pattern instances that had closed: their evidence is final, so a rerun
  // rebuilds the same alerts (same ids) and updates them. Closing the open ones early would store partial
  // instances under ids that the complete run would not reuse: duplicates of the same instance.
  if (!interrupted) for (const a of monitor.finish()) alerts.push(a);
  quarantine.end();
  await once(quarantine, 'finish');
  const holderIds = new Set<string>();
  for (const a of holderHits) {
    holderIds.add(a.id);
    alerts.push(withAccountActivity(a, a.accounts[0] && watched.of(a.accounts[0]), !interrupted));
  }
  // A payment that names the account's holder, as the holder, on the holder's account is the same hit (same entry,
  // name and account: the same alert id), and the holder's alert already lists the account's payments.
  if (options.screenParties && parties)
    for (const a of await options.screenParties(parties.named())) if (!holderIds.has(a.id)) alerts.push(a);

  const flagThreshold = options.config.flagThreshold;
  const flagged = await countAndWriteFlags(paths.flags, table, flagThreshold);
  await writeAlertsJsonl(paths.alerts, alerts);
  const stored = options.store ? await storeInChunks(options.store, alerts) : { inserted: 0, updated: 0 };

  const alertsByTypology: Record<string, number> = {};
  for (const a of alerts) for (const t of a.typologies) alertsByTypology[t] = (alertsByTypology[t] ?? 0) + 1;
  const seconds = (now() - started) / 1000;
  const summary: ScanSummary = {
    input: options.input,
    format,
    interrupted,
    records: { read, accepted, quarantined },
    quarantineFile: paths.quarantine,
    flagged,
    alerts: alerts.length,
    alertsByTypology,
    stored,
    configVersion: options.config.version,
    seconds,
    transactionsPerSecond: seconds > 0 ? Math.round(accepted / seconds) : accepted,
    outputs: paths,
  };
  await writeFile(paths.summary, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || /abort/i.test(error.message));
}

async function countAndWriteFlags(path: string, table: ScoreTable, threshold: number): Promise<number> {
  await writeFlags(path, table, threshold);
  let flagged = 0;
  const flagAt = storedThreshold(threshold);
  for (let row = 0; row <= table.maxRow; row++)
    if (table.isAccepted(row) && table.score(row) >= flagAt) flagged++;
  return flagged;
}

async function writeAlertsJsonl(path: string, alerts: readonly Alert[]): Promise<void> {
  const out = createWriteStream(path);
  for (const a of alerts) if (!out.write(`${JSON.stringify(a)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function storeInChunks(store: AlertStore, alerts: readonly Alert[]) {
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < alerts.length; i += 1000) {
    const r = await store.upsertAlerts(alerts.slice(i, i + 1000));
    inserted += r.inserted;
    updated += r.updated;
  }
  return { inserted, updated };
}
