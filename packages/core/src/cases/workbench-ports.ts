import type { Transaction } from '../model/transaction.ts';
import type { Role } from './case.ts';

/** A stored API key: only the hash of the secret is kept. */
export interface ApiKeyRecord {
  /** Public id, shown in lists and written to the audit log as the actor. */
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly keyHash: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly revokedAt: number | null;
}

/** Where API keys live (port). */
export interface ApiKeyStore {
  insertKey(record: ApiKeyRecord): Promise<void>;
  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listKeys(): Promise<ApiKeyRecord[]>;
  revokeKey(id: string, at: number): Promise<boolean>;
}

/** A transaction with the assessment it got when it was received. */
export interface ScoredTransaction {
  readonly tx: Transaction;
  readonly score: number;
  /** Whether the score crossed the flag threshold when the transaction was received. */
  readonly flag?: boolean | undefined;
  readonly typologies: readonly string[];
  readonly alertIds: readonly string[];
  readonly receivedAt: number;
}

/** Where transactions received through the API are kept, for alert evidence (port). */
export interface TransactionStore {
  /** Idempotent by transaction id: a resubmitted transaction keeps its first record. */
  saveTransactions(items: readonly ScoredTransaction[]): Promise<void>;
  getTransactions(ids: readonly string[]): Promise<ScoredTransaction[]>;
  /**
   * The newest `limit` transactions with event time ≥ `sinceTs`, oldest first: what a restarted server replays
   * to rebuild its account windows.
   */
  recentTransactions(sinceTs: number, limit: number): Promise<Transaction[]>;
  /** Latest event time stored, if any. */
  latestEventTime(): Promise<number | undefined>;
}

/** In-memory API keys, for tests. */
export class MemoryApiKeyStore implements ApiKeyStore {
  readonly #keys = new Map<string, ApiKeyRecord>();
  /** Refuses a second key with the same id or hash, as the SQL store's primary key and unique index do. */
  insertKey(record: ApiKeyRecord): Promise<void> {
    if (this.#keys.has(record.id)) return Promise.reject(new Error(`api key ${record.id} exists`));
    for (const k of this.#keys.values()) {
      if (k.keyHash === record.keyHash) return Promise.reject(new Error('an api key with this hash exists'));
    }
    this.#keys.set(record.id, record);
    return Promise.resolve();
  }
  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    for (const k of this.#keys.values()) if (k.keyHash === keyHash) return Promise.resolve(k);
    return Promise.resolve(undefined);
  }
  /** Oldest first, ties by id. */
  listKeys(): Promise<ApiKeyRecord[]> {
    return Promise.resolve(
      [...this.#keys.values()].sort(
        (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      ),
    );
  }
  revokeKey(id: string, at: number): Promise<boolean> {
    const k = this.#keys.get(id);
    if (!k || k.revokedAt !== null) return Promise.resolve(false);
    this.#keys.set(id, { ...k, revokedAt: at });
    return Promise.resolve(true);
  }
}

/** In-memory transactions, for tests. */
export class MemoryTransactionStore implements TransactionStore {
  readonly #items = new Map<string, ScoredTransaction>();
  saveTransactions(items: readonly ScoredTransaction[]): Promise<void> {
    for (const item of items) if (!this.#items.has(item.tx.id)) this.#items.set(item.tx.id, item);
    return Promise.resolve();
  }
  getTransactions(ids: readonly string[]): Promise<ScoredTransaction[]> {
    const out: ScoredTransaction[] = [];
    for (const id of ids) {
      const item = this.#items.get(id);
      if (item) out.push(item);
    }
    return Promise.resolve(out);
  }
  recentTransactions(sinceTs: number, limit: number): Promise<Transaction[]> {
    const all = [...this.#items.values()].map((i) => i.tx).filter((t) => t.ts >= sinceTs);
    all.sort((a, b) => a.ts - b.ts);
    return Promise.resolve(all.slice(Math.max(0, all.length - limit)));
  }
  latestEventTime(): Promise<number | undefined> {
    let max: number | undefined;
    for (const { tx } of this.#items.values()) if (max === undefined || tx.ts > max) max = tx.ts;
    return Promise.resolve(max);
  }
}

/** A drafted report kept verbatim, so that what a supervisor approves is exactly what is filed. */
export interface CaseDocument {
  readonly caseId: string;
  readonly hash: string;
  readonly kind: 'goaml-str';
  readonly content: string;
  readonly createdAt: number;
  readonly createdBy: string;
}

/** Where drafted reports live (port). */
export interface CaseDocumentStore {
  saveDocument(doc: CaseDocument): Promise<void>;
  /** The newest document of a case, or the one with this hash. */
  getDocument(caseId: string, hash?: string): Promise<CaseDocument | undefined>;
}

/** Drafted reports in memory, for tests. */
export class MemoryCaseDocumentStore implements CaseDocumentStore {
  readonly #docs: CaseDocument[] = [];
  /** The same draft (case and hash) saved again is kept once, with the creation time of the last save. */
  saveDocument(doc: CaseDocument): Promise<void> {
    const i = this.#docs.findIndex((d) => d.caseId === doc.caseId && d.hash === doc.hash);
    if (i < 0) this.#docs.push(doc);
    else this.#docs[i] = { ...this.#docs[i]!, createdAt: doc.createdAt };
    return Promise.resolve();
  }
  /** The newest by creation time, not by the order of saving. */
  getDocument(caseId: string, hash?: string): Promise<CaseDocument | undefined> {
    let newest: CaseDocument | undefined;
    for (const d of this.#docs) {
      if (d.caseId !== caseId || (hash !== undefined && d.hash !== hash)) continue;
      if (newest === undefined || d.createdAt >= newest.createdAt) newest = d;
    }
    return Promise.resolve(newest);
  }
}
