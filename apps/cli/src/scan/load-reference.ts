import { readFile } from 'node:fs/promises';
import { parseMonitoringConfig } from '@raqib/contracts';
import {
  type AccountInfo,
  type BankInfo,
  DEFAULT_JURISDICTIONS,
  defaultMonitoringConfig,
  type FxReferenceRates,
  fxRatesFromTable,
  type Jurisdictions,
  type MonitoringConfig,
  parseFxRatesCsv,
} from '@raqib/core';
import { loadJurisdictions, readAccounts, readBanks } from '@raqib/formats';
import { CliError } from '../cli-error.ts';

export interface ScanReference {
  readonly banks?: readonly BankInfo[] | undefined;
  readonly accounts?: readonly AccountInfo[] | undefined;
  readonly jurisdictions: Jurisdictions;
  readonly fxRates?: FxReferenceRates | undefined;
  readonly config: MonitoringConfig;
}

/** Reads the reference files a scan was given; any problem is a CliError naming the file. */
export async function loadScanReference(flags: {
  banks?: string | undefined;
  accounts?: string | undefined;
  config?: string | undefined;
  jurisdictions?: string | undefined;
  fxRates?: string | undefined;
}): Promise<ScanReference> {
  const named = async <T>(what: string, path: string, read: (p: string) => Promise<T>): Promise<T> => {
    try {
      return await read(path);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(message.includes(path) ? message : `${what} ${path}: ${message}`);
    }
  };
  const banks = flags.banks ? await named('banks file', flags.banks, readBanks) : undefined;
  const accounts = flags.accounts ? await named('accounts file', flags.accounts, readAccounts) : undefined;
  const jurisdictions = flags.jurisdictions
    ? await named('jurisdiction file', flags.jurisdictions, loadJurisdictions)
    : DEFAULT_JURISDICTIONS;
  const config = flags.config
    ? await named('config file', flags.config, loadConfigFile)
    : defaultMonitoringConfig();
  const fxRates = flags.fxRates ? await named('fx rates file', flags.fxRates, loadFxRatesFile) : undefined;
  return { banks, accounts, jurisdictions, config, fxRates };
}

/** `date,currency,usd_per_unit` day rates, as `raqib generate` writes them to fx-rates.csv. */
export async function loadFxRatesFile(path: string): Promise<FxReferenceRates> {
  return fxRatesFromTable(parseFxRatesCsv(await readFile(path, 'utf8')));
}

async function loadConfigFile(path: string): Promise<MonitoringConfig> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseMonitoringConfig(json, path);
}
