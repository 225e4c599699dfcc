import type { ScoredTransaction, Transaction, TransactionStore } from '@raqib/core';
import { CompiledQuery, type Kysely } from 'kysely';
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
  flag: number;
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
  flag: s.flag ? 1 : 0,
});

const fromRow = (r: TransactionsTable): ScoredTransaction => ({
  tx: JSON.parse(r.payload) as Transaction,
  score: r.score,
  typologies: JSON.parse(r.typologies) as string[],
  alertIds: JSON.parse(r.alert_ids) as string[],
  receivedAt: Number(r.received_at),
  flag: Number(r.flag) === 1,
});

const COLUMNS = [
  'id',
  'ts',
  'from_key',
  'to_key',
  'amount_paid',
  'currency_paid',
  'score',
  'typologies',
  'alert_ids',
  'received_at',
  'payload',
  'flag',
] as const satisfies readonly (keyof TransactionsTable)[];
const CHUNK = 200;

/** Transactions received through the API, on SQLite or PostgreSQL; a resubmitted id keeps its first record. */
export class SqlTransactionStore implements TransactionStore {
  readonly #db: Kysely<Database>;
  /** Insert SQL per row count, compiled once: building a 200-row query per write costs more than running it. */
  readonly #insertSql = new Map<number, string>();
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #sqlFor(rows: number): string {
    let text = this.#insertSql.get(rows);
    if (text === undefined) {
      const blank = Object.fromEntries(COLUMNS.map((c) => [c, ''])) as unknown as TransactionsTable;
      text = this.#db
        .insertInto('transactions')
        .values(Array.from({ length: rows }, () => blank))
        .onConflict((oc) => oc.column('id').doNothing())
        .compile().sql;
      this.#insertSql.set(rows, text);
    }
    return text;
  }

  async saveTransactions(items: readonly ScoredTransaction[]): Promise<void> {
    if (items.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      for (let i = 0; i < items.length; i += CHUNK) {
        const chunk = items.slice(i, i + CHUNK);
        const params: unknown[] = [];
        for (const item of chunk) {
          const row = toRow(item);
          for (const c of COLUMNS) params.push(row[c]);
        }
        await trx.executeQuery(CompiledQuery.raw(this.#sqlFor(chunk.length), params));
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

  async recentTransactions(sinceTs: number, limit: number): Promise<Transaction[]> {
    const rows = await this.#db
      .selectFrom('transactions')
      .select(['payload', 'ts'])
      .where('ts', '>=', sinceTs)
      .orderBy('ts', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse().map((r) => JSON.parse(r.payload) as Transaction);
  }

  async latestEventTime(): Promise<number | undefined> {
    const row = await this.#db
      .selectFrom('transactions')
      .select((eb) => eb.fn.max('ts').as('ts'))
      .executeTakeFirst();
    return row?.ts === null || row?.ts === undefined ? undefined : Number(row.ts);
  }
}
