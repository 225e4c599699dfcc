import { apiKeyStoreContract, buildApiKey, postgresTestUrl, skipNotice } from '@raqib/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlApiKeyStore } from './api-key-repository.ts';
import { closeTestDatabases, postgresTestDatabase, sqliteTestDatabase } from './test-databases.ts';
import { SqlTransactionStore } from './transaction-repository.ts';

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

describe('SqlTransactionStore (sqlite)', () => {
  it('keeps the first record of a resubmitted id and returns in the asked order', async () => {
    const store = new SqlTransactionStore((await sqliteTestDatabase()).db);
    const tx = (id: string, amount: number) => ({
      id,
      row: -1,
      ts: 1_700_000_000_000,
      fromBank: 'B1',
      fromAccount: 'A1',
      toBank: 'B2',
      toAccount: 'A2',
      amountPaid: amount,
      currencyPaid: 'AED',
      amountReceived: amount,
      currencyReceived: 'AED',
      paymentFormat: 'Wire' as const,
    });
    await store.saveTransactions([
      { tx: tx('t1', 100), score: 0.2, typologies: [], alertIds: [], receivedAt: 1 },
      { tx: tx('t2', 200), score: 0.9, typologies: ['FAN-OUT'], alertIds: ['al-1'], receivedAt: 1 },
    ]);
    await store.saveTransactions([
      { tx: tx('t1', 999), score: 0, typologies: [], alertIds: [], receivedAt: 2 },
    ]);
    const got = await store.getTransactions(['t2', 't1', 'missing']);
    expect(got.map((g) => [g.tx.id, g.tx.amountPaid, g.typologies])).toEqual([
      ['t2', 200, ['FAN-OUT']],
      ['t1', 100, []],
    ]);
  });
});
