import type { Kysely, Migration } from 'kysely';

/** Whether a transaction was flagged when received, so that a resubmission can be answered as it was first. */
export const m0205TransactionsFlag: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('transactions')
      .addColumn('flag', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('transactions').dropColumn('flag').execute();
  },
};
