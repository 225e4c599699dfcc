/**
 * One measurement in a fresh process, so that peak RSS belongs to that measurement alone.
 * Usage: monitoring-child.ts parse|scan DATA_DIR OUT_DIR — prints one JSON line.
 */
import { join } from 'node:path';
import { defaultMonitoringConfig } from '@raqib/core';
import { readAccounts, readBanks, readTransactions } from '@raqib/formats';
import { loadFxRatesFile } from '../apps/cli/src/scan/load-reference.ts';
import { runScan } from '../apps/cli/src/scan/run-scan.ts';

const [mode, dataArg, outArg] = process.argv.slice(2);
if (!mode || !dataArg || !outArg) throw new Error('usage: monitoring-child.ts parse|scan DATA_DIR OUT_DIR');
const dataDir: string = dataArg;
const outDir: string = outArg;
const input = join(dataDir, 'transactions.csv');

async function parseOnly(): Promise<number> {
  let rows = 0;
  let checksum = 0;
  for await (const batch of readTransactions(input, { format: 'amlworld' })) {
    rows += batch.accepted.length + batch.rejected.length;
    // touch a field so that the reader's work cannot be optimised away
    for (const tx of batch.accepted) checksum += tx.amountPaid & 1;
  }
  if (checksum < 0) process.stdout.write('');
  return rows;
}

async function fullScan(): Promise<number> {
  const banks = await readBanks(join(dataDir, 'banks.csv'));
  const accounts = await readAccounts(join(dataDir, 'accounts.csv'));
  const summary = await runScan(
    {
      input,
      format: 'amlworld',
      banks,
      accounts,
      fxRates: await loadFxRatesFile(join(dataDir, 'fx-rates.csv')),
      config: defaultMonitoringConfig(),
      outDir,
      clock: { now: () => Date.now() },
    },
    () => performance.now(),
  );
  return summary.records.read;
}

const started = performance.now();
const rows = mode === 'parse' ? await parseOnly() : await fullScan();
const seconds = (performance.now() - started) / 1000;
const maxRssMB = process.resourceUsage().maxRSS / 1024;
// CPU time of the whole process (start-up and module loading included): the figure A/B runs on a shared machine compare
const cpu = process.cpuUsage();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(
  `${JSON.stringify({ mode, rows, seconds, rowsPerSecond: rows / seconds, maxRssMB, cpuSeconds })}\n`,
);
