import { describe, expect, it } from 'vitest';
import { nameVariants } from './name-variants.ts';
import { compareNames } from './screening-index.ts';

describe('names that hold other names in brackets', () => {
  it('are read whole, as the name outside the bracket, and as each name inside one in another script', () => {
    expect(nameVariants('حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)')).toEqual([
      'حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)',
      'حاجى مالك نورزى',
      'Hajji Malik Noorzai',
      'Haji Malek Noorzai',
    ]);
    // a bracket in the same script is part of the name (a branch, a country)
    expect(nameVariants('Bank of China (Hong Kong) Limited')).toEqual(['Bank of China (Hong Kong) Limited']);
    expect(nameVariants('Usama bin Ladin')).toEqual(['Usama bin Ladin']);
  });

  it('read names separated by semicolons outside brackets as each of them', () => {
    expect(nameVariants('Fazel Rahim; Fazil Rahim')).toEqual([
      'Fazel Rahim; Fazil Rahim',
      'Fazel Rahim',
      'Fazil Rahim',
    ]);
    expect(compareNames('فضل رحيم', 'Fazel Rahim; Fazil Rahim', 'person').score).toBeGreaterThanOrEqual(0.9);
    // a lone or empty part is not a name of its own
    expect(nameVariants('Smith; J')).toEqual(['Smith; J']);
  });

  it('read a name followed by a remark on birth as the name before it', () => {
    expect(nameVariants('Mohammad Ishaq Akhund born in 1963')).toEqual([
      'Mohammad Ishaq Akhund born in 1963',
      'Mohammad Ishaq Akhund',
    ]);
    expect(nameVariants('Khirullah Said Wali Khairkhwa, born in Kandahar on 01 Jan.1967')[1]).toBe(
      'Khirullah Said Wali Khairkhwa',
    );
    expect(nameVariants('Max Born')).toEqual(['Max Born']);
    expect(
      compareNames('محمد اسحاق آخوند', 'Mohammad Ishaq Akhund born in 1963', 'person').score,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('let a pair meet through the name it holds', () => {
    const whole = 'Ibrahim Hassan Tali Asiri (إبراهيم حسن طالع عسيري)';
    expect(compareNames('إبراهيم حسن طالع العسيري', whole, 'person').score).toBeGreaterThanOrEqual(0.9);
  });

  it('set the Persian and Pashto spellings of Haji and Qari aside as honorifics', () => {
    expect(compareNames('فیض الله خان نورزی', 'حاجى فیض الله خان نورزى', 'person').score).toBe(1);
  });

  it('read two names joined by one slash as each of them, but not a legal form or abbreviation', () => {
    expect(nameVariants("Al-Qa'ida/Islamic Army")).toEqual([
      "Al-Qa'ida/Islamic Army",
      "Al-Qa'ida",
      'Islamic Army',
    ]);
    expect(nameVariants('Bowne Global Solutions Denmark, A/S')).toEqual([
      'Bowne Global Solutions Denmark, A/S',
    ]);
    expect(nameVariants('Acme c/o Smith')).toEqual(['Acme c/o Smith']);
    expect(compareNames('Al Qaeda', "Al-Qa'ida/Islamic Army", 'organisation').score).toBeGreaterThanOrEqual(
      0.9,
    );
  });
});
