import { describe, expect, it } from 'vitest';
import { curateWorldCities, soundsAlike } from './gazetteer-curate.ts';

const CSV = `\uFEFFCountryNameAr,CountryNameEn,CityNameAr,CityNameEn,Population
"العراق","Iraq","بغداد","Baghdad",6183000
"العراق","Iraq","فاموتيدين","Mosul",1792000
"العراق","Iraq","ملعب الفلوجة","Al Fallujah",250884
"العراق","Iraq","محافظة السليمانية","As Sulaymaniyah",878146
"العراق","Iraq","ناحية xyz","Test Town",50000
"العراق","Iraq","كلية بعيدة","Kirkuk",975000
"العراق","Iraq","الحي","Al Hayy",82900
"فرنسا","France","باريس","Paris",2138551
"العراق","Iraq","قرية","Small",100
`;

describe('curateWorldCities', () => {
  it('fixes known wrong names, strips province prefixes and rejects names that do not sound like the English', () => {
    const r = curateWorldCities(CSV, { countries: new Map([['Iraq', 'IQ']]), minPopulation: 1000 });
    expect(r.places.map((p) => [p.ar[0], p.en])).toEqual([
      ['بغداد', 'Baghdad'],
      ['الموصل', 'Mosul'],
      ['الفلوجة', 'Al Fallujah'],
      ['السليمانية', 'As Sulaymaniyah'],
    ]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [6, 'Latin letters in the Arabic name'],
      [7, 'Arabic name does not sound like the English'],
      [8, 'also a common word'],
    ]);
  });

  it('reads an English name spelled like an Object property (constructor) as a name with no fix', () => {
    const csv = `CountryNameAr,CountryNameEn,CityNameAr,CityNameEn,Population
"العراق","Iraq","بغداد","constructor",6183000
`;
    const r = curateWorldCities(csv, { countries: new Map([['Iraq', 'IQ']]), minPopulation: 1000 });
    expect(r.places).toEqual([]);
    expect(r.rejected).toEqual([
      { line: 2, ar: 'بغداد', en: 'constructor', reason: 'Arabic name does not sound like the English' },
    ]);
  });

  it('compares consonant skeletons of Arabic and English names', () => {
    expect(soundsAlike('روما', 'Rome')).toBe(true);
    expect(soundsAlike('دير الزور', 'Dayr az Zawr')).toBe(true);
    expect(soundsAlike('فاموتيدين', 'Mosul')).toBe(false);
  });
});
