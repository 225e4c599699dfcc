export { SqlAlertStore } from './alert-repository.ts';
export { isPostgresUrl, openDatabase, type RaqibDatabase, redactUrl } from './database.ts';
export { migrateToLatest } from './migrate.ts';
export type { Database } from './schema.ts';
