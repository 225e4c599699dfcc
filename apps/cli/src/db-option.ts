import { migrateToLatest, openDatabase, type RaqibDatabase } from '@raqib/store-sql';
import { Option } from 'commander';

/** The one flag that names the store everywhere: a SQLite file path or a postgres:// URL. */
export function dbOption(): Option {
  return new Option('--db <path>', 'database: SQLite file or postgres:// URL (env RAQIB_DB)').default(
    undefined,
    './raqib.db',
  );
}

export function resolveDbUrl(flag: string | undefined): string {
  return flag ?? process.env.RAQIB_DB ?? './raqib.db';
}

/** Opens the store named by --db / RAQIB_DB and brings its schema up to date. */
export async function openStore(flag: string | undefined): Promise<RaqibDatabase> {
  const database = openDatabase(resolveDbUrl(flag));
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
