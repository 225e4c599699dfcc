import type { Alert, AlertStatus } from '../model/alert.ts';
import type { AlertFilter, AlertStore } from './alert-store.ts';

/** The alert store in memory: for tests and for a scan run without a database. */
export class MemoryAlertStore implements AlertStore {
  readonly #alerts = new Map<string, { alert: Alert; assignee: string | null }>();

  upsertAlerts(alerts: readonly Alert[]): Promise<{ inserted: number; updated: number }> {
    let inserted = 0;
    for (const alert of alerts) {
      const prior = this.#alerts.get(alert.id);
      if (prior) {
        this.#alerts.set(alert.id, {
          alert: { ...alert, status: prior.alert.status },
          assignee: prior.assignee,
        });
      } else {
        inserted++;
        this.#alerts.set(alert.id, { alert, assignee: null });
      }
    }
    return Promise.resolve({ inserted, updated: alerts.length - inserted });
  }

  #matching(filter: AlertFilter): Alert[] {
    const out: Alert[] = [];
    for (const { alert, assignee } of this.#alerts.values()) {
      if (filter.typology !== undefined && !alert.typologies.includes(filter.typology)) continue;
      if (filter.minScore !== undefined && alert.score < filter.minScore) continue;
      if (filter.status !== undefined && alert.status !== filter.status) continue;
      if (filter.source !== undefined && alert.source !== filter.source) continue;
      if (filter.from !== undefined && alert.end < filter.from) continue;
      if (filter.to !== undefined && alert.start > filter.to) continue;
      if (filter.assignee !== undefined && assignee !== filter.assignee) continue;
      out.push(assignee === null ? alert : { ...alert, assignee });
    }
    const key = filter.sort?.key ?? 'score';
    const sign = (filter.sort?.dir ?? 'desc') === 'desc' ? -1 : 1;
    return out.sort((a, b) => sign * (a[key] - b[key]) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  listAlerts(filter: AlertFilter): Promise<Alert[]> {
    const offset = filter.offset ?? 0;
    return Promise.resolve(this.#matching(filter).slice(offset, offset + (filter.limit ?? 100)));
  }

  countAlerts(filter: AlertFilter): Promise<number> {
    return Promise.resolve(this.#matching(filter).length);
  }

  getAlert(id: string): Promise<Alert | undefined> {
    const entry = this.#alerts.get(id);
    if (!entry) return Promise.resolve(undefined);
    return Promise.resolve(
      entry.assignee === null ? entry.alert : { ...entry.alert, assignee: entry.assignee },
    );
  }

  setAlertStatus(id: string, status: AlertStatus, assignee?: string | null): Promise<void> {
    const entry = this.#alerts.get(id);
    if (entry) {
      this.#alerts.set(id, {
        alert: { ...entry.alert, status },
        assignee: assignee === undefined ? entry.assignee : assignee,
      });
    }
    return Promise.resolve();
  }
}
