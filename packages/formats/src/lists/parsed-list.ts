import type { ListEntry } from '@raqib/core';

export const LIST_FORMATS = [
  'un-xml',
  'ofac-csv',
  'ofac-xml',
  'eu-xml-2016',
  'eu-fsf-xml',
  'eu-fsf-csv',
  'uk-ofsi-csv',
  'uk-sanctions-list-xml',
  'generic-csv',
  'ftm-jsonl',
] as const;
/** File formats raqib reads sanctions, PEP and in-house lists from. */
export type ListFormat = (typeof LIST_FORMATS)[number];

/** The complete content of one list version. */
export interface ParsedList {
  /** List code: UN, OFAC-SDN, OFAC-CONS, EU, UK, or the generic list's name. */
  readonly list: string;
  /** Date of the list (YYYY-MM-DD): the file's own date where it has one. */
  readonly version: string;
  readonly format: ListFormat;
  /** Files read, in order. */
  readonly sources: readonly string[];
  readonly entries: readonly ListEntry[];
  /** Records read but deliberately not turned into entries (e.g. FtM Address/Sanction objects), with counts. */
  readonly notes?: readonly string[] | undefined;
}

/** Size limit for one list file: the largest official list (EU full XML) is ~25 MB. */
export const MAX_LIST_BYTES = 200 * 1024 * 1024;
