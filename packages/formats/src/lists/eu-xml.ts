/**
 * EU consolidated financial sanctions list, the 2016 FSD XML 1.0 format:
 * `<WHOLE Date="dd/mm/yyyy">` → `<ENTITY Id Type="P|E" programme>` with NAME, BIRTH, CITIZEN, PASSPORT, ADDRESS.
 */
import type { EntryIdentifier, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, entryCountries } from './country-texts.ts';
import { ListParseError } from './list-parse-error.ts';
import type { ParsedList } from './parsed-list.ts';
import { objectsOf, parseXmlDocument, tagLines, textOf } from './xml-text.ts';

const ARRAYS = new Set(['ENTITY', 'NAME', 'BIRTH', 'CITIZEN', 'PASSPORT', 'ADDRESS']);

function dmy(value: string): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

function birthDate(value: string): string | undefined {
  const v = value.replace(/\s*\(approximative\)\s*$/, '').trim();
  const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(v);
  if (range) return `${range[1]}/${range[2]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v.endsWith('-00-00') ? v.slice(0, 4) : v.replace(/-00$/, '');
  if (/^\d{4}$/.test(v)) return v;
  return undefined;
}

/** Parses the 2016 EU FSD XML. Throws ListParseError naming the ENTITY and line on bad input. */
export function parseEuXml2016(xml: string, file = 'EU FSD XML'): ParsedList {
  const doc = parseXmlDocument(xml, file, ARRAYS);
  const whole = doc.WHOLE as Record<string, unknown> | undefined;
  if (!whole || typeof whole !== 'object')
    throw new ListParseError(file, 'root', 'not an EU FSD <WHOLE> document');
  const version = dmy(String(whole['@Date'] ?? ''));
  if (!version)
    throw new ListParseError(file, 'WHOLE', `Date "${String(whole['@Date'] ?? '')}" is not dd/mm/yyyy`);
  const lines = tagLines(xml, 'ENTITY');
  const entries: ListEntry[] = [];
  const reader = new CountryReader();
  objectsOf(whole.ENTITY).forEach((e, i) => {
    const where = `ENTITY #${i + 1} (line ${lines[i] ?? '?'})`;
    const refId = String(e['@Id'] ?? '');
    if (!refId) throw new ListParseError(file, where, 'Id attribute is missing');
    const type = String(e['@Type'] ?? '');
    if (type !== 'P' && type !== 'E')
      throw new ListParseError(file, where, `Type "${type}" is neither P nor E`);
    const names: ListName[] = [];
    for (const n of objectsOf(e.NAME)) {
      const whole =
        textOf(n.WHOLENAME) ||
        [textOf(n.FIRSTNAME), textOf(n.MIDDLENAME), textOf(n.LASTNAME)].filter(Boolean).join(' ');
      if (!whole || names.some((x) => x.text === whole)) continue;
      const lang = textOf(n.LANGUAGE);
      names.push({ text: whole, type: names.length === 0 ? 'primary' : 'alias', quality: lang || undefined });
    }
    if (names.length === 0)
      throw new ListParseError(file, `${where} (Id ${refId})`, 'no NAME with a WHOLENAME');
    const countries = entryCountries();
    for (const c of [...objectsOf(e.CITIZEN), ...objectsOf(e.ADDRESS)])
      reader.read(textOf(c.COUNTRY), countries);
    const birthDates = objectsOf(e.BIRTH)
      .map((b) => birthDate(textOf(b.DATE)))
      .filter((d): d is string => d !== undefined);
    const identifiers: EntryIdentifier[] = objectsOf(e.PASSPORT)
      .map((p) => ({ p, value: textOf(p.NUMBER).replace(/\s*\(.*$/, '') }))
      .filter(({ value }) => value.length > 0)
      .map(({ p, value }) => ({
        type: 'Passport',
        value,
        ...reader.readIssuer(textOf(p.COUNTRY), countries),
      }));
    entries.push({
      list: 'EU',
      listVersion: version,
      refId,
      kind: type === 'P' ? 'person' : 'organisation',
      names,
      programmes: [String(e['@programme'] ?? '')].filter(Boolean),
      birthDates: [...new Set(birthDates)],
      ...countryFields(countries),
      identifiers,
      listedOn: String(e['@reg_date'] ?? '') || undefined,
      remarks: String(e['@remark'] ?? '') || undefined,
    });
  });
  if (entries.length === 0) throw new ListParseError(file, 'WHOLE', 'no ENTITY records');
  const notes = reader.notes();
  return {
    list: 'EU',
    version,
    format: 'eu-xml-2016',
    sources: [file],
    entries,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
