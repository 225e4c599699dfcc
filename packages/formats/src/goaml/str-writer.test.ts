import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AccountInfo, knownCurrencies, type Transaction } from '@raqib/core';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { goamlCurrency } from './goaml-currency.ts';
import { chooseIndicators, loadIndicatorCatalogue } from './indicator-catalogue.ts';
import { type ReportingEntity, strFromTransactions } from './str-from-transactions.ts';
import { writeGoamlStr } from './str-writer.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..');
const goamlDir = resolve(repoRoot, '../shared/data/goaml');
const xsd = join(goamlDir, 'xsd/goAMLSchema-5.0.2-ae-xsd10-patched.xsd');
const indicatorsFile = join(goamlDir, 'lookups-ae/report_indicators.json');
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const canValidate = existsSync(xsd) && hasXmllint;
const skipMessage = existsSync(xsd)
  ? 'SKIPPED: xmllint (Debian libxml2-utils) is not installed'
  : 'SKIPPED: ../shared/data/goaml/xsd is absent (the goAML schema has no redistribution licence)';

/** Runs Debian's xmllint against the FIU schema; returns its complaints ('' when valid). */
function validate(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'raqib-goaml-'));
  const file = join(dir, 'str.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: Buffer }).stderr ?? error) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entity: ReportingEntity = {
  rentityId: 101,
  branch: 'DXB-MAIN',
  localCurrency: 'AED',
  fxToLocal: { USD: 3.6725 },
  approximateFxToLocal: { GBP: 4.66, USD: 9, BTC: 220_000, LYD: 0.75 },
  reportingPerson: { name: 'سارة خان', occupation: 'MLRO', email: 'mlro@example.com' },
};

const tx = (over: Partial<Transaction>): Transaction => ({
  id: 'T1',
  row: -1,
  ts: Date.UTC(2026, 4, 24, 14, 30),
  fromBank: 'BANK1',
  fromAccount: 'AE070331234567890123456',
  toBank: 'BANK2',
  toAccount: '998877',
  amountPaid: 12_000_000,
  currencyPaid: 'AED',
  amountReceived: 12_000_000,
  currencyReceived: 'AED',
  paymentFormat: 'Wire',
  fromCountry: 'AE',
  toCountry: 'TR',
  ...over,
});

const accounts = new Map<string, AccountInfo>([
  [
    'BANK1|AE070331234567890123456',
    {
      bankId: 'BANK1',
      account: 'AE070331234567890123456',
      entityName: 'محمد بن عبدالله الهاشمي',
      entityType: 'individual',
    },
  ],
  [
    'BANK2|998877',
    { bankId: 'BANK2', account: '998877', entityName: 'شركة الفجر للصرافة', entityType: 'msb' },
  ],
]);

function build(transactions: Transaction[], indicators = ['STRUC', 'TFFTH']) {
  const r = strFromTransactions({
    entity,
    reference: 'case-00ff & <x>',
    reportDate: Date.UTC(2026, 4, 26, 10),
    reason: 'Funds received and sent on within the hour to a high-risk corridor < 1 day',
    action: 'Account under enhanced monitoring',
    transactions,
    indicators,
    accounts,
  });
  if (!r.ok) throw new Error(r.problems.join('; '));
  return writeGoamlStr(r.report);
}

describe('goAML STR writer', () => {
  it('keeps Arabic originals beside their Latin transliteration and escapes text', () => {
    const xml = build([
      tx({}),
      tx({
        id: 'T2',
        paymentFormat: 'Cash',
        amountPaid: 500_000,
        currencyPaid: 'USD',
        currencyReceived: 'USD',
      }),
    ]);
    const doc = new XMLParser({ processEntities: true, htmlEntities: false, parseTagValue: false }).parse(
      xml,
    );
    const [first, second] = doc.report.transaction;
    expect(first.t_from.from_account.account_name).toBe('Muhammad bin Abdallah al-Hashimi');
    expect(first.t_from.from_account.signatory.t_person).toMatchObject({
      first_name: 'Muhammad',
      last_name: 'bin Abdallah al-Hashimi',
      full_name_frn: 'محمد بن عبدالله الهاشمي',
    });
    expect(first.t_to.to_account.t_entity.name).toBe('Sharikat al-Fjr lil-Sirafa');
    expect(first.t_to.to_account.comments).toContain('شركة الفجر للصرافة');
    expect(first.amount_local).toBe('120000.00');
    // 5,000.00 USD at 3.6725
    expect(second.amount_local).toBe('18362.50');
    expect(second.t_from.from_foreign_currency).toEqual({
      foreign_currency_code: 'USD',
      foreign_amount: '5000.00',
      foreign_exchange_rate: '3.6725',
    });
    expect(doc.report.entity_reference).toBe('case-00ff & <x>');
    expect(xml).toContain('case-00ff &amp; &lt;x&gt;');
    expect(doc.report.report_indicators.indicator).toEqual(['STRUC', 'TFFTH']);
  });

  it('converts at an approximate rate only without a configured one, and says so', () => {
    const r = strFromTransactions({
      entity,
      reference: 'c',
      reportDate: 0,
      reason: 'r',
      transactions: [
        tx({ id: 'G1', amountPaid: 100_000, currencyPaid: 'GBP' }),
        tx({ id: 'U1', amountPaid: 100, currencyPaid: 'USD' }),
      ],
      indicators: ['STRUC'],
    });
    if (!r.ok) throw new Error(r.problems.join());
    expect(r.warnings).toEqual([
      'GBP amounts were converted to AED at an approximate rate; give the booking rate (fxRates) before filing',
    ]);
    const [g, u] = r.report.transactions;
    expect(g).toMatchObject({
      amountLocal: '4660.00',
      comments: expect.stringContaining('1 GBP = 4.66 AED'),
    });
    // the configured USD peg wins over the approximate level
    expect(u).toMatchObject({ amountLocal: '3.67', comments: undefined });
    expect(writeGoamlStr(r.report)).toContain('<comments>amount_local converted at an approximate rate');
  });

  it('names every transaction it cannot report', () => {
    const r = strFromTransactions({
      entity,
      reference: 'c',
      reportDate: 0,
      reason: 'r',
      transactions: [tx({ id: 'T9', currencyPaid: 'EUR' })],
      indicators: [],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.missingRates).toEqual(['EUR']);
    expect(!r.ok && r.problems).toEqual([
      'transaction T9: no exchange rate from EUR to AED configured',
      'choose at least one report indicator code',
    ]);
  });

  it.skipIf(!canValidate)(
    `validates against the goAML 5.0.2 schema with xmllint (${skipMessage} otherwise)`,
    () => {
      const xml = build([
        tx({}),
        tx({
          id: 'T2',
          paymentFormat: 'Cash',
          amountPaid: 500_000,
          currencyPaid: 'USD',
          currencyReceived: 'USD',
        }),
        tx({
          id: 'T3',
          paymentFormat: 'Bitcoin',
          toBank: 'UNKNOWN',
          toAccount: 'wallet-1',
          toCountry: undefined,
          creditorName: 'Zoë O’Brien & Co.',
        }),
      ]);
      const result = validate(xml);
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
    },
  );

  it.skipIf(!canValidate)(
    'writes an activity report (SAR) for parties without transactions, valid against the schema',
    () => {
      const r = strFromTransactions({
        entity,
        reference: 'case-scr',
        reportDate: Date.UTC(2026, 10, 29),
        reason: 'Account holder matches a UN-listed person',
        transactions: [],
        activity: [
          {
            bank: 'BANK1',
            account: 'AE070331234567890123456',
            score: 0.93,
            reason: 'UN QDi.001: name and date of birth match',
          },
        ],
        indicators: ['ITLSL'],
        accounts,
      });
      if (!r.ok) throw new Error(r.problems.join());
      const xml = writeGoamlStr(r.report);
      expect(xml).toContain('<report_code>SAR</report_code>');
      expect(xml).toContain('<significance>9</significance>');
      expect(xml).toContain('<full_name_frn>محمد بن عبدالله الهاشمي</full_name_frn>');
      const result = validate(xml);
      expect(result.output).toBe('');
    },
  );

  it.skipIf(!canValidate)('the validator is real: a name outside the schema alphabet is rejected', () => {
    const xml = build([tx({})]).replace('<account_name>Muhammad', '<account_name>محمد');
    const result = validate(xml);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/account_name/);
  });

  it.skipIf(!existsSync(xsd))(
    'maps every raqib currency to a goAML currency code or to none (skipped without ../shared)',
    () => {
      const text = readFileSync(xsd, 'utf8');
      const start = text.indexOf('<xs:simpleType name="currency_type">');
      const block = text.slice(start, text.indexOf('</xs:simpleType>', start));
      const codes = new Set([...block.matchAll(/value="([^"]+)"/g)].map((m) => m[1]));
      expect(codes.size).toBeGreaterThan(100);
      for (const { code } of knownCurrencies()) {
        const mapped = goamlCurrency(code);
        if (mapped !== undefined) expect(codes.has(mapped), `${code} → ${mapped}`).toBe(true);
      }
    },
  );

  it.skipIf(!existsSync(indicatorsFile))(
    'chooses indicator codes from the UAE list (skipped without ../shared)',
    async () => {
      const catalogue = await loadIndicatorCatalogue(indicatorsFile);
      expect(catalogue.labels.size).toBe(423);
      expect(chooseIndicators(catalogue, ['T01', 'TF-EXODUS', 'NO-SUCH'])).toEqual({
        codes: ['STRUC', 'TFFTH'],
        unknown: [],
      });
      expect(chooseIndicators(catalogue, ['STRUCTURING'], ['FTRWA', 'BOGUS'])).toEqual({
        codes: ['FTRWA'],
        unknown: ['BOGUS'],
      });
    },
  );
});
