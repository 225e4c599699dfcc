import { createHash } from 'node:crypto';
import {
  type AuditDraft,
  type AuditEntry,
  type AuditLog,
  type AuditQuery,
  canonicalJson,
  chainAuditEntry,
  type HashText,
} from '@raqib/core';
import type { Kysely } from 'kysely';
import { isLostRace, LOST_RACE_ATTEMPTS, pauseAfterLostRace } from './lost-race.ts';
import type { Database } from './schema.ts';
import { withinTransaction } from './within-transaction.ts';

interface AuditLogTable {
  seq: number;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string;
  after_json: string;
  prev_hash: string;
  hash: string;
}
interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
declare module './schema.ts' {
  interface Database {
    audit_log: AuditLogTable;
    audit_head: AuditHeadTable;
  }
}

/** SHA-256 hex: the audit chain's hash. */
export const sha256Hex: HashText = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

function fromRow(r: AuditLogTable): AuditEntry {
  return {
    seq: Number(r.seq),
    at: Number(r.at),
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: JSON.parse(r.before_json) as unknown,
    after: JSON.parse(r.after_json) as unknown,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The audit log on SQLite or PostgreSQL, chained with SHA-256. Appends are queued in this process, and each runs
 * in a database transaction that reads the head, so the chain never forks; a second process (the CLI while the
 * server runs) that wins the race makes this append retry on the primary-key conflict.
 */
export class SqlAuditLog implements AuditLog {
  readonly #db: Kysely<Database>;
  readonly #hash: HashText;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(db: Kysely<Database>, hash: HashText = sha256Hex) {
    this.#db = db;
    this.#hash = hash;
  }

  append(draft: AuditDraft): Promise<AuditEntry> {
    const run = this.#queue.then(() => this.#appendWithRetry(draft));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #appendWithRetry(draft: AuditDraft): Promise<AuditEntry> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#appendOnce(draft);
      } catch (error) {
        // inside a caller's transaction a failed statement may have aborted it (PostgreSQL): the caller retries
        if (attempt >= LOST_RACE_ATTEMPTS || !isLostRace(error) || this.#db.isTransaction) throw error;
        await pauseAfterLostRace(attempt);
      }
    }
  }

  async #appendOnce(draft: AuditDraft): Promise<AuditEntry> {
    // before/after are stored as canonical JSON and hashed from their parsed form, so that a read-back verifies
    const stored: AuditDraft = {
      ...draft,
      before: JSON.parse(canonicalJson(draft.before)) as unknown,
      after: JSON.parse(canonicalJson(draft.after)) as unknown,
    };
    return withinTransaction(this.#db, async (trx) => {
      const last = await trx
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const entry = chainAuditEntry(last ? fromRow(last) : undefined, stored, this.#hash);
      await trx
        .insertInto('audit_log')
        .values({
          seq: entry.seq,
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          entity: entry.entity,
          entity_id: entry.entityId,
          before_json: canonicalJson(entry.before),
          after_json: canonicalJson(entry.after),
          prev_hash: entry.prevHash,
          hash: entry.hash,
        })
        .execute();
      await trx
        .insertInto('audit_head')
        .values({ id: 1, seq: entry.seq, hash: entry.hash })
        .onConflict((oc) => oc.column('id').doUpdateSet({ seq: entry.seq, hash: entry.hash }))
        .execute();
      return entry;
    });
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    let q = this.#db.selectFrom('audit_log').selectAll();
    if (query.entity !== undefined) q = q.where('entity', '=', query.entity);
    if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
    if (query.actor !== undefined) q = q.where('actor', '=', query.actor);
    if (query.afterSeq !== undefined) q = q.where('seq', '>', query.afterSeq);
    const rows = await q
      .orderBy('seq')
      .limit(query.limit ?? 100)
      .execute();
    return rows.map(fromRow);
  }

  async *all(): AsyncIterable<AuditEntry> {
    let after = 0;
    for (;;) {
      const rows = await this.#db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(1000)
        .execute();
      for (const r of rows) yield fromRow(r);
      const last = rows.at(-1);
      if (!last || rows.length < 1000) return;
      after = Number(last.seq);
    }
  }

  async head(): Promise<{ seq: number; hash: string } | undefined> {
    const row = await this.#db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
  }
}
