import { randomUUID } from 'node:crypto';
import {
  type AccountInfo,
  accountKey,
  type BankInfo,
  buildScreeningIndex,
  type Clock,
  CurrencyTable,
  createMonitor,
  knownCurrencies,
  type ListEntry,
  type ScreeningIndex,
  type TxPublisher,
} from '@raqib/core';
import { loadIndicatorCatalogue, loadListPath, readAccounts, readBanks } from '@raqib/formats';
import {
  migrateToLatest,
  openDatabase,
  type RaqibDatabase,
  SqlAlertStore,
  SqlApiKeyStore,
  SqlAuditLog,
  SqlCaseDocumentStore,
  SqlCaseStore,
  SqlTransactionStore,
  sha256Hex,
  sqlUnitOfWork,
} from '@raqib/store-sql';
import type { ServerConfig } from './config.ts';
import type { AppDeps } from './deps.ts';
import { warmUpScorer } from './warm-up.ts';

const systemClock: Clock = { now: () => Date.now() };

export interface Composition {
  readonly deps: AppDeps;
  readonly database: RaqibDatabase;
  /** What was loaded, for the start-up message. */
  readonly summary: {
    readonly lists: number;
    readonly listEntries: number;
    readonly indicators: number;
    /** Stored transactions replayed into the monitor at start. */
    readonly replayed: number;
    readonly banks: number;
    readonly accounts: number;
  };
  close(): Promise<void>;
}

/** Local units per foreign unit from the monitor's rough USD levels: a labelled fallback, never a booking rate. */
export function approximateRatesTo(local: string): Record<string, number> {
  const table = new CurrencyTable();
  const usd = (code: string) => table.usd[table.id(code)] ?? 0;
  const localUsd = usd(local);
  const out: Record<string, number> = {};
  if (!(localUsd > 0)) return out;
  for (const { code } of knownCurrencies()) {
    if (code !== local && usd(code) > 0) out[code] = Number((usd(code) / localUsd).toPrecision(6));
  }
  return out;
}

function loadScreening(path: string | undefined): { index?: ScreeningIndex; lists: number; entries: number } {
  if (path === undefined) return { lists: 0, entries: 0 };
  const lists = loadListPath(path);
  const entries: ListEntry[] = lists.flatMap((l) => [...l.entries]);
  return { index: buildScreeningIndex(entries), lists: lists.length, entries: entries.length };
}

/**
 * The one place adapters are chosen (house rule 3): the SQL store named by RAQIB_DB / --db for alerts, cases,
 * documents, audit, keys and transactions; the in-process monitor for scoring; SHA-256 for the audit chain.
 */
/** Adapters the caller opens itself (the CLI, which also owns their lifetime): the scale-out stream. */
export interface ComposeAdapters {
  readonly stream?: TxPublisher | undefined;
}

export async function compose(config: ServerConfig, adapters: ComposeAdapters = {}): Promise<Composition> {
  const database = openDatabase(config.RAQIB_DB);
  try {
    await migrateToLatest(database);
    const catalogue = config.indicatorsFile ? await loadIndicatorCatalogue(config.indicatorsFile) : undefined;
    const screening = loadScreening(config.listsPath);
    const db = database.db;
    const transactions = new SqlTransactionStore(db);
    const banks = config.banksFile
      ? new Map<string, BankInfo>((await readBanks(config.banksFile)).map((b) => [b.bankId, b]))
      : undefined;
    const accounts = config.accountsFile
      ? new Map<string, AccountInfo>(
          (await readAccounts(config.accountsFile)).map((a) => [accountKey(a.bankId, a.account), a]),
        )
      : undefined;
    const scorer = createMonitor({
      clock: systemClock,
      reference: { ...(banks ? { banks } : {}), ...(accounts ? { accounts } : {}) },
    });
    const replayed = await warmUpScorer(scorer, transactions, {
      days: config.RAQIB_WARMUP_DAYS,
      maxRows: config.RAQIB_WARMUP_MAX,
    });
    const deps: AppDeps = {
      alerts: new SqlAlertStore(db),
      cases: new SqlCaseStore(db),
      documents: new SqlCaseDocumentStore(db),
      audit: new SqlAuditLog(db, sha256Hex),
      transact: sqlUnitOfWork(db, sha256Hex),
      keys: new SqlApiKeyStore(db),
      transactions,
      scorer,
      screening: screening.index,
      stream: adapters.stream,
      clock: systemClock,
      hash: sha256Hex,
      newId: () => randomUUID().replaceAll('-', '').slice(0, 16),
      goaml: {
        entity: {
          rentityId: config.RAQIB_GOAML_RENTITY_ID,
          branch: config.RAQIB_GOAML_BRANCH,
          localCurrency: config.RAQIB_GOAML_CURRENCY,
          fxToLocal: config.RAQIB_GOAML_FX,
          approximateFxToLocal:
            config.RAQIB_GOAML_FX_FALLBACK === 'approximate'
              ? approximateRatesTo(config.RAQIB_GOAML_CURRENCY)
              : undefined,
          reportingPerson:
            config.RAQIB_GOAML_REPORTER === undefined
              ? undefined
              : {
                  name: config.RAQIB_GOAML_REPORTER,
                  email: config.RAQIB_GOAML_REPORTER_EMAIL,
                  occupation: 'MLRO',
                },
        },
        catalogue,
        accounts,
        banks,
      },
      bodyLimit: config.RAQIB_BODY_LIMIT,
      webDist: config.webDist,
      logger: config.RAQIB_LOG_LEVEL === 'silent' ? false : { level: config.RAQIB_LOG_LEVEL },
    };
    return {
      deps,
      database,
      summary: {
        lists: screening.lists,
        listEntries: screening.entries,
        indicators: catalogue?.labels.size ?? 0,
        replayed,
        banks: banks?.size ?? 0,
        accounts: accounts?.size ?? 0,
      },
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
