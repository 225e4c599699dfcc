/**
 * UK HMT/OFSI Consolidated List CSV (ConList.csv, pre-2022 columns): one row per name, grouped by
 * Group ID; "Last Updated" preamble row; cp1252 text; DOB as dd/mm/yyyy with 00 for unknown parts.
 */
import type { EntityKind, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, type EntryCountries, entryCountries } from './country-texts.ts';
import { csvRecords } from './csv-records.ts';
import { ListParseError } from './list-parse-error.ts';
import type { ParsedList } from './parsed-list.ts';
import { type EntryDocuments, entryDocuments, UkDocumentReader } from './uk-documents.ts';
import { ukDate, ukEntityKind } from './uk-fields.ts';

const REQUIRED = ['Name 6', 'Name 1', 'Group Type', 'Alias Type', 'Group ID'] as const;

function kindOf(groupType: string, file: string, line: number): EntityKind {
  const kind = ukEntityKind(groupType);
  if (kind === undefined) throw new ListParseError(file, `line ${line}`, `unknown Group Type "${groupType}"`);
  return kind;
}

/**
 * Parses an OFSI ConList CSV. The list date is the "Last Updated" preamble, or else the newest
 * "Last Updated" among the rows (files cut from the official one lose their preamble).
 */
export function parseUkCsv(text: string, file = 'ConList.csv'): ParsedList {
  const records = csvRecords(text.replace(/^\ufeff/, ''), file);
  let at = 0;
  let version = '';
  const first = records[0]?.record;
  if (first && first[0]?.trim() === 'Last Updated') {
    version = ukDate(first[1] ?? '') ?? '';
    at = 1;
  }
  let header = records[at]?.record;
  if (!header) throw new ListParseError(file, 'line 1', 'no header row');
  const shift = header[0]?.trim() === '' && header[1]?.trim() === 'Name 6' ? 1 : 0;
  header = header.slice(shift).map((h) => h.trim());
  const col = new Map(header.map((h, i) => [h, i]));
  for (const r of REQUIRED) {
    if (!col.has(r))
      throw new ListParseError(file, `line ${records[at]?.line ?? 1}`, `header lacks column "${r}"`);
  }
  const get = (row: string[], name: string): string => (row[col.get(name) ?? -1] ?? '').trim();
  const groups = new Map<
    string,
    {
      kind: EntityKind;
      names: ListName[];
      dobs: Set<string>;
      countries: EntryCountries;
      documents: EntryDocuments;
      regime: string;
      listed?: string;
      remarks: string;
    }
  >();
  let newest = '';
  const reader = new CountryReader();
  const documents = new UkDocumentReader();
  for (const { record, line } of records.slice(at + 1)) {
    const row = record.length === header.length + shift ? record.slice(shift) : record;
    if (row.length !== header.length) {
      throw new ListParseError(
        file,
        `line ${line}`,
        `expected ${header.length} columns, found ${record.length}`,
      );
    }
    const id = get(row, 'Group ID');
    if (!/^\d+$/.test(id)) throw new ListParseError(file, `line ${line}`, `Group ID "${id}" is not a number`);
    const name = [1, 2, 3, 4, 5, 6].map((i) => get(row, `Name ${i}`)).filter(Boolean);
    const last = get(row, 'Name 6');
    if (!last) throw new ListParseError(file, `line ${line}`, `Group ID ${id}: Name 6 is empty`);
    const text = name.join(' ');
    let g = groups.get(id);
    if (!g) {
      g = {
        kind: kindOf(get(row, 'Group Type'), file, line),
        names: [],
        dobs: new Set(),
        countries: entryCountries(),
        documents: entryDocuments(),
        regime: get(row, 'Regime'),
        remarks: get(row, 'Other Information'),
      };
      groups.set(id, g);
    }
    const aliasType = get(row, 'Alias Type');
    if (!g.names.some((n) => n.text === text)) {
      const primary = aliasType.toLowerCase().startsWith('prime');
      const entry: ListName = { text, type: primary ? 'primary' : 'alias', quality: aliasType || undefined };
      if (primary) g.names.unshift(entry);
      else g.names.push(entry);
    }
    const dobText = get(row, 'DOB');
    const dob = ukDate(dobText);
    if (dob) g.dobs.add(dob);
    else if (dobText.trim() !== '')
      throw new ListParseError(file, `line ${line}`, `Group ID ${id}: DOB "${dobText}" is not dd/mm/yyyy`);
    // "(1) Qatar (2) Saudi Arabia", "(1) German (2) Moroccan": the numbering's brackets are not part of the names;
    // a nationality may be written as its adjective
    for (const c of get(row, 'Nationality').split(/\(?\d\)\s*/)) reader.readNationality(c, g.countries);
    // the address's country, as the other lists' address countries are read ("Afghanistan (since 2009)": the
    // bracketed qualifier is not part of the name); a country, not a nationality, so no adjective is read
    reader.readQualified(get(row, 'Country'), g.countries);
    // identity documents, in free text; repeated on each of the group's rows, kept once
    documents.read(get(row, 'Passport Details'), 'Passport Details', g.documents);
    documents.read(get(row, 'NI Number'), 'NI Number', g.documents);
    const listed = ukDate(get(row, 'Listed On'));
    if (listed && listed.length === 10) g.listed = listed;
    const updated = ukDate(get(row, 'Last Updated')) ?? '';
    if (updated.length === 10 && updated > newest) newest = updated;
  }
  version ||= newest;
  if (!version)
    throw new ListParseError(
      file,
      'line 1',
      'no list date: neither a "Last Updated" preamble nor dated rows',
    );
  const entries: ListEntry[] = [...groups].map(([id, g]) => ({
    list: 'UK',
    listVersion: version,
    refId: id,
    kind: g.kind,
    names: g.names.map((n, i) => ({
      ...n,
      type: i === 0 ? 'primary' : n.type === 'primary' ? 'alias' : n.type,
    })),
    programmes: [g.regime].filter(Boolean),
    birthDates: [...g.dobs],
    ...countryFields(g.countries),
    identifiers: [...g.documents.byKey.values()],
    listedOn: g.listed,
    remarks: g.remarks || undefined,
  }));
  if (entries.length === 0) throw new ListParseError(file, 'line 2', 'no data rows');
  const notes = [...reader.notes(), ...documents.notes()];
  return {
    list: 'UK',
    version,
    format: 'uk-ofsi-csv',
    sources: [file],
    entries,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
