import type { Kysely, Migration } from 'kysely';

/**
 * Seen ids are remembered within a horizon of event time (docs/decisions/0065-seen-ids-horizon.md): each stored id
 * now carries its payment's event time and index, and a snapshot records from which index on it needs the stored
 * ids (`seen_from`), so that chunks wholly before every kept snapshot's need are deleted. Chunks and snapshots of
 * the earlier format (ids without times) are dropped: a worker restarting after this migration rebuilds its state
 * from the stream's first message, as after 0403.
 */
export const m0405ScaleSeenIdsHorizon: Migration = {
  async up(db: Kysely<unknown>) {
    await db.deleteFrom('scale_snapshots' as never).execute();
    await db.deleteFrom('scale_seen_ids' as never).execute();
    await db.schema
      .alterTable('scale_snapshots')
      .addColumn('seen_from', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.deleteFrom('scale_snapshots' as never).execute();
    await db.deleteFrom('scale_seen_ids' as never).execute();
    await db.schema.alterTable('scale_snapshots').dropColumn('seen_from').execute();
  },
};
