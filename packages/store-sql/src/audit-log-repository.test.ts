import { verifyAuditChain } from '@raqib/core';
import { auditLogContract, postgresTestUrl, skipNotice } from '@raqib/testkit';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlAuditLog, sha256Hex } from './audit-log-repository.ts';
import type { RaqibDatabase } from './database.ts';
import { closeTestDatabases, postgresTestDatabase, sqliteTestDatabase } from './test-databases.ts';

afterEach(closeTestDatabases);

auditLogContract('sqlite', async () => new SqlAuditLog((await sqliteTestDatabase()).db), sha256Hex);

const pgUrl = postgresTestUrl();
if (pgUrl) {
  auditLogContract(
    'postgres',
    async () => new SqlAuditLog((await postgresTestDatabase(pgUrl, 'raqib_al')).db),
    sha256Hex,
  );
} else {
  describe('AuditLog contract: postgres', () => {
    it.skip(skipNotice('postgres audit log', 'RAQIB_TEST_PG'), () => {});
  });
}

// What the contract cannot state through the port: the default hash, and tampering done in the database itself.
let database: RaqibDatabase;

async function seeded(n: number): Promise<SqlAuditLog> {
  database = await sqliteTestDatabase();
  const log = new SqlAuditLog(database.db);
  // appended concurrently: the queue must still give one unforked chain
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      log.append({
        at: 1_700_000_000_000 + i,
        actor: 'k_ana',
        action: 'case.status',
        entity: 'case',
        entityId: `case-${i % 3}`,
        before: { status: 'open', note: 'ملاحظة' },
        after: { status: 'investigating', amount: 12.5 },
      }),
    ),
  );
  return log;
}

async function verify(log: SqlAuditLog) {
  const entries = [];
  for await (const e of log.all()) entries.push(e);
  return verifyAuditChain(entries, sha256Hex, await log.head());
}

describe('SqlAuditLog (sqlite)', () => {
  it('chains with SHA-256 by default', async () => {
    const log = await seeded(12);
    const entries = await log.list({ limit: 100 });
    expect(entries[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verify(log)).toMatchObject({ ok: true, checked: 12 });
  });

  it('detects a row edited in the database', async () => {
    const log = await seeded(6);
    await sql`update audit_log set actor = 'mallory' where seq = 4`.execute(database.db);
    const r = await verify(log);
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([expect.objectContaining({ seq: 4, problem: 'edited' })]);
  });

  it('detects a row deleted in the middle and rows deleted at the end', async () => {
    const log = await seeded(6);
    await sql`delete from audit_log where seq = 2`.execute(database.db);
    expect((await verify(log)).findings[0]).toMatchObject({ seq: 3, problem: 'deleted' });
    await sql`delete from audit_log where seq >= 5`.execute(database.db);
    const r = await verify(log);
    expect(r.findings.map((f) => f.problem)).toContain('truncated');
  });
});
