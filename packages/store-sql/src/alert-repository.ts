import type { Alert, AlertFilter, AlertStatus, AlertStore } from '@raqib/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import { withinTransaction } from './within-transaction.ts';

interface AlertsTable {
  id: string;
  source: string;
  typologies: string;
  score: number;
  status: string;
  assignee: string | null;
  start_ts: number;
  end_ts: number;
  created_at: number;
  config_version: string;
  payload: string;
}
interface AlertAccountsTable {
  alert_id: string;
  account_key: string;
}
declare module './schema.ts' {
  interface Database {
    alerts: AlertsTable;
    alert_accounts: AlertAccountsTable;
  }
}

const SORT_COLUMN = { score: 'score', createdAt: 'created_at', start: 'start_ts' } as const;

/** Typologies are stored `;`-joined with leading and trailing `;` so that a LIKE finds one exactly. */
const joinTypologies = (t: readonly string[]) => `;${t.join(';')};`;

function toRow(alert: Alert): AlertsTable {
  return {
    id: alert.id,
    source: alert.source,
    typologies: joinTypologies(alert.typologies),
    score: alert.score,
    status: alert.status,
    assignee: null,
    start_ts: alert.start,
    end_ts: alert.end,
    created_at: alert.createdAt,
    config_version: alert.configVersion,
    payload: JSON.stringify({ ...alert, assignee: undefined }),
  };
}

function fromRow(row: Pick<AlertsTable, 'payload' | 'status' | 'assignee'>): Alert {
  const { assignee: _stale, ...alert } = JSON.parse(row.payload) as Alert;
  return {
    ...alert,
    status: row.status as AlertStatus,
    ...(row.assignee === null ? {} : { assignee: row.assignee }),
  };
}

/** The alert store on SQLite or PostgreSQL. Upserts keep an analyst's status and assignee. */
export class SqlAlertStore implements AlertStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async upsertAlerts(alerts: readonly Alert[]): Promise<{ inserted: number; updated: number }> {
    if (alerts.length === 0) return { inserted: 0, updated: 0 };
    let inserted = 0;
    await withinTransaction(this.#db, async (trx) => {
      const ids = alerts.map((a) => a.id);
      const existing = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await trx
          .selectFrom('alerts')
          .select('id')
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const r of rows) existing.add(r.id);
      }
      for (let i = 0; i < alerts.length; i += 200) {
        const chunk = alerts.slice(i, i + 200).map(toRow);
        await trx
          .insertInto('alerts')
          .values(chunk)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              typologies: (eb) => eb.ref('excluded.typologies'),
              score: (eb) => eb.ref('excluded.score'),
              start_ts: (eb) => eb.ref('excluded.start_ts'),
              end_ts: (eb) => eb.ref('excluded.end_ts'),
              config_version: (eb) => eb.ref('excluded.config_version'),
              payload: (eb) => eb.ref('excluded.payload'),
            }),
          )
          .execute();
        const links = alerts
          .slice(i, i + 200)
          .flatMap((a) =>
            a.accounts.map((acc) => ({ alert_id: a.id, account_key: `${acc.bank}|${acc.account}` })),
          );
        for (let j = 0; j < links.length; j += 300) {
          await trx
            .insertInto('alert_accounts')
            .values(links.slice(j, j + 300))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      }
      inserted = alerts.filter((a) => !existing.has(a.id)).length;
    });
    return { inserted, updated: alerts.length - inserted };
  }

  #filtered(filter: AlertFilter) {
    let q = this.#db.selectFrom('alerts');
    if (filter.typology !== undefined) q = q.where('typologies', 'like', `%;${filter.typology};%`);
    if (filter.minScore !== undefined) q = q.where('score', '>=', filter.minScore);
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.source !== undefined) q = q.where('source', '=', filter.source);
    if (filter.from !== undefined) q = q.where('end_ts', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('start_ts', '<=', filter.to);
    if (filter.assignee !== undefined) q = q.where('assignee', '=', filter.assignee);
    return q;
  }

  async listAlerts(filter: AlertFilter): Promise<Alert[]> {
    const rows = await this.#filtered(filter)
      .select(['payload', 'status', 'assignee'])
      .orderBy(SORT_COLUMN[filter.sort?.key ?? 'score'], filter.sort?.dir ?? 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map(fromRow);
  }

  async countAlerts(filter: AlertFilter): Promise<number> {
    const row = await this.#filtered(filter).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async getAlert(id: string): Promise<Alert | undefined> {
    const row = await this.#db
      .selectFrom('alerts')
      .select(['payload', 'status', 'assignee'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async setAlertStatus(id: string, status: AlertStatus, assignee?: string | null): Promise<void> {
    const update = assignee === undefined ? { status } : { status, assignee };
    await this.#db.updateTable('alerts').set(update).where('id', '=', id).execute();
  }
}
