import type { Kysely, Migration } from 'kysely';

/**
 * Scale-out state (docs/decisions/0061-effectively-once-workers.md): the transactions each lane consumed, and each
 * lane's checkpoint. A lane's window state is rebuilt by replaying its ledger, so the ledger is the durable form
 * of the monitor's state; the primary key makes a redelivered or republished transaction a no-op.
 */
export const m0400ScaleLedger: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('scale_ledger')
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('lane', 'text', (c) => c.notNull())
      .addColumn('tx_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('ts', 'bigint', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scale_ledger_pk', ['stream', 'lane', 'tx_id'])
      .execute();
    // replay reads a lane in stream order from a point in event time
    await db.schema
      .createIndex('scale_ledger_replay')
      .on('scale_ledger')
      .columns(['stream', 'lane', 'seq'])
      .execute();
    await db.schema
      .createTable('scale_checkpoints')
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('lane', 'text', (c) => c.notNull())
      .addColumn('partitions', 'integer', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('max_ts', 'bigint', (c) => c.notNull())
      .addColumn('processed', 'bigint', (c) => c.notNull())
      .addColumn('alerts', 'bigint', (c) => c.notNull())
      .addColumn('worker', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('scale_checkpoints_pk', ['stream', 'lane'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('scale_checkpoints').execute();
    await db.schema.dropTable('scale_ledger').execute();
  },
};
