import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, SqlAlertStore } from '@raqib/store-sql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.ts';

describe('raqib demo', () => {
  afterEach(() => vi.restoreAllMocks());

  it('generates, screens, scans, stores alerts and prints the chart, explanations and quality', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-demo-'));
    const db = join(dir, 'demo.db');
    let printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    const code = await main([
      'node',
      'raqib',
      'demo',
      '--out',
      dir,
      '--db',
      db,
      '--accounts',
      '1500',
      '--days',
      '4',
      '--seed',
      '5',
    ]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(printed).toContain('Alerts per typology');
    expect(printed).toMatch(/EN {2}\S/);
    expect(printed).toMatch(/AR {2}\S/);
    expect(printed).toMatch(/precision \d\.\d{3} {2}recall \d\.\d{3}/);
    const database = openDatabase(db);
    await migrateToLatest(database);
    const store = new SqlAlertStore(database.db);
    const stored = await store.countAlerts({});
    expect(stored).toBeGreaterThan(0);
    // the UN excerpt's listed names are among the generated account holders: party screening finds them
    expect(await store.countAlerts({ typology: 'T20' })).toBeGreaterThan(0);
    await database.close();
  });
});
