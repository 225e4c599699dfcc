import { describe, expect, it } from 'vitest';
import { compoundNumber, numberOf } from './number-words.ts';
import { compareNames } from './screening-index.ts';

describe('numbers written in words', () => {
  it('reads cardinals, ordinals and digits as one number', () => {
    expect(numberOf('three')).toBe('3');
    expect(numberOf('nineteen')).toBe('19');
    expect(numberOf('forty')).toBe('40');
    expect(numberOf('first')).toBe('1.');
    expect(numberOf('1st')).toBe('1.');
    expect(numberOf('007')).toBe('7');
    expect(numberOf('brigade')).toBeUndefined();
  });

  it('joins a tens word and a unit word, and nothing else', () => {
    expect(compoundNumber('forty', 'four')).toBe('44');
    expect(compoundNumber('fourty', 'four')).toBe('44'); // the common misspelling
    expect(compoundNumber('four', 'forty')).toBeUndefined();
    expect(compoundNumber('forty', 'brigade')).toBeUndefined();
    expect(compoundNumber('forty', '4')).toBe('44'); // mixed writing
    expect(compoundNumber('forty', '44')).toBeUndefined();
    expect(compoundNumber('forty', '0')).toBeUndefined();
  });

  it('meets a number written in words with the same number in digits, not another number', () => {
    const score = (a: string, b: string): number => compareNames(a, b, 'organisation').score;
    expect(score('Brigade Forty-Four', 'Brigade 44')).toBeGreaterThanOrEqual(0.9);
    expect(score('Brigade forty four', 'Brigade 44')).toBeGreaterThanOrEqual(0.9);
    expect(score('Brigade Forty-Four', 'Brigade 45')).toBeLessThan(0.8);
    expect(score('Brigade Forty 4', 'Brigade 44')).toBeGreaterThanOrEqual(0.9);
  });
});
