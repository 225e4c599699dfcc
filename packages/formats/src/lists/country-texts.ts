/**
 * Country names read from a list, as ISO codes where recognised. A name no code is found for is not dropped: it
 * stays on its entry as written (`countryTexts`, shown by `screen --json`, never scored) and is counted for
 * the load's notes, so that a spelling the table lacks is seen instead of silently losing a nationality.
 */
import { type EntryIdentifier, isoCountryCode, nationalityCode } from '@raqib/core';
import { countedNote } from './counted-note.ts';

/** One entry's countries: codes for scoring, unrecognised names as written. */
export interface EntryCountries {
  readonly codes: Set<string>;
  readonly texts: Set<string>;
  /** Its documents' issuing countries not recognised (kept on each identifier, not in `texts`). */
  readonly issuerTexts: Set<string>;
}

export function entryCountries(): EntryCountries {
  return { codes: new Set(), texts: new Set(), issuerTexts: new Set() };
}

/**
 * The country a pair of fields names, as the EU files write them (`countryIso2Code`, `countryDescription`): the
 * file's own ISO code when it writes one ("00" means unknown), else its description ("UNKNOWN" means none).
 */
export function isoOrName(iso: string, description: string): { code: string } | { name: string } | undefined {
  if (/^[A-Z]{2}$/.test(iso) && iso !== '00') return { code: iso };
  return description && description !== 'UNKNOWN' ? { name: description } : undefined;
}

/** An identifier's issuing country: its code, or the name as written when no code was found. */
export type IssuingCountry = Pick<EntryIdentifier, 'country' | 'countryText'>;

/** The entry's `countries` and, when any name was not recognised, its `countryTexts`. */
export function countryFields(c: EntryCountries): {
  countries: string[];
  countryTexts?: string[] | undefined;
} {
  const countries = [...c.codes].sort();
  return c.texts.size > 0 ? { countries, countryTexts: [...c.texts].sort() } : { countries };
}

/** A trailing "national" or "citizen" after a nationality ("British national"). */
const NATIONAL = /\s+(?:national|citizen)s?\s*$/i;
/** A bracketed qualifier of a country or nationality, not part of its name: "(since 2009)", "(formerly …)". */
const QUALIFIER =
  /\(\s*(?:since|formerly|previously|until|from|born|possibly|probably|reportedly|allegedly|as of|dual)\b[^)]*\)/gi;

function withoutQualifiers(value: string): string {
  return value.replace(QUALIFIER, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The ways a country or nationality value may be read, in order: as written; a bracket read in front ("Sudan
 * (South)" is South Sudan, "Korea (North)" North Korea — the bracket is never just dropped, which would read
 * "Sudan (South)" as Sudan); an inverted name ("Samoa, American" is American Samoa, not Samoa and the US).
 */
function readings(text: string): string[] {
  const out = [text];
  const bracket = /^([^()]+)\(([^()]+)\)$/.exec(text);
  if (bracket) out.push(`${bracket[2]!.trim()} ${bracket[1]!.trim()}`);
  const comma = /^([^,]+),\s*([^,]+)$/.exec(text);
  if (comma) out.push(`${comma[2]!.trim()} ${comma[1]!.trim()}`);
  return out;
}

/** Reads the country names of one list and counts the ones not recognised. */
export class CountryReader {
  readonly #unrecognised = new Map<string, number>();

  /**
   * Adds the code of `value` to `into.codes`, or, when it names no known country, the text to `into.texts`.
   * Values without a letter are skipped. Returns the code, if any.
   */
  read(value: string, into: EntryCountries): string | undefined {
    return this.#read(value, into, isoCountryCode);
  }

  /**
   * `read` for a field that holds a nationality, which may be written as an adjective ("Iraqi": nationalityCode)
   * and carry a qualifier (see `readings`), or name several ("Iraqi, Syrian", read as each only when every part is
   * recognised). Otherwise the whole is kept as text. Returns the first code, if any.
   */
  readNationality(value: string, into: EntryCountries): string | undefined {
    const text = withoutQualifiers(value).replace(NATIONAL, '');
    for (const reading of readings(text)) {
      if (nationalityCode(reading) !== undefined) return this.#read(reading, into, nationalityCode);
    }
    const parts = text.split(/\s*(?:[,;/]|\band\b)\s*/i).filter((p) => /\p{L}/u.test(p));
    const codes = parts.map((p) => nationalityCode(p.replace(NATIONAL, '')));
    if (parts.length > 1 && codes.every((c): c is string => c !== undefined)) {
      for (const c of codes) into.codes.add(c);
      return codes[0];
    }
    return this.#read(text, into, nationalityCode);
  }

  /** `read` for a country field that may carry a qualifier or be written inverted (see `readings`). */
  readQualified(value: string, into: EntryCountries): string | undefined {
    const text = withoutQualifiers(value);
    for (const reading of readings(text)) {
      if (isoCountryCode(reading) !== undefined) return this.#read(reading, into, isoCountryCode);
    }
    return this.#read(text, into, isoCountryCode);
  }

  #read(
    value: string,
    into: EntryCountries,
    codeOf: (text: string) => string | undefined,
  ): string | undefined {
    const text = value.trim();
    if (!/\p{L}/u.test(text)) return undefined; // empty, or only the punctuation around a name
    const code = codeOf(text);
    if (code !== undefined) {
      into.codes.add(code);
      return code;
    }
    this.#count(text, into);
    into.texts.add(text);
    return undefined;
  }

  /**
   * Counted once per entry, as a country or an issuing country: a list that repeats an entry's fields on each of
   * its rows (UK ConList) counts it once.
   */
  #count(text: string, entry: EntryCountries): void {
    if (!entry.texts.has(text) && !entry.issuerTexts.has(text))
      this.#unrecognised.set(text, (this.#unrecognised.get(text) ?? 0) + 1);
  }

  /**
   * An identity document's issuing country, for the identifier: `{ country }` when the name is recognised, else
   * `{ countryText }` as written (never scored), counted in the same note as the countries of `entry`, the
   * document's entry, whose `countries` it does not join (an issuer is no nationality). `{}` when there is none.
   */
  readIssuer(value: string, entry: EntryCountries): IssuingCountry {
    const text = value.trim();
    if (!/\p{L}/u.test(text)) return {};
    const code = isoCountryCode(text);
    if (code !== undefined) return { country: code };
    this.#count(text, entry);
    entry.issuerTexts.add(text);
    return { countryText: text };
  }

  /** `readIssuer` of the file's ISO code when it writes one, else of its country description (isoOrName). */
  readIssuerIsoOrName(iso: string, description: string, entry: EntryCountries): IssuingCountry {
    const c = isoOrName(iso, description);
    if (c === undefined) return {};
    return 'name' in c ? this.readIssuer(c.name, entry) : { country: c.code };
  }

  /**
   * The file's ISO code when it writes one, else its country description read as `read` does (isoOrName).
   * Returns the code, if any.
   */
  readIsoOrName(iso: string, description: string, into: EntryCountries): string | undefined {
    const c = isoOrName(iso, description);
    if (c === undefined) return undefined;
    if ('name' in c) return this.read(c.name, into);
    into.codes.add(c.code);
    return c.code;
  }

  /**
   * The load's note on the names not recognised (counted by entry), most frequent first, the first ten shown
   * (countedNote); none when all were.
   */
  notes(): string[] {
    return countedNote(
      this.#unrecognised,
      'country name(s) not recognised, kept as text (not used in scoring)',
    );
  }
}
