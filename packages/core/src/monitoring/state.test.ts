import { describe, expect, it } from 'vitest';
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

describe('AccountTable records', () => {
  /** Sets every record field of account `a` from `k`, so that neighbouring accounts hold different values. */
  function fill(acc: AccountTable, a: number, k: number): void {
    acc.setLastOut(a, 100 + k);
    acc.setLastIn(a, 200 + k);
    acc.setOutCount(a, 300 + k);
    acc.setInCount(a, 400 + k);
    acc.setFirstTs(a, 1_662_000_000_000 + k);
    acc.setLastTs(a, 1_663_000_000_000 + k);
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
    expect(Object.keys(columns)).toHaveLength(17);
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
  const t0 = 300 * E; // an epoch whose tag is 300 & 255 = 44
  const WIRE = 0;
  const ACH = 1;

  it('knows a format absent until a leg of it is noted, per side and per format', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    expect(acc.mayHaveFormat(a, CREDITS, ACH, t0)).toBe(false);
    acc.noteFormat(a, CREDITS, t0 + 5, ACH);
    expect(acc.mayHaveFormat(a, CREDITS, ACH, t0 + 6)).toBe(true);
    expect(acc.mayHaveFormat(a, CREDITS, WIRE, t0 + 6)).toBe(false);
    expect(acc.mayHaveFormat(a, PAYMENTS, ACH, t0 + 6)).toBe(false);
    // format ids 8 apart share a bit: 'Card' (7) is alone, 'Internal' (8) answers for Wire (0)
    acc.noteFormat(a, PAYMENTS, t0 + 7, 8);
    expect(acc.mayHaveFormat(a, PAYMENTS, WIRE, t0 + 8)).toBe(true);
  });

  it('keeps a leg for the rest of its epoch and the whole next one: every window up to an epoch long holds it', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    const leg = t0 + E - 1; // the last instant of its epoch
    acc.noteFormat(a, CREDITS, leg, ACH);
    // a later leg of another format turns the masks over: the ACH credit moves to the previous epoch's mask
    acc.noteFormat(a, CREDITS, t0 + E + 10, WIRE);
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
    acc.noteFormat(a, PAYMENTS, t0 + E, WIRE);
    acc.noteFormat(a, PAYMENTS, t0 + 3, ACH); // one epoch earlier, processed later
    expect(acc.mayHaveFormat(a, PAYMENTS, ACH, t0 + E + 3)).toBe(true);
    acc.noteFormat(a, PAYMENTS, t0 - E, 5); // two epochs earlier: outside any window of a query from t0 + E on
    expect(acc.mayHaveFormat(a, PAYMENTS, 5, t0 + E)).toBe(false);
  });

  it('answers "maybe" for every account once a time that is not a number was noted, and exports no masks then', () => {
    const acc = new AccountTable(4, new Map());
    const a = acc.intern('1', 'A');
    expect(Object.keys(acc.exportColumns())).toContain('fmtEpoch');
    acc.noteFormat(a, CREDITS, Number.NaN, ACH);
    expect(acc.mayHaveFormat(a, CREDITS, WIRE, t0)).toBe(true);
    expect(Object.keys(acc.exportColumns())).not.toContain('fmtEpoch');
  });
});
