/**
 * UN Security Council Consolidated List XML (sc-sanctions.xsd): INDIVIDUALS and ENTITIES with
 * FIRST…FOURTH_NAME, NAME_ORIGINAL_SCRIPT, aliases with QUALITY, dates of birth, nationalities, documents.
 */
import type { EntryIdentifier, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, type EntryCountries, entryCountries } from './country-texts.ts';
import { ListParseError } from './list-parse-error.ts';
import type { ParsedList } from './parsed-list.ts';
import { objectsOf, parseXmlDocument, tagLines, textOf, valuesOf } from './xml-text.ts';

const ARRAYS = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
  'VALUE',
]);

const ARABIC_RUN =
  /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff][\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\s]*/u;

function aliasType(quality: string): ListName['type'] {
  switch (quality.toLowerCase()) {
    case 'low':
      return 'weak-alias';
    case 'f.k.a.':
      return 'former';
    default:
      return 'alias';
  }
}

function birthDates(node: unknown): string[] {
  const out: string[] = [];
  for (const d of objectsOf(node)) {
    const date = textOf(d.DATE);
    const year = textOf(d.YEAR);
    const from = textOf(d.FROM_YEAR);
    const to = textOf(d.TO_YEAR);
    if (date) out.push(date.slice(0, 10));
    else if (year) out.push(year);
    else if (from && to) out.push(`${from}/${to}`);
    else if (from) out.push(from);
  }
  return out;
}

/** The documents, each with its issuing country: the code, or the name as written when it is not recognised. */
function documents(node: unknown, reader: CountryReader, countries: EntryCountries): EntryIdentifier[] {
  const out: EntryIdentifier[] = [];
  for (const d of objectsOf(node)) {
    const value = textOf(d.NUMBER);
    if (!value) continue;
    const type =
      [textOf(d.TYPE_OF_DOCUMENT), textOf(d.TYPE_OF_DOCUMENT2)].filter(Boolean).join(' / ') || 'document';
    out.push({
      type,
      value,
      ...reader.readIssuer(textOf(d.ISSUING_COUNTRY) || textOf(d.COUNTRY_OF_ISSUE), countries),
    });
  }
  return out;
}

function parseRecord(
  rec: Record<string, unknown>,
  kind: 'person' | 'organisation',
  version: string,
  file: string,
  where: string,
  reader: CountryReader,
): ListEntry {
  const refId = textOf(rec.REFERENCE_NUMBER);
  if (!refId) throw new ListParseError(file, where, 'REFERENCE_NUMBER is missing');
  const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((k) => textOf(rec[k]))
    .filter(Boolean)
    .join(' ');
  if (!primary) throw new ListParseError(file, `${where} (${refId})`, 'no name (FIRST_NAME is empty)');
  const names: ListName[] = [{ text: primary, type: 'primary' }];
  const original = textOf(rec.NAME_ORIGINAL_SCRIPT);
  if (original) names.push({ text: original, type: 'original-script' });
  const prefix = kind === 'person' ? 'INDIVIDUAL' : 'ENTITY';
  for (const a of objectsOf(rec[`${prefix}_ALIAS`])) {
    const text = textOf(a.ALIAS_NAME);
    const quality = textOf(a.QUALITY);
    if (text) names.push({ text, type: aliasType(quality), quality: quality || undefined });
    const note = textOf(a.NOTE);
    const arabic = ARABIC_RUN.exec(note)?.[0].trim();
    if (arabic && arabic.length > 2 && !names.some((n) => n.text === arabic)) {
      names.push({ text: arabic, type: 'original-script', quality: 'alias note' });
    }
  }
  const countries = entryCountries();
  for (const n of valuesOf(rec.NATIONALITY)) reader.read(n, countries);
  for (const a of objectsOf(rec[`${prefix}_ADDRESS`])) reader.read(textOf(a.COUNTRY), countries);
  const listedOn = textOf(rec.LISTED_ON).slice(0, 10) || undefined;
  const comments = textOf(rec.COMMENTS1);
  return {
    list: 'UN',
    listVersion: version,
    refId,
    kind,
    names,
    programmes: [textOf(rec.UN_LIST_TYPE)].filter(Boolean),
    birthDates: kind === 'person' ? birthDates(rec.INDIVIDUAL_DATE_OF_BIRTH) : [],
    ...countryFields(countries),
    identifiers: kind === 'person' ? documents(rec.INDIVIDUAL_DOCUMENT, reader, countries) : [],
    listedOn,
    remarks: comments || undefined,
  };
}

/** Parses the UN consolidated list XML. Throws ListParseError naming the element and line on bad input. */
export function parseUnXml(xml: string, file = 'UN consolidated XML'): ParsedList {
  const doc = parseXmlDocument(xml, file, ARRAYS);
  const root = doc.CONSOLIDATED_LIST as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object')
    throw new ListParseError(file, 'root', 'not a UN CONSOLIDATED_LIST document');
  const generated = String(root['@dateGenerated'] ?? '');
  const version = /^\d{4}-\d{2}-\d{2}/.exec(generated)?.[0];
  if (!version)
    throw new ListParseError(file, 'CONSOLIDATED_LIST', `dateGenerated "${generated}" is not a date`);
  const individuals = objectsOf((root.INDIVIDUALS as Record<string, unknown> | undefined)?.INDIVIDUAL);
  const entities = objectsOf((root.ENTITIES as Record<string, unknown> | undefined)?.ENTITY);
  const iLines = tagLines(xml, 'INDIVIDUAL');
  const eLines = tagLines(xml, 'ENTITY');
  const entries: ListEntry[] = [];
  const reader = new CountryReader();
  individuals.forEach((rec, i) => {
    entries.push(
      parseRecord(rec, 'person', version, file, `INDIVIDUAL #${i + 1} (line ${iLines[i] ?? '?'})`, reader),
    );
  });
  entities.forEach((rec, i) => {
    entries.push(
      parseRecord(rec, 'organisation', version, file, `ENTITY #${i + 1} (line ${eLines[i] ?? '?'})`, reader),
    );
  });
  if (entries.length === 0)
    throw new ListParseError(file, 'CONSOLIDATED_LIST', 'no INDIVIDUAL or ENTITY records');
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.refId)) throw new ListParseError(file, e.refId, 'REFERENCE_NUMBER appears twice');
    seen.add(e.refId);
  }
  const notes = reader.notes();
  return {
    list: 'UN',
    version,
    format: 'un-xml',
    sources: [file],
    entries,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
