import type { Kysely, Migration } from 'kysely';

/**
 * Scale-out with a detection stage and an instance merger (docs/decisions/0062-detection-and-merger.md): the
 * firings each account lane committed with its checkpoint, read by the merger lane in stream order; and an index
 * to replay the whole stream's ledger (every lane's rows together) in stream order.
 */
export const m0401ScaleFirings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('scale_firings')
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('ord', 'integer', (c) => c.notNull())
      .addColumn('lane', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scale_firings_pk', ['stream', 'seq', 'ord'])
      .execute();
    await db.schema
      .createIndex('scale_ledger_stream_seq')
      .on('scale_ledger')
      .columns(['stream', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('scale_ledger_stream_seq').execute();
    await db.schema.dropTable('scale_firings').execute();
  },
};
