/**
 * A/B of the monitor between two source trees, in ONE process and in lockstep: both trees' monitors run over the
 * same transactions at once, chunk by chunk (CHUNK transactions of tree A, then the same of tree B, the order
 * swapped every chunk), and the CPU time of each chunk is charged to its tree. bench/monitor-ab.ts alternates whole
 * passes of ~5 s, so that a neighbour's burst of load falls on one tree's pass only (±15–20 % a round on this
 * shared host); here the trees alternate every ~0.1 s, so the same burst falls on both alike and a few per cent
 * become visible. Both monitors' state is alive at once (twice the memory of one), and each chunk starts with the
 * other tree's lines in the caches: the bias is the same for both trees, not the cost of a lone scan.
 * Checks that both trees give the same scores and alerts.
 *
 * Usage: node --import tsx bench/monitor-lockstep-ab.ts DATA_DIR PASSES TREE_A TREE_B [CHUNK]  (pin it: `taskset -c 1`)
 * Prints per pass B's CPU ÷ A's CPU (below 1: B is cheaper) and the median of the per-chunk ratios.
 */
import { createHash } from 'node:crypto';
import type * as Core from '@raqib/core';
import { loadDataSet, loadTrees, scoringMonitor } from './ab-trees.ts';

const [dataDir, passesArg, treeA, treeB, chunkArg] = process.argv.slice(2);
if (!dataDir || !passesArg || !treeA || !treeB)
  throw new Error('usage: monitor-lockstep-ab.ts DATA_DIR PASSES TREE_A TREE_B [CHUNK]');
const passes = Number(passesArg);
const chunk = Number(chunkArg ?? 20_000);
const trees = [treeA, treeB];

const { cores, formats } = await loadTrees(trees);
const { transactions, ...reference } = await loadDataSet(dataDir, cores[0]!, formats);

interface Lane {
  readonly monitor: Core.Monitor;
  readonly scores: Float32Array;
  readonly alerts: Core.Alert[];
  cpu: number;
}

function lane(core: typeof Core): Lane {
  const scores = new Float32Array(transactions.length);
  const monitor = scoringMonitor(core, reference, scores);
  return { monitor, scores, alerts: [], cpu: 0 };
}

function step(l: Lane, from: number, to: number): number {
  const before = process.cpuUsage();
  const { monitor, scores } = l;
  const lookAhead = (monitor as { lookAhead?: Core.Monitor['lookAhead'] }).lookAhead;
  for (let k = from; k < to; k++) {
    // as runScan announces each batch of the reader's, where the tree's monitor has lookAhead (decision 0022)
    if ((k - from) % 4096 === 0) lookAhead?.(transactions, k, Math.min(to, k + 4096));
    const tx = transactions[k]!;
    const a = monitor.process(tx);
    if (a.score > scores[tx.row]!) scores[tx.row] = a.score;
  }
  for (const a of monitor.drainAlerts()) l.alerts.push(a);
  const used = process.cpuUsage(before);
  const s = (used.user + used.system) / 1e6;
  l.cpu += s;
  return s;
}

function digest(l: Lane): string {
  const hash = createHash('sha256').update(new Uint8Array(l.scores.buffer));
  for (const a of l.alerts) hash.update(JSON.stringify(a));
  return hash.digest('hex').slice(0, 16);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const digests = new Set<string>();
const passRatios: number[] = [];
const chunkMedians: number[] = [];
for (let pass = 0; pass < passes; pass++) {
  const lanes = [lane(cores[0]!), lane(cores[1]!)];
  const ratios: number[] = [];
  for (let c = 0, from = 0; from < transactions.length; c++, from += chunk) {
    const to = Math.min(transactions.length, from + chunk);
    const first = (c + pass) % 2;
    const s: number[] = [0, 0];
    s[first] = step(lanes[first]!, from, to);
    s[1 - first] = step(lanes[1 - first]!, from, to);
    ratios.push(s[1]! / s[0]!);
  }
  for (const l of lanes) {
    const before = process.cpuUsage();
    for (const a of l.monitor.finish()) l.alerts.push(a);
    const used = process.cpuUsage(before);
    l.cpu += (used.user + used.system) / 1e6;
    digests.add(digest(l));
  }
  const [a, b] = lanes as [Lane, Lane];
  passRatios.push(b.cpu / a.cpu);
  chunkMedians.push(median(ratios));
  process.stderr.write(
    `pass ${pass + 1}: A ${(transactions.length / a.cpu).toFixed(0)} tx/CPU-s, B ${(transactions.length / b.cpu).toFixed(0)} tx/CPU-s, B/A CPU ${(b.cpu / a.cpu).toFixed(3)}, median chunk B/A ${median(ratios).toFixed(3)}\n`,
  );
}
process.stdout.write(
  `${JSON.stringify({
    transactions: transactions.length,
    passes,
    chunk,
    treeA,
    treeB,
    sameResults: digests.size === 1,
    cpuRatioBtoA: passRatios.map((r) => Number(r.toFixed(3))),
    medianChunkRatioBtoA: chunkMedians.map((r) => Number(r.toFixed(3))),
  })}\n`,
);
