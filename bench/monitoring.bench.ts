/**
 * `npm run bench`: parse-only and full-scan throughput of the monitoring pipeline on generated AMLworld data of
 * 50k accounts × 10 days (≈1M transactions) and 250k accounts × 10 days (≈5M), each measurement in its own
 * process pinned to one core (taskset) when the machine has it. Writes its section of BENCHMARKS.md.
 * RAQIB_BENCH_QUICK=1 runs a small size only (for a smoke run), and does not write BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDataset } from '@raqib/synth';
import { currentHost, hugePageEnv } from '../apps/cli/src/huge-page-relaunch.ts';
import { hasTaskset, machineLine, writeBenchmarkSection } from './benchmarks-file.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const quick = process.env.RAQIB_BENCH_QUICK === '1';
const SEED = 20261129;
const sizes = quick
  ? [{ name: 'quick', accounts: 5_000, days: 10 }]
  : [
      { name: '1M', accounts: 50_000, days: 10 },
      { name: '5M', accounts: 250_000, days: 10 },
    ];

const pinned = hasTaskset();
// Each measurement runs in the environment `raqib scan` gives its own process: huge pages where the host has them on
// request (docs/decisions/0018-scan-on-huge-pages.md). Parse-only too, so that the ratio compares like with like.
const scanEnv = hugePageEnv(process.env, currentHost());

interface Measurement {
  mode: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  maxRssMB: number;
}

function measure(mode: 'parse' | 'scan', dataDir: string): Measurement {
  const outDir = join(dataDir, `out-${mode}`);
  const args = ['--import', 'tsx', join(here, 'monitoring-child.ts'), mode, dataDir, outDir];
  const [cmd, cmdArgs] = pinned
    ? ['taskset', ['-c', '0', process.execPath, ...args]]
    : [process.execPath, args];
  const result = spawnSync(cmd, cmdArgs as string[], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: scanEnv ?? process.env,
  });
  if (result.status !== 0) throw new Error(`${mode} run failed:\n${result.stderr}`);
  const line = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Measurement;
}

const rows: string[] = [];
const results: Record<string, { parse: Measurement; scan: Measurement }> = {};
for (const size of sizes) {
  const dataDir = join(root, '.raqib', 'bench', `${size.name}-${size.accounts}x${size.days}-seed${SEED}`);
  if (!existsSync(join(dataDir, 'transactions.csv'))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    process.stderr.write(`generating ${size.name} (${size.accounts} accounts × ${size.days} days)…\n`);
    await writeDataset(dataDir, { accounts: size.accounts, days: size.days, seed: SEED });
  }
  process.stderr.write(`${size.name}: parse-only…\n`);
  const parse = measure('parse', dataDir);
  process.stderr.write(`${size.name}: full scan…\n`);
  const scan = measure('scan', dataDir);
  results[size.name] = { parse, scan };
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  rows.push(
    `| ${size.name} (${fmt(size.accounts)} accounts × ${size.days} days) | ${fmt(scan.rows)} | ${fmt(parse.rowsPerSecond)} | ` +
      `${fmt(scan.rowsPerSecond)} | ${(scan.rowsPerSecond / parse.rowsPerSecond).toFixed(2)} | ${scan.seconds.toFixed(1)} s | ` +
      `${fmt(parse.maxRssMB)} MB | ${fmt(scan.maxRssMB)} MB |`,
  );
  process.stderr.write(
    `${size.name}: parse ${fmt(parse.rowsPerSecond)} rows/s, scan ${fmt(scan.rowsPerSecond)} tx/s, RSS ${fmt(scan.maxRssMB)} MB\n`,
  );
}

const big = results['5M'];
const small = results['1M'];
const scaling = big && small ? (big.scan.seconds / small.scan.seconds).toFixed(2) : 'n/a';
const markdown = `## Monitoring (\`npm run bench\`)

Machine: ${machineLine()}; each measurement in its own process${pinned ? ', pinned to one core with `taskset -c 0`' : ''},
${scanEnv ? `on huge pages as \`raqib scan\` runs (\`GLIBC_TUNABLES=${scanEnv.GLIBC_TUNABLES}\`, decision 0018)` : 'without huge pages (the host gives them to every process or to none, or has no glibc)'};
load average at the end ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} (the machine is shared).
Data: \`raqib generate --accounts N --days 10 --seed ${SEED}\` (AMLworld CSV). Parse-only = the AMLworld reader
into Transaction objects; full scan = \`raqib scan --banks --accounts --fx-rates\`'s pipeline (reader, every detector,
typology scoring, alert merging, flags.csv / alerts.jsonl / summary.json written; no database).

| data | transactions | parse-only rows/s | full scan tx/s | scan/parse ratio | scan time | parse RSS | scan peak RSS |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

5M/1M full-scan time ratio: **${scaling}** (targets: full scan ≥ 250,000 tx/s on one core, scan/parse ≥ 0.5,
RSS ≤ 2 GB at 5M, 5M/1M ≤ 5.5).

Command: \`npm run bench\` (run ${new Date().toISOString().slice(0, 10)}).
`;
process.stdout.write(`${markdown}\n`);
if (!quick) writeBenchmarkSection('monitoring', markdown);
