import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, SqlAlertStore } from '@raqib/store-sql';
import { buildAlert } from '@raqib/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-support.ts';

afterEach(() => {
  process.exitCode = undefined;
});

describe('raqib alerts --json', () => {
  it('says on stderr when --limit left alerts out, keeping stdout JSON lines', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'raqib-alerts-')), 'raqib.db');
    const database = openDatabase(db);
    await migrateToLatest(database);
    await new SqlAlertStore(database.db).upsertAlerts(
      ['t1', 't2', 't3'].map((t) => buildAlert({ transactions: [t] })),
    );
    await database.close();

    const cut = await runCli(['alerts', '--json', '--limit', '2', '--db', db]);
    expect(cut.code).toBe(0);
    expect(
      cut.out
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toHaveLength(2);
    expect(cut.err).toContain('2 of 3 alerts');

    const all = await runCli(['alerts', '--json', '--db', db]);
    expect(all.out.trimEnd().split('\n')).toHaveLength(3);
    expect(all.err).toBe('');
  });
});

describe('read-only commands on a database that does not exist', () => {
  it('say so and create no file, rather than answering from an empty database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-no-db-'));
    const db = join(dir, 'typo.db');
    for (const args of [
      ['alerts'],
      ['alerts', '--json'],
      ['audit', 'list'],
      ['audit', 'verify'],
      ['keys', 'list'],
      ['keys', 'revoke', 'k1'],
      [
        'lists',
        'decide',
        '--customer',
        'C1',
        '--list',
        'UN',
        '--ref',
        'QDi.1',
        '--decision',
        'false-positive',
        '--analyst',
        'rana',
      ],
    ]) {
      const r = await runCli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(
        new RegExp(`^raqib: no database at ${db}: .+ \\(--db or RAQIB_DB names the database\\)\\n$`),
      );
      expect(existsSync(db), args.join(' ')).toBe(false);
    }
    const show = await runCli(['lists', 'show', '--db', db]);
    expect(show).toEqual({ code: 0, out: 'no list loaded\n', err: `(no database at ${db})\n` });
    expect(existsSync(db)).toBe(false);
    // a command that writes still creates it
    const created = await runCli(['keys', 'create', '--role', 'analyst', '--db', db]);
    expect(created.code).toBe(0);
    expect((await runCli(['keys', 'list', '--db', db])).code).toBe(0);
  });
});
