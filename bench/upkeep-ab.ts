/**
 * A/B of the detection stage's window-state upkeep alone (`process(tx, false)`: what a scale-out worker does for
 * every payment of other workers' lanes) between source trees, in ONE process, the trees alternating round by
 * round as in bench/monitor-ab.ts. Checks that every tree ends with the same state (a digest of the stage snapshot).
 *
 * Usage: node --expose-gc --import tsx bench/upkeep-ab.ts DATA_DIR ROUNDS TREE_A TREE_B…  (pin it: `taskset -c 1`)
 */
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import type * as Core from '@raqib/core';
import { loadDataSet, loadTrees } from './ab-trees.ts';

const [dataDir, roundsArg, ...trees] = process.argv.slice(2);
if (!dataDir || !roundsArg || trees.length === 0)
  throw new Error('usage: upkeep-ab.ts DATA_DIR ROUNDS TREE_A [TREE_B…]');
const rounds = Number(roundsArg);
const { cores, formats } = await loadTrees(trees);
const { transactions, banks, accounts, fxRates } = await loadDataSet(dataDir, cores[0]!, formats);

function runOnce(core: typeof Core): { cpuSeconds: number; digest: string } {
  const reference = {
    banks: new Map(banks.map((b) => [b.bankId, b])),
    accounts: new Map(accounts.map((a) => [core.accountKey(a.bankId, a.account), a])),
    fxRates,
  };
  const stage = core.createDetectionStage({
    config: core.defaultMonitoringConfig(),
    reference,
    onFiring: () => {},
  });
  // the previous run's stage (a ring of hundreds of MB) collected here, not inside this run's span
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.cpuUsage();
  for (const tx of transactions) stage.process(tx, false);
  const used = process.cpuUsage(before);
  const digest = createHash('sha256').update(serialize(stage.snapshot())).digest('hex').slice(0, 16);
  return { cpuSeconds: (used.user + used.system) / 1e6, digest };
}

const cpu = trees.map(() => [] as number[]);
const digests = new Set<string>();
for (let r = 0; r < rounds; r++) {
  for (let t = 0; t < trees.length; t++) {
    const run = runOnce(cores[t]!);
    cpu[t]!.push(run.cpuSeconds);
    digests.add(run.digest);
    console.log(`round ${r + 1} ${trees[t]}: ${run.cpuSeconds.toFixed(3)} CPU-s (${run.digest})`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (let t = 1; t < trees.length; t++)
  console.log(
    `${trees[t]} / ${trees[0]}: median ${(median(cpu[t]!) / median(cpu[0]!)).toFixed(3)}, per round ${cpu[t]!.map((c, r) => (c / cpu[0]![r]!).toFixed(2)).join(', ')}`,
  );
console.log(JSON.stringify({ transactions: transactions.length, rounds, sameState: digests.size === 1 }));
