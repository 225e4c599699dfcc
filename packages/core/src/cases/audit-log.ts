import type { AuditDraft, AuditEntry, HashText } from './audit-chain.ts';
import { chainAuditEntry } from './audit-chain.ts';
import { canonicalJson } from './canonical-json.ts';

export interface AuditQuery {
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  readonly actor?: string | undefined;
  /** Entries with seq greater than this (keyset pagination). */
  readonly afterSeq?: number | undefined;
  readonly limit?: number | undefined;
}

/** The append-only audit log (port). Appends are serialised by the adapter so that the chain never forks. */
export interface AuditLog {
  append(draft: AuditDraft): Promise<AuditEntry>;
  list(query: AuditQuery): Promise<AuditEntry[]>;
  /** Every entry in seq order, for verification. */
  all(): AsyncIterable<AuditEntry>;
  /** The head recorded at the last append (kept apart from the entries, to reveal truncation). */
  head(): Promise<{ seq: number; hash: string } | undefined>;
}

/** The audit log in memory; the hash is injected like in every adapter. */
export class MemoryAuditLog implements AuditLog {
  readonly #entries: AuditEntry[] = [];
  readonly #hash: HashText;

  constructor(hash: HashText) {
    this.#hash = hash;
  }

  append(draft: AuditDraft): Promise<AuditEntry> {
    // kept in the canonical JSON form the SQL store keeps: a copy the caller cannot change after the append
    const stored: AuditDraft = {
      ...draft,
      before: JSON.parse(canonicalJson(draft.before)) as unknown,
      after: JSON.parse(canonicalJson(draft.after)) as unknown,
    };
    const entry = chainAuditEntry(this.#entries.at(-1), stored, this.#hash);
    this.#entries.push(entry);
    return Promise.resolve(entry);
  }

  list(query: AuditQuery): Promise<AuditEntry[]> {
    const out = this.#entries.filter(
      (e) =>
        (query.entity === undefined || e.entity === query.entity) &&
        (query.entityId === undefined || e.entityId === query.entityId) &&
        (query.actor === undefined || e.actor === query.actor) &&
        (query.afterSeq === undefined || e.seq > query.afterSeq),
    );
    return Promise.resolve(out.slice(0, query.limit ?? 100));
  }

  async *all(): AsyncIterable<AuditEntry> {
    yield* this.#entries;
  }

  head(): Promise<{ seq: number; hash: string } | undefined> {
    const last = this.#entries.at(-1);
    return Promise.resolve(last ? { seq: last.seq, hash: last.hash } : undefined);
  }
}
