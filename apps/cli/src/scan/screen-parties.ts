import {
  type Alert,
  buildScreeningIndex,
  type Clock,
  type ListEntry,
  type ScreenedParty,
  screenParties,
} from '@raqib/core';

/** Screens the parties a scan collected against list entries; each hit becomes a T20 alert with its explanation. */
export function screenPartiesAgainst(
  entries: readonly ListEntry[],
  parties: readonly ScreenedParty[],
  clock: Clock,
  threshold?: number,
): Alert[] {
  if (entries.length === 0 || parties.length === 0) return [];
  const index = buildScreeningIndex(entries);
  return screenParties(index, parties, { clock, ...(threshold === undefined ? {} : { threshold }) });
}
