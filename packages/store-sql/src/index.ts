export { SqlAlertStore } from './alert-repository.ts';
export { SqlApiKeyStore } from './api-key-repository.ts';
export { SqlAuditLog, sha256Hex } from './audit-log-repository.ts';
export { SqlCaseDocumentStore } from './case-document-repository.ts';
export { SqlCaseStore } from './case-repository.ts';
export { isPostgresUrl, openDatabase, type RaqibDatabase, redactUrl } from './database.ts';
export { migrateToLatest } from './migrate.ts';
export type { Database } from './schema.ts';
export { SqlTransactionStore } from './transaction-repository.ts';
