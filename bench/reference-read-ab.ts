/**
 * A/B of the reference CSV reader in one process: the same accounts.csv read directly (no quotes: the plain split
 * of plainCsvRecords) and through csv-parse (a copy in which one name is quoted, which sends the whole file there),
 * alternating. Prints the CPU time of each and checks that both give the same accounts.
 *
 * Usage: node --import tsx bench/reference-read-ab.ts ACCOUNTS_CSV ROUNDS  (pin it: `taskset -c 1`)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAccounts } from '@raqib/formats';

const [path, roundsArg] = process.argv.slice(2);
if (!path || !roundsArg) throw new Error('usage: reference-read-ab.ts ACCOUNTS_CSV ROUNDS');
const lines = readFileSync(path, 'utf8').split('\n');
const first = lines[1]?.split(',');
if (first === undefined || first.length < 4) throw new Error(`${path}: no data row`);
first[2] = `"${first[2]}"`;
lines[1] = first.join(',');
const quoted = join(mkdtempSync(join(tmpdir(), 'raqib-ref-ab-')), 'accounts.csv');
writeFileSync(quoted, lines.join('\n'));

const cpu = { plain: [] as number[], csvParse: [] as number[] };
const results = new Set<string>();
for (let r = 0; r < Number(roundsArg); r++) {
  for (const [name, file] of [
    ['plain', path],
    ['csvParse', quoted],
  ] as const) {
    const before = process.cpuUsage();
    const accounts = await readAccounts(file);
    const used = process.cpuUsage(before);
    cpu[name].push((used.user + used.system) / 1e6);
    results.add(JSON.stringify(accounts));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `${JSON.stringify({
    rows: lines.length - 2,
    sameAccounts: results.size === 1,
    medianCpuSeconds: { plain: median(cpu.plain), csvParse: median(cpu.csvParse) },
    ratio: median(cpu.csvParse) / median(cpu.plain),
  })}\n`,
);
