import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.ts';
import { openStore } from './db-option.ts';

describe('openStore', () => {
  it('a --db in a missing folder or a file that is not a database is a CliError naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-db-option-'));
    const notDb = join(dir, 'transactions.csv');
    writeFileSync(notDb, 'Timestamp,From Bank,Account\n2022/09/01 00:01,101,86CDE8707\n');
    for (const path of [join(dir, 'missing', 'raqib.db'), notDb]) {
      const opened = openStore(path);
      await expect(opened).rejects.toBeInstanceOf(CliError);
      await expect(opened).rejects.toThrow(`cannot open the database ${path}`);
    }
  });
});
