import { describe, expect, it } from 'vitest';
import { type CountForms, countPhrase } from './count-phrase.ts';

const ACCOUNTS_AR: CountForms = {
  zero: 'لا حسابات',
  one: 'حساب واحد',
  two: 'حسابان',
  few: '{n} حسابات',
  many: '{n} حسابًا',
  other: '{n} حساب',
};

describe('countPhrase', () => {
  it('gives English its singular for one and its plural for every other number', () => {
    const forms: CountForms = { one: '1 account', other: '{n} accounts' };
    expect([0, 1, 2, 21].map((n) => countPhrase(n, forms, 'en'))).toEqual([
      '0 accounts',
      '1 account',
      '2 accounts',
      '21 accounts',
    ]);
    // the locale decides: Arabic's dual and plural forms are not English's
    const both: CountForms = { one: 'one', two: 'two', few: 'few', other: 'other' };
    expect([1, 2, 3].map((n) => countPhrase(n, both, 'en'))).toEqual(['one', 'other', 'other']);
    expect([1, 2, 3].map((n) => countPhrase(n, both, 'ar'))).toEqual(['one', 'two', 'few']);
  });

  it('gives Arabic the form its grammar asks for: dual, plural for 3–10, accusative for 11–99, genitive for hundreds', () => {
    const cases: [number, string][] = [
      [0, 'لا حسابات'],
      [1, 'حساب واحد'],
      [2, 'حسابان'],
      [3, '3 حسابات'],
      [10, '10 حسابات'],
      [11, '11 حسابًا'],
      [99, '99 حسابًا'],
      [100, '100 حساب'],
      [102, '102 حساب'],
      [103, '103 حسابات'],
      [1000, '1000 حساب'],
    ];
    for (const [n, want] of cases) expect(countPhrase(n, ACCOUNTS_AR, 'ar'), String(n)).toBe(want);
  });

  it('shows the number as the caller formatted it, and falls back to the other form', () => {
    expect(countPhrase(14, ACCOUNTS_AR, 'ar-u-nu-arab', '١٤')).toBe('١٤ حسابًا');
    expect(countPhrase(1, { other: '{n} x' }, 'ar')).toBe('1 x');
  });
});
