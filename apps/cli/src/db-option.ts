import {
  isPostgresUrl,
  migrateToLatest,
  openDatabase,
  type RaqibDatabase,
  redactUrl,
} from '@raqib/store-sql';
import { Option } from 'commander';
import { CliError } from './cli-error.ts';

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

/**
 * Opens the store named by --db / RAQIB_DB and brings its schema up to date. A store that cannot be opened (a
 * folder that does not exist, a file that is not a database, a server that does not answer) is the user's to fix:
 * a CliError naming it, not an unexpected error with a stack.
 */
export async function openStore(flag: string | undefined): Promise<RaqibDatabase> {
  const url = resolveDbUrl(flag);
  const cannot = (error: unknown) =>
    new CliError(
      `cannot open the database ${isPostgresUrl(url) ? redactUrl(url) : url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  let database: RaqibDatabase;
  try {
    database = openDatabase(url);
  } catch (error) {
    throw cannot(error);
  }
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw cannot(error);
  }
  return database;
}
