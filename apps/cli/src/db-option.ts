import { existsSync } from 'node:fs';
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

/**
 * `openStore` for a command that only reads or amends what others stored (alerts, audit, keys list, lists show,
 * lists decide). A SQLite file that does not exist is a mistyped --db far more often than an empty database:
 * opening it would create an empty file and answer "nothing found" as if that were the answer. `missing` says what
 * would have put data there.
 */
export async function openExistingStore(flag: string | undefined, missing: string): Promise<RaqibDatabase> {
  const absent = missingStore(flag);
  if (absent !== undefined)
    throw new CliError(`no database at ${absent}: ${missing} (--db or RAQIB_DB names the database)`);
  return openStore(flag);
}

/** The SQLite path --db / RAQIB_DB names when no such file exists yet (never for a server or `:memory:`). */
export function missingStore(flag: string | undefined): string | undefined {
  const url = resolveDbUrl(flag);
  return !isPostgresUrl(url) && url !== ':memory:' && !existsSync(url) ? url : undefined;
}
