import { describe, expect, it } from 'vitest';
import { AccountIndex } from './account-index.ts';

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

  it('refuses a key part longer than 32767 characters', () => {
    expect(() => new AccountIndex().intern('1', 'x'.repeat(40_000), 0)).toThrow(RangeError);
  });
});
