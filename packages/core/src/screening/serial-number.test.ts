import { describe, expect, it } from 'vitest';
import { parseName } from './name-parse.ts';
import { compareNames } from './screening-index.ts';
import { isSerialNumber, serialValue } from './serial-number.ts';

const score = (a: string, b: string, kind: 'person' | 'organisation' | 'any'): number =>
  compareNames(a, b, kind).score;

describe('serial numbers after an organisation name', () => {
  it('reads digits and Roman numerals, a lone letter only in an organisation name', () => {
    expect(['4', 'iv', 'xx', 'xiv', 'ix'].map((t) => isSerialNumber(t, false))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isSerialNumber('v', false)).toBe(false);
    expect(isSerialNumber('v', true)).toBe(true);
    expect(isSerialNumber('vix', true)).toBe(false);
    expect(isSerialNumber('storm', true)).toBe(false);
    expect(['iv', 'xi', 'xxiv', '07'].map(serialValue)).toEqual([4, 11, 24, 7]);
  });

  it('meets two numbers of one fund or vessel series, and the same number written two ways', () => {
    expect(
      score(
        'Blackstone Real Estate Partners IV L.P.',
        'Blackstone Real Estate Partners V L.P.',
        'organisation',
      ),
    ).toBeGreaterThanOrEqual(0.8);
    expect(score('Snow Storm 1', 'Snow Storm 2', 'organisation')).toBeGreaterThanOrEqual(0.8);
    expect(score('Capital Trust IV', 'Capital Trust 4', 'organisation')).toBe(1);
    const pairs = compareNames('KKR Asian Fund III L.P.', 'KKR Asian Fund IV L.P.', 'organisation').nameScore
      .pairs;
    expect(pairs.map((p) => p.how)).toContain('series');
  });

  it('keeps a person’s generation apart: John Smith III is not John Smith IV', () => {
    expect(score('John Smith III', 'John Smith IV', 'person')).toBeLessThan(0.8);
    expect(parseName('John Smith III', 'person').tokens.some((t) => t.serial)).toBe(false);
  });

  it('glues single letters into a legal form only when punctuation joins them (V L.P. is the number V)', () => {
    expect(parseName('Partners V L.P.', 'organisation').tokens.map((t) => t.text)).toEqual(['partners', 'v']);
    expect(parseName('HSBC Holdings p.l.c.', 'organisation').tokens.map((t) => t.text)).toEqual([
      'hsbc',
      'holdings',
    ]);
  });
});
