import { describe, expect, it } from 'vitest';
import { romanizeKana } from './kana.ts';
import { normalizeText, scriptOf } from './normalize.ts';
import { compareNames } from './screening-index.ts';

const score = (a: string, b: string): number => compareNames(a, b, 'person').score;

describe('Japanese kana', () => {
  it('keeps the voicing marks through normalisation and knows the script', () => {
    expect(normalizeText('バラク')).toBe('バラク'); // not ハラク
    expect(scriptOf(normalizeText('オバマ'))).toBe('kana');
  });

  it('romanises katakana and hiragana (Hepburn), with glides, small tsu and long vowels', () => {
    expect(romanizeKana('バラク')).toBe('baraku');
    expect(romanizeKana('キャメロン')).toBe('kyameron');
    expect(romanizeKana('ベッカム')).toBe('bekkamu');
    expect(romanizeKana('プーチン')).toBe('puchin');
    expect(romanizeKana('とうきょう')).toBe('toukyou');
  });

  it('meets the Latin name by its consonants, r read as l too, and not another name', () => {
    expect(score('バラク・オバマ', 'Barack Obama')).toBeGreaterThanOrEqual(0.85);
    expect(score('ビル・クリントン', 'Bill Clinton')).toBeGreaterThanOrEqual(0.8);
    expect(score('バラク・オバマ', 'Michelle Obama')).toBeLessThan(0.8);
  });
});
