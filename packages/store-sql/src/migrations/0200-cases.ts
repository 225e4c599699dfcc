import type { Kysely, Migration } from 'kysely';

/** Cases (whole case as JSON, with the columns the queue filters on) and the alerts each case holds. */
export const m0200Cases: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assignee', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cases_status').on('cases').columns(['status', 'assignee']).execute();
    await db.schema.createIndex('cases_created').on('cases').column('created_at').execute();
    await db.schema
      .createTable('case_alerts')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_alerts_pk', ['case_id', 'alert_id'])
      .execute();
    await db.schema.createIndex('case_alerts_alert').on('case_alerts').column('alert_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('case_alerts').execute();
    await db.schema.dropTable('cases').execute();
  },
};
