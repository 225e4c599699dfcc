import type { AccountInfo, ScreenedParty, Transaction } from '@raqib/core';

/** Evidence kept per named party: enough for an analyst, bounded so that a busy name cannot grow without end. */
const MAX_EVIDENCE = 50;

/**
 * Gathers the parties a scan should screen: account holders from accounts.csv, and the debtor and creditor names
 * that payments carry (pacs.008 Dbtr/Cdtr Nm). A name on the same account is kept once, with the transactions
 * and rows that named it.
 */
export class PartyCollector {
  readonly #holders: ScreenedParty[];
  readonly #named = new Map<
    string,
    { party: ScreenedParty; txIds: string[]; rows: number[]; times: number[] }
  >();

  constructor(accounts: readonly AccountInfo[]) {
    this.#holders = accounts
      .filter((a) => a.entityName.trim().length > 0)
      .map((a) => ({
        name: a.entityName,
        role: 'account-holder' as const,
        account: { bank: a.bankId, account: a.account },
        type:
          a.entityType === 'individual'
            ? ('person' as const)
            : a.entityType === 'unknown'
              ? undefined
              : ('organisation' as const),
      }));
  }

  add(tx: Transaction): void {
    if (tx.debtorName) this.#note(tx.debtorName, 'debtor', tx.fromBank, tx.fromAccount, tx);
    if (tx.creditorName) this.#note(tx.creditorName, 'creditor', tx.toBank, tx.toAccount, tx);
  }

  #note(name: string, role: 'debtor' | 'creditor', bank: string, account: string, tx: Transaction): void {
    const key = `${role}\u0001${bank}\u0001${account}\u0001${name}`;
    let entry = this.#named.get(key);
    if (!entry) {
      entry = {
        party: { name, role, account: { bank, account }, txId: tx.id, row: tx.row, ts: tx.ts },
        txIds: [],
        rows: [],
        times: [],
      };
      this.#named.set(key, entry);
    }
    if (entry.txIds.length < MAX_EVIDENCE) {
      entry.txIds.push(tx.id);
      entry.rows.push(tx.row);
      entry.times.push(tx.ts);
    }
  }

  /** The account holders from accounts.csv: screened before the scan, so that the scan can gather their payments. */
  holders(): readonly ScreenedParty[] {
    return this.#holders;
  }

  /** One party per transaction that named it (up to the evidence bound), so alerts list those transactions. */
  named(): ScreenedParty[] {
    const out: ScreenedParty[] = [];
    for (const { party, txIds, rows, times } of this.#named.values()) {
      // each with its own time: the alert runs from the first payment that named the party to the last
      txIds.forEach((txId, i) => {
        out.push({ ...party, txId, row: rows[i] ?? -1, ts: times[i] ?? party.ts });
      });
    }
    return out;
  }
}
