import { DEFAULT_RATE, PATTERN_TYPES, writeDataset } from '@raqib/synth';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { prepareOutputFolder } from '../output-folder.ts';
import { startProgress } from '../progress.ts';

interface GenerateFlags {
  out: string;
  accounts: string;
  days: string;
  seed: string;
  rate?: string;
  json?: boolean;
}

function integer(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}, got '${text}'`);
  }
  return n;
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      'generate a labelled synthetic data set: transactions.csv (AMLworld), patterns.txt, banks.csv, accounts.csv',
    )
    .requiredOption('--out <dir>', 'output folder (created when missing)')
    .requiredOption('--accounts <n>', 'number of accounts (≈ 2 transactions per account per day)')
    .requiredOption('--days <d>', 'number of days, from 2022-09-01')
    .requiredOption('--seed <s>', 'random seed: the same seed gives the same files')
    .option('--rate <r>', `share of transactions that are laundering (default ${DEFAULT_RATE})`)
    .option('--json', 'print the summary as JSON only')
    .action(async (flags: GenerateFlags) => {
      const accounts = integer('accounts', flags.accounts, 1000, 20_000_000);
      const days = integer('days', flags.days, 1, 366);
      const seed = integer('seed', flags.seed, 0, 0xffffffff);
      const rate = flags.rate === undefined ? DEFAULT_RATE : Number(flags.rate);
      if (!Number.isFinite(rate) || rate <= 0 || rate > 0.2) {
        throw new CliError(`--rate must be a number above 0 and at most 0.2, got '${flags.rate}'`);
      }
      const out = prepareOutputFolder(flags.out);
      const progress = startProgress('generate', days, ' days');
      const started = performance.now();
      let summary: Awaited<ReturnType<typeof writeDataset>>;
      try {
        summary = await writeDataset(out, { accounts, days, seed, rate }, (p) =>
          progress.update(p.day, `${p.rows.toLocaleString('en-US')} rows`),
        );
      } finally {
        progress.stop();
      }
      const seconds = (performance.now() - started) / 1000;
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ out, seconds: Number(seconds.toFixed(2)), ...summary })}\n`);
        return;
      }
      const lines = [
        `wrote ${out}`,
        `  transactions  ${summary.transactions.toLocaleString('en-US')} (${summary.laundering} laundering, ` +
          `${summary.untyped} of them untyped) in ${seconds.toFixed(1)} s, ` +
          `${Math.round(summary.transactions / seconds).toLocaleString('en-US')} tx/s`,
        `  accounts      ${summary.accounts.toLocaleString('en-US')} at ${summary.banks} banks, ${summary.days} days`,
        '  patterns      type               instances  transactions',
        ...PATTERN_TYPES.map((t) => {
          const p = summary.patterns[t];
          return `                ${t.padEnd(18)} ${String(p?.instances ?? 0).padStart(9)}  ${String(p?.transactions ?? 0).padStart(12)}`;
        }),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
