import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAccounts } from './accounts.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../fixtures/transactions/${name}`, import.meta.url));

describe('readAccounts', () => {
  it('reads holders, quoted names with commas, entity types in any case, empty type as unknown', async () => {
    expect(await readAccounts(fixture('accounts.csv'))).toEqual([
      { bankId: '010', account: '8000EBD30', entityName: 'Haddad Trading, LLC', entityType: 'company' },
      { bankId: '001', account: '8000F5340', entityName: 'Omar Haddad', entityType: 'individual' },
      { bankId: '0134266', account: '808263FA0', entityName: 'Al-Noor Relief', entityType: 'npo' },
      {
        bankId: 'AHLIJOAX',
        account: 'JO94CBJO0010000000000131000302',
        entityName: '',
        entityType: 'unknown',
      },
    ]);
  });

  it('refuses empty accounts, repeated bank+account pairs and unknown entity types', async () => {
    await expect(readAccounts(fixture('accounts-malformed.csv'))).rejects.toThrow(
      'line 3: empty account: account is empty\n' +
        '  line 4: duplicate account 010/8000EBD30 (first on line 2)\n' +
        '  line 5: entity_type "pirate" is not one of individual, company, npo, msb, government, unknown',
    );
  });
});
