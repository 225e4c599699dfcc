import { describe, expect, it } from 'vitest';
import { normalizeText, scriptOf } from './normalize.ts';
import { romanizeTable } from './romanize.ts';
import { compareNames } from './screening-index.ts';

const score = (a: string, b: string): number => compareNames(a, b, 'person').score;

describe('romanisation of Greek, Armenian and Georgian', () => {
  it('knows each script by its letters', () => {
    expect(scriptOf(normalizeText('Բարակ'))).toBe('armenian');
    expect(scriptOf(normalizeText('ბარაკ'))).toBe('georgian');
    expect(scriptOf(normalizeText('Ομπάμα'))).toBe('greek');
  });

  it('writes each letter table in Latin, with the digraphs of each script', () => {
    expect(romanizeTable(normalizeText('Երևան'), 'armenian')).toBe('erevan');
    expect(romanizeTable(normalizeText('Գուրգեն'), 'armenian')).toBe('gurgen'); // ու = u
    expect(romanizeTable(normalizeText('თბილისი'), 'georgian')).toBe('tbilisi');
    expect(romanizeTable(normalizeText('შევარდნაძე'), 'georgian')).toBe('shevardnadze');
    expect(romanizeTable(normalizeText('Μπαράκ'), 'greek')).toBe('barak'); // μπ = b
    expect(romanizeTable(normalizeText('Τραμπ'), 'greek')).toBe('tramp'); // final μπ = mp
    expect(romanizeTable(normalizeText('Σεργκέι'), 'greek')).toBe('sergei'); // γκ after a consonant = g
  });

  it('meets the Latin spelling of the same name', () => {
    expect(score('Բարակ Օբամա', 'Barack Obama')).toBeGreaterThanOrEqual(0.9);
    expect(score('ბარაკ ობამა', 'Barack Obama')).toBeGreaterThanOrEqual(0.9);
    expect(score('Μπαράκ Ομπάμα', 'Barack Obama')).toBeGreaterThanOrEqual(0.9);
    expect(score('Σεργκέι Λαβρόφ', 'Sergey Lavrov')).toBeGreaterThanOrEqual(0.9);
    expect(score('ედუარდ შევარდნაძე', 'Eduard Shevardnadze')).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps other names apart', () => {
    expect(score('Բարակ Օբամա', 'Michelle Obama')).toBeLessThan(0.8);
    expect(score('ბარაკ ობამა', 'Barack Hussein')).toBeLessThan(0.8);
    expect(score('Μπαράκ Ομπάμα', 'Donald Trump')).toBe(0);
  });
});

describe('scripts with no reading', () => {
  it('compare spellings by letters as the script writes them: one Hangul syllable apart is another name', () => {
    expect(score('김종은', '김정은')).toBeLessThan(0.8);
    expect(score('이재형', '이재명')).toBeLessThan(0.8);
    expect(score('김정은', '김정은')).toBe(1);
    // a long token one letter apart is a typo, as in Latin (Ethiopic: ዐብርሃም / ዐብራሃም)
    expect(score('ዐብርሃም', 'ዐብራሃም')).toBeGreaterThanOrEqual(0.75);
    // with its vowel signs kept, a Devanagari name one letter apart is a spelling variant, not an empty match
    expect(score('नरेन्द्र मोडी', 'नरेन्द्र मोदी')).toBeGreaterThanOrEqual(0.8);
    expect(score('नरेन्द्र मोदी', 'राहुल गांधी')).toBe(0);
  });
});
