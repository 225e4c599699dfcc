import { describe, expect, it } from 'vitest';
import { countryCode, isCountryCode, isoCountryCode, RETIRED_COUNTRY_CODES } from './countries.ts';

describe('countryCode', () => {
  it('gives the current code, not a retired one Intl also names (SU, FX, UK, YU, DY, HV)', () => {
    expect(countryCode('Russia')).toBe('RU');
    expect(countryCode('France')).toBe('FR');
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('Serbia')).toBe('RS');
    expect(countryCode('Benin')).toBe('BJ');
    expect(countryCode('Burkina Faso')).toBe('BF');
  });

  it('reads the name Intl gives each retired code to its successor, which alone is a country code', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const [retired, current] of Object.entries(RETIRED_COUNTRY_CODES)) {
      expect(isCountryCode(retired)).toBe(false);
      expect(isCountryCode(current)).toBe(true);
      const name = names.of(retired);
      if (name && name !== retired) expect(countryCode(name)).toBe(current);
    }
  });

  it('reads the spellings of the UN and OFAC files', () => {
    // as written in ../shared/data/sanctions: un/UN_consolidated.xml and the OFAC CSVs
    const spellings: [string, string][] = [
      ['Turkey', 'TR'],
      ['Bosnia and Herzegovina', 'BA'],
      ['Trinidad and Tobago', 'TT'],
      ['Antigua and Barbuda', 'AG'],
      ['Saint Kitts and Nevis', 'KN'],
      ['Saint Vincent and the Grenadines', 'VC'],
      ['Myanmar', 'MM'],
      ['Hong Kong', 'HK'],
      ['China, Hong Kong Special Administrative Region', 'HK'],
      ['Macau', 'MO'],
      ['Virgin Islands, British', 'VG'],
      ['Man, Isle of', 'IM'],
      ['Bahamas, The', 'BS'],
      ['Congo, Republic of the', 'CG'],
      ['Cote d Ivoire', 'CI'],
      ['Macedonia, The Former Yugoslav Republic of', 'MK'],
      ['North Macedonia, The Republic of', 'MK'],
      // the UK ConList's Country column
      ['DPRK', 'KP'],
    ];
    for (const [name, code] of spellings) expect([name, countryCode(name)]).toEqual([name, code]);
  });

  it('leaves names that are no one country unresolved', () => {
    for (const name of ['Congo', 'former Soviet Union', 'possibly Palestinian', 'Netherlands Antilles'])
      expect(countryCode(name)).toBeUndefined();
  });

  it('gives only codes isCountryCode accepts for names', () => {
    for (const name of ['Russia', 'Germany', 'Syrian Arab Republic', 'روسيا', 'Kosovo'])
      expect(isCountryCode(countryCode(name) ?? '')).toBe(true);
  });

  it('isoCountryCode gives only ISO codes: two letters that name no country are refused', () => {
    expect(countryCode('ZZ')).toBe('ZZ');
    expect(isoCountryCode('ZZ')).toBeUndefined();
    expect(isoCountryCode('uk')).toBe('GB');
    expect(isoCountryCode('Russia')).toBe('RU');
    expect(isoCountryCode('former Soviet Union')).toBeUndefined();
  });
});
