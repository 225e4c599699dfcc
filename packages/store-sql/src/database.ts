import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface RaqibDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the database lives, with any password removed (safe to print). */
  readonly location: string;
  /** PostgreSQL schema that holds raqib's tables (from `?schema=NAME` in the URL), if not the default. */
  readonly schema?: string | undefined;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** Removes the password from a connection URL so that it can be logged. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * Opens the store named by `--db`: a file path (SQLite, created if missing) or a `postgres://` URL.
 * BIGINT columns come back as JS numbers: every integer raqib stores (epoch ms, minor units) is a safe integer.
 */
export function openDatabase(url: string): RaqibDatabase {
  if (isPostgresUrl(url)) {
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`invalid schema name in database URL: ${schema}`);
    }
    const pool = new pg.Pool({ connectionString: parsed.toString(), max: 10 });
    if (schema !== undefined) {
      // the name was checked against a strict pattern above, so it is safe to splice into SET
      pool.on('connect', (client) => {
        client.query(`SET search_path TO ${schema}`).catch(() => {});
      });
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: redactUrl(url), schema, close: () => db.destroy() };
  }
  const sqlite = new BetterSqlite3(url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: url, close: () => db.destroy() };
}
