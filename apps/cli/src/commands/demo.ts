import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countPhrase, DEFAULT_JURISDICTIONS, defaultMonitoringConfig } from '@raqib/core';
import { evaluateAmlworld, loadListPath, readAccounts, readBanks, readFlagsFile } from '@raqib/formats';
import { SqlAlertStore, SqlListStore } from '@raqib/store-sql';
import { writeDataset } from '@raqib/synth';
import type { Command } from 'commander';
import { dbOption, openStore } from '../db-option.ts';
import { topAlerts, typologyChart } from '../demo/print-demo.ts';
import { UN_EXCERPT } from '../demo/repo-paths.ts';
import { startProgress } from '../progress.ts';
import { loadFxRatesFile } from '../scan/load-reference.ts';
import { runScan } from '../scan/run-scan.ts';
import { partyScreener } from '../scan/screen-parties.ts';

interface DemoFlags {
  out: string;
  accounts: string;
  days: string;
  seed: string;
  db?: string;
}

const say = (text: string) => process.stdout.write(`${text}\n`);

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'generate ≈300k transactions with the seed’s TF schemes, screen parties, scan, and show the alerts',
    )
    .option('--out <dir>', 'where the generated data and scan outputs go', './demo-out')
    .option('--accounts <n>', 'accounts to generate', '15000')
    .option('--days <n>', 'days to generate', '10')
    .option('--seed <n>', 'random seed', '2017')
    .addOption(dbOption())
    .action(async (flags: DemoFlags) => {
      const t0 = performance.now();
      const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
      const dataDir = resolve(flags.out, 'data');
      const outDir = resolve(flags.out, 'scan');
      mkdirSync(dataDir, { recursive: true });
      const accounts = Number(flags.accounts);
      const days = Number(flags.days);
      const seed = Number(flags.seed);

      say(`raqib demo — ${accounts.toLocaleString('en-US')} accounts × ${days} days, seed ${seed}`);
      say('1. generating transactions: background activity, AMLworld’s 8 laundering patterns, and the');
      say(
        '   seed article’s schemes (money moved out of conflict zones to Europe, cell funding, gold-dinar FX premium)',
      );
      const gen = startProgress('   generate', days, ' days');
      const generated = await writeDataset(dataDir, { accounts, days, seed }, (p) => gen.update(p.day + 1));
      gen.stop();
      say(
        `   ${generated.transactions.toLocaleString('en-US')} transactions written to ${dataDir} (${elapsed()})`,
      );

      say(
        '2. sanctions list: the UN consolidated list excerpt shipped in fixtures/sanctions, loaded into the database',
      );
      const database = await openStore(flags.db);
      const listStore = new SqlListStore(database.db);
      for (const list of existsSync(UN_EXCERPT) ? loadListPath(UN_EXCERPT) : []) {
        const delta = await listStore.save(list, Date.now());
        say(
          `   ${list.list} ${list.version}: ${countPhrase(list.entries.length, { one: '1 entry', other: '{n} entries' }, 'en')} (${delta.added.length} new, ${delta.changed.length} changed)`,
        );
      }
      const entries = await listStore.currentEntries();

      say('3. scanning: every detector, typology scoring, party screening of account holders');
      try {
        const banks = await readBanks(join(dataDir, 'banks.csv'));
        const holders = await readAccounts(join(dataDir, 'accounts.csv'));
        const clock = { now: () => Date.now() };
        const scanBar = startProgress('   scan', 100, '%');
        const summary = await runScan(
          {
            input: join(dataDir, 'transactions.csv'),
            format: 'amlworld',
            banks,
            accounts: holders,
            jurisdictions: DEFAULT_JURISDICTIONS,
            fxRates: await loadFxRatesFile(join(dataDir, 'fx-rates.csv')),
            config: defaultMonitoringConfig(),
            outDir,
            store: new SqlAlertStore(database.db),
            clock,
            onStep: (text) => scanBar.say(text),
            onProgress: (b, total) => scanBar.update(Math.floor((b / Math.max(1, total)) * 100)),
            screenParties: partyScreener(entries, clock),
          },
          () => performance.now(),
        );
        scanBar.stop();
        const { records } = summary;
        say(
          `   ${records.read.toLocaleString('en-US')} transactions read, ${records.accepted.toLocaleString('en-US')} accepted, ` +
            `${records.quarantined} quarantined; ${summary.transactionsPerSecond.toLocaleString('en-US')} tx/s; ` +
            `${summary.alerts} alerts stored in ${database.location} (${elapsed()})`,
        );

        const alerts = readFileSync(summary.outputs.alerts!, 'utf8')
          .split('\n')
          .filter((l) => l.length > 0)
          .map((l) => JSON.parse(l));
        say('\nAlerts per typology');
        process.stdout.write(typologyChart(alerts));
        say('\nTop alerts (the highest of each typology), explained');
        process.stdout.write(topAlerts(alerts, 8));

        const quality = await evaluateAmlworld({
          transactions: join(dataDir, 'transactions.csv'),
          patterns: join(dataDir, 'patterns.txt'),
          flags: await readFlagsFile(summary.outputs.flags!),
          alerts: summary.outputs.alerts,
        });
        say('\nQuality against the generator’s labels (transaction level, AMLworld’s measure)');
        say(
          `  precision ${quality.precision.toFixed(3)}  recall ${quality.recall?.toFixed(3) ?? '—'}  ` +
            `F1 ${quality.f1.toFixed(3)}  alerts per 1,000 transactions ${quality.alertsPerThousand?.toFixed(2) ?? '—'}`,
        );
        say(
          `  pattern recall: ${quality.patterns.map((p) => `${p.type} ${p.found}/${p.instances}`).join(', ')}`,
        );
        say(`\nDone in ${elapsed()}. Next:`);
        say(`  npx raqib alerts --explain --limit 10     # the stored alerts`);
        say(`  npx raqib eval --data ${dataDir} --flags ${summary.outputs.flags}`);
        say('  npx raqib serve                           # the analyst workbench on http://localhost:8080');
      } finally {
        await database.close();
      }
    });
}
