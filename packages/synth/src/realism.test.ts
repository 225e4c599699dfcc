import { findCurrency, parseAmount } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { SyntheticDataset } from './generator.ts';
import { COUNTRIES, EXODUS_ORIGINS } from './geography.ts';
import { UN_LISTED_NAMES } from './sanctioned-names.ts';

interface Row {
  readonly row: number;
  readonly ts: string;
  readonly from: string;
  readonly to: string;
  readonly received: number;
  readonly receivedIn: string;
  readonly paid: number;
  readonly paidIn: string;
  readonly format: string;
  readonly label: string;
}

function parseRow(line: string, row: number): Row {
  const f = line.split(',');
  const paidIn = findCurrency(f[8] ?? '')?.code ?? '?';
  const receivedIn = findCurrency(f[6] ?? '')?.code ?? '?';
  return {
    row,
    ts: f[0] ?? '',
    from: `${f[1]}|${f[2]}`,
    to: `${f[3]}|${f[4]}`,
    received: parseAmount(f[5] ?? '', receivedIn) ?? Number.NaN,
    receivedIn,
    paid: parseAmount(f[7] ?? '', paidIn) ?? Number.NaN,
    paidIn,
    format: f[9] ?? '',
    label: f[10] ?? '',
  };
}

const data = new SyntheticDataset({ accounts: 4000, days: 5, seed: 2024, rate: 0.003 });
const text = Buffer.concat([...data.transactionChunks()]).toString('utf8');
const rows = text.trimEnd().split('\n').slice(1).map(parseRow);
const bankCountry = new Map(
  data
    .banksCsv()
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',') as [string, string]),
);
const countryOf = (account: string) => bankCountry.get(account.split('|')[0] ?? '') ?? '?';
const europe = new Set(COUNTRIES.filter((c) => c.group === 'europe').map((c) => c.iso2));
const blocks = [
  ...data.patternsTxt().matchAll(/BEGIN LAUNDERING ATTEMPT - ([A-Z-]+)[^\n]*\n([\s\S]*?)END LAUNDERING/g),
].map((m) => ({
  type: m[1] ?? '',
  rows: (m[2] ?? '')
    .trimEnd()
    .split('\n')
    .map((l) => parseRow(l, -1)),
}));
const usdPerUnit = new Map<string, number>();
for (const line of data.fxRatesCsv().trimEnd().split('\n').slice(1)) {
  const [date, code, rate] = line.split(',');
  usdPerUnit.set(`${date}|${code}`, Number(rate));
}
const usdOf = (minor: number, code: string, ts: string) => {
  const exp = findCurrency(code)?.exponent ?? 2;
  return (
    (minor / 10 ** exp) * (usdPerUnit.get(`${ts.slice(0, 10).replaceAll('/', '-')}|${code}`) ?? Number.NaN)
  );
};

describe('terrorist-financing schemes', () => {
  it('TF-EXODUS moves money from conflict zones / FATF-listed countries to Europe', () => {
    const exodus = blocks.filter((b) => b.type === 'TF-EXODUS');
    expect(exodus.length).toBeGreaterThanOrEqual(3);
    for (const b of exodus) {
      const payers = new Set(b.rows.map((r) => r.from));
      const payees = new Set(b.rows.map((r) => r.to));
      const origins = [...payers].filter((a) => !payees.has(a));
      const finals = [...payees].filter((a) => !payers.has(a));
      for (const o of origins) expect(EXODUS_ORIGINS, o).toContain(countryOf(o));
      for (const f of finals) expect(europe.has(countryOf(f)), `${f} in ${countryOf(f)}`).toBe(true);
    }
  });

  it('TF-CELL-FUNDING pays similar small amounts to many new beneficiaries abroad', () => {
    const cells = blocks.filter((b) => b.type === 'TF-CELL-FUNDING');
    expect(cells.length).toBeGreaterThanOrEqual(3);
    for (const b of cells) {
      const payers = new Set(b.rows.map((r) => r.from));
      expect(payers.size).toBe(1);
      const payer = [...payers][0] ?? '';
      const payees = new Set(b.rows.map((r) => r.to));
      expect(payees.size).toBeGreaterThanOrEqual(6);
      for (const p of payees) expect(countryOf(p)).not.toBe(countryOf(payer));
      const amounts = b.rows.map((r) => r.paid);
      const mean = amounts.reduce((a, x) => a + x, 0) / amounts.length;
      const sd = Math.sqrt(amounts.reduce((a, x) => a + (x - mean) ** 2, 0) / amounts.length);
      expect(sd / mean).toBeLessThan(0.1);
      const first = b.rows.map((r) => r.ts).sort()[0] ?? '';
      // new beneficiaries: nothing touches them before the scheme pays them
      const earlier = rows.filter((r) => r.ts < first && (payees.has(r.to) || payees.has(r.from)));
      expect(earlier).toEqual([]);
    }
  });

  it('TF-FX-PREMIUM sells gold dinars far above their gold value, unlike background coin trades', () => {
    const premium = blocks.filter((b) => b.type === 'TF-FX-PREMIUM').flatMap((b) => b.rows);
    expect(premium.length).toBeGreaterThanOrEqual(12);
    const ratio = (r: Row) => usdOf(r.paid, r.paidIn, r.ts) / usdOf(r.received, r.receivedIn, r.ts);
    for (const r of premium) {
      expect(r.receivedIn).toBe('XGD');
      expect(ratio(r)).toBeGreaterThan(1.25);
    }
    const legit = rows.filter((r) => r.receivedIn === 'XGD' && r.label === '0');
    expect(legit.length).toBeGreaterThan(0);
    for (const r of legit) expect(Math.abs(ratio(r) - 1)).toBeLessThan(0.05);
  });
});

describe('AMLworld patterns', () => {
  it('closes every CYCLE on its origin, hop after hop in time order', () => {
    const cycles = blocks.filter((b) => b.type === 'CYCLE');
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    for (const b of cycles) {
      expect(b.rows.length).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < b.rows.length; i++) {
        const next = b.rows[(i + 1) % b.rows.length];
        expect(b.rows[i]?.to).toBe(next?.from);
      }
      expect(new Set(b.rows.map((r) => r.from)).size).toBe(b.rows.length);
    }
  });

  it('keeps whole instances inside short data sets (compressed, not cut off)', () => {
    const short = new SyntheticDataset({ accounts: 2500, days: 2, seed: 99 });
    const text = short.patternsTxt();
    const days = new Set([...text.matchAll(/^(2022\/09\/\d\d)/gm)].map((m) => m[1]));
    expect([...days].sort()).toEqual(['2022/09/01', '2022/09/02']);
    const cycleBlocks = [...text.matchAll(/CYCLE: {2}Max 10 hops\n([\s\S]*?)END/g)].map((m) =>
      (m[1] ?? '')
        .trimEnd()
        .split('\n')
        .map((l) => parseRow(l, -1)),
    );
    for (const rows of cycleBlocks) expect(rows.at(-1)?.to).toBe(rows[0]?.from);
  });
});

describe('background traps and shape', () => {
  it('has payroll fan-outs (one payer, many payees, same minute) and merchant fan-ins, all legitimate', () => {
    const payroll = new Map<string, Set<string>>();
    const merchant = new Map<string, Set<string>>();
    for (const r of rows) {
      if (r.label !== '0') continue;
      const k = `${r.from}@${r.ts}`;
      if (r.format === 'ACH') (payroll.get(k) ?? payroll.set(k, new Set()).get(k))?.add(r.to);
      if (r.format === 'Credit Card')
        (merchant.get(r.to) ?? merchant.set(r.to, new Set()).get(r.to))?.add(r.from);
    }
    expect(Math.max(...[...payroll.values()].map((s) => s.size))).toBeGreaterThanOrEqual(10);
    expect(Math.max(...[...merchant.values()].map((s) => s.size))).toBeGreaterThanOrEqual(30);
  });

  it('has heavy-tailed out-degrees, self-transfers, cash, bitcoin and cross-currency payments', () => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.from, (out.get(r.from) ?? 0) + 1);
    const degrees = [...out.values()].sort((a, b) => a - b);
    const median = degrees[Math.floor(degrees.length / 2)] ?? 0;
    expect(degrees[degrees.length - 1]).toBeGreaterThan(15 * median);
    const share = (pred: (r: Row) => boolean) => rows.filter(pred).length / rows.length;
    expect(share((r) => r.from === r.to && r.format === 'Reinvestment')).toBeGreaterThan(0.05);
    expect(share((r) => r.format === 'Cash')).toBeGreaterThan(0.03);
    expect(share((r) => r.format === 'Bitcoin' && r.paidIn === 'BTC')).toBeGreaterThan(0.002);
    const fx = share((r) => r.paidIn !== r.receivedIn);
    expect(fx).toBeGreaterThan(0.01);
    expect(fx).toBeLessThan(0.1);
  });

  it('untyped laundering leaves accounts that received laundering funds earlier', () => {
    const { untyped } = data.launderingLines();
    const positives = rows.filter((r) => r.label === '1');
    for (const line of untyped) {
      const r = parseRow(line, -1);
      const funded = positives.some(
        (p) => p.to === r.from && p.ts <= r.ts && `${p.from}${p.ts}` !== `${r.from}${r.ts}`,
      );
      expect(funded, line).toBe(true);
    }
  });
});

describe('reference files', () => {
  it('puts banks in real countries, including conflict zones and Europe', () => {
    const countries = new Set(bankCountry.values());
    for (const c of ['SY', 'IQ', 'YE', 'LB', 'DE', 'FR', 'GB', 'US']) expect(countries).toContain(c);
    const known = new Set(COUNTRIES.map((c) => c.iso2));
    for (const c of countries) expect(known).toContain(c);
  });

  it('lists every account once with a valid type, Arabic and Latin names, and a few UN-listed holders', () => {
    const lines = [...data.accountsCsv()].join('').trimEnd().split('\n');
    expect(lines[0]).toBe('bank_id,account,entity_name,entity_type');
    const body = lines.slice(1);
    expect(body).toHaveLength(4000);
    expect(new Set(body.map((l) => l.split(',').slice(0, 2).join('|'))).size).toBe(4000);
    const types = new Set(body.map((l) => l.split(',').at(-1)));
    expect([...types].sort()).toEqual(['company', 'government', 'individual', 'msb', 'npo']);
    expect(body.some((l) => /[\u0600-\u06FF]/.test(l))).toBe(true);
    // held as a bank would: Arabic script, or Latin in title case (not the list's capitals)
    const lower = body.map((l) => l.toLowerCase());
    const listed = UN_LISTED_NAMES.filter((n) =>
      lower.some((l) => l.includes(n.latin.toLowerCase()) || l.includes(n.arabic)),
    );
    expect(body.filter((l) => UN_LISTED_NAMES.some((n) => l.includes(n.latin)))).toEqual([]);
    expect(listed.length).toBe(UN_LISTED_NAMES.length);
  });

  it('keeps the laundering share near the requested rate when the per-type minimum does not bind', () => {
    const d = new SyntheticDataset({ accounts: 3000, days: 4, seed: 5, rate: 0.02, minPerType: 1 });
    const chunks = Buffer.concat([...d.transactionChunks()]).toString('utf8');
    const share = d.summary().laundering / d.summary().transactions;
    expect(chunks.length).toBeGreaterThan(0);
    expect(share).toBeGreaterThan(0.02 * 0.6);
    expect(share).toBeLessThan(0.02 * 1.6);
  });
});
