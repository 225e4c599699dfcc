import { readFile } from 'node:fs/promises';
import * as contracts from '@raqib/contracts';
import {
  accountKey,
  DEFAULT_JURISDICTIONS,
  defaultMonitoringConfig,
  fxRatesFromTable,
  type Jurisdictions,
  type MonitoringConfig,
  parseFxRatesCsv,
  type ReferenceData,
} from '@raqib/core';
import * as formats from '@raqib/formats';
import { CliError } from '../cli-error.ts';

export interface WorkerReferenceFlags {
  banks?: string | undefined;
  accounts?: string | undefined;
  config?: string | undefined;
  jurisdictions?: string | undefined;
  fxRates?: string | undefined;
}

/**
 * The reference data and configuration a worker's monitors run with. They must be the ones the single-process
 * scan would get, or the lanes' alerts differ from the scan's. Day FX rates (`--fx-rates`, the fx-rates.csv of
 * `raqib generate`) matter more with several partitions: without them the monitor learns currency values from the
 * payments it sees, and each lane sees different ones.
 * Any problem is a CliError naming the file.
 */
export async function loadWorkerReference(
  flags: WorkerReferenceFlags,
): Promise<{ reference: ReferenceData; config: MonitoringConfig }> {
  const named = async <T>(what: string, path: string, read: (p: string) => Promise<T>): Promise<T> => {
    try {
      return await read(path);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(message.includes(path) ? message : `${what} ${path}: ${message}`);
    }
  };
  const banks = flags.banks ? await named('banks file', flags.banks, formats.readBanks) : undefined;
  const accounts = flags.accounts
    ? await named('accounts file', flags.accounts, formats.readAccounts)
    : undefined;
  const jurisdictions = flags.jurisdictions
    ? await named('jurisdiction file', flags.jurisdictions, readJurisdictions)
    : DEFAULT_JURISDICTIONS;
  const config = flags.config
    ? await named('config file', flags.config, readConfig)
    : defaultMonitoringConfig();
  const fxRates = flags.fxRates
    ? await named('fx rates file', flags.fxRates, async (p) =>
        fxRatesFromTable(parseFxRatesCsv(await readFile(p, 'utf8'))),
      )
    : undefined;
  return {
    reference: {
      ...(banks ? { banks: new Map(banks.map((b) => [b.bankId, b])) } : {}),
      ...(accounts ? { accounts: new Map(accounts.map((a) => [accountKey(a.bankId, a.account), a])) } : {}),
      jurisdictions,
      ...(fxRates ? { fxRates } : {}),
    },
    config,
  };
}

// The readers below are looked up by name because their packages are still growing them; a build without one
// says so instead of failing to start.
async function readJurisdictions(path: string): Promise<Jurisdictions> {
  const loader = (formats as Record<string, unknown>).loadJurisdictions;
  if (typeof loader !== 'function') throw new Error('this build cannot read jurisdiction files');
  return (await (loader as (p: string) => Promise<Jurisdictions>)(path)) as Jurisdictions;
}

async function readConfig(path: string): Promise<MonitoringConfig> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parse = (contracts as Record<string, unknown>).parseMonitoringConfig;
  if (typeof parse !== 'function') throw new Error('this build cannot read monitoring config files');
  return (parse as (j: unknown, source: string) => MonitoringConfig)(json, path);
}
