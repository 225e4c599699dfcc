import { describe, expect, it } from 'vitest';
import { CountryReader, countryFields, entryCountries } from './country-texts.ts';

describe('CountryReader', () => {
  it('keeps unrecognised names as text and counts them once per entry', () => {
    const reader = new CountryReader();
    const a = entryCountries();
    reader.read('Russia', a);
    reader.read('former Soviet Union', a);
    reader.read('former Soviet Union', a);
    const b = entryCountries();
    reader.read('former Soviet Union', b);
    expect(countryFields(a)).toEqual({ countries: ['RU'], countryTexts: ['former Soviet Union'] });
    expect(reader.notes()).toEqual([
      "2 country name(s) not recognised, kept as text (not used in scoring): 'former Soviet Union' ×2",
    ]);
  });

  it('cuts a long name in the note to 60 characters, keeping it whole on the entry', () => {
    const reader = new CountryReader();
    const long = `Region: ${'x'.repeat(200)}`;
    const into = entryCountries();
    reader.read(long, into);
    expect(countryFields(into).countryTexts).toEqual([long]);
    const [note] = reader.notes();
    expect(note).toContain(`'Region: ${'x'.repeat(51)}…' ×1`);
    expect(note?.length).toBeLessThan(150);
  });
});
