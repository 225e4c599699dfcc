import type { ApiKeyRecord, ApiKeyStore, Role } from '@raqib/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  key_hash: string;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
}
declare module './schema.ts' {
  interface Database {
    api_keys: ApiKeysTable;
  }
}

const fromRow = (r: ApiKeysTable): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  role: r.role as Role,
  keyHash: r.key_hash,
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

/** API keys on SQLite or PostgreSQL; only the key's hash is stored. */
export class SqlApiKeyStore implements ApiKeyStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertKey(record: ApiKeyRecord): Promise<void> {
    await this.#db
      .insertInto('api_keys')
      .values({
        id: record.id,
        name: record.name,
        role: record.role,
        key_hash: record.keyHash,
        created_at: record.createdAt,
        created_by: record.createdBy,
        revoked_at: record.revokedAt,
      })
      .execute();
  }

  async findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.#db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    const rows = await this.#db
      .selectFrom('api_keys')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(fromRow);
  }

  async revokeKey(id: string, at: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
