import { describe, expect, it } from 'vitest';
import { isShortFormOf } from './hypocorisms.ts';
import { parseName } from './name-parse.ts';
import { compareNames } from './screening-index.ts';

const score = (a: string, b: string): number => compareNames(a, b, 'person').score;

describe('short forms of given names', () => {
  it('knows a short form and the full names it stands for, in either order', () => {
    expect(isShortFormOf('ted', 'theodore')).toBe(true);
    expect(isShortFormOf('edward', 'ted')).toBe(true);
    expect(isShortFormOf('ted', 'thomas')).toBe(false);
    expect(isShortFormOf('robert', 'william')).toBe(false);
  });

  it('meets a person under the name they go by with the listed full name', () => {
    expect(score('Ted Doe', 'Theodore Doe')).toBeGreaterThanOrEqual(0.8);
    expect(score('Bill Wilson', 'WILSON, William')).toBeGreaterThanOrEqual(0.8);
    const pairs = compareNames('Ted Doe', 'Theodore Doe', 'person').nameScore.pairs;
    expect(pairs.map((p) => p.how)).toContain('short-form');
    // a short form of another name is another name
    expect(score('Ted Doe', 'Thomas Doe')).toBeLessThan(0.8);
  });

  it('reads a Latin name’s first word Ben as the given name, a later ben as "son of"', () => {
    expect(score('Ben Netanyahu', 'Benjamin Netanyahu')).toBeGreaterThanOrEqual(0.8);
    expect(parseName('Ben Netanyahu', 'person').dropped).toEqual([]);
    expect(parseName('Noureddine Ben Ali', 'person').dropped.map((t) => t.role)).toEqual(['nasab']);
    expect(parseName('BEN ALI, Zine', 'person').dropped.map((t) => t.role)).toEqual(['nasab']);
    // "Ben Hak" is a person named Ben, not the ancestor-only name "hak" meeting the one-word "HAWK"
    expect(score('Ben Hak', 'HAWK')).toBeLessThan(0.8);
  });
});
