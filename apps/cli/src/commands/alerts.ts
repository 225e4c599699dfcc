import { type Alert, countPhrase } from '@raqib/core';
import { SqlAlertStore } from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openExistingStore } from '../db-option.ts';

interface AlertsFlags {
  typology?: string;
  minScore?: string;
  source?: string;
  limit: string;
  json?: boolean;
  explain?: boolean;
  db?: string;
}

export function registerAlertsCommand(program: Command): void {
  program
    .command('alerts')
    .description('list stored alerts, highest score first')
    .option('--typology <name>', 'only alerts of this typology (e.g. FAN-OUT, TF-EXODUS, T20)')
    .option('--min-score <s>', 'only alerts with score ≥ s (0–1)')
    .option('--source <source>', 'monitoring | screening | media')
    .option('--limit <n>', 'at most n alerts', '50')
    .option('--explain', 'print each alert’s explanation in English and Arabic')
    .option('--json', 'JSON lines instead of a table')
    .addOption(dbOption())
    .action(async (flags: AlertsFlags) => {
      const minScore = flags.minScore === undefined ? undefined : Number(flags.minScore);
      if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) {
        throw new CliError(`--min-score must be a number from 0 to 1, got "${flags.minScore}"`);
      }
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(`--limit must be a positive whole number`);
      if (flags.source !== undefined && !['monitoring', 'screening', 'media'].includes(flags.source)) {
        throw new CliError(`--source must be monitoring, screening or media`);
      }
      const database = await openExistingStore(
        flags.db,
        'nothing has been scanned into it (raqib scan writes alerts)',
      );
      try {
        const store = new SqlAlertStore(database.db);
        const filter = {
          typology: flags.typology,
          minScore,
          source: flags.source as Alert['source'] | undefined,
        };
        const [alerts, total] = await Promise.all([
          store.listAlerts({ ...filter, limit }),
          store.countAlerts(filter),
        ]);
        if (flags.json) {
          for (const a of alerts) process.stdout.write(`${JSON.stringify(a)}\n`);
          // the table says "50 of N"; JSON lines alone would look like all there is, so the cut goes to stderr
          if (total > alerts.length) {
            process.stderr.write(
              `raqib: ${alerts.length} of ${countPhrase(total, { one: '1 alert', other: '{n} alerts' }, 'en')} (raise --limit for more)\n`,
            );
          }
          return;
        }
        process.stdout.write(formatAlertTable(alerts, total, flags.explain === true));
      } finally {
        await database.close();
      }
    });
}

export function formatAlertTable(alerts: readonly Alert[], total: number, explain: boolean): string {
  if (alerts.length === 0) return 'no alerts match\n';
  const rows = alerts.map((a) => [
    a.id,
    a.typologies.join(';'),
    a.score.toFixed(3),
    String(a.accounts.length),
    String(a.transactions.length),
    new Date(a.start).toISOString().slice(0, 16).replace('T', ' '),
    a.status,
  ]);
  const head = ['id', 'typologies', 'score', 'accounts', 'tx', 'start (UTC)', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  let out = `${fmt(head)}\n${fmt(widths.map((w) => '-'.repeat(w)))}\n`;
  alerts.forEach((a, i) => {
    out += `${fmt(rows[i] ?? [])}\n`;
    if (explain) out += `    EN: ${a.explanation.en}\n    AR: ${a.explanation.ar}\n`;
  });
  out += `${alerts.length} of ${countPhrase(total, { one: '1 alert', other: '{n} alerts' }, 'en')}\n`;
  return out;
}
