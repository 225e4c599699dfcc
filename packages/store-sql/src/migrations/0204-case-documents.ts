import type { Kysely, Migration } from 'kysely';

/** Drafted reports (goAML STR XML) kept verbatim with their hash. */
export const m0204CaseDocuments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_documents')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_documents_pk', ['case_id', 'hash'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('case_documents').execute();
  },
};
