import { caseStoreContract, postgresTestUrl, skipNotice } from '@raqib/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlCaseDocumentStore } from './case-document-repository.ts';
import { SqlCaseStore } from './case-repository.ts';
import { closeTestDatabases, postgresTestDatabase, sqliteTestDatabase } from './test-databases.ts';

afterEach(closeTestDatabases);

caseStoreContract('sqlite', async () => new SqlCaseStore((await sqliteTestDatabase()).db));

const pgUrl = postgresTestUrl();
if (pgUrl) {
  caseStoreContract(
    'postgres',
    async () => new SqlCaseStore((await postgresTestDatabase(pgUrl, 'raqib_cs')).db),
  );
} else {
  describe('CaseStore contract: postgres', () => {
    it.skip(skipNotice('postgres case store', 'RAQIB_TEST_PG'), () => {});
  });
}

describe('SqlCaseDocumentStore (sqlite)', () => {
  it('returns the newest document of a case, or the one with a given hash', async () => {
    const docs = new SqlCaseDocumentStore((await sqliteTestDatabase()).db);
    const base = { caseId: 'c1', kind: 'goaml-str' as const, createdBy: 'ana' };
    await docs.saveDocument({ ...base, hash: 'h1', content: '<report>1</report>', createdAt: 1 });
    await docs.saveDocument({ ...base, hash: 'h2', content: '<report>2</report>', createdAt: 2 });
    expect((await docs.getDocument('c1'))?.content).toBe('<report>2</report>');
    expect((await docs.getDocument('c1', 'h1'))?.content).toBe('<report>1</report>');
    expect(await docs.getDocument('c2')).toBeUndefined();
  });
});
