import type { Case, CaseFilter, CaseStore } from '@raqib/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { withinTransaction } from './within-transaction.ts';

interface CasesTable {
  id: string;
  title: string;
  status: string;
  assignee: string | null;
  created_at: number;
  updated_at: number;
  payload: string;
}
interface CaseAlertsTable {
  case_id: string;
  alert_id: string;
}
declare module './schema.ts' {
  interface Database {
    cases: CasesTable;
    case_alerts: CaseAlertsTable;
  }
}

/** Cases on SQLite or PostgreSQL: the whole case as JSON, plus the columns the queue filters on. */
export class SqlCaseStore implements CaseStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async saveCase(value: Case): Promise<void> {
    const row: CasesTable = {
      id: value.id,
      title: value.title,
      status: value.status,
      assignee: value.assignee,
      created_at: value.createdAt,
      updated_at: value.updatedAt,
      payload: JSON.stringify(value),
    };
    await withinTransaction(this.#db, async (trx) => {
      await trx
        .insertInto('cases')
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            title: row.title,
            status: row.status,
            assignee: row.assignee,
            updated_at: row.updated_at,
            payload: row.payload,
          }),
        )
        .execute();
      // the whole case is written: links to alerts it no longer holds go, or the alert filter would still find it
      await trx.deleteFrom('case_alerts').where('case_id', '=', value.id).execute();
      if (value.alertIds.length > 0) {
        await trx
          .insertInto('case_alerts')
          .values(value.alertIds.map((alert_id) => ({ case_id: value.id, alert_id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    });
  }

  async getCase(id: string): Promise<Case | undefined> {
    const row = await this.#db.selectFrom('cases').select('payload').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.payload) as Case) : undefined;
  }

  #filtered(filter: CaseFilter) {
    let q = this.#db.selectFrom('cases');
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.assignee !== undefined) q = q.where('assignee', '=', filter.assignee);
    if (filter.alertId !== undefined) {
      const alertId = filter.alertId;
      q = q.where('id', 'in', (eb) =>
        eb.selectFrom('case_alerts').select('case_id').where('alert_id', '=', alertId),
      );
    }
    return q;
  }

  async listCases(filter: CaseFilter): Promise<Case[]> {
    const rows = await this.#filtered(filter)
      .select('payload')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map((r) => JSON.parse(r.payload) as Case);
  }

  async countCases(filter: CaseFilter): Promise<number> {
    const row = await this.#filtered(filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
