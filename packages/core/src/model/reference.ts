/** Reference data read from `banks.csv` and `accounts.csv`. */
export interface BankInfo {
  readonly bankId: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

export const ENTITY_TYPES = ['individual', 'company', 'npo', 'msb', 'government', 'unknown'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface AccountInfo {
  readonly bankId: string;
  readonly account: string;
  readonly entityName: string;
  readonly entityType: EntityType;
}
