import type { Kysely, Migration } from 'kysely';

/**
 * Snapshots of the scale-out workers' window state at a stream position (docs/decisions/0062-detection-and-merger.md):
 * a restarting worker loads the latest one at or below the stream's lowest checkpoint and replays only the ledger
 * rows after it, instead of the whole ledger.
 */
export const m0402ScaleSnapshots: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('scale_snapshots')
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scale_snapshots_pk', ['stream', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('scale_snapshots').execute();
  },
};
