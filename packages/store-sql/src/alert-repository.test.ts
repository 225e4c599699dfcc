import { alertStoreContract, postgresTestUrl, skipNotice } from '@raqib/testkit';
import { sql } from 'kysely';
import { afterAll, describe, it } from 'vitest';
import { SqlAlertStore } from './alert-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

const opened: RaqibDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

alertStoreContract('sqlite', async () => {
  const database = openDatabase(':memory:');
  opened.push(database);
  await migrateToLatest(database);
  return new SqlAlertStore(database.db);
});

const pgUrl = postgresTestUrl();
if (pgUrl) {
  let n = 0;
  alertStoreContract('postgres', async () => {
    // each store gets its own schema so that the contract's cases do not see each other's rows
    const schema = `raqib_test_${process.pid}_${n++}`;
    const admin = openDatabase(pgUrl);
    await sql.raw(`drop schema if exists ${schema} cascade; create schema ${schema}`).execute(admin.db);
    await admin.close();
    const database = openDatabase(`${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`);
    opened.push(database);
    await migrateToLatest(database);
    return new SqlAlertStore(database.db);
  });
} else {
  describe('AlertStore contract: postgres', () => {
    it.skip(skipNotice('postgres alert store', 'RAQIB_TEST_PG'), () => {});
  });
}
