import { type Kysely, type Migration, sql } from 'kysely';

export const m0001Alerts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('typologies', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
      .addColumn('assignee', 'text')
      .addColumn('start_ts', 'bigint', (c) => c.notNull())
      .addColumn('end_ts', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('config_version', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alerts_score').on('alerts').column('score').execute();
    await db.schema.createIndex('alerts_created').on('alerts').column('created_at').execute();
    await db.schema.createIndex('alerts_status').on('alerts').columns(['status', 'assignee']).execute();
    // accounts of an alert, for "alerts of this account" look-ups
    await db.schema
      .createTable('alert_accounts')
      .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
      .addColumn('account_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_accounts_pk', ['alert_id', 'account_key'])
      .execute();
    await db.schema
      .createIndex('alert_accounts_account')
      .on('alert_accounts')
      .column('account_key')
      .execute();
    await sql`select 1`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('alert_accounts').execute();
    await db.schema.dropTable('alerts').execute();
  },
};
