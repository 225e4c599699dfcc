import type { Alert, AlertSource, AlertStatus } from '../model/alert.ts';

export const ALERT_SORT_KEYS = ['score', 'createdAt', 'start'] as const;
export type AlertSortKey = (typeof ALERT_SORT_KEYS)[number];

/** Order of a listing; ties are broken by id so that pages are stable. Default: score, highest first. */
export interface AlertSort {
  readonly key: AlertSortKey;
  readonly dir: 'asc' | 'desc';
}

export interface AlertFilter {
  readonly typology?: string | undefined;
  readonly minScore?: number | undefined;
  readonly status?: AlertStatus | undefined;
  readonly source?: AlertSource | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly assignee?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
  readonly sort?: AlertSort | undefined;
}

/**
 * Where alerts live. Upserts are idempotent by alert id: a rerun over the same data does not duplicate alerts.
 * Async because the PostgreSQL adapter is; the SQLite adapter resolves at once.
 */
export interface AlertStore {
  upsertAlerts(alerts: readonly Alert[]): Promise<{ inserted: number; updated: number }>;
  listAlerts(filter: AlertFilter): Promise<Alert[]>;
  countAlerts(filter: AlertFilter): Promise<number>;
  getAlert(id: string): Promise<Alert | undefined>;
  setAlertStatus(id: string, status: AlertStatus, assignee?: string | null): Promise<void>;
}
