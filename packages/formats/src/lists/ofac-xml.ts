/**
 * OFAC SDN list in its XML publication (`sdn.xml`, schema sdnList.xsd; the consolidated non-SDN list uses the
 * same schema): `<sdnList>` → `<publshInformation>` (OFAC's spelling) with Publish_Date and Record_Count, then
 * one `<sdnEntry>` per listed party with uid, firstName/lastName, sdnType, programList, akaList (type and
 * strong/weak category), idList, nationalityList, citizenshipList, dateOfBirthList, placeOfBirthList,
 * addressList, vesselInfo and remarks. The namespace changed over the years (`http://tempuri.org/sdnList.xsd`,
 * later `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML`); elements are read
 * by local name, so both are accepted.
 *
 * Unlike the CSV set the XML is dated (Publish_Date) and counted (Record_Count): a file whose entry count
 * differs from its Record_Count was cut short or tampered with and is refused.
 */
import type { EntityKind, EntryIdentifier, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, entryCountries } from './country-texts.ts';
import { ListParseError } from './list-parse-error.ts';
import { ofacDate, readOfacRemarks } from './ofac-remarks.ts';
import type { ParsedList } from './parsed-list.ts';
import { objectsOf, parseXmlDocument, tagLines, textOf } from './xml-text.ts';

const ARRAYS = new Set([
  'sdnEntry',
  'program',
  'aka',
  'id',
  'address',
  'nationality',
  'citizenship',
  'dateOfBirthItem',
  'placeOfBirthItem',
]);

/** Identifier types OFAC files in idList that are not documents (they would never help a match). */
const NOT_IDENTIFIERS =
  /^(Gender|Secondary sanctions risk:|Additional Sanctions Information -|Transactions Prohibited For Persons Owned or Controlled By U\.S\. Financial Institutions:|Organization Established Date|Organization Type:|Target Type|Website|Email Address|Phone Number)$/i;

function kindOf(type: string, file: string, where: string): EntityKind {
  switch (type.toLowerCase()) {
    case 'individual':
      return 'person';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    case 'entity':
      return 'organisation';
    default:
      throw new ListParseError(
        file,
        where,
        `sdnType "${type}" is not Individual, Entity, Vessel or Aircraft`,
      );
  }
}

/** firstName + lastName the way OFAC prints them in its CSV ("LASTNAME, First"), so both formats agree. */
function fullName(node: Record<string, unknown>): string {
  const last = textOf(node.lastName);
  const first = textOf(node.firstName);
  return first && last ? `${last}, ${first}` : last || first;
}

function aliasName(aka: Record<string, unknown>): ListName | undefined {
  const text = fullName(aka);
  if (!text) return undefined;
  const type = textOf(aka.type).toLowerCase();
  const category = textOf(aka.category).toLowerCase();
  const quality = [textOf(aka.type), category].filter(Boolean).join(' ');
  if (category === 'weak') return { text, type: 'weak-alias', quality };
  return { text, type: type === 'f.k.a.' ? 'former' : 'alias', quality: quality || undefined };
}

function birthDate(text: string): string | undefined {
  const range = /^(.+?)\s+to\s+(.+)$/.exec(text);
  if (range) {
    const a = ofacDate(range[1] ?? '');
    const b = ofacDate(range[2] ?? '');
    return a && b ? `${a.slice(0, 4)}/${b.slice(0, 4)}` : undefined;
  }
  return ofacDate(text);
}

function publishDate(value: string, file: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!m) throw new ListParseError(file, 'publshInformation', `Publish_Date "${value}" is not MM/DD/YYYY`);
  return `${m[3]}-${m[1]}-${m[2]}`;
}

function parseEntry(
  e: Record<string, unknown>,
  list: string,
  version: string,
  file: string,
  where: string,
  reader: CountryReader,
): ListEntry {
  const refId = textOf(e.uid);
  if (!/^\d+$/.test(refId)) throw new ListParseError(file, where, `uid "${refId}" is not a number`);
  const at = `${where} (uid ${refId})`;
  const primary = fullName(e);
  if (!primary) throw new ListParseError(file, at, 'no lastName');
  const kind = kindOf(textOf(e.sdnType), file, at);
  const names: ListName[] = [{ text: primary, type: 'primary' }];
  for (const aka of objectsOf((e.akaList as Record<string, unknown> | undefined)?.aka)) {
    const n = aliasName(aka);
    if (n && !names.some((x) => x.text === n.text)) names.push(n);
  }
  const countries = entryCountries();
  const add = (value: string): void => {
    reader.read(value, countries);
  };
  for (const n of objectsOf((e.nationalityList as Record<string, unknown> | undefined)?.nationality))
    add(textOf(n.country));
  for (const c of objectsOf((e.citizenshipList as Record<string, unknown> | undefined)?.citizenship))
    add(textOf(c.country));
  for (const a of objectsOf((e.addressList as Record<string, unknown> | undefined)?.address))
    add(textOf(a.country));
  const birthDates =
    kind === 'person'
      ? objectsOf((e.dateOfBirthList as Record<string, unknown> | undefined)?.dateOfBirthItem)
          .map((d) => birthDate(textOf(d.dateOfBirth)))
          .filter((d): d is string => d !== undefined)
      : [];
  const identifiers: EntryIdentifier[] = [];
  for (const id of objectsOf((e.idList as Record<string, unknown> | undefined)?.id)) {
    const type = textOf(id.idType);
    const value = textOf(id.idNumber);
    if (!value || NOT_IDENTIFIERS.test(type)) continue;
    identifiers.push({
      type: type || 'document',
      value,
      ...reader.readIssuer(textOf(id.idCountry), countries),
    });
  }
  const vessel = e.vesselInfo as Record<string, unknown> | undefined;
  if (vessel) {
    const flag = textOf(vessel.vesselFlag);
    if (flag) add(flag);
  }
  const remarks = textOf(e.remarks);
  // weak a.k.a.s written into the remarks rather than the akaList (as in the CSV) are read the same way
  for (const w of readOfacRemarks(remarks).weakAliases) {
    if (!names.some((n) => n.text === w)) names.push({ text: w, type: 'weak-alias', quality: 'weak aka' });
  }
  return {
    list,
    listVersion: version,
    refId,
    kind,
    names,
    programmes: objectsOf(e.programList)
      .flatMap((p) => (Array.isArray(p.program) ? (p.program as unknown[]) : []))
      .map((p) => textOf(p))
      .filter(Boolean),
    birthDates: [...new Set(birthDates)],
    ...countryFields(countries),
    identifiers,
    remarks: remarks || undefined,
  };
}

/**
 * Parses OFAC's sdn.xml (list OFAC-SDN) or consolidated.xml (pass list OFAC-CONS). Throws ListParseError
 * naming the sdnEntry, its line and the reason on bad input, and when the entry count differs from
 * Record_Count.
 */
export function parseOfacXml(xml: string, file = 'sdn.xml', list = 'OFAC-SDN'): ParsedList {
  const doc = parseXmlDocument(xml, file, ARRAYS);
  const root = doc.sdnList as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object')
    throw new ListParseError(file, 'root', 'not an OFAC <sdnList> document');
  const info = root.publshInformation as Record<string, unknown> | undefined;
  if (!info) throw new ListParseError(file, 'sdnList', 'publshInformation (Publish_Date) is missing');
  const version = publishDate(textOf(info.Publish_Date), file);
  const lines = tagLines(xml, 'sdnEntry');
  const reader = new CountryReader();
  const entries = objectsOf(root.sdnEntry).map((e, i) =>
    parseEntry(e, list, version, file, `sdnEntry #${i + 1} (line ${lines[i] ?? '?'})`, reader),
  );
  if (entries.length === 0) throw new ListParseError(file, 'sdnList', 'no sdnEntry records');
  const declared = textOf(info.Record_Count);
  if (declared && Number(declared) !== entries.length) {
    throw new ListParseError(
      file,
      'publshInformation',
      `Record_Count is ${declared} but the file holds ${entries.length} sdnEntry records (cut short?)`,
    );
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.refId)) throw new ListParseError(file, `uid ${e.refId}`, 'uid appears twice');
    seen.add(e.refId);
  }
  const notes = reader.notes();
  return {
    list,
    version,
    format: 'ofac-xml',
    sources: [file],
    entries,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
