import { postgresTestUrl, skipNotice, transactionStoreContract } from '@raqib/testkit';
import { afterEach, describe, it } from 'vitest';
import { closeTestDatabases, postgresTestDatabase, sqliteTestDatabase } from './test-databases.ts';
import { SqlTransactionStore } from './transaction-repository.ts';

afterEach(closeTestDatabases);

transactionStoreContract('sqlite', async () => new SqlTransactionStore((await sqliteTestDatabase()).db));

const pgUrl = postgresTestUrl();
if (pgUrl) {
  transactionStoreContract(
    'postgres',
    async () => new SqlTransactionStore((await postgresTestDatabase(pgUrl, 'raqib_tx')).db),
  );
} else {
  describe('TransactionStore contract: postgres', () => {
    it.skip(skipNotice('postgres transaction store', 'RAQIB_TEST_PG'), () => {});
  });
}
