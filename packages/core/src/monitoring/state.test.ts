import { describe, expect, it } from 'vitest';
import type { AccountInfo, BankInfo } from '../model/reference.ts';
import { accountKey, type Transaction } from '../model/transaction.ts';
import { AccountTable, CREDITS, ENTITY_UNKNOWN, FORMAT_EPOCH_MS, PAYMENTS } from './state.ts';

describe('AccountTable.intern', () => {
  it('gives one id per bank + account, in first-sight order', () => {
    const acc = new AccountTable(4, new Map());
    expect(acc.intern('001', 'A1')).toBe(0);
    expect(acc.intern('002', 'A1')).toBe(1); // same account id at another bank is another account
    expect(acc.intern('00', '1A1')).toBe(2); // same characters split differently is another account
    expect(acc.intern('001', 'A1')).toBe(0);
    expect(acc.keys).toEqual(['001|A1', '002|A1', '00|1A1']);
    expect(acc.banks[1]).toBe('002');
    expect(acc.accounts[2]).toBe('1A1');
  });

  it('finds without creating, and -1 for an account never seen', () => {
    const acc = new AccountTable(4, new Map());
    acc.intern('7', 'حساب-١');
    expect(acc.find('7', 'حساب-١')).toBe(0);
    expect(acc.find('7', 'حساب-٢')).toBe(-1);
    expect(acc.find('', '')).toBe(-1);
    expect(acc.size).toBe(1);
  });

  it('keeps every id through index and state growth (200k accounts)', () => {
    const acc = new AccountTable(16, new Map());
    const n = 200_000;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (acc.intern(String(i % 333), `ACC${i}`) !== i) wrong++;
    for (let i = 0; i < n; i += 7) if (acc.intern(String(i % 333), `ACC${i}`) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(acc.find('1', 'ACC1')).toBe(1);
    expect(acc.find('2', 'ACC1')).toBe(-1);
    expect(acc.size).toBe(n);
    expect(acc.capacity).toBeGreaterThanOrEqual(n);
    expect(acc.lastOut(n - 1)).toBe(-1);
  });
});

describe('AccountTable.internAll', () => {
  it('gives the ids and the new accounts that intern one by one gives, in groups, through growth', () => {
    const banks = new Map<string, BankInfo>([
      ['7', { bankId: '7', country: 'AE' }],
      ['11', { bankId: '11', country: 'IR' }],
    ]);
    const holders = new Map<string, AccountInfo>([
      [accountKey('7', 'A3'), { bankId: '7', account: 'A3', entityName: 'X', entityType: 'msb' }],
    ]);
    const side = (i: number): [string, string] => {
      const r = (i * 7919) % 9001;
      if (r % 5 === 0) return ['بنك', `حساب${r}`]; // not Latin-1
      if (r % 5 === 1) return ['DE89370400440532013000', `LONG${r}`]; // longer than 16 characters
      return [String(r % 13), `A${r % 3000}`]; // short, often repeated
    };
    // the first payment's accounts are in the reference data: their country and entity come with them
    const txs: Transaction[] = [
      { fromBank: '7', fromAccount: 'A3', toBank: '11', toAccount: 'B1' } as Transaction,
    ];
    for (let i = 0; i < 20_000; i++) {
      const [fromBank, fromAccount] = side(i);
      // every 97th pays itself: payer and payee are the same new account within one group
      const [toBank, toAccount] = i % 97 === 0 ? [fromBank, fromAccount] : side(i * 31 + 5);
      txs.push({ fromBank, fromAccount, toBank, toAccount } as Transaction);
    }
    const one = new AccountTable(16, new Map(), banks, holders);
    const payers = new Int32Array(txs.length);
    const payees = new Int32Array(txs.length);
    txs.forEach((tx, k) => {
      payers[k] = one.intern(tx.fromBank, tx.fromAccount);
      payees[k] = one.intern(tx.toBank, tx.toAccount);
    });
    const all = new AccountTable(16, new Map(), banks, holders);
    const gotPayers = new Int32Array(txs.length);
    const gotPayees = new Int32Array(txs.length);
    // batches of odd sizes, one of them longer than a group
    for (let from = 0, n = 1; from < txs.length; from += n, n = n === 1 ? 700 : n === 700 ? 3001 : 1) {
      const to = Math.min(txs.length, from + n);
      const p = new Int32Array(to - from);
      const q = new Int32Array(to - from);
      all.internAll(txs, from, to, p, q);
      gotPayers.set(p, from);
      gotPayees.set(q, from);
    }
    expect(all.size).toBe(one.size);
    expect(one.size).toBeGreaterThan(1 << 12);
    expect([...gotPayers]).toEqual([...payers]);
    expect([...gotPayees]).toEqual([...payees]);
    expect(all.keys).toEqual(one.keys);
    for (let a = 0; a < one.size; a++) {
      expect(all.country(a)).toBe(one.country(a));
      expect(all.entity(a)).toBe(one.entity(a));
    }
    expect(all.find('7', 'A3')).toBe(0);
    expect(all.entity(0)).not.toBe(ENTITY_UNKNOWN);
    expect(all.country(1)).not.toBe(0);
  });
});

describe('AccountTable records', () => {
  /** Sets every record field of account `a` from `k`, so that neighbouring accounts hold different values. */
  function fill(acc: AccountTable, a: number, k: number): void {
    acc.setLastOut(a, 100 + k);
    acc.setLastIn(a, 200 + k);
    acc.setOutCount(a, 300 + k);
    acc.setInCount(a, 400 + k);
    acc.setFirstTs(a, 1_662_000_000_000 + k);
    acc.noteLeg(a, CREDITS, 1_663_000_000_000 + k, 0); // the last event time moves only with a leg's formats
    acc.setOutLogMean(a, 0.5 + k);
    acc.setCountry(a, 40_000 + k);
    acc.setRiskIn(a, 1_664_000_000_000 + k, 500 + k);
    acc.setTaintTs(a, 1_665_000_000_000 + k);
  }
  function read(acc: AccountTable, a: number) {
    return [
      acc.lastOut(a),
      acc.lastIn(a),
      acc.outCount(a),
      acc.inCount(a),
      acc.firstTs(a),
      acc.lastTs(a),
      acc.outLogMean(a),
      acc.country(a),
      acc.entity(a),
      acc.riskInTs(a),
      acc.riskInSeq(a),
      acc.taintTs(a),
    ];
  }

  it('starts an account with no transactions, no risk or taint, entity unknown', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    expect(read(acc, a)).toEqual([
      -1,
      -1,
      0,
      0,
      0,
      0,
      0,
      0,
      ENTITY_UNKNOWN,
      Number.NEGATIVE_INFINITY,
      -1,
      Number.NEGATIVE_INFINITY,
    ]);
  });

  it('keeps every field apart from its own other fields and from its neighbours, through growth', () => {
    const acc = new AccountTable(2, new Map());
    for (let k = 0; k < 3; k++) acc.intern('1', `A${k}`);
    for (let k = 0; k < 3; k++) fill(acc, k, k);
    for (let k = 3; k < 40; k++) acc.intern('1', `A${k}`); // grows the records twice over
    expect(read(acc, 1)).toEqual([
      101,
      201,
      301,
      401,
      1_662_000_000_001,
      1_663_000_000_001,
      1.5,
      40_001,
      ENTITY_UNKNOWN,
      1_664_000_000_001,
      501,
      1_665_000_000_001,
    ]);
    expect(read(acc, 0)[0]).toBe(100);
    expect(read(acc, 2)[11]).toBe(1_665_000_000_002);
    expect(read(acc, 39)[0]).toBe(-1);
  });

  it('stores the amount history as float32, as it has always been kept', () => {
    const acc = new AccountTable(2, new Map());
    acc.intern('1', 'A');
    acc.setOutLogMean(0, 0.1);
    expect(acc.outLogMean(0)).toBe(Math.fround(0.1));
  });

  it('exports the record fields one array per field and imports them into another table', () => {
    const a = new AccountTable(4, new Map());
    for (let k = 0; k < 3; k++) {
      a.intern('1', `A${k}`);
      fill(a, k, k);
    }
    const columns = a.exportColumns();
    expect(Object.keys(columns)).toHaveLength(16);
    expect(columns.country).toBeInstanceOf(Uint16Array);
    expect([...(columns.inCount ?? [])]).toEqual([400, 401, 402]);
    const b = new AccountTable(4, new Map());
    for (let k = 0; k < 3; k++) b.intern('1', `A${k}`);
    for (const [name, data] of Object.entries(columns)) expect(b.importColumn(name, data)).toBe(true);
    for (let k = 0; k < 3; k++) expect(read(b, k)).toEqual(read(a, k));
    expect(b.importColumn('stamp', [1])).toBe(false);
  });
});

describe('AccountTable recent formats (decision 0019)', () => {
  const E = FORMAT_EPOCH_MS;
  const t0 = 300 * E;
  const WIRE = 0;
  const ACH = 1;

  it('knows a format absent until a leg of it is noted, per side and per format', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    expect(acc.mayHaveFormat(a, CREDITS, ACH, t0)).toBe(false);
    acc.noteLeg(a, CREDITS, t0 + 5, ACH);
    expect(acc.mayHaveFormat(a, CREDITS, ACH, t0 + 6)).toBe(true);
    expect(acc.mayHaveFormat(a, CREDITS, WIRE, t0 + 6)).toBe(false);
    expect(acc.mayHaveFormat(a, PAYMENTS, ACH, t0 + 6)).toBe(false);
    // format ids 8 apart share a bit: 'Card' (7) is alone, 'Internal' (8) answers for Wire (0)
    acc.noteLeg(a, PAYMENTS, t0 + 7, 8);
    expect(acc.mayHaveFormat(a, PAYMENTS, WIRE, t0 + 8)).toBe(true);
    // a leg moves the account's last event time on (dormancy reads it), a late one does not move it back
    expect(acc.lastTs(a)).toBe(t0 + 7);
    acc.noteLeg(a, CREDITS, t0 + 2, WIRE);
    expect(acc.lastTs(a)).toBe(t0 + 7);
    acc.noteLeg(a, CREDITS, t0 + E + 1, WIRE);
    expect(acc.lastTs(a)).toBe(t0 + E + 1);
  });

  it('keeps a leg for the rest of its epoch and the whole next one: every window up to an epoch long holds it', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    const leg = t0 + E - 1; // the last instant of its epoch
    acc.noteLeg(a, CREDITS, leg, ACH);
    // a later leg of another format turns the masks over: the ACH credit moves to the previous epoch's mask
    acc.noteLeg(a, CREDITS, t0 + E + 10, WIRE);
    expect(acc.mayHaveFormat(a, CREDITS, ACH, leg + E)).toBe(true); // exactly one epoch after the leg: in window
    expect(acc.mayHaveFormat(a, CREDITS, ACH, t0 + 2 * E)).toBe(false); // the masks' epoch + 1: previous one gone
    // no note since: two epochs on, nothing is recent
    expect(acc.mayHaveFormat(a, CREDITS, WIRE, t0 + 3 * E)).toBe(false);
    // a query from before the masks' epoch (events out of order) cannot tell
    expect(acc.mayHaveFormat(a, CREDITS, ACH, t0 - E)).toBe(true);
  });

  it('notes a leg out of order into the previous epoch and forgets older ones only outside every window', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    acc.noteLeg(a, PAYMENTS, t0 + E, WIRE);
    acc.noteLeg(a, PAYMENTS, t0 + 3, ACH); // one epoch earlier, processed later
    expect(acc.mayHaveFormat(a, PAYMENTS, ACH, t0 + E + 3)).toBe(true);
    acc.noteLeg(a, PAYMENTS, t0 - E, 5); // two epochs earlier: outside any window of a query from t0 + E on
    expect(acc.mayHaveFormat(a, PAYMENTS, 5, t0 + E)).toBe(false);
  });

  it('keeps the masks of the last event time when no later leg turns them over: a query one epoch on reads them', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    acc.noteLeg(a, CREDITS, t0 + E - 1, ACH);
    expect(acc.mayHaveFormat(a, CREDITS, ACH, t0 + E + E / 2)).toBe(true);
    expect(acc.mayHaveFormat(a, CREDITS, WIRE, t0 + E + E / 2)).toBe(false);
  });

  // Review of a8b1424: the masks' epoch was kept modulo 256, and a new account's 0 read as an epoch: a leg of an
  // account first seen in an epoch numbered 128…255 (mod 256) after a late leg, or legs 129+ epochs apart, gave "no".
  it('never answers "no" for a leg in the window, whatever epoch numbers and disorder (2023-04-09, 2,048 days on)', () => {
    for (const boundary of [Date.UTC(2023, 3, 9), Date.UTC(2023, 3, 9) + 2048 * 86_400_000, t0]) {
      const acc = new AccountTable(4, new Map());
      const b = acc.intern('1', 'B');
      const min = 60_000;
      for (let k = 1; k <= 6; k++) acc.noteLeg(b, CREDITS, boundary + k * min, ACH);
      acc.noteLeg(b, PAYMENTS, boundary - min, 7); // timed before the epoch began, arriving late
      expect(acc.mayHaveFormat(b, CREDITS, ACH, boundary + 10 * min)).toBe(true);
      expect(acc.mayHaveFormat(b, PAYMENTS, 7, boundary + 10 * min)).toBe(true);
    }
    const acc = new AccountTable(4, new Map());
    const c = acc.intern('1', 'C');
    const day = 86_400_000;
    acc.noteLeg(c, CREDITS, t0, ACH);
    acc.noteLeg(c, PAYMENTS, t0 + 800 * day, WIRE); // two mis-dated payments, far in the future
    acc.noteLeg(c, PAYMENTS, t0 + 1600 * day, WIRE);
    expect(acc.mayHaveFormat(c, CREDITS, ACH, t0 + day)).toBe(true);
  });

  it('answers "no" exactly when a model of every noted leg finds none in the epoch-long window before the query', () => {
    // a model check over random legs (in and out of order, self-transfers, far jumps): "no" only when no leg of that
    // format and side lies in [q - E, q]; "maybe" is allowed anywhere
    let seed = 20261207;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const acc = new AccountTable(8, new Map());
    const ids = [acc.intern('1', 'A'), acc.intern('1', 'B'), acc.intern('1', 'C')];
    const legs: { a: number; side: number; ts: number; format: number }[] = [];
    let clock = t0;
    let answeredNo = 0;
    for (let step = 0; step < 20_000; step++) {
      const r = rand();
      clock += r < 0.02 ? 300 * E * rand() : E * rand() * 0.3;
      const ts = r > 0.9 ? clock - 2 * E * rand() : clock; // a tenth arrive late, up to two epochs
      const a = ids[Math.floor(rand() * 3)]!;
      const side = rand() < 0.5 ? CREDITS : PAYMENTS;
      const format = Math.floor(rand() * 11);
      const q = ts + E * rand() * 0.5;
      const claim = acc.mayHaveFormat(a, side, format, q);
      const truth = legs.some(
        (l) => l.a === a && l.side === side && (l.format & 7) === (format & 7) && l.ts >= q - E && l.ts <= q,
      );
      if (truth) expect(claim, `step ${step}`).toBe(true);
      if (!claim) answeredNo++;
      acc.noteLeg(a, side, ts, format);
      legs.push({ a, side, ts, format });
      if (legs.length > 400) legs.shift();
    }
    expect(answeredNo).toBeGreaterThan(1000); // the shortcut is not inert
  });

  it('answers after a restore as before it: the masks travel, their epochs come back from the last event times', () => {
    const boundary = Date.UTC(2023, 3, 9); // an epoch numbered 128 modulo 256
    const before = new AccountTable(4, new Map());
    const accounts = ['A', 'B', 'C'].map((name) => before.intern('1', name));
    const [a, b, c] = accounts as [number, number, number];
    before.noteLeg(a, CREDITS, boundary - E / 2, ACH); // the previous epoch
    before.noteLeg(a, CREDITS, boundary + 5, WIRE);
    before.noteLeg(b, PAYMENTS, boundary - 3 * E, 7); // long quiet
    before.noteLeg(c, PAYMENTS, boundary + 9, ACH);
    const after = new AccountTable(4, new Map());
    for (const name of ['A', 'B', 'C']) after.intern('1', name);
    for (const [name, data] of Object.entries(before.exportColumns()))
      expect(after.importColumn(name, data)).toBe(true);
    after.restoreFormatEpochs(boundary + 9);
    for (const q of [boundary + 10, boundary + E + 10, boundary + 2 * E + 10, boundary - E + 10])
      for (const acct of accounts)
        for (const side of [CREDITS, PAYMENTS])
          for (const format of [WIRE, ACH, 7])
            expect(after.mayHaveFormat(acct, side, format, q), `${acct} ${side} ${format} ${q}`).toBe(
              before.mayHaveFormat(acct, side, format, q),
            );
    expect(after.mayHaveFormat(a, CREDITS, ACH, boundary + 10)).toBe(true);
    expect(after.mayHaveFormat(b, PAYMENTS, 7, boundary + 10)).toBe(false); // the shortcut is on after the restore
  });

  it('keeps a leg from the very start of an epoch through the turnover into the next one', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    acc.noteLeg(a, CREDITS, t0, ACH); // the first instant of its epoch
    acc.noteLeg(a, CREDITS, t0 + E + 1, WIRE);
    expect(acc.mayHaveFormat(a, CREDITS, ACH, t0 + E + 2)).toBe(true);
  });

  it('knows the latest epoch after a restore: a question far behind it still gets "maybe"', () => {
    const day = 86_400_000;
    const before = new AccountTable(4, new Map());
    const c = before.intern('1', 'C');
    before.noteLeg(c, CREDITS, t0, ACH);
    before.noteLeg(c, PAYMENTS, t0 + 1600 * day, WIRE); // mis-dated, far in the future
    const after = new AccountTable(4, new Map());
    after.intern('1', 'C');
    for (const [name, data] of Object.entries(before.exportColumns())) after.importColumn(name, data);
    after.restoreFormatEpochs(t0 + 1600 * day);
    expect(after.mayHaveFormat(c, CREDITS, ACH, t0 + day)).toBe(true);
  });

  it('takes no shortcut once a leg before 1970 was noted (review of d568f9a: 1965 dates lost fan-in findings)', () => {
    const acc = new AccountTable(4, new Map());
    const b = acc.intern('1', 'B');
    const t1965 = Date.UTC(1965, 7, 15);
    for (let k = 1; k <= 6; k++) acc.noteLeg(b, CREDITS, t1965 + k * 60_000, ACH);
    expect(acc.mayHaveFormat(b, CREDITS, ACH, t1965 + 7 * 60_000)).toBe(true);
    expect(acc.lastTs(b)).toBe(0); // as before: a time before 1970 never moved the last event time
  });

  it('answers "maybe" for every account once a time that is not a number was noted, and exports no masks then', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    expect(Object.keys(acc.exportColumns())).toContain('fmtInCur');
    acc.noteLeg(a, CREDITS, Number.NaN, ACH);
    expect(acc.mayHaveFormat(a, CREDITS, WIRE, t0)).toBe(true);
    expect(Object.keys(acc.exportColumns())).not.toContain('fmtInCur');
  });
});
