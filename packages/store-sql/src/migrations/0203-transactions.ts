import type { Kysely, Migration } from 'kysely';

/**
 * Transactions received through the API, with the score they got, so that alert evidence can be shown. Looked up
 * by id only: no account index, because every index costs the ingest path a b-tree insert per row (decision 0043).
 */
export const m0203Transactions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('transactions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ts', 'bigint', (c) => c.notNull())
      .addColumn('from_key', 'text', (c) => c.notNull())
      .addColumn('to_key', 'text', (c) => c.notNull())
      .addColumn('amount_paid', 'bigint', (c) => c.notNull())
      .addColumn('currency_paid', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('typologies', 'text', (c) => c.notNull())
      .addColumn('alert_ids', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('transactions').execute();
  },
};
