import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Alert,
  defaultMonitoringConfig,
  fixedClock,
  type ListEntry,
  MemoryAlertStore,
} from '@raqib/core';
import { readAccounts, readBanks } from '@raqib/formats';
import { writeDataset } from '@raqib/synth';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-support.ts';
import { runScan } from './run-scan.ts';
import { partyScreener } from './screen-parties.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixture = (name: string) => join(repo, 'fixtures', 'transactions', name);
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
/** The sanctions (T20) alerts of an alerts.jsonl. */
const sanctionsAlerts = (path: string) =>
  lines(path)
    .map((l) => JSON.parse(l) as Alert)
    .filter((a) => a.typologies.includes('T20'));
const clock = fixedClock(Date.UTC(2026, 10, 29));
let tick = 0;
const now = () => (tick += 10);

describe('runScan', () => {
  let data: string;
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'raqib-scan-'));
    await writeDataset(data, { accounts: 1500, days: 6, seed: 11, rate: 0.004 });
  });

  it('scores every accepted row, writes the four outputs and stores alerts once across reruns', async () => {
    const store = new MemoryAlertStore();
    const banks = await readBanks(join(data, 'banks.csv'));
    const accounts = await readAccounts(join(data, 'accounts.csv'));
    const run = (out: string) =>
      runScan(
        {
          input: join(data, 'transactions.csv'),
          banks,
          accounts,
          config: defaultMonitoringConfig(),
          outDir: join(data, out),
          store,
          clock,
        },
        now,
      );
    const first = await run('out1');
    const dataRows = lines(join(data, 'transactions.csv')).length - 1;
    expect(first.records).toEqual({ read: dataRows, accepted: dataRows, quarantined: 0 });
    const flags = lines(first.outputs.flags!);
    expect(flags[0]).toBe('row,score,flag,typologies');
    expect(flags.length - 1).toBe(dataRows);
    const flaggedRows = flags.slice(1).filter((l) => l.split(',')[2] === '1');
    expect(flaggedRows.length).toBe(first.flagged);
    expect(first.flagged).toBeGreaterThan(0);
    for (const l of flaggedRows) expect(l.split(',')[3]).not.toBe('');
    expect(lines(first.outputs.alerts!).length).toBe(first.alerts);
    expect(first.alerts).toBeGreaterThan(0);
    expect(first.stored.inserted).toBe(first.alerts);
    const summary = JSON.parse(readFileSync(first.outputs.summary!, 'utf8'));
    expect(summary.records.accepted).toBe(dataRows);

    const second = await run('out2');
    expect(second.stored).toEqual({ inserted: 0, updated: first.alerts });
    expect(await store.countAlerts({})).toBe(first.alerts);
    expect(readFileSync(second.outputs.flags!, 'utf8')).toBe(readFileSync(first.outputs.flags!, 'utf8'));
  });

  it('an interrupted run stores only closed instances, so the rerun adds no duplicate of any alert', async () => {
    const input = join(data, 'transactions.csv');
    const total = lines(input).length - 1;
    const base = { input, config: defaultMonitoringConfig(), clock };
    const reference = new MemoryAlertStore();
    const full = await runScan({ ...base, outDir: join(data, 'ref'), store: reference }, now);
    const fullIds = new Set((await reference.listAlerts({ limit: 100_000 })).map((a) => a.id));

    const store = new MemoryAlertStore();
    const controller = new AbortController();
    const partial = await runScan(
      {
        ...base,
        outDir: join(data, 'partial'),
        store,
        signal: controller.signal,
        onProgress: (_b, _t, rows) => {
          if (rows >= total / 2) controller.abort();
        },
      },
      now,
    );
    expect(partial.interrupted).toBe(true);
    expect(partial.records.read).toBeLessThan(total);
    const partialIds = (await store.listAlerts({ limit: 100_000 })).map((a) => a.id);
    expect(partialIds.length).toBeGreaterThan(0);
    for (const id of partialIds) expect(fullIds.has(id)).toBe(true);

    const rerun = await runScan({ ...base, outDir: join(data, 'rerun'), store }, now);
    expect(rerun.stored.updated).toBe(partialIds.length);
    const afterIds = new Set((await store.listAlerts({ limit: 100_000 })).map((a) => a.id));
    expect(afterIds).toEqual(fullIds);
    expect(afterIds.size).toBe(full.alerts);
  });

  it('keeps every alert within the evidence cap, merged instances included', async () => {
    const cap = 6;
    const summary = await runScan(
      {
        input: join(data, 'transactions.csv'),
        config: { ...defaultMonitoringConfig(), maxEvidence: cap },
        outDir: join(data, 'capped'),
        clock,
      },
      now,
    );
    const alerts = lines(summary.outputs.alerts!).map((l) => JSON.parse(l) as Alert);
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) expect(a.transactions.length, a.id).toBeLessThanOrEqual(cap);
    expect(alerts.some((a) => a.explanation.en.includes('Evidence truncated'))).toBe(true);
  });

  it('flags a row whose score equals a flag threshold that float32 cannot hold exactly (0.35)', async () => {
    const threshold = 0.35;
    const summary = await runScan(
      {
        input: join(data, 'transactions.csv'),
        config: { ...defaultMonitoringConfig(), flagThreshold: threshold },
        outDir: join(data, 'threshold'),
        clock,
      },
      now,
    );
    const rows = lines(summary.outputs.flags!)
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.some((f) => f[1] === '0.3500')).toBe(true);
    for (const f of rows) expect(f[2], f.join(',')).toBe(Number(f[1]) >= threshold ? '1' : '0');
    expect(summary.flagged).toBe(rows.filter((f) => f[2] === '1').length);
  });

  it('quarantines malformed records with their line and reason, and counts them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'raqib-scan-bad-'));
    const summary = await runScan(
      { input: fixture('amlworld-malformed.csv'), config: defaultMonitoringConfig(), outDir: out, clock },
      now,
    );
    expect(summary.format).toBe('amlworld');
    const rejected = lines(summary.quarantineFile).map((l) => JSON.parse(l));
    expect(rejected.length).toBe(summary.records.quarantined);
    expect(summary.records.quarantined).toBeGreaterThan(3);
    expect(summary.records.read).toBe(summary.records.accepted + summary.records.quarantined);
    for (const r of rejected) {
      expect(r.line).toBeGreaterThan(1);
      expect(typeof r.reason).toBe('string');
      expect(r.reason.length).toBeGreaterThan(3);
    }
    expect(rejected.some((r) => /column/i.test(r.reason))).toBe(true);
    const flagRows = lines(summary.outputs.flags!)
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    const quarantinedRows = new Set(rejected.map((r) => r.row));
    for (const row of flagRows) expect(quarantinedRows.has(row)).toBe(false);
  });

  it('stops early on abort, reports the interruption and still writes consistent outputs', async () => {
    const controller = new AbortController();
    controller.abort();
    const out = mkdtempSync(join(tmpdir(), 'raqib-scan-abort-'));
    const store = new MemoryAlertStore();
    const summary = await runScan(
      {
        input: join(data, 'transactions.csv'),
        config: defaultMonitoringConfig(),
        outDir: out,
        store,
        clock,
        signal: controller.signal,
      },
      now,
    );
    expect(summary.interrupted).toBe(true);
    expect(summary.records.accepted).toBeLessThan(lines(join(data, 'transactions.csv')).length - 1);
    expect(await store.countAlerts({})).toBe(summary.alerts);
  });

  it('names a missing input file', async () => {
    await expect(
      runScan(
        { input: '/nonexistent/tx.csv', config: defaultMonitoringConfig(), outDir: tmpdir(), clock },
        now,
      ),
    ).rejects.toThrow('/nonexistent/tx.csv');
  });
});

describe('raqib scan --out', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('an --out that is a file, or under one, is a one-line error before the database is created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-scan-out-'));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const db = join(dir, 'raqib.db');
    const input = fixture('amlworld-sample.csv');
    const why = [`--out ${file} exists and is not a folder`, 'a part of the path is a file'];
    for (const [k, out] of [file, join(file, 'sub')].entries()) {
      const r = await runCli(['scan', '--input', input, '--out', out, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(out);
      expect(r.err).toContain(why[k]);
      expect(r.err).not.toContain('unexpected error');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(existsSync(db)).toBe(false);
  });
});

describe('runScan party screening', () => {
  const entries: ListEntry[] = [
    {
      list: 'TEST',
      listVersion: '2026-11-29',
      refId: 'T-1',
      kind: 'person',
      names: [{ text: 'Omar Haddad', type: 'primary' }],
      programmes: ['TEST'],
      birthDates: [],
      countries: [],
      identifiers: [],
    },
  ];

  it('screens the debtor and creditor names of pacs.008 payments and raises T20 alerts with the evidence', async () => {
    const out = mkdtempSync(join(tmpdir(), 'raqib-scan-pacs-'));
    const summary = await runScan(
      {
        input: fixture('pacs008-bulk.xml'),
        config: defaultMonitoringConfig(),
        outDir: out,
        clock,
        screenParties: partyScreener(entries, clock),
      },
      now,
    );
    const alerts = lines(summary.outputs.alerts!).map((l) => JSON.parse(l) as Alert);
    const hits = sanctionsAlerts(summary.outputs.alerts!);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((a) => a.source === 'screening')).toBe(true);
    expect(hits[0]!.transactions.length).toBeGreaterThan(0);
    expect(hits[0]!.explanation.en).toContain('Omar Haddad');
    expect(alerts.filter((a) => a.explanation.en.includes('Layla Saleh')).length).toBe(0);
  });

  it("gives an account holder's hit the account's payments as evidence, dated by them, and screens holders once", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-scan-holder-'));
    const input = join(dir, 'transactions.csv');
    writeFileSync(
      input,
      [
        'Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering',
        '2022/09/01 10:00,001,ACC-OTHER,001,ACC-FRIEND,10.00,US Dollar,10.00,US Dollar,ACH,0',
        '2022/09/02 11:30,001,ACC-OMAR,002,ACC-SHOP,250.00,US Dollar,250.00,US Dollar,Wire,0',
        '2022/09/03 09:00,002,ACC-OMAR,001,ACC-FRIEND,75.00,US Dollar,75.00,US Dollar,Cash,0',
        '2022/09/04 08:15,001,ACC-FRIEND,001,ACC-OMAR,40.00,US Dollar,40.00,US Dollar,ACH,0',
        '2022/09/05 12:00,001,ACC-OMAR,001,ACC-OMAR,5.00,US Dollar,5.00,US Dollar,Reinvestment,0',
        '',
      ].join('\n'),
    );
    const calls: string[][] = [];
    const steps: string[] = [];
    const screen = partyScreener(entries, clock);
    const summary = await runScan(
      {
        input,
        accounts: [
          { bankId: '001', account: 'ACC-OMAR', entityName: 'Omar Haddad', entityType: 'individual' },
          { bankId: '001', account: 'ACC-FRIEND', entityName: 'Layla Saleh', entityType: 'individual' },
        ],
        config: defaultMonitoringConfig(),
        outDir: join(dir, 'out'),
        clock,
        screenParties: (parties) => {
          calls.push(parties.map((p) => p.name));
          return screen(parties);
        },
        onStep: (text) => steps.push(text),
      },
      now,
    );
    expect(calls).toEqual([['Omar Haddad', 'Layla Saleh'], []]);
    expect(steps).toEqual(['screening 2 account holders']);
    const hits = sanctionsAlerts(summary.outputs.alerts!);
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(hit.accounts).toEqual([{ bank: '001', account: 'ACC-OMAR' }]);
    // bank 002's ACC-OMAR is another account; the self-transfer is one payment
    expect(hit.rows).toEqual([1, 3, 4]);
    expect(hit.transactions).toHaveLength(3);
    expect([hit.start, hit.end]).toEqual([Date.UTC(2022, 8, 2, 11, 30), Date.UTC(2022, 8, 5, 12, 0)]);
    expect(hit.subgraph.nodes).toEqual(
      expect.arrayContaining(['001|ACC-OMAR', '002|ACC-SHOP', '001|ACC-FRIEND']),
    );
    expect(hit.subgraph.edges.map((e) => [e.from, e.to, e.amount, e.currency])).toEqual([
      ['001|ACC-OMAR', '002|ACC-SHOP', 25000, 'USD'],
      ['001|ACC-FRIEND', '001|ACC-OMAR', 4000, 'USD'],
      ['001|ACC-OMAR', '001|ACC-OMAR', 500, 'USD'],
    ]);
    expect(hit.explanation.en).toContain(
      'made or received 3 payments in the monitored data, 2022-09-02 11:30 to 2022-09-05 12:00 UTC.',
    );
    expect(hit.explanation.ar).toContain('عدد معاملات الحساب في البيانات المراقَبة: 3،');
  });

  it("raises one alert when a payment names the account holder on the holder's own account", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-scan-holder-pacs-'));
    const summary = await runScan(
      {
        input: fixture('pacs008-bulk.xml'),
        // the debtor of the fixture's payments: the same name on the same account (its IBAN at its agent's BIC)
        accounts: [
          {
            bankId: 'AHLIJOAX',
            account: 'JO94CBJO0010000000000131000302',
            entityName: 'Omar Haddad',
            entityType: 'individual',
          },
        ],
        config: defaultMonitoringConfig(),
        outDir: join(dir, 'out'),
        clock,
        screenParties: partyScreener(entries, clock),
      },
      now,
    );
    const hits = sanctionsAlerts(summary.outputs.alerts!);
    expect(hits.map((a) => a.id)).toEqual([...new Set(hits.map((a) => a.id))]);
    const holder = hits.find(
      (a) => (a.details?.party as { role?: string } | undefined)?.role === 'account-holder',
    );
    expect(holder?.transactions.length).toBeGreaterThan(0);
    expect(hits).toHaveLength(1);
  });

  it('dates a party hit from the first to the last payment that named the party', async () => {
    const bulk = readFileSync(fixture('pacs008-bulk.xml'), 'utf8');
    const first = bulk.slice(bulk.indexOf('<CdtTrfTxInf>'), bulk.indexOf('</CdtTrfTxInf>') + 14);
    const later = first
      .replace('0f6a4a36-3f26-4a5e-9d2c-1d3b7c1e0a01', '0f6a4a36-3f26-4a5e-9d2c-1d3b7c1e0a99')
      .replace('2026-03-02T09:15:00+03:00', '2026-03-04T09:15:00+03:00');
    const dir = mkdtempSync(join(tmpdir(), 'raqib-scan-pacs-'));
    const input = join(dir, 'twice.xml');
    writeFileSync(input, bulk.replace(first, first + later));
    const summary = await runScan(
      {
        input,
        config: defaultMonitoringConfig(),
        outDir: join(dir, 'out'),
        clock,
        screenParties: partyScreener(entries, clock),
      },
      now,
    );
    const hit = sanctionsAlerts(summary.outputs.alerts!)[0];
    expect(hit?.transactions).toHaveLength(2);
    expect([hit?.start, hit?.end]).toEqual([Date.UTC(2026, 2, 2, 6, 15), Date.UTC(2026, 2, 4, 6, 15)]);
  });
});
