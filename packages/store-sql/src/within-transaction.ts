import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs `work` in a database transaction, or inside the caller's when `db` already is one: repositories built on
 * a transaction (a unit of work spanning several of them) must not open a nested one, which Kysely refuses.
 */
export function withinTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database> | Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
