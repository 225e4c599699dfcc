import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputFileError } from '@raqib/formats';
import { SqlAlertStore, SqlListStore } from '@raqib/store-sql';
import { type Command, Option } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openStore } from '../db-option.ts';
import { prepareOutputFolder } from '../output-folder.ts';
import { startProgress } from '../progress.ts';
import { loadScanReference } from '../scan/load-reference.ts';
import { printScanSummary } from '../scan/print-summary.ts';
import { runScan } from '../scan/run-scan.ts';
import { partyScreener } from '../scan/screen-parties.ts';

interface ScanFlags {
  input: string;
  format?: 'amlworld' | 'jsonl' | 'pacs008' | 'amlsim';
  banks?: string;
  accounts?: string;
  config?: string;
  jurisdictions?: string;
  fxRates?: string;
  out: string;
  db?: string;
  store: boolean;
  json?: boolean;
}

export function registerScanCommand(program: Command): void {
  program
    .command('scan')
    .description(
      'scan a transaction file: flags.csv, alerts.jsonl, summary.json, quarantine.jsonl, alerts in the DB',
    )
    .requiredOption('--input <file>', 'transactions file')
    .addOption(
      new Option('--format <format>', 'input format (detected when absent)').choices([
        'amlworld',
        'jsonl',
        'pacs008',
        'amlsim',
      ]),
    )
    .option('--banks <file>', 'banks.csv (bank_id,country_iso2)')
    .option('--accounts <file>', 'accounts.csv (bank_id,account,entity_name,entity_type)')
    .option('--config <file>', 'monitoring configuration (JSON)')
    .option(
      '--jurisdictions <file>',
      'jurisdiction list (FATF lists and conflict areas; default: the shipped June 2026 file)',
    )
    .option(
      '--fx-rates <file>',
      'day reference rates (date,currency,usd_per_unit); default: derived from the data',
    )
    .requiredOption('--out <dir>', 'output folder')
    .addOption(dbOption())
    .option('--no-store', 'do not store alerts in the database')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: ScanFlags) => {
      if (!existsSync(flags.input)) throw new CliError(`input file not found: ${flags.input}`);
      const reference = await loadScanReference(flags);
      // before the database is opened: an --out that cannot be a folder fails first, in one line
      const outDir = prepareOutputFolder(flags.out);
      const database = flags.store ? await openStore(flags.db) : undefined;
      // party screening runs against the lists loaded into the same database (raqib lists load)
      const listEntries = database ? await new SqlListStore(database.db).currentEntries() : [];
      const clock = { now: () => Date.now() };
      const controller = new AbortController();
      let interrupts = 0;
      const onSigint = () => {
        interrupts++;
        if (interrupts === 1) {
          process.stderr.write(
            '\nraqib: interrupted; finishing the records read so far (Ctrl-C again to quit now)\n',
          );
          controller.abort();
        } else {
          process.exit(130);
        }
      };
      process.on('SIGINT', onSigint);
      const progress = startProgress('scan', 100, '%');
      try {
        const summary = await runScan(
          {
            input: resolve(flags.input),
            format: flags.format,
            ...reference,
            outDir,
            store: database ? new SqlAlertStore(database.db) : undefined,
            clock,
            signal: controller.signal,
            ...(listEntries.length > 0 ? { screenParties: partyScreener(listEntries, clock) } : {}),
            onStep: (text) => progress.say(text),
            onProgress: (bytes, total, rows, alerts) =>
              progress.update(
                Math.floor((bytes / Math.max(total, 1)) * 100),
                `${rows} rows, ${alerts} alerts`,
              ),
          },
          () => performance.now(),
        );
        progress.stop();
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          printScanSummary(summary, database?.location);
          process.stdout.write(
            listEntries.length > 0
              ? `  parties   screened against ${listEntries.length} list entries in the database\n`
              : '  parties   not screened: no sanctions list in the database (load one with `raqib lists load PATH`)\n',
          );
        }
        if (summary.interrupted) process.exitCode = 130;
      } catch (error) {
        progress.stop();
        if (error instanceof InputFileError) throw new CliError(error.message);
        throw error;
      } finally {
        process.off('SIGINT', onSigint);
        await database?.close();
      }
    });
}
