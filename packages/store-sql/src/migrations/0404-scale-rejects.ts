import type { Kysely, Migration } from 'kysely';

/**
 * Messages of the transaction stream that no worker could read (docs/decisions/0063-the-stream-is-the-log.md):
 * kept with their position, the lane that recorded them (the partition their subject names), the reason and the
 * start of their text, so that nothing on the stream is passed over without a trace an analyst can query.
 */
export const m0404ScaleRejects: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('scale_rejects')
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('lane', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scale_rejects_pk', ['stream', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('scale_rejects').execute();
  },
};
