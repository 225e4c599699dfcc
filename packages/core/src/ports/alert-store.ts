import type { Alert, AlertSource, AlertStatus } from '../model/alert.ts';

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
