import { describe, expect, it } from 'vitest';
import { AccountIndex, PREPARED } from './account-index.ts';

describe('AccountIndex', () => {
  it('tells apart keys stored inline, long keys and non-Latin-1 keys', () => {
    const index = new AccountIndex();
    const keys: [string, string][] = [
      ['14480', '809E29DC2'], // inline (14 characters)
      ['1448', '0809E29DC2'], // the same characters split differently
      ['DE89370400440532013000', 'ACCOUNT-WITH-A-LONG-ID'], // longer than 16: side storage
      ['DE89370400440532013000', 'ACCOUNT-WITH-A-LONG-IE'],
      ['بنك', 'حساب'], // above U+00FF: side storage
      ['\u0000', ''], // NUL packs to zero bits: still its own key
      ['', ''],
    ];
    keys.forEach(([bank, account], i) => {
      expect(index.intern(bank, account, i)).toBe(i);
    });
    keys.forEach(([bank, account], i) => {
      expect(index.get(bank, account)).toBe(i);
      expect(index.intern(bank, account, 99)).toBe(i);
    });
    expect(index.get('14480', '809E29DC3')).toBe(-1);
    expect(index.get('DE89370400440532013000', 'ACCOUNT-WITH-A-LONG-IF')).toBe(-1);
    expect(index.size).toBe(keys.length);
  });

  it('keeps every id through growth', () => {
    const index = new AccountIndex();
    const n = 100_000;
    let wrong = 0;
    for (let i = 0; i < n; i++)
      if (index.intern(String(i % 97), `A${i}${i % 3 === 0 ? 'x'.repeat(20) : ''}`, i) !== i) wrong++;
    for (let i = 0; i < n; i += 3)
      if (index.get(String(i % 97), `A${i}${i % 3 === 0 ? 'x'.repeat(20) : ''}`) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(index.get('0', 'A0')).toBe(-1);
  });

  it('numbers a batch of prepared keys exactly as intern one by one (model test)', () => {
    // keys that share characters, split differently, repeat within a batch, are long, wide or empty; and enough
    // of them that the table grows in the middle of a batch
    const keyOf = (i: number): [string, string] => {
      const r = (i * 7919) % 25_013; // each key comes back about twice, in another batch or the same
      switch (r % 7) {
        case 0:
          return [String(r % 97), `8${r.toString(16).toUpperCase()}`];
        case 1:
          return [String(r % 97).slice(0, 1), `${String(r % 97).slice(1)}8${r.toString(16).toUpperCase()}`];
        case 2:
          return ['DE89370400440532013000', `LONG-ACCOUNT-${r}`];
        case 3:
          return ['بنك', `حساب-${r}`];
        case 4:
          return ['', r % 5 === 0 ? '' : `E${r}`];
        case 5:
          return [`${r % 13}`, `Ā${r}`]; // U+0100: not Latin-1, though short
        default:
          return ['\u0000', String(r)];
      }
    };
    const n = 60_000;
    const plain = new AccountIndex();
    const batched = new AccountIndex();
    const expected = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const [b, a] = keyOf(i);
      expected[i] = plain.intern(b, a, plain.size);
    }
    const got = new Int32Array(n);
    const prepared = new Int32Array(1000 * PREPARED);
    for (let from = 0; from < n; from += 1000) {
      const to = Math.min(n, from + 1000);
      for (let i = from; i < to; i++) {
        const [b, a] = keyOf(i);
        batched.prepareInto(b, a, prepared, (i - from) * PREPARED);
      }
      batched.touch(prepared, to - from);
      for (let i = from; i < to; i++) {
        const [b, a] = keyOf(i);
        got[i] = batched.internPrepared(prepared, (i - from) * PREPARED, b, a, batched.size);
      }
    }
    expect(batched.size).toBe(plain.size);
    expect(plain.size).toBeGreaterThan(1 << 14); // the tables grew (from 32,768 slots at load ½)
    let wrong = 0;
    for (let i = 0; i < n; i++) if (got[i] !== expected[i]) wrong++;
    expect(wrong).toBe(0);
    // and each index answers the other's keys alike
    for (let i = 0; i < n; i += 11) {
      const [b, a] = keyOf(i);
      expect(batched.get(b, a)).toBe(expected[i]);
    }
  });

  it('refuses a key part longer than 32767 characters', () => {
    expect(() => new AccountIndex().intern('1', 'x'.repeat(40_000), 0)).toThrow(RangeError);
  });
});
