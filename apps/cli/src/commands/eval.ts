import { existsSync, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  type AccountEval,
  type AlertQuality,
  evaluateAmlsim,
  evaluateAmlworld,
  isAmlsimHeader,
  readFlagsFile,
  type TransactionEval,
} from '@raqib/formats';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { startProgress } from '../progress.ts';

interface EvalFlags {
  data: string;
  flags: string;
}

/** The files of a data folder: raqib's/AMLSim's names, or AMLworld's own (`HI-Small_Trans.csv`, `…_Patterns.txt`). */
function locate(dir: string): { transactions: string; patterns?: string; labels?: string } {
  if (!existsSync(dir)) throw new CliError(`data folder not found: ${dir}`);
  // a file named as the folder would fail in readdirSync with an unexpected error and a stack
  if (!statSync(dir).isDirectory()) throw new CliError(`--data ${dir} is not a folder`);
  const at = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined);
  const labels = at('nodes.csv');
  const transactions = at('transactions.csv');
  if (transactions)
    return { transactions, ...(labels ? { labels } : {}), ...optional('patterns', at('patterns.txt')) };
  const trans = readdirSync(dir).filter((f) => f.endsWith('_Trans.csv'));
  if (trans.length === 1 && trans[0]) {
    const patterns = at(trans[0].replace(/_Trans\.csv$/, '_Patterns.txt'));
    return { transactions: join(dir, trans[0]), ...optional('patterns', patterns) };
  }
  throw new CliError(`no transactions.csv (or a single *_Trans.csv) in ${dir}`);
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** The header line, read from the first 4 KiB only (the file may be gigabytes). */
async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    const nl = text.indexOf('\n');
    return (nl < 0 ? text : text.slice(0, nl)).replace(/^\uFEFF/, '').trim();
  } finally {
    await handle.close();
  }
}

const f3 = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const n = (x: number): string => x.toLocaleString('en-US');

function printAlertQuality(q: AlertQuality | null, what: string): string[] {
  if (!q || q.alerts === 0) return [];
  return [
    '',
    `alert precision ${f3(q.precision)} (${n(q.trueAlerts)} of ${n(q.alerts)} alerts ${what})`,
    'typology           alerts    true  precision',
    ...q.byTypology.map(
      (t) =>
        `${t.typology.padEnd(18)} ${String(t.alerts).padStart(6)} ${String(t.trueAlerts).padStart(7)}  ${f3(t.trueAlerts / t.alerts).padStart(9)}`,
    ),
  ];
}

function printTransactions(r: TransactionEval): string[] {
  const c = r.confusion;
  const lines = [
    `transactions   ${n(r.rows)} (${n(r.positives)} laundering, ${n(r.quarantined)} quarantined, ${n(r.unscored)} unscored)`,
    `flagged        ${n(r.flagged)}`,
    `precision      ${f3(r.precision)}   recall ${f3(r.recall)}   F1 ${f3(r.f1)}   (TP ${n(c.tp)}, FP ${n(c.fp)}, FN ${n(c.fn)})`,
    `alerts         ${r.alerts === null ? 'no alerts.jsonl beside the flags file' : `${n(r.alerts)} (${f3(r.alertsPerThousand)} per 1,000 transactions)`}`,
  ];
  if (r.patterns.length > 0) {
    lines.push('', 'pattern            instances  found  recall   rows  flagged');
    for (const p of r.patterns) {
      lines.push(
        `${p.type.padEnd(18)} ${String(p.instances).padStart(9)} ${String(p.found).padStart(6)}  ${f3(p.recall).padStart(6)} ${String(p.rows).padStart(6)} ${String(p.rowsFlagged).padStart(8)}`,
      );
    }
    if (r.unmatchedPatternRows > 0)
      lines.push(`(${r.unmatchedPatternRows} pattern rows matched no data row)`);
  }
  if (r.untyped && r.untyped.rows > 0) {
    lines.push(
      `${'untyped'.padEnd(18)} ${'—'.padStart(9)} ${'—'.padStart(6)}  ${f3(r.untyped.recall).padStart(6)} ${String(r.untyped.rows).padStart(6)} ${String(r.untyped.flagged).padStart(8)}   (laundering rows in no block; recall by rows)`,
    );
  }
  lines.push(...printAlertQuality(r.alertQuality, 'have a laundering row in their evidence'));
  return lines;
}

function printAccounts(r: AccountEval): string[] {
  const c = r.confusion;
  const lines = [
    `transactions   ${n(r.rows)} (${n(r.quarantined)} quarantined), ${n(r.flaggedRows)} flagged`,
    `accounts       ${n(r.accounts)} (${n(r.suspicious)} suspicious, ${n(r.flaggedAccounts)} with a flagged transaction)`,
    `account-level  precision ${f3(r.precision)}   recall ${f3(r.recall)}   F1 ${f3(r.f1)}   (TP ${n(c.tp)}, FP ${n(c.fp)}, FN ${n(c.fn)})`,
    `alerts         ${r.alerts === null ? 'no alerts.jsonl beside the flags file' : `${n(r.alerts)} (${f3(r.alertsPerThousand)} per 1,000 transactions)`}`,
  ];
  lines.push(...printAlertQuality(r.alertQuality, 'name a suspicious account'));
  return lines;
}

function round(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toFixed(4));
  if (Array.isArray(value)) return value.map(round);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  }
  return value;
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'score flags.csv against labelled data: precision/recall/F1, per-pattern recall, alerts per 1,000 (AMLSim: per account)',
    )
    .requiredOption(
      '--data <dir>',
      'data folder (transactions.csv + patterns.txt, or AMLSim transactions.csv + nodes.csv)',
    )
    .requiredOption('--flags <file>', 'flags.csv written by raqib scan (alerts.jsonl is read from beside it)')
    .action(async (flags: EvalFlags) => {
      const dir = resolve(flags.data);
      const flagsPath = resolve(flags.flags);
      if (!existsSync(flagsPath)) throw new CliError(`flags file not found: ${flagsPath}`);
      const files = locate(dir);
      const alerts = join(dirname(flagsPath), 'alerts.jsonl');
      const progress = startProgress('eval', 100, '%');
      const onBytes = (read: number, total: number) =>
        progress.update(Math.floor((read / Math.max(1, total)) * 100));
      let lines: string[];
      let result: TransactionEval | AccountEval;
      try {
        const table = await readFlagsFile(flagsPath);
        const amlsim = isAmlsimHeader(await firstLine(files.transactions));
        if (amlsim) {
          const labels =
            files.labels ?? (existsSync(join(dir, 'accounts.csv')) ? join(dir, 'accounts.csv') : undefined);
          if (!labels)
            throw new CliError(`AMLSim data in ${dir} but no nodes.csv or accounts.csv with account labels`);
          const r = await evaluateAmlsim({
            transactions: files.transactions,
            labels,
            flags: table,
            alerts,
            onBytes,
          });
          result = r;
          lines = printAccounts(r);
        } else {
          const r = await evaluateAmlworld({
            transactions: files.transactions,
            patterns: files.patterns,
            flags: table,
            alerts,
            onBytes,
          });
          result = r;
          lines = printTransactions(r);
        }
      } catch (error) {
        throw error instanceof Error &&
          !(error instanceof CliError) &&
          /^(\/|cannot read)/.test(error.message)
          ? new CliError(error.message)
          : error;
      } finally {
        progress.stop();
      }
      process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(round(result))}\n`);
    });
}
