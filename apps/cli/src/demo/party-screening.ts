import {
  type AccountInfo,
  type Alert,
  buildScreeningIndex,
  type Clock,
  type ListEntry,
  type ScreenedParty,
  screenParties,
} from '@raqib/core';

/**
 * Screens account holders (accounts.csv entity_name) against list entries; each hit becomes a T20 alert that
 * carries the match explanation. Holders of type company/npo/msb/government are screened as organisations.
 */
export function screenAccountHolders(
  entries: readonly ListEntry[],
  accounts: readonly AccountInfo[],
  clock: Clock,
  threshold?: number,
): Alert[] {
  if (entries.length === 0) return [];
  const index = buildScreeningIndex(entries);
  const parties: ScreenedParty[] = [];
  for (const a of accounts) {
    if (a.entityName.trim().length === 0) continue;
    parties.push({
      name: a.entityName,
      role: 'account-holder',
      account: { bank: a.bankId, account: a.account },
      type:
        a.entityType === 'individual' ? 'person' : a.entityType === 'unknown' ? undefined : 'organisation',
    });
  }
  return screenParties(index, parties, { clock, ...(threshold === undefined ? {} : { threshold }) });
}
