import type { Kysely, Migration } from 'kysely';

/**
 * Sanctions screening: list versions and their entries (one JSON document per entry plus a fingerprint
 * for deltas), the current version per list, stored customers, their latest hits, and analysts' decisions.
 */
export const m0100Screening: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('list_versions')
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('sources', 'text', (c) => c.notNull())
      .addColumn('entry_count', 'integer', (c) => c.notNull())
      .addColumn('loaded_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('list_versions_pk', ['list', 'version'])
      .execute();
    await db.schema
      .createTable('list_entries')
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('primary_name', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('list_entries_pk', ['list', 'version', 'ref_id'])
      .execute();
    await db.schema
      .createTable('list_current')
      .addColumn('list', 'text', (c) => c.primaryKey())
      .addColumn('version', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('screening_customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('dob', 'text')
      .addColumn('country', 'text')
      .addColumn('type', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('screening_hits')
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('list_version', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('matched_name', 'text', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('screened_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('screening_hits_pk', ['customer_id', 'list', 'ref_id'])
      .execute();
    await db.schema
      .createTable('screening_decisions')
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('list_version', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('analyst', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('decided_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('screening_decisions_pk', ['customer_id', 'list', 'ref_id', 'list_version'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of [
      'screening_decisions',
      'screening_hits',
      'screening_customers',
      'list_current',
      'list_entries',
      'list_versions',
    ]) {
      await db.schema.dropTable(t).execute();
    }
  },
};
