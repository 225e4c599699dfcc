import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DatasetSummary, type GenerateOptions, SyntheticDataset } from './generator.ts';

/** The files `raqib generate` writes into its output directory. */
export const DATASET_FILES = {
  transactions: 'transactions.csv',
  patterns: 'patterns.txt',
  banks: 'banks.csv',
  accounts: 'accounts.csv',
  fxRates: 'fx-rates.csv',
} as const;

export interface WriteProgress {
  readonly day: number;
  readonly days: number;
  readonly rows: number;
}

async function streamTo(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const failed = once(out, 'error').then(([e]) => {
    throw e;
  });
  failed.catch(() => undefined);
  for (const chunk of chunks) {
    // backpressure: wait for the OS to take the buffered megabyte before producing the next day
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}

/**
 * Generates a data set and streams it into `dir` (created if missing): transactions.csv, patterns.txt,
 * banks.csv, accounts.csv and fx-rates.csv. Returns the data set's figures.
 */
export async function writeDataset(
  dir: string,
  options: GenerateOptions,
  onProgress?: (p: WriteProgress) => void,
): Promise<DatasetSummary> {
  await mkdir(dir, { recursive: true });
  const data = new SyntheticDataset(options);
  await writeFile(join(dir, DATASET_FILES.banks), data.banksCsv());
  await streamTo(join(dir, DATASET_FILES.accounts), data.accountsCsv());
  await writeFile(join(dir, DATASET_FILES.fxRates), data.fxRatesCsv());
  await streamTo(
    join(dir, DATASET_FILES.transactions),
    data.transactionChunks((day, rows) => onProgress?.({ day, days: options.days, rows })),
  );
  await writeFile(join(dir, DATASET_FILES.patterns), data.patternsTxt());
  return data.summary();
}
