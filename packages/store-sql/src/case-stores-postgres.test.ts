import { type Case, openCase, verifyAuditChain } from '@raqib/core';
import { postgresTestUrl, skipNotice } from '@raqib/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlApiKeyStore } from './api-key-repository.ts';
import { SqlAuditLog, sha256Hex } from './audit-log-repository.ts';
import { SqlCaseDocumentStore } from './case-document-repository.ts';
import { SqlCaseStore } from './case-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { SqlTransactionStore } from './transaction-repository.ts';

// The workbench stores on PostgreSQL: the SQLite tests next to each repository cover the behaviour; this suite
// checks that the same code runs on PostgreSQL (bigint seq, upserts, transactions, compiled inserts).
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

    it('stores cases, documents, keys and transactions', async () => {
      const opened = openCase(
        { id: 'c1', title: 't', alertIds: ['a1', 'a2'] },
        { id: 'ana', role: 'analyst' },
        10,
      );
      if (!opened.ok) throw new Error(opened.message);
      const cases = new SqlCaseStore(database.db);
      await cases.saveCase(opened.after);
      await cases.saveCase({ ...opened.after, status: 'investigating' } satisfies Case);
      expect((await cases.listCases({ alertId: 'a2' })).map((c) => c.status)).toEqual(['investigating']);
      expect(await cases.countCases({})).toBe(1);
      const docs = new SqlCaseDocumentStore(database.db);
      await docs.saveDocument({
        caseId: 'c1',
        hash: 'h',
        kind: 'goaml-str',
        content: '<r/>',
        createdAt: 1,
        createdBy: 'ana',
      });
      await docs.saveDocument({
        caseId: 'c1',
        hash: 'h',
        kind: 'goaml-str',
        content: '<r/>',
        createdAt: 2,
        createdBy: 'ana',
      });
      expect((await docs.getDocument('c1'))?.createdAt).toBe(2);
      const keys = new SqlApiKeyStore(database.db);
      await keys.insertKey({
        id: 'k1',
        name: 'ana',
        role: 'analyst',
        keyHash: 'x',
        createdAt: 1,
        createdBy: 'cli',
        revokedAt: null,
      });
      expect(await keys.revokeKey('k1', 5)).toBe(true);
      expect((await keys.findByHash('x'))?.revokedAt).toBe(5);
      const txs = new SqlTransactionStore(database.db);
      const tx = {
        id: 't1',
        row: -1,
        ts: 1_700_000_000_000,
        fromBank: 'B',
        fromAccount: 'A',
        toBank: 'C',
        toAccount: 'D',
        amountPaid: 5,
        currencyPaid: 'USD',
        amountReceived: 5,
        currencyReceived: 'USD',
        paymentFormat: 'Wire' as const,
      };
      await txs.saveTransactions([{ tx, score: 0.5, typologies: ['T01'], alertIds: [], receivedAt: 3 }]);
      await txs.saveTransactions([
        { tx: { ...tx, amountPaid: 9 }, score: 0, typologies: [], alertIds: [], receivedAt: 4 },
      ]);
      expect(await txs.getTransactions(['t1'])).toEqual([
        { tx, score: 0.5, flag: false, typologies: ['T01'], alertIds: [], receivedAt: 3 },
      ]);
    });
  });
}
