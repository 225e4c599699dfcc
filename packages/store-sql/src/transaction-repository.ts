import type { ScoredTransaction, Transaction, TransactionStore } from '@raqib/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

interface TransactionsTable {
  id: string;
  ts: number;
  from_key: string;
  to_key: string;
  amount_paid: number;
  currency_paid: string;
  score: number;
  typologies: string;
  alert_ids: string;
  received_at: number;
  payload: string;
}
declare module './schema.ts' {
  interface Database {
    transactions: TransactionsTable;
  }
}

const toRow = (s: ScoredTransaction): TransactionsTable => ({
  id: s.tx.id,
  ts: s.tx.ts,
  from_key: `${s.tx.fromBank}|${s.tx.fromAccount}`,
  to_key: `${s.tx.toBank}|${s.tx.toAccount}`,
  amount_paid: s.tx.amountPaid,
  currency_paid: s.tx.currencyPaid,
  score: s.score,
  typologies: JSON.stringify(s.typologies),
  alert_ids: JSON.stringify(s.alertIds),
  received_at: s.receivedAt,
  payload: JSON.stringify(s.tx),
});

const fromRow = (r: TransactionsTable): ScoredTransaction => ({
  tx: JSON.parse(r.payload) as Transaction,
  score: r.score,
  typologies: JSON.parse(r.typologies) as string[],
  alertIds: JSON.parse(r.alert_ids) as string[],
  receivedAt: Number(r.received_at),
});

/** Transactions received through the API, on SQLite or PostgreSQL; a resubmitted id keeps its first record. */
export class SqlTransactionStore implements TransactionStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async saveTransactions(items: readonly ScoredTransaction[]): Promise<void> {
    if (items.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      for (let i = 0; i < items.length; i += 500) {
        await trx
          .insertInto('transactions')
          .values(items.slice(i, i + 500).map(toRow))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    });
  }

  async getTransactions(ids: readonly string[]): Promise<ScoredTransaction[]> {
    const out: ScoredTransaction[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.#db
        .selectFrom('transactions')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      out.push(...rows.map(fromRow));
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    return out.sort((a, b) => (order.get(a.tx.id) ?? 0) - (order.get(b.tx.id) ?? 0));
  }
}
