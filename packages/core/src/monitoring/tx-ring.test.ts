import { describe, expect, it } from 'vitest';
import { TxRing } from './tx-ring.ts';

/** Fills slot `i` with values derived from `k`, so that neighbouring slots hold different ones. */
function fill(ring: TxRing, i: number, k: number): void {
  ring.put(
    i,
    1_662_000_000_000 + k,
    10 + k,
    20 + k,
    100.25 + k,
    10_025 + k,
    3 + k,
    1000 + k,
    4 + k,
    7 + k,
    8 + k,
  );
}

function read(ring: TxRing, i: number) {
  return [
    ring.ts(i),
    ring.from(i),
    ring.to(i),
    ring.base(i),
    ring.paid(i),
    ring.paidCur(i),
    ring.row(i),
    ring.format(i),
    ring.prevOut(i),
    ring.prevIn(i),
    ring.score(i),
    ring.typoMask(i),
    ring.chainPrev(i),
    ring.chainDepth(i),
  ];
}

describe('TxRing records', () => {
  it('keeps every field of a slot apart from its own other fields and from its neighbours', () => {
    const ring = new TxRing(1024);
    fill(ring, 4, 0);
    fill(ring, 5, 1);
    fill(ring, 6, 2);
    ring.setScore(5, 0.75);
    ring.setTypoMask(5, 0b1010);
    ring.setChain(5, 123_456, 255);
    expect(read(ring, 5)).toEqual([
      1_662_000_000_001, 11, 21, 101.25, 10_026, 4, 1001, 5, 8, 9, 0.75, 0b1010, 123_456, 255,
    ]);
    // a new transaction in a slot starts unscored and outside any chain
    expect(read(ring, 4)).toEqual([1_662_000_000_000, 10, 20, 100.25, 10_025, 3, 1000, 4, 7, 8, 0, 0, -1, 0]);
    expect(read(ring, 6)).toEqual([
      1_662_000_000_002, 12, 22, 102.25, 10_027, 5, 1002, 6, 9, 10, 0, 0, -1, 0,
    ]);
  });

  it('stores scores as float32, as the flags have always been computed', () => {
    const ring = new TxRing(1024);
    ring.setScore(1, 0.7);
    expect(ring.score(1)).toBe(Math.fround(0.7));
  });

  it('exports the live slots one array per field and imports them into another ring at the same sequences', () => {
    const a = new TxRing(1024);
    const lo = 1020; // wraps around the end of the ring
    for (let k = 0; k < 8; k++) fill(a, (lo + k) & a.mask, k);
    a.setScore((lo + 3) & a.mask, 0.5);
    const columns = a.exportColumns(lo, 8);
    expect(Object.keys(columns).sort()).toEqual(
      [
        'base',
        'chainDepth',
        'chainPrev',
        'format',
        'from',
        'paid',
        'paidCur',
        'prevIn',
        'prevOut',
        'row',
        'score',
        'to',
        'ts',
        'typoMask',
      ].sort(),
    );
    expect(columns.ts).toBeInstanceOf(Float64Array);
    expect(columns.format).toBeInstanceOf(Uint8Array);
    expect([...(columns.row ?? [])]).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007]);
    const b = new TxRing(2048);
    for (const [name, data] of Object.entries(columns)) expect(b.importColumn(name, lo, data)).toBe(true);
    for (let k = 0; k < 8; k++) expect(read(b, (lo + k) & b.mask)).toEqual(read(a, (lo + k) & a.mask));
    expect(b.importColumn('colour', lo, [1])).toBe(false);
  });
});

describe('TxRing ids', () => {
  it('rebuilds row ids and keeps other ids', () => {
    const ring = new TxRing(1024);
    fill(ring, 3, 0);
    ring.setId(3, undefined);
    expect(ring.idOf(3)).toBe('1000');
    fill(ring, 4, 1);
    ring.setId(4, 'E2E-0001');
    expect(ring.idOf(4)).toBe('E2E-0001');
    ring.setId(4, undefined); // the slot is reused by a row-id transaction
    expect(ring.idOf(4)).toBe('1001');
    expect(ring.idOf(3)).toBe('1000');
  });
});
