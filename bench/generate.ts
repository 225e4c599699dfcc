/**
 * Throughput of `raqib generate` (packages/synth): rows/s wall and per CPU-second, peak RSS, for the benchmark
 * sizes of issue 2 (50k accounts × 10 days ≈ 1M rows, 250k × 10 ≈ 5M), written in-process to a temp folder.
 *
 *   npx tsx bench/generate.ts [--accounts 50000,250000] [--days 10] [--seed 7] [--keep]
 *
 * Sizes run smallest first, so the peak RSS reported for each is that size's (maxRSS only grows).
 * The machine's two cores are shared, so the CPU-second figure is the comparable one; the load average is printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDataset } from '@raqib/synth';
import { machineLine, writeBenchmarkSection } from './benchmarks-file.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '50000,250000' },
    days: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});

const sizes = (values.accounts ?? '')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const days = Number(values.days);
const seed = Number(values.seed);
const lines: string[] = [];
for (const accounts of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'raqib-bench-generate-'));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await writeDataset(dir, { accounts, days, seed });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  const cpu = (c.user + c.system) / 1e6;
  const rss = process.resourceUsage().maxRSS / 1024;
  const line =
    `| ${accounts.toLocaleString('en-US')} × ${days} | ${summary.transactions.toLocaleString('en-US')} | ` +
    `${wall.toFixed(1)} s | ${Math.round(summary.transactions / wall).toLocaleString('en-US')} | ` +
    `${Math.round(summary.transactions / cpu).toLocaleString('en-US')} | ${rss.toFixed(0)} MB | ${loadavg()[0]?.toFixed(1)} |`;
  lines.push(line);
  process.stdout.write(`${line}\n`);
  if (values.keep) process.stdout.write(`  kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}

writeBenchmarkSection(
  'generate',
  `## raqib generate

\`npx tsx bench/generate.ts --accounts ${sizes.join(',')} --days ${days} --seed ${seed}\` (one process, files written to
the temp folder). ${machineLine()}.

| accounts × days | rows | wall | rows/s wall | rows per CPU-s | peak RSS | load avg |
|---|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}
`,
);
