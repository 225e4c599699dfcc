import type {
  AccountInfo,
  Alert,
  AlertStore,
  ApiKeyStore,
  AuditLog,
  BankInfo,
  CaseDocumentStore,
  CaseStore,
  Clock,
  DetectorFinding,
  HashText,
  RunUnitOfWork,
  ScreeningIndex,
  Transaction,
  TransactionStore,
  TxPublisher,
} from '@raqib/core';
import type { IndicatorCatalogue, ReportingEntity } from '@raqib/formats';

/** What the monitor returns per transaction (the monitoring engine's TxAssessment). */
export interface Assessment {
  readonly score: number;
  readonly flag: boolean;
  readonly typologies: readonly string[];
  readonly findings: readonly DetectorFinding[];
  readonly alertIds: readonly string[];
}

/** The part of the monitoring engine's Monitor the API uses: score in event order, collect finished alerts. */
export interface TransactionScorer {
  process(tx: Transaction): Assessment;
  drainAlerts(): Alert[];
}

export interface GoamlSettings {
  readonly entity: ReportingEntity;
  /** The FIU's indicator list; when absent, explicit codes are passed through and the schema judges them. */
  readonly catalogue?: IndicatorCatalogue | undefined;
  readonly typologyIndicators?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Reference data: holder names and types of accounts (`bank|account`), bank countries. */
  readonly accounts?: ReadonlyMap<string, AccountInfo> | undefined;
  readonly banks?: ReadonlyMap<string, BankInfo> | undefined;
}

/** Everything `buildApp` needs; compose.ts chooses the adapters, tests pass in-memory ones. */
export interface AppDeps {
  readonly alerts: AlertStore;
  readonly cases: CaseStore;
  readonly documents: CaseDocumentStore;
  readonly audit: AuditLog;
  /** Runs an analyst action so that its record changes and its audit entry are kept together or not at all. */
  readonly transact: RunUnitOfWork;
  readonly keys: ApiKeyStore;
  readonly transactions: TransactionStore;
  readonly scorer: TransactionScorer;
  readonly screening?: ScreeningIndex | undefined;
  /**
   * The scale-out transaction stream (`raqib serve --nats`): POST /v1/stream/transactions publishes there for the
   * workers to judge (docs/deploy.md). Absent: that route answers STREAM_UNAVAILABLE.
   */
  readonly stream?: TxPublisher | undefined;
  readonly clock: Clock;
  /** SHA-256 hex in production. */
  readonly hash: HashText;
  /** New unique ids (cases). */
  readonly newId: () => string;
  readonly goaml: GoamlSettings;
  /** Largest request body in bytes. */
  readonly bodyLimit?: number | undefined;
  /** Directory of the built web UI, served at `/` when present. */
  readonly webDist?: string | undefined;
  /** Fastify logger setting (false in tests). */
  readonly logger?: boolean | { level: string } | undefined;
}
