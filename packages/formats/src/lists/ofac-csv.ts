/**
 * OFAC legacy CSV set: sdn.csv (or cons_prim.csv) with alt, add and comments files joined on ent_num.
 * No header; CRLF line ends; a Ctrl-Z (0x1A) end byte; empty fields written `-0- `.
 */
import type { EntityKind, EntryIdentifier, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, type EntryCountries, entryCountries } from './country-texts.ts';
import { csvRecords } from './csv-records.ts';
import { ListParseError } from './list-parse-error.ts';
import { readOfacRemarks } from './ofac-remarks.ts';
import type { ParsedList } from './parsed-list.ts';

export interface OfacFile {
  readonly file: string;
  readonly text: string;
}

export interface OfacSet {
  /** sdn.csv or cons_prim.csv. */
  readonly primary: OfacFile;
  readonly alt?: OfacFile | undefined;
  readonly add?: OfacFile | undefined;
  readonly comments?: OfacFile | undefined;
}

export interface OfacOptions {
  /** 'OFAC-SDN' or 'OFAC-CONS'. */
  readonly list: string;
  /** OFAC CSVs carry no date: the caller supplies it (folder name or download date). */
  readonly version: string;
  /**
   * Aliases or addresses whose ent_num has no primary row: 'error' (default, the set is inconsistent) or
   * 'entries' (make an entry from the aliases: for mixing an older sdn.csv with a newer alt.csv).
   */
  readonly orphans?: 'error' | 'entries' | undefined;
}

const COLUMNS = { primary: 12, alt: 5, add: 6, comments: 2 } as const;

function rows(f: OfacFile, columns: number): { cells: string[]; line: number }[] {
  let text = f.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\x1a\s*$/, '');
  const records = csvRecords(text, f.file, { recordDelimiter: ['\r\n', '\n'] });
  return records.map(({ record, line }) => {
    if (record.length !== columns) {
      throw new ListParseError(f.file, `line ${line}`, `expected ${columns} columns, found ${record.length}`);
    }
    return { cells: record.map((c) => (c.trim() === '-0-' ? '' : c.trim())), line: line };
  });
}

function kindOf(type: string, f: OfacFile, line: number): EntityKind {
  switch (type.toLowerCase()) {
    case 'individual':
      return 'person';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    case '':
    case 'entity':
      return 'organisation';
    default:
      throw new ListParseError(f.file, `line ${line}`, `unknown SDN_Type "${type}"`);
  }
}

function entNum(value: string, f: OfacFile, line: number): string {
  if (!/^\d+$/.test(value))
    throw new ListParseError(f.file, `line ${line}`, `ent_num "${value}" is not a number`);
  return value;
}

interface Draft {
  refId: string;
  kind: EntityKind;
  names: ListName[];
  programmes: string[];
  remarks: string;
  /** Countries of the address file; the Remarks' nationalities are read after the comments are joined. */
  addressCountries: string[];
  line: number;
}

/** Parses an OFAC legacy CSV set into list entries. */
export function parseOfacCsv(set: OfacSet, options: OfacOptions): ParsedList {
  const drafts = new Map<string, Draft>();
  for (const { cells, line } of rows(set.primary, COLUMNS.primary)) {
    const [num = '', name = '', type = '', program = '', , , , , , , , remarks = ''] = cells;
    const refId = entNum(num, set.primary, line);
    if (!name) throw new ListParseError(set.primary.file, `line ${line}`, `ent_num ${refId} has no SDN_Name`);
    if (drafts.has(refId))
      throw new ListParseError(set.primary.file, `line ${line}`, `ent_num ${refId} appears twice`);
    drafts.set(refId, {
      refId,
      kind: kindOf(type, set.primary, line),
      names: [{ text: name, type: 'primary' }],
      programmes: program
        .replace(/^\[|\]$/g, '')
        .split(/\]\s*\[/)
        .map((p) => p.trim())
        .filter(Boolean),
      remarks,
      addressCountries: [],
      line,
    });
  }
  const orphans = options.orphans ?? 'error';
  const draftFor = (refId: string, f: OfacFile, line: number, what: string): Draft | undefined => {
    const d = drafts.get(refId);
    if (d) return d;
    if (orphans === 'error') {
      throw new ListParseError(
        f.file,
        `line ${line}`,
        `${what} for ent_num ${refId}, which ${set.primary.file} does not list`,
      );
    }
    return undefined;
  };
  const orphanNames = new Map<string, ListName[]>();
  if (set.alt) {
    for (const { cells, line } of rows(set.alt, COLUMNS.alt)) {
      const [num = '', , altType = '', altName = ''] = cells;
      const refId = entNum(num, set.alt, line);
      if (!altName)
        throw new ListParseError(set.alt.file, `line ${line}`, `alias of ent_num ${refId} has no name`);
      const type: ListName['type'] = altType.toLowerCase() === 'fka' ? 'former' : 'alias';
      const name: ListName = { text: altName, type, quality: altType || undefined };
      const d = draftFor(refId, set.alt, line, 'alias');
      if (d) d.names.push(name);
      else orphanNames.set(refId, [...(orphanNames.get(refId) ?? []), name]);
    }
  }
  if (set.add) {
    for (const { cells, line } of rows(set.add, COLUMNS.add)) {
      const [num = '', , , , country = ''] = cells;
      const refId = entNum(num, set.add, line);
      const d = draftFor(refId, set.add, line, 'address');
      if (d && country) d.addressCountries.push(country);
    }
  }
  if (set.comments) {
    for (const { cells, line } of rows(set.comments, COLUMNS.comments)) {
      const [num = '', text = ''] = cells;
      const d = draftFor(entNum(num, set.comments, line), set.comments, line, 'comment');
      if (d) d.remarks = d.remarks + text;
    }
  }
  const entries: ListEntry[] = [];
  const reader = new CountryReader();
  for (const d of drafts.values()) {
    const facts = readOfacRemarks(d.remarks);
    const countries: EntryCountries = entryCountries();
    for (const c of [...facts.countryNames, ...d.addressCountries]) reader.read(c, countries);
    const identifiers: EntryIdentifier[] = facts.identifiers.map(({ type, value, countryName }) => ({
      type,
      value,
      ...(countryName === undefined ? {} : reader.readIssuer(countryName, countries)),
    }));
    const names = [...d.names];
    for (const w of facts.weakAliases) {
      if (!names.some((n) => n.text === w)) names.push({ text: w, type: 'weak-alias', quality: 'weak aka' });
    }
    entries.push({
      list: options.list,
      listVersion: options.version,
      refId: d.refId,
      kind: d.kind,
      names,
      programmes: d.programmes,
      birthDates: d.kind === 'person' ? facts.birthDates : [],
      ...countryFields(countries),
      identifiers,
      remarks: d.remarks || undefined,
    });
  }
  for (const [refId, names] of orphanNames) {
    const [first, ...rest] = names;
    if (!first) continue;
    entries.push({
      list: options.list,
      listVersion: options.version,
      refId,
      // the alias file does not say; most post-2024 designations without a primary row are organisations
      kind: /,/.test(first.text) ? 'person' : 'organisation',
      names: [{ ...first, type: 'primary' }, ...rest],
      programmes: [],
      birthDates: [],
      countries: [],
      identifiers: [],
      remarks: 'aliases only: the primary file of this set does not list this ent_num',
    });
  }
  return {
    list: options.list,
    version: options.version,
    format: 'ofac-csv',
    sources: [set.primary, set.alt, set.add, set.comments]
      .filter((f): f is OfacFile => f !== undefined)
      .map((f) => f.file),
    entries,
    ...(reader.notes().length > 0 ? { notes: reader.notes() } : {}),
  };
}
