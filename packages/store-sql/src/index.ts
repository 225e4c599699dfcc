export { SqlAlertStore } from './alert-repository.ts';
export { SqlApiKeyStore } from './api-key-repository.ts';
export { SqlAuditLog, sha256Hex } from './audit-log-repository.ts';
export { SqlCaseDocumentStore } from './case-document-repository.ts';
export { SqlCaseStore } from './case-repository.ts';
export {
  acquireLaneLease,
  type LaneLease,
  LanesHeldError,
  waitForLaneLease,
} from './checkpoint-lease.ts';
export { type LaneCheckpoint, SqlCheckpointStore, saveCheckpoint } from './checkpoint-repository.ts';
export { isPostgresUrl, openDatabase, type RaqibDatabase, redactUrl } from './database.ts';
export {
  type FiringRow,
  type LaneBatch,
  type RejectRow,
  SEEN_CHUNK_IDS,
  type SeenEntry,
  SqlLaneStore,
  type StoredSnapshot,
} from './lane-store.ts';
export {
  entryFingerprint,
  type ListDelta,
  type ListToStore,
  SqlListStore,
  type StoredListVersion,
} from './list-repository.ts';
export { SqlMediaArticleStore, type StoredMediaArticle } from './media-article-repository.ts';
export { SqlMediaCustomerStore } from './media-customer-repository.ts';
export { migrateToLatest } from './migrate.ts';
export type { Database } from './schema.ts';
export {
  type DecisionRecord,
  isSuppressed,
  SCREENING_DECISIONS,
  type ScreeningCustomer,
  type ScreeningDecision,
  SqlScreeningStore,
  type StoredHit,
} from './screening-repository.ts';
export { sqlUnitOfWork } from './sql-unit-of-work.ts';
export { SqlTransactionStore } from './transaction-repository.ts';
export { withinTransaction } from './within-transaction.ts';
