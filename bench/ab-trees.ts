/**
 * What the in-process A/B scripts (bench/monitor-ab.ts, bench/recall-ab.ts) share: each source tree's packages
 * loaded side by side in one process, and a `raqib generate` data set read once, with the first tree's reader, so
 * that every tree runs over the same objects.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Core from '@raqib/core';
import type * as Formats from '@raqib/formats';

const load = async <T>(tree: string, pkg: string): Promise<T> =>
  (await import(pathToFileURL(join(tree, 'packages', pkg, 'src', 'index.ts')).href)) as T;

/** One tree's core (pure: it needs no node_modules of its own). */
export const loadCore = (tree: string): Promise<typeof Core> => load<typeof Core>(tree, 'core');

/** Each tree's core, and the first tree's formats. */
export async function loadTrees(trees: readonly string[]) {
  const cores = await Promise.all(trees.map((t) => load<typeof Core>(t, 'core')));
  const formats = await load<typeof Formats>(trees[0]!, 'formats');
  return { cores, formats };
}

/** One tree's formats (the AMLworld reader and the reference-file readers). */
export const loadFormats = (tree: string): Promise<typeof Formats> => load<typeof Formats>(tree, 'formats');

/** A `raqib generate` output directory's reference files and day FX rates. */
export async function loadReference(dataDir: string, core: typeof Core, formats: typeof Formats) {
  const banks = await formats.readBanks(join(dataDir, 'banks.csv'));
  const accounts = await formats.readAccounts(join(dataDir, 'accounts.csv'));
  const fxRates = core.fxRatesFromTable(
    core.parseFxRatesCsv(await readFile(join(dataDir, 'fx-rates.csv'), 'utf8')),
  );
  return { banks, accounts, fxRates };
}

/** A `raqib generate` output directory: transactions, reference files and the day FX rates. */
export async function loadDataSet(dataDir: string, core: typeof Core, formats: typeof Formats) {
  const transactions: Core.Transaction[] = [];
  for await (const batch of formats.readTransactions(join(dataDir, 'transactions.csv'), {
    format: 'amlworld',
  }))
    for (const tx of batch.accepted) transactions.push(tx);
  return { transactions, ...(await loadReference(dataDir, core, formats)) };
}

/** A tree's monitor over the data set's reference, keeping each row's highest score in `scores`, as `raqib scan`. */
export function scoringMonitor(
  core: typeof Core,
  reference: Awaited<ReturnType<typeof loadReference>>,
  scores: Float32Array,
): Core.Monitor {
  return core.createMonitor({
    config: core.defaultMonitoringConfig(),
    reference: {
      banks: new Map(reference.banks.map((b) => [b.bankId, b])),
      accounts: new Map(reference.accounts.map((a) => [core.accountKey(a.bankId, a.account), a])),
      fxRates: reference.fxRates,
    },
    clock: { now: () => 0 },
    onScore: (row, _id, score) => {
      if (score > scores[row]!) scores[row] = score;
    },
  });
}
