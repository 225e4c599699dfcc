import { caseDocumentStoreContract, caseStoreContract, postgresTestUrl, skipNotice } from '@raqib/testkit';
import { afterEach, describe, it } from 'vitest';
import { SqlCaseDocumentStore } from './case-document-repository.ts';
import { SqlCaseStore } from './case-repository.ts';
import { closeTestDatabases, postgresTestDatabase, sqliteTestDatabase } from './test-databases.ts';

afterEach(closeTestDatabases);

caseStoreContract('sqlite', async () => new SqlCaseStore((await sqliteTestDatabase()).db));
caseDocumentStoreContract('sqlite', async () => new SqlCaseDocumentStore((await sqliteTestDatabase()).db));

const pgUrl = postgresTestUrl();
if (pgUrl) {
  caseStoreContract(
    'postgres',
    async () => new SqlCaseStore((await postgresTestDatabase(pgUrl, 'raqib_cs')).db),
  );
  caseDocumentStoreContract(
    'postgres',
    async () => new SqlCaseDocumentStore((await postgresTestDatabase(pgUrl, 'raqib_cd')).db),
  );
} else {
  describe('CaseStore and CaseDocumentStore contracts: postgres', () => {
    it.skip(skipNotice('postgres case and document stores', 'RAQIB_TEST_PG'), () => {});
  });
}
