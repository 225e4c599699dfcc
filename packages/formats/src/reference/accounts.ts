import { type AccountInfo, accountKey, ENTITY_TYPES, type EntityType } from '@raqib/core';
import { readReferenceCsv } from './banks-accounts-csv.ts';

const TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);

/**
 * Reads `accounts.csv` (`bank_id,account,entity_name,entity_type`): who holds each account. Accounts are unique
 * by bank + account, so a repeated pair is an error; an empty entity_type means `unknown`. Throws one Error
 * listing every bad row.
 */
export async function readAccounts(path: string): Promise<AccountInfo[]> {
  const accounts: AccountInfo[] = [];
  const seen = new Map<string, number>();
  await readReferenceCsv(path, ['bank_id', 'account', 'entity_name', 'entity_type'], (row) => {
    const bankId = row.get('bank_id');
    const account = row.get('account');
    const entityName = row.get('entity_name');
    const typeText = row.get('entity_type').toLowerCase();
    if (bankId.length === 0) return 'empty account: bank_id is empty';
    if (account.length === 0) return 'empty account: account is empty';
    const entityType = typeText === '' ? 'unknown' : typeText;
    if (!TYPES.has(entityType)) {
      return `entity_type "${row.get('entity_type')}" is not one of ${ENTITY_TYPES.join(', ')}`;
    }
    const key = accountKey(bankId, account);
    const first = seen.get(key);
    if (first !== undefined) return `duplicate account ${bankId}/${account} (first on line ${first})`;
    seen.set(key, row.line);
    accounts.push({ bankId, account, entityName, entityType: entityType as EntityType });
    return undefined;
  });
  return accounts;
}
