import { readFile } from 'node:fs/promises';
import * as contracts from '@raqib/contracts';
import {
  type AccountInfo,
  type BankInfo,
  DEFAULT_JURISDICTIONS,
  defaultMonitoringConfig,
  type Jurisdictions,
  type MonitoringConfig,
} from '@raqib/core';
import * as formats from '@raqib/formats';
import { CliError } from '../cli-error.ts';

export interface ScanReference {
  readonly banks?: readonly BankInfo[] | undefined;
  readonly accounts?: readonly AccountInfo[] | undefined;
  readonly jurisdictions: Jurisdictions;
  readonly config: MonitoringConfig;
}

/** Reads the reference files a scan was given; any problem is a CliError naming the file. */
export async function loadScanReference(flags: {
  banks?: string | undefined;
  accounts?: string | undefined;
  config?: string | undefined;
  jurisdictions?: string | undefined;
}): Promise<ScanReference> {
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
    ? await named('jurisdiction file', flags.jurisdictions, loadJurisdictionsFile)
    : DEFAULT_JURISDICTIONS;
  const config = flags.config
    ? await named('config file', flags.config, loadConfigFile)
    : defaultMonitoringConfig();
  return { banks, accounts, jurisdictions, config };
}

async function loadJurisdictionsFile(path: string): Promise<Jurisdictions> {
  const loader = (formats as Record<string, unknown>).loadJurisdictions;
  if (typeof loader !== 'function') throw new Error('this build cannot read jurisdiction files');
  return (await (loader as (p: string) => Promise<Jurisdictions>)(path)) as Jurisdictions;
}

async function loadConfigFile(path: string): Promise<MonitoringConfig> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parse = (contracts as Record<string, unknown>).parseMonitoringConfig;
  if (typeof parse !== 'function') throw new Error('this build cannot read monitoring config files');
  return (parse as (j: unknown, source: string) => MonitoringConfig)(json, path);
}
