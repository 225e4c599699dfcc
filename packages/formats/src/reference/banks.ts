import type { BankInfo } from '@raqib/core';
import { readReferenceCsv } from './banks-accounts-csv.ts';

const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * Reads `banks.csv` (`bank_id,country_iso2`): which country each bank sits in, so that detectors can see
 * cross-border flows in data, like AMLworld's, whose transactions name banks but not countries.
 * Bank ids are kept verbatim (AMLworld's have leading zeros). Throws one Error listing every bad row.
 */
export async function readBanks(path: string): Promise<BankInfo[]> {
  const banks: BankInfo[] = [];
  const seen = new Map<string, number>();
  await readReferenceCsv(path, ['bank_id', 'country_iso2'], (row) => {
    const bankId = row.get('bank_id');
    const country = row.get('country_iso2');
    if (bankId.length === 0) return 'empty bank_id';
    if (!COUNTRY.test(country)) return `country_iso2 "${country}" is not an ISO 3166-1 alpha-2 code`;
    const first = seen.get(bankId);
    if (first !== undefined) return `duplicate bank_id "${bankId}" (first on line ${first})`;
    seen.set(bankId, row.line);
    banks.push({ bankId, country: country.toUpperCase() });
    return undefined;
  });
  return banks;
}
