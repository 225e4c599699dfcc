/**
 * A/B of the whole scan path, reader included, between two source trees, in ONE process and in lockstep: each tree
 * reads the file with its own `readTransactions` and scores every transaction with its own monitor, the trees
 * alternating every CHUNK batches (the order swapped every chunk), and the CPU time of each chunk, with a minor GC
 * at its end, is charged to its tree. bench/monitor-lockstep-ab.ts times the monitor over transactions read once
 * beforehand, so a change that moves work between the reader and the monitor (or changes the garbage a row leaves)
 * is measured here. The forced minor GC makes each tree pay for its own young garbage; the old generations (both
 * monitors' state) are shared, as in monitor-lockstep-ab.ts. Checks that both trees give the same scores and
 * alerts.
 *
 * Usage: node --expose-gc --import tsx bench/scan-lockstep-ab.ts DATA_DIR PASSES TREE_A TREE_B [CHUNK]
 * (pin it: `GLIBC_TUNABLES=glibc.malloc.hugetlb=1 taskset -c 1`). CHUNK is in batches of 4096 rows (default 4).
 * Prints per pass B's CPU ÷ A's CPU (below 1: B is cheaper) and the median of the per-chunk ratios.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type * as Core from '@raqib/core';
import type * as Formats from '@raqib/formats';
import { loadCore, loadFormats, loadReference, scoringMonitor } from './ab-trees.ts';

const [dataDir, passesArg, treeA, treeB, chunkArg] = process.argv.slice(2);
if (!dataDir || !passesArg || !treeA || !treeB)
  throw new Error('usage: scan-lockstep-ab.ts DATA_DIR PASSES TREE_A TREE_B [CHUNK]');
const passes = Number(passesArg);
const chunk = Number(chunkArg ?? 4);
const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const input = join(dataDir, 'transactions.csv');

const trees = await Promise.all(
  [treeA, treeB].map(async (t) => ({ core: await loadCore(t), formats: await loadFormats(t) })),
);
const reference = await loadReference(dataDir, trees[0]!.core, trees[0]!.formats);

interface Lane {
  readonly batches: AsyncGenerator<Formats.TxBatch>;
  readonly monitor: Core.Monitor;
  readonly scores: Float32Array;
  readonly alerts: Core.Alert[];
  done: boolean;
  rows: number;
  cpu: number;
}

function lane(core: typeof Core, formats: typeof Formats): Lane {
  const scores = new Float32Array(1 << 21);
  const monitor = scoringMonitor(core, reference, scores);
  const batches = formats.readTransactions(input, { format: 'amlworld' });
  return { batches, monitor, scores, alerts: [], done: false, rows: 0, cpu: 0 };
}

/** Reads and scores up to `chunk` batches; returns the CPU seconds, a minor GC included. */
async function step(l: Lane): Promise<number> {
  const before = process.cpuUsage();
  const { monitor, scores } = l;
  for (let b = 0; b < chunk && !l.done; b++) {
    const next = await l.batches.next();
    if (next.done) {
      l.done = true;
      for (const a of monitor.finish()) l.alerts.push(a);
      break;
    }
    // as runScan does, where the tree's monitor has it
    (monitor as { lookAhead?: (txs: readonly Core.Transaction[]) => void }).lookAhead?.(next.value.accepted);
    for (const tx of next.value.accepted) {
      const a = monitor.process(tx);
      if (a.score > scores[tx.row]!) scores[tx.row] = a.score;
    }
    l.rows += next.value.accepted.length;
    for (const a of monitor.drainAlerts()) l.alerts.push(a);
  }
  gc!({ type: 'minor' });
  const used = process.cpuUsage(before);
  const s = (used.user + used.system) / 1e6;
  l.cpu += s;
  return s;
}

function digest(l: Lane): string {
  const hash = createHash('sha256').update(new Uint8Array(l.scores.buffer, 0, l.rows * 4));
  for (const a of l.alerts) hash.update(JSON.stringify(a));
  return hash.digest('hex').slice(0, 16);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const digests = new Set<string>();
const passRatios: number[] = [];
const chunkMedians: number[] = [];
let rows = 0;
for (let pass = 0; pass < passes; pass++) {
  const lanes = trees.map((t) => lane(t.core, t.formats)) as [Lane, Lane];
  gc();
  const ratios: number[] = [];
  for (let c = 0; !lanes[0].done || !lanes[1].done; c++) {
    const first = (c + pass) % 2;
    const s: number[] = [0, 0];
    s[first] = await step(lanes[first]!);
    s[1 - first] = await step(lanes[1 - first]!);
    if (s[0]! > 0 && s[1]! > 0) ratios.push(s[1]! / s[0]!);
  }
  for (const l of lanes) digests.add(digest(l));
  const [a, b] = lanes;
  rows = a.rows;
  passRatios.push(b.cpu / a.cpu);
  chunkMedians.push(median(ratios));
  process.stderr.write(
    `pass ${pass + 1}: A ${(a.rows / a.cpu).toFixed(0)} tx/CPU-s, B ${(b.rows / b.cpu).toFixed(0)} tx/CPU-s, B/A CPU ${(b.cpu / a.cpu).toFixed(3)}, median chunk B/A ${median(ratios).toFixed(3)}\n`,
  );
}
process.stdout.write(
  `${JSON.stringify({
    transactions: rows,
    passes,
    chunk,
    treeA,
    treeB,
    sameResults: digests.size === 1,
    cpuRatioBtoA: passRatios.map((r) => Number(r.toFixed(3))),
    medianChunkRatioBtoA: chunkMedians.map((r) => Number(r.toFixed(3))),
  })}\n`,
);
