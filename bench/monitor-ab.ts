/**
 * A/B of the monitor between source trees, in ONE process: the transactions are read once (with the first tree's
 * reader) and every round runs each tree's monitor over the same array, alternating, so that the load other jobs
 * put on a shared machine falls on both alike. Measures the monitor alone (detection stage, scoring, merger; no
 * reader, no writer) in CPU time of this process, and checks that every tree gives the same scores and alerts.
 *
 * Usage: node --import tsx bench/monitor-ab.ts DATA_DIR ROUNDS TREE_A TREE_B…  (pin it: `taskset -c 1`)
 * DATA_DIR is a `raqib generate` output (transactions.csv, banks.csv, accounts.csv, fx-rates.csv).
 */
import { createHash } from 'node:crypto';
import type * as Core from '@raqib/core';
import { loadDataSet, loadTrees } from './ab-trees.ts';

const [dataDir, roundsArg, ...trees] = process.argv.slice(2);
if (!dataDir || !roundsArg || trees.length === 0)
  throw new Error('usage: monitor-ab.ts DATA_DIR ROUNDS TREE_A [TREE_B…]');
const rounds = Number(roundsArg);

const { cores, formats } = await loadTrees(trees);
const core0 = cores[0]!;
const { transactions, banks, accounts, fxRates } = await loadDataSet(dataDir, core0, formats);

interface Run {
  cpuSeconds: number;
  digest: string;
}

function runOnce(core: typeof Core): Run {
  const reference = {
    banks: new Map(banks.map((b) => [b.bankId, b])),
    accounts: new Map(accounts.map((a) => [core.accountKey(a.bankId, a.account), a])),
    fxRates,
  };
  const scores = new Float32Array(transactions.length);
  const before = process.cpuUsage();
  const monitor = core.createMonitor({
    config: core.defaultMonitoringConfig(),
    reference,
    clock: { now: () => 0 },
    onScore: (row, _id, score) => {
      if (score > scores[row]!) scores[row] = score;
    },
  });
  const alerts: Core.Alert[] = [];
  for (const tx of transactions) {
    const a = monitor.process(tx);
    if (a.score > scores[tx.row]!) scores[tx.row] = a.score;
  }
  for (const a of monitor.drainAlerts()) alerts.push(a);
  for (const a of monitor.finish()) alerts.push(a);
  const used = process.cpuUsage(before);
  const hash = createHash('sha256').update(new Uint8Array(scores.buffer));
  for (const a of alerts) hash.update(JSON.stringify(a));
  return { cpuSeconds: (used.user + used.system) / 1e6, digest: hash.digest('hex').slice(0, 16) };
}

const seconds: number[][] = trees.map(() => []);
const digests = new Set<string>();
for (let r = 0; r < rounds; r++) {
  for (let t = 0; t < trees.length; t++) {
    const run = runOnce(cores[t]!);
    seconds[t]!.push(run.cpuSeconds);
    digests.add(run.digest);
    process.stderr.write(
      `round ${r + 1} ${trees[t]}: ${(transactions.length / run.cpuSeconds).toFixed(0)} tx/CPU-s (${run.digest})\n`,
    );
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const result = trees.map((tree, t) => ({
  tree,
  medianTxPerCpuSecond: Math.round(transactions.length / median(seconds[t]!)),
  bestTxPerCpuSecond: Math.round(transactions.length / Math.min(...seconds[t]!)),
}));
process.stdout.write(
  `${JSON.stringify({ transactions: transactions.length, rounds, sameResults: digests.size === 1, result })}\n`,
);
