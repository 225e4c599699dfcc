import { verifyAuditChain } from '@raqib/core';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlAuditLog, sha256Hex } from './audit-log-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

let database: RaqibDatabase;
afterEach(async () => {
  await database.close();
});

async function seeded(n: number): Promise<SqlAuditLog> {
  database = openDatabase(':memory:');
  await migrateToLatest(database);
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
  it('chains concurrent appends with SHA-256 and verifies after a read-back', async () => {
    const log = await seeded(12);
    const entries = await log.list({ limit: 100 });
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(entries[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(await verify(log)).toMatchObject({ ok: true, checked: 12 });
    expect(await log.list({ entityId: 'case-1' })).toHaveLength(4);
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
