import { describe, expect, it } from 'vitest';
import { isGoamlLatin, splitPersonName, toGoamlLatin } from './latin-name.ts';

describe('toGoamlLatin', () => {
  it('transliterates Arabic names into the goAML name alphabet', () => {
    expect(toGoamlLatin('محمد بن عبدالله الهاشمي')).toBe('Muhammad bin Abdallah al-Hashimi');
    expect(toGoamlLatin('أحمد حسن')).toBe('Ahmad Hasan');
    expect(toGoamlLatin('شركة الفجر للصرافة')).toBe('Sharikat al-Fjr lil-Sirafa');
    expect(toGoamlLatin('ليلى خالد')).toBe('Layla Khalid');
  });

  it('always yields text the schema pattern accepts', () => {
    for (const name of [
      'محمد',
      'José Ñúñez',
      'Zoë O’Brien & Co.',
      'فاطمة ٣',
      'Müller-Lüdenscheidt GmbH',
      'ابو بكر',
    ]) {
      const latin = toGoamlLatin(name);
      expect(isGoamlLatin(latin), `${name} → ${latin}`).toBe(true);
      expect(latin.length).toBeGreaterThan(0);
    }
    expect(toGoamlLatin('José Ñúñez')).toBe('Jose Nunez');
    expect(toGoamlLatin('فاطمة ٣')).toBe('Fatima 3');
  });

  it('doubles a consonant under shadda and drops tatweel', () => {
    expect(toGoamlLatin('مـدّ')).toBe('Mdd');
  });

  it('reads a word after the article letter by letter even when it is named like an Object property', () => {
    expect(toGoamlLatin('Ali الconstructor')).toBe('Ali al-Constructor');
    expect(toGoamlLatin('Ali الhasOwnProperty')).toBe('Ali al-HasOwnProperty');
  });
});

describe('splitPersonName', () => {
  it('fills both required parts', () => {
    expect(splitPersonName('Muhammad bin Abdallah')).toEqual({ first: 'Muhammad', last: 'bin Abdallah' });
    expect(splitPersonName('Cher')).toEqual({ first: 'Cher', last: '-' });
  });
});
