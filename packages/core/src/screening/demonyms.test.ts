import { describe, expect, it } from 'vitest';
import { countryCode, isCountryCode } from './countries.ts';
import { demonymCode, demonymForms, nationalityCode } from './demonyms.ts';

describe('nationalityCode', () => {
  it('reads the adjectives of the UK ConList Nationality column', () => {
    // every adjective in the Nationality column of ../shared/data/sanctions/uk/2020-03_partial/ConList.csv
    const written: [string, string][] = [
      ['Iraqi', 'IQ'],
      ['Syrian', 'SY'],
      ['Indonesian', 'ID'],
      ['Tunisian', 'TN'],
      ['Russian', 'RU'],
      ['Afghan', 'AF'],
      ['German', 'DE'],
      ['Moroccan', 'MA'],
      ['Chinese', 'CN'],
      ['Yemeni', 'YE'],
      ['Jordanian', 'JO'],
      ['Algerian', 'DZ'],
    ];
    for (const [text, code] of written) expect([text, nationalityCode(text)]).toEqual([text, code]);
  });

  it('reads country names and codes first, then the adjective, in any case', () => {
    expect(nationalityCode('Iraq')).toBe('IQ');
    expect(nationalityCode('Central African Republic')).toBe('CF');
    expect(nationalityCode('Syrian Arab Republic')).toBe('SY');
    expect(nationalityCode('BRITISH')).toBe('GB');
    expect(nationalityCode('South Sudanese')).toBe('SS');
    expect(nationalityCode('Sudanese')).toBe('SD');
    expect(nationalityCode('Central African')).toBe('CF');
  });

  it('leaves ambiguous adjectives and non-countries unresolved', () => {
    for (const text of ['Congolese', 'Korean', 'Dominican', 'Guinean', 'Soviet', 'ZZ', 'stateless'])
      expect([text, nationalityCode(text)]).toEqual([text, undefined]);
  });

  it('is not used for country names: countryCode reads no adjective', () => {
    expect(countryCode('Jordanian')).toBeUndefined();
    expect(demonymCode('Jordan')).toBeUndefined();
  });

  it('holds only country codes, and no form that countryCode reads to another country', () => {
    expect(demonymForms().size).toBeGreaterThan(190);
    for (const [form, code] of demonymForms()) {
      expect([form, isCountryCode(code)]).toEqual([form, true]);
      const asName = countryCode(form);
      if (asName !== undefined) expect([form, asName]).toEqual([form, code]);
    }
  });
});
