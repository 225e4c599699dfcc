/**
 * EU consolidated financial sanctions list, Financial Sanctions Files CSV (`csvFullSanctionsList_1_1`):
 * semicolon-separated, one header row, then one row per fact of an entity (a name alias, a birth date, a
 * citizenship, an address, an identification…), every row repeating the entity's columns
 * (`fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber;…;NameAlias_WholeName;…`). Rows are grouped
 * by Entity_LogicalId, the same reference id the FSF XML and the 2016 XML use.
 *
 * Columns are found by name, so a file with columns added, or an excerpt with some left out, reads the same;
 * only the entity columns and NameAlias_WholeName are required. In the rows seen, Entity_SubjectType holds the
 * code (P / E) and Entity_SubjectType_ClassificationCode the word (person / enterprise), the other way round from
 * the XML: either order is accepted.
 */
import type { EntityKind, EntryIdentifier, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, type EntryCountries, entryCountries } from './country-texts.ts';
import { csvRecords } from './csv-records.ts';
import { ListParseError } from './list-parse-error.ts';
import type { ParsedList } from './parsed-list.ts';

const REQUIRED = ['fileGenerationDate', 'Entity_LogicalId', 'NameAlias_WholeName'] as const;

function generationDate(value: string): string | undefined {
  const v = value.trim();
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
  return /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0];
}

function kindOf(a: string, b: string): EntityKind | undefined {
  const words = `${a} ${b}`.toLowerCase().split(/\s+/);
  if (words.includes('p') || words.includes('person')) return 'person';
  if (words.includes('e') || words.includes('enterprise')) return 'organisation';
  return undefined;
}

interface Draft {
  kind: EntityKind;
  names: ListName[];
  programmes: Set<string>;
  birthDates: Set<string>;
  countries: EntryCountries;
  identifiers: EntryIdentifier[];
  remarks: Set<string>;
  listedOn?: string | undefined;
}

/** Parses the EU FSF CSV. Throws ListParseError naming the line and the reason on bad input. */
export function parseEuFsfCsv(text: string, file = 'EU FSF CSV'): ParsedList {
  const records = csvRecords(text.replace(/^\ufeff/, ''), file, { delimiter: ';' });
  const header = records[0]?.record.map((h) => h.trim());
  if (!header) throw new ListParseError(file, 'line 1', 'no header row');
  const col = new Map(header.map((h, i) => [h, i]));
  for (const r of REQUIRED) {
    if (!col.has(r)) throw new ListParseError(file, 'line 1', `header lacks column "${r}"`);
  }
  const get = (row: string[], name: string): string => (row[col.get(name) ?? -1] ?? '').trim();
  let version = '';
  const drafts = new Map<string, Draft>();
  const reader = new CountryReader();
  for (const { record, line } of records.slice(1)) {
    const where = `line ${line}`;
    if (record.length !== header.length)
      throw new ListParseError(file, where, `expected ${header.length} columns, found ${record.length}`);
    const date = generationDate(get(record, 'fileGenerationDate'));
    if (!date)
      throw new ListParseError(
        file,
        where,
        `fileGenerationDate "${get(record, 'fileGenerationDate')}" is not a date`,
      );
    if (version && date !== version)
      throw new ListParseError(
        file,
        where,
        `fileGenerationDate ${date} differs from the first row's ${version}`,
      );
    version = date;
    const refId = get(record, 'Entity_LogicalId');
    if (!/^\d+$/.test(refId))
      throw new ListParseError(file, where, `Entity_LogicalId "${refId}" is not a number`);
    let d = drafts.get(refId);
    if (!d) {
      const kind = kindOf(
        get(record, 'Entity_SubjectType'),
        get(record, 'Entity_SubjectType_ClassificationCode'),
      );
      if (!kind)
        throw new ListParseError(
          file,
          `${where} (logicalId ${refId})`,
          `subject type "${get(record, 'Entity_SubjectType')}" / "${get(record, 'Entity_SubjectType_ClassificationCode')}" is neither person nor enterprise`,
        );
      d = {
        kind,
        names: [],
        programmes: new Set(),
        birthDates: new Set(),
        countries: entryCountries(),
        identifiers: [],
        remarks: new Set(),
      };
      drafts.set(refId, d);
    }
    const ref = get(record, 'Entity_EU_ReferenceNumber');
    if (ref) d.remarks.add(`EU reference ${ref}`);
    const un = get(record, 'Entity_UnitedNationId');
    if (un) d.remarks.add(`UN reference ${un}`);
    const remark = get(record, 'Entity_Remark');
    if (remark) d.remarks.add(remark);
    const programme = get(record, 'Entity_Regulation_Programme');
    if (programme) d.programmes.add(programme);
    const designated = get(record, 'Entity_DesignationDate');
    if (/^\d{4}-\d{2}-\d{2}$/.test(designated)) d.listedOn = designated;
    const name =
      get(record, 'NameAlias_WholeName') ||
      ['NameAlias_FirstName', 'NameAlias_MiddleName', 'NameAlias_LastName']
        .map((k) => get(record, k))
        .filter(Boolean)
        .join(' ');
    if (name && !d.names.some((n) => n.text === name)) {
      const weak = get(record, 'NameAlias_Strong').toLowerCase() === 'false';
      const quality = [weak ? 'weak' : 'strong', get(record, 'NameAlias_NameLanguage')]
        .filter(Boolean)
        .join(' ');
      d.names.push({
        text: name,
        type: d.names.length === 0 ? 'primary' : weak ? 'weak-alias' : 'alias',
        quality,
      });
    }
    const birth = get(record, 'BirthDate_BirthDate') || get(record, 'BirthDate_Year');
    if (/^\d{4}(-\d{2}-\d{2})?$/.test(birth)) d.birthDates.add(birth);
    for (const c of ['Citizenship', 'Address']) {
      // the file's code, else its country name (kept as text when not recognised)
      reader.readIsoOrName(
        get(record, `${c}_CountryIso2Code`),
        get(record, `${c}_CountryDescription`),
        d.countries,
      );
    }
    const number = get(record, 'Identification_Number');
    if (number && !d.identifiers.some((i) => i.value === number)) {
      d.identifiers.push({
        type:
          get(record, 'Identification_TypeDescription') ||
          get(record, 'Identification_TypeCode') ||
          'document',
        value: number,
        // the file's code, else its country name (kept as text when not recognised), as for citizenships
        ...reader.readIssuerIsoOrName(
          get(record, 'Identification_CountryIso2Code'),
          get(record, 'Identification_CountryDescription'),
          d.countries,
        ),
      });
    }
  }
  if (drafts.size === 0) throw new ListParseError(file, 'line 2', 'no data rows');
  const entries: ListEntry[] = [];
  for (const [refId, d] of drafts) {
    if (d.names.length === 0) throw new ListParseError(file, `logicalId ${refId}`, 'no row with a name');
    entries.push({
      list: 'EU',
      listVersion: version,
      refId,
      kind: d.kind,
      names: d.names,
      programmes: [...d.programmes],
      birthDates: d.kind === 'person' ? [...d.birthDates] : [],
      ...countryFields(d.countries),
      identifiers: d.identifiers,
      listedOn: d.listedOn,
      remarks: [...d.remarks].join('; ') || undefined,
    });
  }
  const notes = reader.notes();
  return {
    list: 'EU',
    version,
    format: 'eu-fsf-csv',
    sources: [file],
    entries,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
