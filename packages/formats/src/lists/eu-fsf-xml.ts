/**
 * EU consolidated financial sanctions list, the current Financial Sanctions Files XML
 * (`xmlFullSanctionsList_1_1`, namespace http://eu.europa.ec/fpi/fsd/export):
 * `<export generationDate>` → `<sanctionEntity logicalId euReferenceNumber unitedNationId designationDate>`
 * with `regulation @programme`, `subjectType @classificationCode` (P / E), `nameAlias` (wholeName or
 * first/middle/last, nameLanguage, strong), `birthdate`, `citizenship`, `address`, `identification` and
 * `remark`. Everything the parser reads is an attribute; the regulation summaries under each element are
 * provenance and are skipped.
 *
 * The reference id is the logicalId: it is the same number the 2016 format called ENTITY Id (Mugabe is 1 in
 * both), so a delta between a 2016 file and a current one compares like with like.
 */
import type { EntryIdentifier, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, entryCountries } from './country-texts.ts';
import { ListParseError } from './list-parse-error.ts';
import type { ParsedList } from './parsed-list.ts';
import { decodeXmlText, objectsOf, parseXmlDocument, tagLines, textOf } from './xml-text.ts';

const ARRAYS = new Set([
  'sanctionEntity',
  'regulation',
  'nameAlias',
  'birthdate',
  'citizenship',
  'address',
  'identification',
  'remark',
]);

function attr(node: Record<string, unknown>, name: string): string {
  const v = node[`@${name}`];
  return typeof v === 'string' ? decodeXmlText(v).trim() : '';
}

function birthDate(b: Record<string, unknown>): string | undefined {
  const full = attr(b, 'birthdate');
  if (/^\d{4}-\d{2}-\d{2}$/.test(full)) return full;
  const from = attr(b, 'yearRangeFrom');
  const to = attr(b, 'yearRangeTo');
  if (/^\d{4}$/.test(from) && /^\d{4}$/.test(to)) return `${from}/${to}`;
  const year = attr(b, 'year');
  if (!/^\d{4}$/.test(year)) return undefined;
  const month = attr(b, 'monthOfYear');
  return /^\d{1,2}$/.test(month) ? `${year}-${month.padStart(2, '0')}` : year;
}

function names(e: Record<string, unknown>, file: string, where: string): ListName[] {
  const out: ListName[] = [];
  for (const n of objectsOf(e.nameAlias)) {
    const text =
      attr(n, 'wholeName') ||
      [attr(n, 'firstName'), attr(n, 'middleName'), attr(n, 'lastName')].filter(Boolean).join(' ');
    if (!text || out.some((x) => x.text === text)) continue;
    const strong = attr(n, 'strong') !== 'false';
    const quality = [strong ? 'strong' : 'weak', attr(n, 'nameLanguage')].filter(Boolean).join(' ');
    out.push({ text, type: out.length === 0 ? 'primary' : strong ? 'alias' : 'weak-alias', quality });
  }
  if (out.length === 0) throw new ListParseError(file, where, 'no nameAlias with a name');
  return out;
}

function parseEntity(
  e: Record<string, unknown>,
  version: string,
  file: string,
  where: string,
  reader: CountryReader,
): ListEntry {
  const refId = attr(e, 'logicalId');
  if (!/^\d+$/.test(refId)) throw new ListParseError(file, where, `logicalId "${refId}" is not a number`);
  const at = `${where} (logicalId ${refId})`;
  const subject = objectsOf(e.subjectType)[0];
  const code = subject ? attr(subject, 'classificationCode') : '';
  if (code !== 'P' && code !== 'E')
    throw new ListParseError(file, at, `subjectType classificationCode "${code}" is neither P nor E`);
  const kind = code === 'P' ? 'person' : 'organisation';
  const countries = entryCountries();
  // a citizenship's or address's country: the file's code, else its name read (and kept as text if unknown)
  for (const c of [...objectsOf(e.citizenship), ...objectsOf(e.address)])
    reader.readIsoOrName(attr(c, 'countryIso2Code'), attr(c, 'countryDescription'), countries);
  // an identification's country: the file's code, else its name (kept as text when not recognised)
  const identifiers: EntryIdentifier[] = objectsOf(e.identification)
    .map((i) => ({ i, value: attr(i, 'number') || attr(i, 'latinNumber') }))
    .filter(({ value }) => value.length > 0)
    .map(({ i, value }) => ({
      type: attr(i, 'identificationTypeDescription') || attr(i, 'identificationTypeCode') || 'document',
      value,
      ...reader.readIssuerIsoOrName(attr(i, 'countryIso2Code'), attr(i, 'countryDescription'), countries),
    }));
  const birthDates = objectsOf(e.birthdate)
    .map(birthDate)
    .filter((d): d is string => d !== undefined);
  const reference = [
    attr(e, 'euReferenceNumber') && `EU reference ${attr(e, 'euReferenceNumber')}`,
    attr(e, 'unitedNationId') && `UN reference ${attr(e, 'unitedNationId')}`,
  ].filter(Boolean);
  const notes = Array.isArray(e.remark) ? (e.remark as unknown[]).map((r) => textOf(r)) : [];
  const remarks = [...reference, ...notes].filter(Boolean).join('; ');
  return {
    list: 'EU',
    listVersion: version,
    refId,
    kind,
    names: names(e, file, at),
    programmes: [
      ...new Set(
        objectsOf(e.regulation)
          .map((r) => attr(r, 'programme'))
          .filter(Boolean),
      ),
    ],
    birthDates: kind === 'person' ? [...new Set(birthDates)] : [],
    ...countryFields(countries),
    identifiers,
    listedOn: /^\d{4}-\d{2}-\d{2}$/.test(attr(e, 'designationDate')) ? attr(e, 'designationDate') : undefined,
    remarks: remarks || undefined,
  };
}

/** Parses the EU FSF XML 1.1. Throws ListParseError naming the sanctionEntity, its line and the reason. */
export function parseEuFsfXml(xml: string, file = 'EU FSF XML'): ParsedList {
  const doc = parseXmlDocument(xml, file, ARRAYS);
  const root = doc.export as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object')
    throw new ListParseError(file, 'root', 'not an EU Financial Sanctions Files <export> document');
  const generated = attr(root, 'generationDate');
  const version = /^\d{4}-\d{2}-\d{2}/.exec(generated)?.[0];
  if (!version) throw new ListParseError(file, 'export', `generationDate "${generated}" is not a date`);
  const lines = tagLines(xml, 'sanctionEntity');
  const reader = new CountryReader();
  const entries = objectsOf(root.sanctionEntity).map((e, i) =>
    parseEntity(e, version, file, `sanctionEntity #${i + 1} (line ${lines[i] ?? '?'})`, reader),
  );
  if (entries.length === 0) throw new ListParseError(file, 'export', 'no sanctionEntity records');
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.refId)) throw new ListParseError(file, `logicalId ${e.refId}`, 'logicalId appears twice');
    seen.add(e.refId);
  }
  const notes = reader.notes();
  return {
    list: 'EU',
    version,
    format: 'eu-fsf-xml',
    sources: [file],
    entries,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
