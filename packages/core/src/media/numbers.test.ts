import { describe, expect, it } from 'vitest';
import { readMediaNumber } from './numbers.ts';
import { tokenizeMedia } from './tokenize.ts';

function read(text: string): { value: number | null; magnitude?: number; words: number } | undefined {
  const toks = tokenizeMedia(text);
  const m = readMediaNumber(toks, 0);
  if (m === undefined) return undefined;
  return {
    value: m.value,
    ...(m.magnitude === undefined ? {} : { magnitude: m.magnitude }),
    words: m.last - m.first,
  };
}

describe('readMediaNumber', () => {
  it.each([
    ['18 مليون', 18_000_000, 2],
    ['١٨ مليون', 18_000_000, 2],
    ['١٫٥ مليار', 1_500_000_000, 2],
    ['٣٬٥٠٠', 3500, 1],
    ['ثمانية عشر مليون', 18_000_000, 3],
    ['خمسة وعشرين ألف', 25_000, 3],
    ['مئتين وخمسين مليون', 250_000_000, 3],
    ['ألف وخمسمائة', 1500, 2],
    ['مليوناً و200 ألف', 1_200_000, 4],
    ['مليوني دولار', 2_000_000, 1],
    ['بملياري دولار', 2_000_000_000, 1],
    ['ألفا دولار', 2000, 1],
    ['بنصف مليار', 500_000_000, 2],
    ['ثلاثة ملايين', 3_000_000, 2],
    ['ثلاث مئة', 300, 2],
    ['2.5bn', 2_500_000_000, 2],
    ['750k', 750_000, 2],
    ['25,000 barrels', 25_000, 1],
    ['two million', 2_000_000, 2],
  ])('%s = %d', (text, value, words) => {
    expect(read(text)).toEqual({ value, words });
  });

  it('reads vague magnitudes without a value', () => {
    expect(read('عشرات الملايين من الدولارات')).toEqual({ value: null, magnitude: 10_000_000, words: 2 });
    expect(read('بضعة آلاف')).toEqual({ value: null, magnitude: 1000, words: 2 });
  });

  it('does not read a single letter as a scale unless glued to digits, nor a phone number', () => {
    expect(read('3 m')).toEqual({ value: 3, words: 1 });
    expect(read('009647701234567')).toBeUndefined();
    expect(read('الدولار')).toBeUndefined();
  });
});
