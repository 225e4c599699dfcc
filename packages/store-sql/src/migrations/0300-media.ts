import type { Kysely, Migration } from 'kysely';

/** Adverse media: articles stored once (keyed by URL or normalised text), their entity mentions, and customers. */
export const m0300Media: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('media_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text')
      .addColumn('title', 'text')
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint')
      .addColumn('ingested_at', 'bigint', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('adverse', 'integer', (c) => c.notNull())
      .addColumn('adverse_score', 'double precision', (c) => c.notNull())
      .addColumn('categories', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('analysis', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('media_articles_published')
      .on('media_articles')
      .column('published_at')
      .execute();
    await db.schema
      .createTable('media_mentions')
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('normalized', 'text', (c) => c.notNull())
      .addColumn('canonical', 'text')
      .addColumn('start_char', 'integer', (c) => c.notNull())
      .addColumn('end_char', 'integer', (c) => c.notNull())
      .addColumn('links', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('media_mentions_pk', ['article_id', 'seq'])
      .execute();
    await db.schema.createIndex('media_mentions_name').on('media_mentions').column('normalized').execute();
    await db.schema
      .createTable('media_customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('bank', 'text')
      .addColumn('account', 'text')
      .addColumn('country', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('media_customers').execute();
    await db.schema.dropTable('media_mentions').execute();
    await db.schema.dropTable('media_articles').execute();
  },
};
