import { mkdtempSync } from 'node:fs';
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
