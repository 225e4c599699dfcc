/**
 * Differential check of the retrieval bound over the real lists (UN + the bench's OFAC set): for each query,
 * screenName at threshold T must return exactly what screenName at a low threshold returns with a score ≥ T
 * (same entries, same scores). A result missing at T is a name the bound skipped although the scorer passes it.
 *
 * Queries: the bench's query pool (a sample) and names made from list names (words joined, split, hyphenated,
 * dropped, added, reordered; respellings; initials; cut words; original-script names), deterministic.
 *
 * Usage: npx tsx scripts/screening-bound-check.ts [--bench=N] [--mutated=N] [--verbose]
 */
import { buildScreeningIndex, type ListEntry, screenName } from '@raqib/core';
import { mutatedQueries } from '../packages/core/src/screening/test-fixtures/bound-queries.ts';
import { benchQueryPool, ofacBenchEntries, unEntries } from './screening-data.ts';

const arg = (name: string, d: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d);
const verbose = process.argv.includes('--verbose');
const LOW = 0.3;
const THRESHOLDS = [0.7, 0.8, 0.9];

const entries: ListEntry[] = [...unEntries(), ...ofacBenchEntries()];
const index = buildScreeningIndex(entries);
const pool = benchQueryPool();
const nBench = arg('bench', 3000);
const bench = Array.from({ length: nBench }, (_, i) => pool[(i * 7919) % pool.length] as string);
const mutated = mutatedQueries(entries, arg('mutated', 4000), 1);
const queries = [...bench, ...mutated];

const key = (m: { entry: ListEntry; score: number }): string => `${m.entry.list}:${m.entry.refId}=${m.score}`;
const violations = new Map<number, number>(THRESHOLDS.map((t) => [t, 0]));
const queriesHit = new Map<number, number>(THRESHOLDS.map((t) => [t, 0]));
const t0 = performance.now();
for (const q of queries) {
  const low = screenName(index, q, { threshold: LOW, limit: 100000 });
  for (const t of THRESHOLDS) {
    // strictly above: a score rounded to the threshold may be one below it, which the threshold rightly drops
    const want = low.filter((m) => m.score > t);
    const got = new Set(screenName(index, q, { threshold: t, limit: 100000 }).map(key));
    const missing = want.filter((m) => !got.has(key(m)));
    if (missing.length === 0) continue;
    violations.set(t, (violations.get(t) ?? 0) + missing.length);
    queriesHit.set(t, (queriesHit.get(t) ?? 0) + 1);
    if (verbose)
      for (const m of missing)
        process.stdout.write(
          `T=${t}\t${q}\t${m.matchedName.text}\t${m.score}\t${m.explanation.tokens.map((p) => `${p.query}=${p.candidate}:${p.how}`).join(' ')}\n`,
        );
  }
}
process.stdout.write(
  `${queries.length} queries (${bench.length} bench, ${mutated.length} made from list names), ${index.names.length} names, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
);
for (const t of THRESHOLDS)
  process.stdout.write(
    `T=${t}: ${violations.get(t)} results missing (in ${queriesHit.get(t)} queries) of those at ${LOW} with score > ${t}\n`,
  );
