import { describe, expect, it } from 'vitest';
import type { ListEntry } from './list-entry.ts';
import { parseName } from './name-parse.ts';
import { buildScreeningIndex, compareNames, screenName } from './screening-index.ts';
import { isSerialNumber, serialValue } from './serial-number.ts';
import { personEntry } from './test-fixtures/list-entries.ts';

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

  it('reads a letter that ends a vessel’s name as its series letter, never as a person’s initial', () => {
    const vessel = (refId: string, text: string): ListEntry => ({
      ...personEntry(refId, text),
      kind: 'vessel',
    });
    const index = buildScreeningIndex([
      vessel('V1', 'MARIA E'),
      vessel('V2', 'SILVIA I'),
      vessel('V3', 'LADY D'),
      personEntry('P1', 'MARIA E'),
    ]);
    const hits = (q: string) => screenName(index, q, { threshold: 0.3 }).filter((m) => m.score >= 0.8);
    // a person's given name and a family name starting with the vessel's letter: only the person entry, whose E
    // is an initial
    expect(hits('María Erazo').map((m) => m.entry.refId)).toEqual(['P1']);
    expect(hits('Igor Silva')).toEqual([]);
    expect(hits('Lady Orlando Durán')).toEqual([]);
    // the vessel itself is found, and its letter tells it from the rest of the series
    expect(hits('Maria E')[0]?.score).toBe(1);
    expect(hits('SILVIA I').map((m) => m.entry.refId)).toEqual(['V2']);
    // two letters of a series are two vessels, not half a match as two numbers of a fund series are
    expect(score('Maria E', 'Maria F', 'organisation')).toBeLessThan(0.5);
    // letters of other kinds: a hyphen or slash, a split legal form, a connector, a full stop
    const serialOf = (name: string) =>
      parseName(name, 'organisation')
        .tokens.filter((t) => t.serial)
        .map((t) => t.text);
    expect(serialOf('LADY D')).toEqual(['d']);
    expect(serialOf('SUN SHIP MANAGEMENT D LTD')).toEqual(['d']);
    expect(serialOf('GRUPO W S.A.')).toEqual(['w']);
    expect(score('Sun Ship Management Dubai', 'SUN SHIP MANAGEMENT D LTD', 'organisation')).toBeLessThan(0.8);
    for (const name of [
      'HUJI-B',
      'DHKP/C',
      'SAAVEDRA Y CIA. S. EN C.',
      'PETROLEOS DE VENEZUELA S A',
      'Morgan J.',
    ])
      expect(serialOf(name), name).toEqual([]);
    expect(score('HUJI Bangladesh', 'HUJI-B', 'organisation')).toBeGreaterThanOrEqual(0.8);
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
