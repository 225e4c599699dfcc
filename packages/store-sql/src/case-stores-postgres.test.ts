import { verifyAuditChain } from '@raqib/core';
import { postgresTestUrl, skipNotice } from '@raqib/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAuditLog, sha256Hex } from './audit-log-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

// The workbench stores' behaviour on PostgreSQL is stated by the contract suites (packages/testkit), run next to
// each repository on SQLite and PostgreSQL; this suite keeps what the port cannot state: a row edited in the
// database itself is found by the chain's verification on PostgreSQL too (bigint seq read back as numbers).
const pgUrl = postgresTestUrl();

if (!pgUrl) {
  describe('workbench stores: postgres', () => {
    it.skip(skipNotice('workbench stores on postgres', 'RAQIB_TEST_PG'), () => {});
  });
} else {
  const url = pgUrl;
  let database: RaqibDatabase;
  const schema = `raqib_wb_${process.pid}`;
  beforeAll(async () => {
    const admin = openDatabase(url);
    await sql.raw(`drop schema if exists ${schema} cascade; create schema ${schema}`).execute(admin.db);
    await admin.close();
    database = openDatabase(`${url}${url.includes('?') ? '&' : '?'}schema=${schema}`);
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    const admin = openDatabase(url);
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
    await admin.close();
  });

  describe('workbench stores: postgres', () => {
    it('chains concurrent audit appends and detects an edited row', async () => {
      const log = new SqlAuditLog(database.db);
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          log.append({
            at: i,
            actor: 'ana',
            action: 'case.note',
            entity: 'case',
            entityId: 'c1',
            before: null,
            after: { note: `n${i}` },
          }),
        ),
      );
      const entries = [];
      for await (const e of log.all()) entries.push(e);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(verifyAuditChain(entries, sha256Hex, await log.head()).ok).toBe(true);
      await sql`update audit_log set actor = 'mallory' where seq = 5`.execute(database.db);
      const edited = [];
      for await (const e of log.all()) edited.push(e);
      expect(verifyAuditChain(edited, sha256Hex, await log.head()).findings).toEqual([
        expect.objectContaining({ seq: 5, problem: 'edited' }),
      ]);
    });
  });
}
