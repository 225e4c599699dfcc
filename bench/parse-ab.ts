/**
 * A/B of the AMLworld reader between source trees, in ONE process: each round reads the whole file with each
 * tree's `readTransactions`, the trees alternating, and charges the CPU time of each pass to its tree (a forced GC
 * before each pass, so that one pass's garbage is not collected in the next). A first, untimed pass per tree digests
 * every transaction (JSON) and rejection: the trees must read the file alike.
 *
 * Usage: node --expose-gc --import tsx bench/parse-ab.ts FILE ROUNDS TREE_A TREE_B…  (pin it: `taskset -c 1`)
 * Prints per round each tree's rows per CPU-s, then the medians and the per-round ratios to the first tree.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Formats from '@raqib/formats';

const [file, roundsArg, ...trees] = process.argv.slice(2);
if (!file || !roundsArg || trees.length === 0)
  throw new Error('usage: parse-ab.ts FILE ROUNDS TREE_A [TREE_B…]');
const rounds = Number(roundsArg);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const readers = await Promise.all(
  trees.map(
    async (t) =>
      (await import(pathToFileURL(join(t, 'packages', 'formats', 'src', 'index.ts')).href)) as typeof Formats,
  ),
);

const digests = new Set<string>();
for (const r of readers) {
  const hash = createHash('sha256');
  for await (const batch of r.readTransactions(file, { format: 'amlworld' })) {
    for (const tx of batch.accepted) hash.update(JSON.stringify(tx));
    for (const x of batch.rejected) hash.update(JSON.stringify(x));
  }
  digests.add(hash.digest('hex').slice(0, 16));
}

async function pass(r: typeof Formats): Promise<{ rows: number; cpu: number }> {
  gc!();
  const before = process.cpuUsage();
  let rows = 0;
  let checksum = 0;
  for await (const batch of r.readTransactions(file!, { format: 'amlworld' })) {
    rows += batch.accepted.length + batch.rejected.length;
    for (const tx of batch.accepted) checksum += tx.amountPaid & 1;
  }
  const used = process.cpuUsage(before);
  if (checksum < 0) process.stdout.write('');
  return { rows, cpu: (used.user + used.system) / 1e6 };
}

const cpu: number[][] = trees.map(() => []);
let rows = 0;
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < trees.length; k++) {
    const t = (k + round) % trees.length;
    const p = await pass(readers[t]!);
    rows = p.rows;
    cpu[t]!.push(p.cpu);
  }
  process.stderr.write(
    `round ${round + 1}: ${trees.map((t, k) => `${t} ${Math.round(rows / cpu[k]![round]!)} rows/CPU-s`).join(', ')}\n`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `${JSON.stringify({
    rows,
    rounds,
    sameRows: digests.size === 1,
    result: trees.map((tree, k) => ({
      tree,
      medianRowsPerCpuSecond: Math.round(rows / median(cpu[k]!)),
      cpuRatioToFirstPerRound: cpu[k]!.map((c, r) => Number((c / cpu[0]![r]!).toFixed(3))),
    })),
  })}\n`,
);
