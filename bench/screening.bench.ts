/**
 * `npm run bench:screening`: index build over UN + OFAC with every alias, per-query latency (p50/p99),
 * queries per second on one core, and resident memory. Writes the "Screening" section of BENCHMARKS.md.
 *
 * Lists: UN consolidated 2026-02-27 and OFAC SDN 2024-05-03 sdn.csv with the 2025-12-24 alt/add/comments
 * files (aliases of ent_nums newer than the sdn.csv kept as alias-only entries), from ../shared/data/sanctions.
 * Queries: the yente candidate-generation fixtures (UN persons as queries, treated with typos and reordering,
 * and synthetic negatives in Latin and Arabic script), cycled in a fixed order.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { buildScreeningIndex, DEFAULT_THRESHOLD, type ListEntry, screenName } from '@raqib/core';
import { benchQueryPool, ofacBenchEntries, unEntries } from '../scripts/screening-data.ts';
import { hasTaskset, machineLine, writeBenchmarkSection } from './benchmarks-file.ts';

// "Queries per second on one core": the measurement runs pinned to one core where taskset exists, as the
// monitoring bench's children do. Unpinned, V8's garbage-collection and compiler threads ran beside the matcher on
// the other core (process CPU time above wall-clock time); pinned, that work shares core 0 and still counts, but
// no longer runs in parallel with the queries.
const PINNED_ENV = 'RAQIB_SCREENING_BENCH_PINNED';
if (process.env[PINNED_ENV] === undefined && hasTaskset()) {
  const child = spawnSync(
    'taskset',
    ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, [PINNED_ENV]: '1' } },
  );
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}
// re-run under taskset, and what the process may run on is indeed one core (not merely what the environment says)
const pinned = process.env[PINNED_ENV] === '1' && availableParallelism() === 1;

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, not "${raw}"`);
  return n;
}
const QUERIES = positiveInteger('SCREENING_BENCH_QUERIES', 20000);
const PASSES = positiveInteger('SCREENING_BENCH_PASSES', 3);

const rss = (): number => process.memoryUsage().rss / 2 ** 20;
const rss0 = rss();

let t = performance.now();
const un = unEntries();
const ofac = ofacBenchEntries();
const parseMs = performance.now() - t;
const entries: ListEntry[] = [...un, ...ofac];
const nameCount = entries.reduce((a, e) => a + e.names.length, 0);

t = performance.now();
const buildCpu0 = process.cpuUsage();
const index = buildScreeningIndex(entries);
const buildMs = performance.now() - t;
const buildCpu = process.cpuUsage(buildCpu0);
const buildCpuMs = (buildCpu.user + buildCpu.system) / 1000;
const rssIndex = rss();

const pool = benchQueryPool();

// warm-up: JIT and the per-index scratch arrays
for (let i = 0; i < 1000; i++) screenName(index, pool[i % pool.length] as string);

// Wall-clock per query, and CPU time per query (process.cpuUsage, µs): the machine is shared (load average
// well above its core count), so wall-clock tails mostly measure time slices given to other processes. The same
// queries run PASSES times over, because one pass's figure moved from 1,781 to 3,015 within an hour on these hosts.
// The first pass also fills the per-index near-key lists and the word memos, as a service's first hours do; the
// later ones repeat the same queries with those warm. Both the first pass and the median of all passes are
// reported against the target.
const lat = new Float64Array(QUERIES * PASSES);
const cpu = new Float64Array(QUERIES * PASSES);
let hits = 0;
const passQpsCpu: number[] = [];
const passQps: number[] = [];
for (let pass = 0; pass < PASSES; pass++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < QUERIES; i++) {
    const c0 = process.cpuUsage();
    const q0 = performance.now();
    const m = screenName(index, pool[(i * 7919) % pool.length] as string);
    const at = pass * QUERIES + i;
    lat[at] = performance.now() - q0;
    const c1 = process.cpuUsage(c0);
    cpu[at] = (c1.user + c1.system) / 1000;
    if (pass === 0 && m.length > 0) hits++;
  }
  const cpuTotal = process.cpuUsage(cpuStart);
  passQpsCpu.push((QUERIES / ((cpuTotal.user + cpuTotal.system) / 1000)) * 1000);
  passQps.push((QUERIES / (performance.now() - start)) * 1000);
}
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const sorted = Float64Array.from(lat).sort();
const sortedCpu = Float64Array.from(cpu).sort();
const pctOf = (arr: Float64Array, p: number): number =>
  arr[Math.min(arr.length - 1, Math.floor(p * arr.length))] ?? 0;
const pct = (p: number): number => pctOf(sorted, p);
const pctCpu = (p: number): number => pctOf(sortedCpu, p);
const firstPassP99 = pctOf(cpu.slice(0, QUERIES).sort(), 0.99);
const qps = median(passQps);
const qpsCpu = median(passQpsCpu);
const passes = passQpsCpu.map((q) => q.toFixed(0)).join(' / ');
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
const rssEnd = rss();
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');

const check = (ok: boolean): string => (ok ? 'met' : '**not met**');
const md = `## Screening

\`npm run bench:screening\` (bench/screening.bench.ts), one process${pinned ? ', pinned to one core with `taskset -c 0`' : ' (not pinned: taskset missing, or core 0 not allowed)'} (the matcher is single-threaded).
Index over UN 2026-02-27 (${un.length} entries) + OFAC SDN 2024-05-03 sdn.csv with the 2025-12-24 alt/add/comments
(${ofac.length} entries, aliases of newer ent_nums as alias-only entries): ${nameCount} names, every alias, plus
raqib's curated alias table. ${QUERIES} queries, run ${PASSES} times over, cycled from the yente candidate-generation fixtures
(${pool.length} names: UN persons with typos/reordering, synthetic negatives in Latin and Arabic script), default
threshold ${DEFAULT_THRESHOLD}, limit 10; ${hits} queries returned a match. Machine: ${machineLine()}, shared with
other work. Measured ${when} UTC.

| measure | value | target |
|---|---:|---|
| parse lists (UN XML + OFAC CSV set) | ${(parseMs / 1000).toFixed(2)} s | — |
| index build, CPU time | ${(buildCpuMs / 1000).toFixed(2)} s | ≤ 5 s: ${check(buildCpuMs <= 5000)} |
| index build, wall clock | ${(buildMs / 1000).toFixed(2)} s | ≤ 5 s: ${check(buildMs <= 5000)} |
| latency p50, CPU time per query | ${pctCpu(0.5).toFixed(3)} ms | — |
| latency p99, CPU time per query, all passes (first pass alone: ${firstPassP99.toFixed(3)} ms) | ${pctCpu(0.99).toFixed(3)} ms | ≤ 5 ms: ${check(pctCpu(0.99) <= 5 && firstPassP99 <= 5)} |
| queries/s per core (queries ÷ process CPU seconds), first pass (memos filling) | ${(passQpsCpu[0] ?? 0).toFixed(0)} | ≥ 2,000: ${check((passQpsCpu[0] ?? 0) >= 2000)} |
| queries/s per core, median of ${PASSES} pass${PASSES === 1 ? '' : 'es'} over the same queries (in order: ${passes}) | ${qpsCpu.toFixed(0)} | ≥ 2,000: ${check(qpsCpu >= 2000)} |
| latency p50 / p99 / max, wall clock | ${pct(0.5).toFixed(3)} / ${pct(0.99).toFixed(2)} / ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms | (load average ${load}) |
| queries/s, wall clock, one process, median of the passes | ${qps.toFixed(0)} | — |
| RSS after index build | ${rssIndex.toFixed(0)} MB (process start ${rss0.toFixed(0)} MB) | ≤ 500 MB: ${check(rssIndex <= 500)} |
| RSS at end | ${rssEnd.toFixed(0)} MB | ≤ 500 MB: ${check(rssEnd <= 500)} |

CPU-time figures are the ones held against the targets: on this shared machine (load average ${load} on
two cores during the run) wall-clock tails are dominated by time slices taken by other processes.
Anchors from the issue: Watchman ≈ 0.85 ms per search over OFAC alone; yente ≈ 4–30 requests/s per vCPU.
`;
process.stdout.write(md);
if (!process.argv.includes('--no-write')) writeBenchmarkSection('screening', md);
