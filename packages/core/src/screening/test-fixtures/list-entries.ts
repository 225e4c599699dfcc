import type { ListEntry } from '../list-entry.ts';

/** A listed person with one primary name and nothing else: what most screening tests index. */
export function personEntry(refId: string, text: string, list = 'TEST', listVersion = '1'): ListEntry {
  return {
    list,
    listVersion,
    refId,
    kind: 'person',
    names: [{ text, type: 'primary' }],
    programmes: [],
    identifiers: [],
    countries: [],
    birthDates: [],
  };
}
