import {
  type Alert,
  buildScreeningIndex,
  type Clock,
  type ListEntry,
  type ScreenedParty,
  type ScreeningIndex,
  screenParties,
} from '@raqib/core';

/**
 * Screens the parties a scan collected against list entries; each hit becomes a T20 alert with its explanation.
 * A scan asks twice (account holders before its transactions, the parties the transactions name after them), so the
 * index is built once, on the first call that has parties to screen.
 */
export function partyScreener(
  entries: readonly ListEntry[],
  clock: Clock,
  threshold?: number,
): (parties: readonly ScreenedParty[]) => Promise<Alert[]> {
  let index: ScreeningIndex | undefined;
  return (parties) => {
    if (entries.length === 0 || parties.length === 0) return Promise.resolve([]);
    index ??= buildScreeningIndex(entries);
    return Promise.resolve(
      screenParties(index, parties, { clock, ...(threshold === undefined ? {} : { threshold }) }),
    );
  };
}
