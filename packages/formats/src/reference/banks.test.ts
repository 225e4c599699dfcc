import { constants } from 'node:buffer';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_WHOLE_TEXT_FILE } from '../whole-text-file.ts';
import { readAccounts } from './accounts.ts';
import { readBanks } from './banks.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../fixtures/transactions/${name}`, import.meta.url));

describe('readBanks', () => {
  it('reads bank ids verbatim and countries in upper case', async () => {
    expect(await readBanks(fixture('banks.csv'))).toEqual([
      { bankId: '010', country: 'US' },
      { bankId: '001', country: 'US' },
      { bankId: '03208', country: 'DE' },
      { bankId: '0134266', country: 'JO' },
      { bankId: 'AHLIJOAX', country: 'JO' },
    ]);
  });

  it('refuses the file with every bad row listed by line', async () => {
    const err = await readBanks(fixture('banks-malformed.csv')).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toBe(
      `${fixture('banks-malformed.csv')}: 4 bad row(s):\n` +
        '  line 3: empty bank_id\n' +
        '  line 4: country_iso2 "Germany" is not an ISO 3166-1 alpha-2 code\n' +
        '  line 5: duplicate bank_id "010" (first on line 2)\n' +
        '  line 6: wrong column count: expected 2, got 1',
    );
  });

  it('refuses a header that names a column twice instead of reading the last one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-banks-')), 'banks.csv');
    writeFileSync(path, 'bank_id,country_iso2,Bank_ID\n101,US,999\n');
    await expect(readBanks(path)).rejects.toThrow(`${path}: line 1: header names column "bank_id" twice`);
  });

  it('refuses a banks or accounts file over the size limit before reading it, naming the file', async () => {
    // before: a file of any size was read whole, and one over 512 MiB failed as "Invalid string length"; then the
    // limit was 512 MiB, 24 bytes over V8's longest string, so a file between the two still failed that way
    expect(MAX_WHOLE_TEXT_FILE).toBe(constants.MAX_STRING_LENGTH);
    const dir = mkdtempSync(join(tmpdir(), 'raqib-banks-'));
    try {
      for (const [name, read] of [
        ['banks.csv', readBanks],
        ['accounts.csv', readAccounts],
      ] as const) {
        const path = join(dir, name);
        writeFileSync(
          path,
          name === 'banks.csv' ? 'bank_id,country_iso2\n' : 'bank_id,account,entity_name,entity_type\n',
        );
        truncateSync(path, constants.MAX_STRING_LENGTH + 1); // sparse: no disk used; under 512 MiB
        await expect(read(path)).rejects.toThrow(
          `${path}: ${constants.MAX_STRING_LENGTH + 1} bytes is over the ${constants.MAX_STRING_LENGTH}-byte limit`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file when it is missing or its header is wrong', async () => {
    await expect(readBanks('/nonexistent/banks.csv')).rejects.toThrow('cannot read /nonexistent/banks.csv');
    await expect(readBanks(fixture('accounts.csv'))).rejects.toThrow(
      /accounts\.csv: line 1: header lacks country_iso2/,
    );
  });
});
