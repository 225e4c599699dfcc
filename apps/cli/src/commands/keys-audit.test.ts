import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@raqib/store-sql';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../run-cli.test-support.ts';

describe('raqib keys and raqib audit', () => {
  it('creates a key shown once, stores only its hash, audits it, and detects tampering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-cli-keys-'));
    const db = join(dir, 'r.db');
    const created = await run(['keys', 'create', '--role', 'supervisor', '--name', 'Sam', '--db', db]);
    expect(created.code).toBe(0);
    const key = created.out.trim();
    expect(key).toMatch(/^rqb_[A-Za-z0-9_-]{32}$/);
    expect(created.err).toMatch(/created supervisor key k_[0-9a-f]+ for "Sam"/);

    const listed = await run(['keys', 'list', '--db', db]);
    expect(listed.out).toMatch(/k_[0-9a-f]+ +supervisor +Sam +\(active, by cli:/);
    expect(listed.out).not.toContain(key);
    const database = openDatabase(db);
    const rows = await sql<{ key_hash: string }>`select key_hash from api_keys`.execute(database.db);
    expect(rows.rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);

    const ok = await run(['audit', 'verify', '--db', db]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toMatch(/audit log intact: 1 entries verified/);

    const id = /k_[0-9a-f]+/.exec(listed.out)?.[0] as string;
    expect((await run(['keys', 'revoke', id, '--db', db])).out).toBe(`revoked ${id}\n`);
    expect((await run(['keys', 'revoke', id, '--db', db])).code).toBe(2);

    await sql`update audit_log set after_json = '{"role":"admin"}' where seq = 1`.execute(database.db);
    const edited = await run(['audit', 'verify', '--db', db]);
    expect(edited.code, JSON.stringify(edited)).toBe(1);
    expect(edited.out).toMatch(/entry 1: edited/);
    expect(edited.err).toMatch(/audit log TAMPERED: 1 problem/);
    await sql`delete from audit_log where seq = 2`.execute(database.db);
    const truncated = await run(['audit', 'verify', '--db', db]);
    expect(truncated.out).toMatch(/truncated/);
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown role', async () => {
    const r = await run(['keys', 'create', '--role', 'boss', '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--role must be one of analyst, supervisor, admin/);
  });
});
