import { sql } from 'kysely';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * Fresh migrated databases for the store contract suites (tests only; not exported by the package). Each store
 * gets its own database (SQLite in memory) or its own schema (PostgreSQL), so that a contract's cases never see
 * each other's rows; `closeTestDatabases` closes them and drops the schemas.
 */
const opened: RaqibDatabase[] = [];
const schemas: { url: string; schema: string }[] = [];
let counter = 0;

export async function sqliteTestDatabase(): Promise<RaqibDatabase> {
  const database = openDatabase(':memory:');
  opened.push(database);
  await migrateToLatest(database);
  return database;
}

export async function postgresTestDatabase(url: string, prefix: string): Promise<RaqibDatabase> {
  const schema = `${prefix}_${process.pid}_${counter++}`;
  const admin = openDatabase(url);
  try {
    await sql.raw(`drop schema if exists ${schema} cascade; create schema ${schema}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  schemas.push({ url, schema });
  const database = openDatabase(`${url}${url.includes('?') ? '&' : '?'}schema=${schema}`);
  opened.push(database);
  await migrateToLatest(database);
  return database;
}

export async function closeTestDatabases(): Promise<void> {
  for (const d of opened.splice(0)) await d.close();
  for (const { url, schema } of schemas.splice(0)) {
    const admin = openDatabase(url);
    try {
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
    } finally {
      await admin.close();
    }
  }
}
