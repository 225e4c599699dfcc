/**
 * Parse-only throughput of the AMLworld reader: rows/s from file bytes to Transaction objects, nothing else.
 *
 *   npx tsx bench/parse-amlworld.ts [--rows 1000000] [--file PATH] [--runs 3] [--compare]
 *
 * --compare also times csv-parse (streaming, same field-to-Transaction conversion), the baseline that
 * docs/decisions/0030 weighs the hand-written reader against.
 *
 * Without --file it writes (once, then reuses) a generated AMLworld file of --rows rows in the OS temp dir,
 * shaped like HI-Small: hex account ids, leading-zero bank ids, mostly USD, some FX and Bitcoin rows.
 */
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRng } from '@raqib/core';
import { AMLWORLD_HEADER, amlworldFieldsToTransaction, readAmlworld } from '@raqib/formats';
import { parse } from 'csv-parse';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    file: { type: 'string' },
    runs: { type: 'string', default: '3' },
    compare: { type: 'boolean', default: false },
  },
});

const CURRENCIES = [
  'US Dollar',
  'US Dollar',
  'US Dollar',
  'Euro',
  'Yuan',
  'Rupee',
  'Yen',
  'UK Pound',
  'Bitcoin',
];
const FORMATS = ['ACH', 'Cheque', 'Credit Card', 'Cash', 'Reinvestment', 'Wire', 'Bitcoin'];

function generate(path: string, rows: number): void {
  const rng = seededRng(20260601);
  const accounts = Math.max(1000, Math.floor(rows / 20));
  const parts: string[] = [AMLWORLD_HEADER];
  const start = Date.UTC(2022, 8, 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + Math.floor((i / rows) * 10 * 86_400_000));
    const ts = `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
    const a = Math.floor(rng.next() * accounts);
    const b = Math.floor(rng.next() * accounts);
    const cur = CURRENCIES[Math.floor(rng.next() * CURRENCIES.length)]!;
    const amount = cur === 'Bitcoin' ? (rng.next() * 0.01).toFixed(6) : (rng.next() ** 3 * 50_000).toFixed(2);
    const fmt = cur === 'Bitcoin' ? 'Bitcoin' : FORMATS[Math.floor(rng.next() * 6)]!;
    const bankA = String(a % 3000).padStart(3, '0');
    const bankB = String(b % 3000).padStart(3, '0');
    const accA = (0x80000000 + a * 16).toString(16).toUpperCase();
    const accB = (0x80000000 + b * 16).toString(16).toUpperCase();
    parts.push(
      `${ts},${bankA},${accA},${bankB},${accB},${amount},${cur},${amount},${cur},${fmt},${rng.next() < 0.001 ? 1 : 0}`,
    );
  }
  writeFileSync(path, `${parts.join('\n')}\n`);
}

async function main(): Promise<void> {
  const rows = Number(values.rows);
  let path = values.file;
  if (path === undefined) {
    path = join(tmpdir(), `raqib-bench-amlworld-${rows}.csv`);
    if (!existsSync(path)) {
      process.stderr.write(`generating ${rows} rows into ${path}\n`);
      generate(path, rows);
    }
  }
  const mb = statSync(path).size / 1e6;
  const runs = Number(values.runs);
  const rates: number[] = [];
  // CPU time (user + system, all threads) is reported too: on a shared machine wall time mostly measures the
  // neighbours. It over-counts slightly (GC and I/O threads), so rows per CPU-second is a lower bound.
  const cpuRates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    let accepted = 0;
    let rejected = 0;
    for await (const batch of readAmlworld(path)) {
      accepted += batch.accepted.length;
      rejected += batch.rejected.length;
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    const rate = (accepted + rejected) / s;
    rates.push(rate);
    cpuRates.push((accepted + rejected) / cpuS);
    process.stdout.write(
      `run ${r + 1}: ${accepted} accepted, ${rejected} rejected in ${s.toFixed(2)} s wall, ${cpuS.toFixed(2)} s CPU = ` +
        `${Math.round(rate).toLocaleString('en')} rows/s wall (${(mb / s).toFixed(0)} MB/s), ` +
        `${Math.round((accepted + rejected) / cpuS).toLocaleString('en')} rows per CPU-second\n`,
    );
  }
  if (values.compare) {
    const t0 = process.hrtime.bigint();
    let n = 0;
    let bad = 0;
    const parser = createReadStream(path).pipe(parse({ from_line: 2, relax_column_count: true }));
    for await (const record of parser as AsyncIterable<string[]>) {
      if (typeof amlworldFieldsToTransaction(record, n, true) === 'string') bad++;
      n++;
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    process.stdout.write(
      `csv-parse baseline: ${n} rows (${bad} rejected) in ${s.toFixed(2)} s = ${Math.round(n / s).toLocaleString('en')} rows/s\n`,
    );
  }
  const median = medianOf(rates);
  const cpuMedian = medianOf(cpuRates);
  process.stdout.write(
    `${JSON.stringify({ bench: 'parse-amlworld', file: path, mb: Number(mb.toFixed(1)), runs, medianRowsPerSec: Math.round(median), medianRowsPerCpuSec: Math.round(cpuMedian), loadAverage: Number(loadavg()[0]?.toFixed(1)) })}\n`,
  );
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

await main();
