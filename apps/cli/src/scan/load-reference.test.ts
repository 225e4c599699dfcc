import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountKey } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { loadWorkerReference } from '../commands/worker-reference.ts';
import { loadScanReference, MAX_CONFIG_BYTES, referenceDataOf } from './load-reference.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../fixtures/transactions/${name}`, import.meta.url));

describe('reference files for scan and worker', () => {
  it('keys banks by id and accounts by bank + account, the same for the worker as for the scan', async () => {
    const flags = { banks: fixture('banks.csv'), accounts: fixture('accounts.csv') };
    const scan = referenceDataOf(await loadScanReference(flags));
    const worker = await loadWorkerReference(flags);
    expect(worker.reference).toEqual(scan);
    expect(scan.accounts?.get(accountKey('010', '8000EBD30'))?.entityName).toBe('Haddad Trading, LLC');
    expect(scan.accounts?.size).toBe(4);
    expect(scan.banks?.size).toBeGreaterThan(0);
    expect(scan.jurisdictions).toBeDefined();
  });

  it('names the file and the problem for a bad reference file, for the worker as for the scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-ref-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, '{ not json');
    await expect(loadWorkerReference({ config })).rejects.toThrow(`${config} is not valid JSON`);
    const missing = join(dir, 'no-banks.csv');
    await expect(loadWorkerReference({ banks: missing })).rejects.toThrow(missing);
    await expect(loadScanReference({ accounts: fixture('accounts-malformed.csv') })).rejects.toThrow(
      'line 5: entity_type "pirate"',
    );
  });

  it('refuses a configuration file over its size limit before reading it', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'raqib-config-')), 'config.json');
    writeFileSync(config, `{"version":"big"}${' '.repeat(MAX_CONFIG_BYTES)}`);
    await expect(loadScanReference({ config })).rejects.toThrow(
      `${config}: ${MAX_CONFIG_BYTES + 17} bytes is over`,
    );
  });

  it('reads a configuration saved with a BOM', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'raqib-config-')), 'config.json');
    writeFileSync(config, '\uFEFF{"version":"bom-1","flagThreshold":0.6}');
    const loaded = await loadScanReference({ config });
    expect(loaded.config).toMatchObject({ version: 'bom-1', flagThreshold: 0.6 });
  });

  it('refuses fx rates without their header instead of taking the first rate for one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-fx-'));
    const fxRates = join(dir, 'fx-rates.csv');
    writeFileSync(fxRates, '2022-09-01,EUR,1.08\n2022-09-01,GBP,1.27\n');
    await expect(loadScanReference({ fxRates })).rejects.toThrow(
      'fx rates line 1: expected the header "date,currency,usd_per_unit"',
    );
    writeFileSync(fxRates, '\uFEFFdate,currency,usd_per_unit\r\n2022-09-01,EUR,1.08\r\n');
    const { fxRates: rates } = await loadScanReference({ fxRates });
    expect(rates?.usdPerUnit('EUR', Date.UTC(2022, 8, 1, 12))).toBe(1.08);
  });

  it('refuses an fx rate line no lookup could use: impossible day, lower-case code, infinite rate, extra column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-fx-'));
    const fxRates = join(dir, 'fx-rates.csv');
    for (const line of [
      '2022-02-30,EUR,1.08',
      '2022-09-01,eur,1.08',
      '2022-09-01,EUR,1e999',
      '2022-09-01,EUR,1.08,x',
    ]) {
      writeFileSync(fxRates, `date,currency,usd_per_unit\n2022-09-01,USD,1\n${line}\n`);
      await expect(loadScanReference({ fxRates }), line).rejects.toThrow(
        `fx rates line 3: expected date,currency,usd_per_unit, got "${line}"`,
      );
    }
  });
});
