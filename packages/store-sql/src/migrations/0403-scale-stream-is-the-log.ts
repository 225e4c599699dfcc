import type { Kysely, Migration } from 'kysely';

/**
 * The transaction stream is the log (docs/decisions/0063-the-stream-is-the-log.md): workers no longer copy every
 * payment into `scale_ledger`; a restart loads a window-state snapshot and reads the stream on from its position.
 * The ids of every payment seen (to pass over a republished one) are kept in chunks, one per snapshot interval,
 * and a snapshot records how many of them it covers. Snapshots of the ledger design lack that count: they are
 * dropped, so a worker restarting after this migration rebuilds its state from the stream's first message.
 */
export const m0403ScaleStreamIsTheLog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropTable('scale_ledger').execute();
    await db.deleteFrom('scale_snapshots' as never).execute();
    await db.schema
      .alterTable('scale_snapshots')
      .addColumn('id_count', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('scale_seen_ids')
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('first_index', 'bigint', (c) => c.notNull())
      .addColumn('id_count', 'bigint', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scale_seen_ids_pk', ['stream', 'first_index'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('scale_seen_ids').execute();
    await db.schema.alterTable('scale_snapshots').dropColumn('id_count').execute();
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
    // the indexes 0400 and 0401 made, which their own down steps drop
    await db.schema
      .createIndex('scale_ledger_replay')
      .on('scale_ledger')
      .columns(['stream', 'lane', 'seq'])
      .execute();
    await db.schema
      .createIndex('scale_ledger_stream_seq')
      .on('scale_ledger')
      .columns(['stream', 'seq'])
      .execute();
  },
};
