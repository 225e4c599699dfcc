import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { RaqibDatabase } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';

class ListProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({ ...MIGRATIONS });
  }
}

/** Brings the schema up to date; throws with the failing migration's name if one fails. */
export async function migrateToLatest(database: RaqibDatabase): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: new ListProvider(),
    // areas own separate number ranges and land in any order, so a later-numbered one may already have run
    allowUnorderedMigrations: true,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
