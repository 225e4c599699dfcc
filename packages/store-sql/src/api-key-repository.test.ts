import { apiKeyStoreContract, buildApiKey, postgresTestUrl, skipNotice } from '@raqib/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlApiKeyStore } from './api-key-repository.ts';
import { closeTestDatabases, postgresTestDatabase, sqliteTestDatabase } from './test-databases.ts';

afterEach(closeTestDatabases);

apiKeyStoreContract('sqlite', async () => new SqlApiKeyStore((await sqliteTestDatabase()).db));

describe('SqlApiKeyStore (sqlite)', () => {
  it('refuses a second key with the same hash through the unique constraint', async () => {
    const keys = new SqlApiKeyStore((await sqliteTestDatabase()).db);
    const rec = buildApiKey();
    await keys.insertKey(rec);
    await expect(keys.insertKey({ ...rec, id: 'k_2' })).rejects.toThrow(/UNIQUE/);
  });
});

const pgUrl = postgresTestUrl();
if (pgUrl) {
  apiKeyStoreContract(
    'postgres',
    async () => new SqlApiKeyStore((await postgresTestDatabase(pgUrl, 'raqib_ak')).db),
  );
} else {
  describe('ApiKeyStore contract: postgres', () => {
    it.skip(skipNotice('postgres api key store', 'RAQIB_TEST_PG'), () => {});
  });
}
