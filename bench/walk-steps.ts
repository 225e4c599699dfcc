/**
 * Where the window walks go: runs the monitor over a `raqib generate` output and counts the steps (reads of a ring
 * slot's `prevIn` / `prevOut` link) each detector takes, and those the detection stage takes itself (pass-through
 * matching, funds tracing). A step is the unit of the walks' memory misses (decisions 0015, 0017), so this says
 * which detector a layout change must reach. Counting wraps the ring's methods: run it for the counts, never for
 * timing. Usage: node --import tsx bench/walk-steps.ts DATA_DIR — prints one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  accountKey,
  createMonitor,
  DETECTORS,
  defaultMonitoringConfig,
  fxRatesFromTable,
  parseFxRatesCsv,
} from '@raqib/core';
import { readAccounts, readBanks, readTransactions } from '@raqib/formats';
import { TxRing } from '../packages/core/src/monitoring/tx-ring.ts';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: walk-steps.ts DATA_DIR');

const STAGE = 'stage (pass-through matching, tracing)';
const steps = new Map<string, number>([[STAGE, 0]]);
let current = STAGE;
const { prevIn, prevOut } = TxRing.prototype;
TxRing.prototype.prevIn = function (this: TxRing, i: number) {
  steps.set(current, (steps.get(current) ?? 0) + 1);
  return prevIn.call(this, i);
};
TxRing.prototype.prevOut = function (this: TxRing, i: number) {
  steps.set(current, (steps.get(current) ?? 0) + 1);
  return prevOut.call(this, i);
};
for (const d of DETECTORS) {
  const evaluate = d.evaluate.bind(d);
  (d as { evaluate: typeof d.evaluate }).evaluate = (ctx, p) => {
    current = d.id;
    try {
      return evaluate(ctx, p);
    } finally {
      current = STAGE;
    }
  };
}

const banks = await readBanks(join(dataDir, 'banks.csv'));
const accounts = await readAccounts(join(dataDir, 'accounts.csv'));
const monitor = createMonitor({
  config: defaultMonitoringConfig(),
  reference: {
    banks: new Map(banks.map((b) => [b.bankId, b])),
    accounts: new Map(accounts.map((a) => [accountKey(a.bankId, a.account), a])),
    fxRates: fxRatesFromTable(parseFxRatesCsv(await readFile(join(dataDir, 'fx-rates.csv'), 'utf8'))),
  },
  clock: { now: () => 0 },
});
let transactions = 0;
for await (const batch of readTransactions(join(dataDir, 'transactions.csv'), { format: 'amlworld' }))
  for (const tx of batch.accepted) {
    monitor.process(tx);
    transactions++;
  }
monitor.finish();
const total = [...steps.values()].reduce((a, b) => a + b, 0);
const byWalker = Object.fromEntries([...steps].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]));
process.stdout.write(
  `${JSON.stringify({ transactions, steps: total, perTransaction: total / transactions, byWalker })}\n`,
);
