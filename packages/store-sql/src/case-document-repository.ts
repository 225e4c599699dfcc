import type { CaseDocument, CaseDocumentStore } from '@raqib/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

interface CaseDocumentsTable {
  case_id: string;
  hash: string;
  kind: string;
  content: string;
  created_at: number;
  created_by: string;
}
declare module './schema.ts' {
  interface Database {
    case_documents: CaseDocumentsTable;
  }
}

/** Drafted reports on SQLite or PostgreSQL. */
export class SqlCaseDocumentStore implements CaseDocumentStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async saveDocument(doc: CaseDocument): Promise<void> {
    await this.#db
      .insertInto('case_documents')
      .values({
        case_id: doc.caseId,
        hash: doc.hash,
        kind: doc.kind,
        content: doc.content,
        created_at: doc.createdAt,
        created_by: doc.createdBy,
      })
      // the same content has the same hash: drafting it again changes nothing
      .onConflict((oc) => oc.columns(['case_id', 'hash']).doUpdateSet({ created_at: doc.createdAt }))
      .execute();
  }

  async getDocument(caseId: string, hash?: string): Promise<CaseDocument | undefined> {
    let q = this.#db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId);
    if (hash !== undefined) q = q.where('hash', '=', hash);
    const row = await q.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    return row
      ? {
          caseId: row.case_id,
          hash: row.hash,
          kind: 'goaml-str',
          content: row.content,
          createdAt: Number(row.created_at),
          createdBy: row.created_by,
        }
      : undefined;
  }
}
