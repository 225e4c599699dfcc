/**
 * The UK Sanctions List published by the FCDO (`UK-Sanctions-List.xml`), the one UK list since OFSI's
 * Consolidated List (ConList) stopped being updated on 28 January 2026:
 * `<Designations>` → `<DateGenerated>dd/mm/yyyy` and one `<Designation>` per listed party with UniqueID
 * (RUS0001, AFG0006…), OFSIGroupID, UNReferenceNumber, Names/Name (Name1…Name6, NameType, AliasStrength),
 * NonLatinNames, RegimeName, IndividualEntityShip, DateDesignated, Addresses, and IndividualDetails (DOBs,
 * Nationalities, passports and national identifiers). Dates of birth keep unknown parts as `dd` / `mm`
 * (`dd/mm/1945`).
 */
import type { EntityKind, EntryIdentifier, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, entryCountries } from './country-texts.ts';
import { ListParseError } from './list-parse-error.ts';
import type { ParsedList } from './parsed-list.ts';
import { ukDate, ukEntityKind } from './uk-fields.ts';
import { objectsOf, parseXmlDocument, tagLines, textOf } from './xml-text.ts';

const ARRAYS = new Set([
  'Designation',
  'Name',
  'NonLatinName',
  'Address',
  'Individual',
  'DOB',
  'Nationality',
  'Passport',
  'NationalIdentifier',
]);

function kindOf(value: string, file: string, where: string): EntityKind {
  const kind = ukEntityKind(value);
  if (kind === undefined)
    throw new ListParseError(
      file,
      where,
      `IndividualEntityShip "${value}" is not Individual, Entity or Ship`,
    );
  return kind;
}

function child(node: Record<string, unknown>, name: string): Record<string, unknown> {
  const c = node[name];
  return typeof c === 'object' && c !== null && !Array.isArray(c) ? (c as Record<string, unknown>) : {};
}

function names(d: Record<string, unknown>, file: string, where: string): ListName[] {
  const out: ListName[] = [];
  for (const n of objectsOf(child(d, 'Names').Name)) {
    const text = ['Name1', 'Name2', 'Name3', 'Name4', 'Name5', 'Name6']
      .map((k) => textOf(n[k]))
      .filter(Boolean)
      .join(' ');
    if (!text || out.some((x) => x.text === text)) continue;
    const type = textOf(n.NameType);
    const strength = textOf(n.AliasStrength);
    const quality = [type, strength].filter(Boolean).join(', ') || undefined;
    const primary = /^primary name$/i.test(type);
    const name: ListName = {
      text,
      type: primary ? 'primary' : /low/i.test(strength) ? 'weak-alias' : 'alias',
      quality,
    };
    if (primary && out[0]?.type !== 'primary') out.unshift(name);
    else out.push(primary ? { ...name, type: 'alias' } : name);
  }
  if (out.length === 0) throw new ListParseError(file, where, 'no Names/Name with a name');
  if (out[0]?.type !== 'primary') out[0] = { ...(out[0] as ListName), type: 'primary' };
  for (const n of objectsOf(child(d, 'NonLatinNames').NonLatinName)) {
    const text = textOf(n.NameNonLatinScript);
    if (text && !out.some((x) => x.text === text))
      out.push({ text, type: 'original-script', quality: textOf(n.NonLatinScriptLanguage) || undefined });
  }
  return out;
}

function parseDesignation(
  d: Record<string, unknown>,
  version: string,
  file: string,
  where: string,
  reader: CountryReader,
): ListEntry {
  const refId = textOf(d.UniqueID);
  if (!/^[A-Z]+\d+$/.test(refId))
    throw new ListParseError(file, where, `UniqueID "${refId}" is not like AFG0001`);
  const at = `${where} (${refId})`;
  const kind = kindOf(textOf(d.IndividualEntityShip), file, at);
  const countries = entryCountries();
  const add = (value: string): void => {
    reader.read(value, countries);
  };
  for (const a of objectsOf(child(d, 'Addresses').Address)) add(textOf(a.AddressCountry));
  const birthDates: string[] = [];
  const identifiers: EntryIdentifier[] = [];
  for (const i of objectsOf(child(d, 'IndividualDetails').Individual)) {
    for (const dob of [child(i, 'DOBs').DOB].flat()) {
      const text = textOf(dob);
      const date = ukDate(text);
      if (date === undefined && text !== '')
        throw new ListParseError(file, at, `DOB "${text}" is not dd/mm/yyyy`);
      if (date && !birthDates.includes(date)) birthDates.push(date);
    }
    // written as adjectives ("Iraqi"), which only a nationality is read as
    for (const n of [child(i, 'Nationalities').Nationality].flat())
      reader.readNationality(textOf(n), countries);
    for (const p of objectsOf(child(i, 'PassportDetails').Passport)) {
      const value = textOf(p.PassportNumber);
      if (value) identifiers.push({ type: 'Passport', value });
    }
    for (const p of objectsOf(child(i, 'NationalIdentifierDetails').NationalIdentifier)) {
      const value = textOf(p.NationalIdentifierNumber);
      if (value) identifiers.push({ type: 'National identifier', value });
    }
  }
  const un = textOf(d.UNReferenceNumber);
  const remarks = [un && `UN reference ${un}`, textOf(d.OtherInformation)].filter(Boolean).join('; ');
  const designated = ukDate(textOf(d.DateDesignated));
  return {
    list: 'UK',
    listVersion: version,
    refId,
    kind,
    names: names(d, file, at),
    programmes: [textOf(d.RegimeName)].filter(Boolean),
    birthDates: kind === 'person' ? birthDates : [],
    ...countryFields(countries),
    identifiers,
    listedOn: designated?.length === 10 ? designated : undefined,
    remarks: remarks || undefined,
  };
}

/** Parses the FCDO UK Sanctions List XML. Throws ListParseError naming the Designation, its line and the reason. */
export function parseUkSanctionsListXml(xml: string, file = 'UK-Sanctions-List.xml'): ParsedList {
  const doc = parseXmlDocument(xml, file, ARRAYS);
  const root = doc.Designations as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object')
    throw new ListParseError(file, 'root', 'not a UK Sanctions List <Designations> document');
  const generated = textOf(root.DateGenerated);
  const version = ukDate(generated);
  if (!version || !/^\d{4}-\d{2}-\d{2}$/.test(version))
    throw new ListParseError(file, 'DateGenerated', `"${generated}" is not dd/mm/yyyy`);
  const lines = tagLines(xml, 'Designation');
  const reader = new CountryReader();
  const entries = objectsOf(root.Designation).map((d, i) =>
    parseDesignation(d, version, file, `Designation #${i + 1} (line ${lines[i] ?? '?'})`, reader),
  );
  if (entries.length === 0) throw new ListParseError(file, 'Designations', 'no Designation records');
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.refId)) throw new ListParseError(file, e.refId, 'UniqueID appears twice');
    seen.add(e.refId);
  }
  const notes = reader.notes();
  return {
    list: 'UK',
    version,
    format: 'uk-sanctions-list-xml',
    sources: [file],
    entries,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
