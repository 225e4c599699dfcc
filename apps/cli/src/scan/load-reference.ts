import { readFile, stat } from 'node:fs/promises';
import { parseMonitoringConfig } from '@raqib/contracts';
import {
  type AccountInfo,
  accountKey,
  type BankInfo,
  DEFAULT_JURISDICTIONS,
  defaultMonitoringConfig,
  type FxReferenceRates,
  fxRatesFromTable,
  type Jurisdictions,
  type MonitoringConfig,
  parseFxRatesCsv,
  type ReferenceData,
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

/**
 * The monitor's view of the reference files: banks by id, accounts by account key. `raqib scan` and
 * `raqib worker` both build it here, from the same reader, so a worker's monitors get what the single-process
 * scan gets (or the lanes' alerts would differ from the scan's).
 */
export function referenceDataOf(reference: {
  readonly banks?: readonly BankInfo[] | undefined;
  readonly accounts?: readonly AccountInfo[] | undefined;
  readonly jurisdictions?: Jurisdictions | undefined;
  readonly fxRates?: FxReferenceRates | undefined;
}): ReferenceData {
  const { banks, accounts, jurisdictions, fxRates } = reference;
  return {
    ...(banks ? { banks: new Map(banks.map((b) => [b.bankId, b])) } : {}),
    ...(accounts ? { accounts: new Map(accounts.map((a) => [accountKey(a.bankId, a.account), a])) } : {}),
    ...(jurisdictions ? { jurisdictions } : {}),
    ...(fxRates ? { fxRates } : {}),
  };
}

/** A configuration is a few KiB. */
export const MAX_CONFIG_BYTES = 1 << 20;
/** Day rates of 200 currencies over ten years are about 20 MB. */
export const MAX_FX_RATES_BYTES = 64 << 20;

/** The text of a file read whole, refused above `limit` bytes before anything is read. */
async function readBounded(path: string, limit: number): Promise<string> {
  const { size } = await stat(path);
  if (size > limit) throw new Error(`${path}: ${size} bytes is over the ${limit}-byte limit`);
  return readFile(path, 'utf8');
}

/** `date,currency,usd_per_unit` day rates, as `raqib generate` writes them to fx-rates.csv. */
export async function loadFxRatesFile(path: string): Promise<FxReferenceRates> {
  return fxRatesFromTable(parseFxRatesCsv(await readBounded(path, MAX_FX_RATES_BYTES)));
}

async function loadConfigFile(path: string): Promise<MonitoringConfig> {
  const text = await readBounded(path, MAX_CONFIG_BYTES);
  let json: unknown;
  try {
    // editors on Windows save JSON with a BOM, which JSON.parse refuses as an invisible "unexpected token"
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseMonitoringConfig(json, path);
}
