import { alertStoreContract, postgresTestUrl, skipNotice } from '@raqib/testkit';
import { afterEach, describe, it } from 'vitest';
import { SqlAlertStore } from './alert-repository.ts';
import { closeTestDatabases, postgresTestDatabase, sqliteTestDatabase } from './test-databases.ts';

afterEach(closeTestDatabases);

alertStoreContract('sqlite', async () => new SqlAlertStore((await sqliteTestDatabase()).db));

const pgUrl = postgresTestUrl();
if (pgUrl) {
  // each store gets its own schema so that the contract's cases do not see each other's rows
  alertStoreContract(
    'postgres',
    async () => new SqlAlertStore((await postgresTestDatabase(pgUrl, 'raqib_test')).db),
  );
} else {
  describe('AlertStore contract: postgres', () => {
    it.skip(skipNotice('postgres alert store', 'RAQIB_TEST_PG'), () => {});
  });
}
