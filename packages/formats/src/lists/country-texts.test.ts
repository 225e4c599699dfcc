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

  it('reads a nationality as a country name or an adjective, with its qualifiers and several in one value', () => {
    const reader = new CountryReader();
    const into = entryCountries();
    reader.readNationality('Iraqi, Syrian', into);
    reader.readNationality('Afghan (since 2001)', into);
    reader.readNationality('British national', into);
    reader.readNationality('Saudi Arabia', into);
    reader.readNationality('Antigua and Barbuda', into);
    expect(countryFields(into)).toEqual({ countries: ['AF', 'AG', 'GB', 'IQ', 'SA', 'SY'] });
    expect(reader.notes()).toEqual([]);
    // only when every part is recognised; a country field reads no adjective
    const other = entryCountries();
    reader.readNationality('Korean, Japanese', other);
    reader.read('Iraqi', other);
    expect(countryFields(other)).toEqual({ countries: [], countryTexts: ['Iraqi', 'Korean, Japanese'] });
  });

  it('reads a bracket in front and an inverted name instead of dropping or splitting them (review)', () => {
    // before: the bracket was dropped ("Sudan (South)" → SD, "Chinese (Taiwan)" → CN) and "Samoa, American" was
    // read as Samoa and the United States
    const reader = new CountryReader();
    const read = (value: string, how: 'nationality' | 'country') => {
      const into = entryCountries();
      if (how === 'nationality') reader.readNationality(value, into);
      else reader.readQualified(value, into);
      return countryFields(into);
    };
    expect(read('Sudan (South)', 'nationality')).toEqual({ countries: ['SS'] });
    expect(read('Korea (North)', 'country')).toEqual({ countries: ['KP'] });
    expect(read('Samoa, American', 'nationality')).toEqual({ countries: ['AS'] });
    expect(read('Chinese (Taiwan)', 'nationality')).toEqual({
      countries: [],
      countryTexts: ['Chinese (Taiwan)'],
    });
    expect(read('Afghanistan (since 2009)', 'country')).toEqual({ countries: ['AF'] });
    expect(read('Iraqi national, Syrian', 'nationality')).toEqual({ countries: ['IQ', 'SY'] });
  });

  it("reads a document's issuing country for the document, counting an unknown one once per entry", () => {
    const reader = new CountryReader();
    const entry = entryCountries();
    expect(reader.readIssuer('Egypt', entry)).toEqual({ country: 'EG' });
    expect(reader.readIssuer(' ', entry)).toEqual({});
    expect(reader.readIssuer('Region: Gaza', entry)).toEqual({ countryText: 'Region: Gaza' });
    expect(reader.readIssuer('Region: Gaza', entry)).toEqual({ countryText: 'Region: Gaza' });
    reader.read('Region: Gaza', entry);
    expect(reader.readIssuerIsoOrName('EG', 'whatever', entry)).toEqual({ country: 'EG' });
    expect(reader.readIssuerIsoOrName('00', 'UNKNOWN', entry)).toEqual({});
    // an issuer joins no entry country: only the name read as a country is in countryTexts
    expect(countryFields(entry)).toEqual({ countries: [], countryTexts: ['Region: Gaza'] });
    expect(reader.notes()).toEqual([
      "1 country name(s) not recognised, kept as text (not used in scoring): 'Region: Gaza' ×1",
    ]);
  });
});
