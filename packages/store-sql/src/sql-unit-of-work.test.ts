import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditDraft, type Case, openCase, verifyAuditChain } from '@raqib/core';
import { buildAlert, postgresTestUrl, skipNotice } from '@raqib/testkit';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SqlAlertStore } from './alert-repository.ts';
import { SqlAuditLog, sha256Hex } from './audit-log-repository.ts';
import { SqlCaseStore } from './case-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { sqlUnitOfWork } from './sql-unit-of-work.ts';

const analyst = { id: 'ana', role: 'analyst' } as const;
function newCase(id: string, alertIds: string[]): Case {
  const r = openCase({ id, title: `case ${id}`, alertIds }, analyst, 1_000);
  if (!r.ok) throw new Error(r.message);
  return r.after;
}
const auditOf = (entityId: string, note: string): AuditDraft => ({
  at: 2_000,
  actor: 'ana',
  action: 'case.create',
  entity: 'case',
  entityId,
  before: null,
  after: { note },
});

async function auditEntries(database: RaqibDatabase) {
  const entries = [];
  for await (const e of new SqlAuditLog(database.db).all()) entries.push(e);
  return entries;
}

/** The behaviour every SQL dialect must show; `open` gives a second handle on the same database (another process). */
function unitOfWorkSuite(open: () => RaqibDatabase, twoHandlesAtOnce: boolean) {
  let database: RaqibDatabase;
  beforeEach(async () => {
    database = open();
    await migrateToLatest(database);
    await new SqlAlertStore(database.db).upsertAlerts([buildAlert({ id: 'al-1', status: 'new' })]);
  });
  afterEach(async () => {
    await database.close();
  });

  it('keeps the case, the alert status and the audit entry together', async () => {
    const transact = sqlUnitOfWork(database.db, sha256Hex);
    await transact(async (r) => {
      await r.cases.saveCase(newCase('c-ok', ['al-1']));
      await r.alerts.setAlertStatus('al-1', 'in-case');
      await r.audit.append(auditOf('c-ok', 'opened'));
    });
    expect((await new SqlCaseStore(database.db).getCase('c-ok'))?.alertIds).toEqual(['al-1']);
    expect((await new SqlAlertStore(database.db).getAlert('al-1'))?.status).toBe('in-case');
    expect((await auditEntries(database)).map((e) => e.entityId)).toEqual(['c-ok']);
  });

  it('rolls every change back when the action fails after writing', async () => {
    const transact = sqlUnitOfWork(database.db, sha256Hex);
    await expect(
      transact(async (r) => {
        await r.cases.saveCase(newCase('c-bad', ['al-1']));
        await r.alerts.setAlertStatus('al-1', 'in-case');
        await r.audit.append(auditOf('c-bad', 'opened'));
        throw new Error('refused after the writes');
      }),
    ).rejects.toThrow('refused after the writes');
    expect(await new SqlCaseStore(database.db).getCase('c-bad')).toBeUndefined();
    expect((await new SqlAlertStore(database.db).getAlert('al-1'))?.status).toBe('new');
    expect(await auditEntries(database)).toEqual([]);
    expect(await new SqlAuditLog(database.db).head()).toBeUndefined();
  });

  // better-sqlite3 is synchronous: two SQLite handles in one thread would wait on each other's lock while
  // blocking the event loop, so SQLite's race is tested deterministically below instead
  it.runIf(twoHandlesAtOnce)(
    'chains the audit log when two processes act at once (on PostgreSQL; SQLite: the deterministic case below)',
    async () => {
      const other = open();
      try {
        const mine = sqlUnitOfWork(database.db, sha256Hex);
        const theirs = sqlUnitOfWork(other.db, sha256Hex);
        await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            (i % 2 === 0 ? mine : theirs)(async (r) => {
              await r.cases.saveCase(newCase(`c-${i}`, ['al-1']));
              await r.audit.append(auditOf(`c-${i}`, `n${i}`));
            }),
          ),
        );
      } finally {
        await other.close();
      }
      const entries = await auditEntries(database);
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(new Set(entries.map((e) => e.entityId)).size).toBe(12);
      expect(verifyAuditChain(entries, sha256Hex, await new SqlAuditLog(database.db).head()).ok).toBe(true);
      expect(await new SqlCaseStore(database.db).countCases({})).toBe(12);
    },
  );
}

describe('sqlUnitOfWork (sqlite)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'raqib-uow-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  let n = 0;
  let path = '';
  beforeEach(() => {
    n += 1;
    path = join(dir, `uow-${n}.db`);
  });
  unitOfWorkSuite(() => openDatabase(path), false);

  it('runs the action again on fresh reads when another process appended first', async () => {
    const database = openDatabase(join(dir, 'race.db'));
    const other = openDatabase(join(dir, 'race.db'));
    try {
      await migrateToLatest(database);
      const transact = sqlUnitOfWork(database.db, sha256Hex);
      let attempts = 0;
      await transact(async (r) => {
        attempts += 1;
        await r.audit.head(); // this action's snapshot starts here
        if (attempts === 1) await new SqlAuditLog(other.db).append(auditOf('c-other', 'first'));
        await r.cases.saveCase(newCase('c-mine', ['al-1']));
        await r.audit.append(auditOf('c-mine', 'second'));
      });
      expect(attempts).toBe(2);
      expect((await auditEntries(database)).map((e) => [e.seq, e.entityId])).toEqual([
        [1, 'c-other'],
        [2, 'c-mine'],
      ]);
    } finally {
      await other.close();
      await database.close();
    }
  });
});

const pgUrl = postgresTestUrl();
if (!pgUrl) {
  describe('sqlUnitOfWork (postgres)', () => {
    it.skip(skipNotice('unit of work on postgres', 'RAQIB_TEST_PG'), () => {});
  });
} else {
  const url = pgUrl;
  const schema = `raqib_uow_${process.pid}`;
  const scoped = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
  describe('sqlUnitOfWork (postgres)', () => {
    beforeEach(async () => {
      const admin = openDatabase(url);
      await sql.raw(`drop schema if exists ${schema} cascade; create schema ${schema}`).execute(admin.db);
      await admin.close();
    });
    afterAll(async () => {
      const admin = openDatabase(url);
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
      await admin.close();
    });
    unitOfWorkSuite(() => openDatabase(scoped), true);
  });
}
