/**
 * Generic list import for PEP or in-house lists: CSV with header `id,name,aliases,dob,country,type`.
 * `aliases` separates names with `;` or `|`; `type` is person (default when empty), organisation (or org),
 * vessel or aircraft; `country` is an ISO code or a country name; `dob` is YYYY, YYYY-MM or YYYY-MM-DD.
 */
import { type EntityKind, isEntityKind, isoCountryCode, type ListEntry } from '@raqib/core';
import { csvRecords } from './csv-records.ts';
import { calendarDob } from './dob.ts';
import { ListParseError } from './list-parse-error.ts';
import type { ParsedList } from './parsed-list.ts';

export const GENERIC_COLUMNS = ['id', 'name', 'aliases', 'dob', 'country', 'type'] as const;

export interface GenericListOptions {
  /** List code stored with the entries, e.g. "PEP-INTERNAL". */
  readonly list: string;
  /** Version (YYYY-MM-DD). */
  readonly version: string;
}

function kindOf(value: string): EntityKind | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return 'person';
  if (v === 'org' || v === 'organization' || v === 'company' || v === 'entity') return 'organisation';
  return isEntityKind(v) ? v : undefined;
}

/** Parses a generic list CSV; every bad row fails the file with its line and reason. */
export function parseGenericCsv(text: string, options: GenericListOptions, file = 'list.csv'): ParsedList {
  const records = csvRecords(text.replace(/^\ufeff/, ''), file);
  const header = records[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header) throw new ListParseError(file, 'line 1', 'empty file');
  for (const c of ['id', 'name']) {
    if (!header.includes(c))
      throw new ListParseError(
        file,
        'line 1',
        `header lacks column "${c}" (expected ${GENERIC_COLUMNS.join(',')})`,
      );
  }
  const unknown = header.filter((h) => !(GENERIC_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0)
    throw new ListParseError(
      file,
      'line 1',
      `unknown column(s) ${unknown.join(', ')} (expected ${GENERIC_COLUMNS.join(',')})`,
    );
  // a column given twice would be read from its first place only, the other's values dropped unseen
  const twice = header.find((h, i) => header.indexOf(h) !== i);
  if (twice !== undefined) throw new ListParseError(file, 'line 1', `column "${twice}" appears twice`);
  const idx = (c: string): number => header.indexOf(c);
  const seen = new Set<string>();
  const entries: ListEntry[] = [];
  for (const { record, line } of records.slice(1)) {
    const at = `line ${line}`;
    if (record.length !== header.length)
      throw new ListParseError(file, at, `expected ${header.length} columns, found ${record.length}`);
    const cell = (c: string): string => (idx(c) >= 0 ? (record[idx(c)] ?? '').trim() : '');
    const id = cell('id');
    const name = cell('name');
    if (!id) throw new ListParseError(file, at, 'id is empty');
    if (seen.has(id)) throw new ListParseError(file, at, `id "${id}" appears twice`);
    seen.add(id);
    if (!name) throw new ListParseError(file, at, `id ${id}: name is empty`);
    const kind = kindOf(cell('type'));
    if (!kind)
      throw new ListParseError(
        file,
        at,
        `id ${id}: type "${cell('type')}" is not person, organisation, vessel or aircraft`,
      );
    const dobText = cell('dob');
    if (dobText && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dobText))
      throw new ListParseError(file, at, `id ${id}: dob "${dobText}" is not YYYY[-MM[-DD]]`);
    const dob = dobText ? calendarDob(dobText) : undefined;
    if (dobText && !dob)
      throw new ListParseError(file, at, `id ${id}: dob "${dobText}" is not a date of the calendar`);
    const countries = cell('country')
      .split(/[;|]/)
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => {
        const code = isoCountryCode(c);
        if (!code) throw new ListParseError(file, at, `id ${id}: country "${c}" is not recognised`);
        return code;
      });
    const aliases = cell('aliases')
      .split(/[;|]/)
      .map((a) => a.trim())
      .filter(Boolean);
    entries.push({
      list: options.list,
      listVersion: options.version,
      refId: id,
      kind,
      names: [{ text: name, type: 'primary' }, ...aliases.map((a) => ({ text: a, type: 'alias' as const }))],
      programmes: [],
      birthDates: dob ? [dob] : [],
      countries,
      identifiers: [],
    });
  }
  if (entries.length === 0) throw new ListParseError(file, 'line 2', 'no data rows');
  return { list: options.list, version: options.version, format: 'generic-csv', sources: [file], entries };
}
