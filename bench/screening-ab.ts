/**
 * A/B of sanctions screening between source trees, in ONE process: the lists are parsed once (with this
 * checkout's parsers, so a tree needs no node_modules of its own), each tree builds its own index over the same entries with its own screening code, and the
 * bench's queries (bench/screening.bench.ts: the yente fixtures, 20,000 queries, threshold 0.8, limit 10) run in
 * blocks alternating between the trees, so that the load other jobs put on a shared machine falls on both alike.
 * Measures CPU time of this process per block (`process.cpuUsage`) and per query (as the bench does), and checks
 * that every tree returns the same matches for every query: entry ids, scores, matched names and explanations.
 *
 * Usage: node --import tsx bench/screening-ab.ts ROUNDS TREE_A TREE_B…  (pin it: `taskset -c 1`)
 *   ROUNDS   passes over the 20,000 queries; each pass runs every block on every tree, alternating
 *   env SCREENING_AB_BLOCK (default 1000) queries per block, SCREENING_BENCH_QUERIES (default 20000)
 * Run it in both tree orders: the index built second has run slower whatever its code.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import type * as Core from '@raqib/core';
import { benchQueryPool, ofacBenchEntries, unEntries } from '../scripts/screening-data.ts';
import { loadCore } from './ab-trees.ts';

const [roundsArg, ...trees] = process.argv.slice(2);
if (!roundsArg || trees.length === 0) throw new Error('usage: screening-ab.ts ROUNDS TREE_A [TREE_B…]');
const rounds = Number(roundsArg);
const BLOCK = Number(process.env.SCREENING_AB_BLOCK ?? 1000);
const QUERIES = Number(process.env.SCREENING_BENCH_QUERIES ?? 20000);

const cores = await Promise.all(trees.map((tree) => loadCore(tree)));
const entries: Core.ListEntry[] = [...unEntries(), ...ofacBenchEntries()];
const pool = benchQueryPool();
// the bench's query sequence
const queries = Array.from({ length: QUERIES }, (_, i) => pool[(i * 7919) % pool.length] as string);

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const indexes = cores.map((core, t) => {
  const before = process.cpuUsage();
  const index = core.buildScreeningIndex(entries);
  process.stderr.write(
    `${trees[t]}: index built in ${(cpuMs(process.cpuUsage(before)) / 1000).toFixed(2)} CPU-s\n`,
  );
  return index;
});
// warm-up, as the bench does: JIT and the per-index scratch arrays
for (let t = 0; t < trees.length; t++)
  for (let i = 0; i < 1000; i++) cores[t]!.screenName(indexes[t]!, pool[i % pool.length] as string);

/** What a query returned: ids, scores and matched names (`matches`), and the explanations' digest. */
const signature = (ms: readonly Core.ScreeningMatch[]): { matches: string; explanation: string } => ({
  matches: ms.map((m) => `${m.entry.list}:${m.entry.refId}=${m.score}@${m.matchedName.text}`).join('|'),
  explanation: createHash('sha256')
    .update(JSON.stringify(ms.map((m) => m.explanation)))
    .digest('hex')
    .slice(0, 16),
});
const first: { matches: string; explanation: string }[][] = trees.map(() => []);

const blocks = Math.ceil(QUERIES / BLOCK);
const blockMs: number[][] = trees.map(() => []);
const perQuery: Float64Array[] = trees.map(() => new Float64Array(QUERIES * rounds));
for (let r = 0; r < rounds; r++) {
  for (let b = 0; b < blocks; b++) {
    const from = b * BLOCK;
    const to = Math.min(QUERIES, from + BLOCK);
    for (let t = 0; t < trees.length; t++) {
      const core = cores[t]!;
      const index = indexes[t]!;
      const times = perQuery[t]!;
      const results: Core.ScreeningMatch[][] = [];
      const before = process.cpuUsage();
      for (let i = from; i < to; i++) {
        const c0 = process.cpuUsage();
        const m = core.screenName(index, queries[i] as string);
        times[r * QUERIES + i] = cpuMs(process.cpuUsage(c0));
        if (r === 0) results.push(m);
      }
      blockMs[t]!.push(cpuMs(process.cpuUsage(before)));
      if (r === 0) for (const m of results) first[t]!.push(signature(m));
    }
  }
  process.stderr.write(
    `round ${r + 1}: ${trees.map((tree, t) => `${tree} ${((QUERIES * 1000) / blockMs[t]!.slice(r * blocks).reduce((a, x) => a + x, 0)).toFixed(0)}`).join(', ')} q/CPU-s\n`,
  );
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: Float64Array, p: number): number => {
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
let differing = 0;
let explanationsDiffer = 0;
const examples: string[] = [];
for (let i = 0; i < QUERIES; i++) {
  const a = first[0]![i]!;
  for (let t = 1; t < trees.length; t++) {
    const b = first[t]![i]!;
    if (a.matches !== b.matches) {
      differing++;
      if (examples.length < 5) examples.push(`${queries[i]}: ${a.matches} ≠ ${b.matches}`);
    } else if (a.explanation !== b.explanation) explanationsDiffer++;
  }
}
const total = (t: number): number => blockMs[t]!.reduce((a, x) => a + x, 0);
const result = trees.map((tree, t) => ({
  tree,
  queriesPerCpuSecond: Math.round((QUERIES * rounds * 1000) / total(t)),
  medianBlockQueriesPerCpuSecond: Math.round((BLOCK * 1000) / median(blockMs[t]!)),
  p50CpuMs: Number(pct(perQuery[t]!, 0.5).toFixed(3)),
  p99CpuMs: Number(pct(perQuery[t]!, 0.99).toFixed(3)),
}));
// per block, the later trees' throughput over the first's
const ratios = trees.slice(1).map((tree, k) => {
  const rs = blockMs[0]!.map((a, b) => a / blockMs[k + 1]![b]!);
  return {
    tree,
    overFirstTotal: Number((total(0) / total(k + 1)).toFixed(3)),
    overFirstMedianBlock: Number(median(rs).toFixed(3)),
  };
});
process.stdout.write(
  `${JSON.stringify({
    queries: QUERIES,
    block: BLOCK,
    rounds,
    load: loadavg().map((l) => Number(l.toFixed(1))),
    sameMatches: differing === 0,
    sameExplanations: differing === 0 && explanationsDiffer === 0,
    differing,
    explanationsDiffer,
    examples,
    result,
    ratios,
  })}\n`,
);
