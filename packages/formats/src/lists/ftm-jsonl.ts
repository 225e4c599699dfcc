/**
 * FollowTheMoney JSON lines (OpenSanctions' export format): one entity per line with `id`, `schema` and
 * `properties` (arrays of strings). Person, Organization, Company, LegalEntity, PublicBody, Vessel and
 * Airplane become entries; other schemata (Address, Sanction, Ownership…) are counted and reported.
 */
import type { EntityKind, EntryIdentifier, ListEntry, ListName } from '@raqib/core';
import { CountryReader, countryFields, entryCountries } from './country-texts.ts';
import { ListParseError } from './list-parse-error.ts';
import type { ParsedList } from './parsed-list.ts';

const KINDS: Readonly<Record<string, EntityKind>> = {
  Person: 'person',
  Organization: 'organisation',
  Company: 'organisation',
  LegalEntity: 'organisation',
  PublicBody: 'organisation',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

const ID_PROPS = [
  'idNumber',
  'passportNumber',
  'imoNumber',
  'registrationNumber',
  'taxNumber',
  'innCode',
  'ogrnCode',
  'swiftBic',
] as const;

/** Hard cap on one line: an entity larger than this is malformed or hostile. */
const MAX_LINE = 4 * 1024 * 1024;

export interface FtmOptions {
  readonly list: string;
  readonly version: string;
}

/** Parses FtM JSONL. A line that is not an entity object fails the file with its line number. */
export function parseFtmJsonl(text: string, options: FtmOptions, file = 'entities.ftm.json'): ParsedList {
  const entries: ListEntry[] = [];
  const skipped = new Map<string, number>();
  const firstLine = new Map<string, number>();
  /** Property values read but not kept (a date raqib cannot use), by property. */
  const unread = new Map<string, string[]>();
  const dropped = (key: string, value: string): void => {
    const values = unread.get(key);
    if (values) values.push(value);
    else unread.set(key, [value]);
  };
  const reader = new CountryReader();
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const at = `line ${i + 1}`;
    if (line.length > MAX_LINE) throw new ListParseError(file, at, `line longer than ${MAX_LINE} characters`);
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (error) {
      throw new ListParseError(file, at, `not JSON: ${(error as Error).message}`);
    }
    if (typeof obj !== 'object' || obj === null) throw new ListParseError(file, at, 'not a JSON object');
    const o = obj as {
      id?: unknown;
      schema?: unknown;
      properties?: unknown;
      datasets?: unknown;
      first_seen?: unknown;
    };
    // the id becomes the entry's reference id: an empty one names no entry in a delta or a decision
    if (typeof o.id !== 'string' || o.id.trim() === '' || typeof o.schema !== 'string')
      throw new ListParseError(file, at, 'missing "id" or "schema"');
    // the id is the entry's reference id: a second entity with it would fail the store's key, or replace the first
    const first = firstLine.get(o.id);
    if (first !== undefined)
      throw new ListParseError(file, at, `id "${o.id}" appears twice (first on line ${first})`);
    firstLine.set(o.id, i + 1);
    const kind = Object.hasOwn(KINDS, o.schema) ? KINDS[o.schema] : undefined;
    if (!kind) {
      skipped.set(o.schema, (skipped.get(o.schema) ?? 0) + 1);
      return;
    }
    const props = (typeof o.properties === 'object' && o.properties !== null ? o.properties : {}) as Record<
      string,
      unknown
    >;
    const list = (key: string): string[] => {
      const v = props[key];
      if (v === undefined) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw new ListParseError(file, at, `${o.id}: property "${key}" is not an array of strings`);
      return (v as string[]).map((x) => x.trim()).filter(Boolean);
    };
    const names: ListName[] = [];
    const add = (text: string, type: ListName['type']): void => {
      if (!names.some((n) => n.text === text)) names.push({ text, type });
    };
    for (const n of list('name')) add(n, names.length === 0 ? 'primary' : 'alias');
    for (const n of list('alias')) add(n, names.length === 0 ? 'primary' : 'alias');
    for (const n of list('previousName')) add(n, names.length === 0 ? 'primary' : 'former');
    for (const n of list('weakAlias')) add(n, names.length === 0 ? 'primary' : 'weak-alias');
    if (names.length === 0) throw new ListParseError(file, at, `${o.id}: no name, alias or weakAlias`);
    const countries = entryCountries();
    for (const key of ['nationality', 'citizenship', 'country', 'jurisdiction'])
      for (const c of list(key)) reader.read(c, countries);
    const birthDates: string[] = [];
    for (const key of ['birthDate', 'incorporationDate']) {
      for (const d of list(key)) {
        if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) birthDates.push(d);
        else dropped(key, d);
      }
    }
    const identifiers: EntryIdentifier[] = ID_PROPS.flatMap((p) =>
      list(p).map((value) => ({ type: p, value })),
    );
    entries.push({
      list: options.list,
      listVersion: options.version,
      refId: o.id,
      kind,
      names,
      programmes: [...list('program'), ...list('programId'), ...list('topics')],
      birthDates,
      ...countryFields(countries),
      identifiers,
      remarks: list('notes').join(' ') || undefined,
    });
  });
  if (entries.length === 0)
    throw new ListParseError(
      file,
      'line 1',
      'no Person/Organization/Company/LegalEntity/Vessel/Airplane entities',
    );
  const notes = [
    ...[...skipped].map(([schema, n]) => `${n} ${schema} object(s) are not list entries and were not loaded`),
    ...reader.notes(),
    ...[...unread].map(([key, values]) => {
      const distinct = [...new Set(values)];
      return `${values.length} ${key} value(s) not read and not loaded: ${distinct.slice(0, 5).join(', ')}${distinct.length > 5 ? ' …' : ''}`;
    }),
  ];
  return {
    list: options.list,
    version: options.version,
    format: 'ftm-jsonl',
    sources: [file],
    entries,
    notes,
  };
}
