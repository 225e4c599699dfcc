import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

interface ScreeningCustomersTable {
  id: string;
  name: string;
  dob: string | null;
  country: string | null;
  type: string | null;
  updated_at: number;
}
interface ScreeningHitsTable {
  customer_id: string;
  list: string;
  ref_id: string;
  list_version: string;
  score: number;
  matched_name: string;
  explanation: string;
  screened_at: number;
}
interface ScreeningDecisionsTable {
  customer_id: string;
  list: string;
  ref_id: string;
  list_version: string;
  fingerprint: string;
  decision: string;
  analyst: string;
  note: string | null;
  decided_at: number;
}
declare module './schema.ts' {
  interface Database {
    screening_customers: ScreeningCustomersTable;
    screening_hits: ScreeningHitsTable;
    screening_decisions: ScreeningDecisionsTable;
  }
}

export interface ScreeningCustomer {
  readonly id: string;
  readonly name: string;
  readonly dob?: string | undefined;
  readonly country?: string | undefined;
  readonly type?: 'person' | 'organisation' | undefined;
}

export interface StoredHit {
  readonly customerId: string;
  readonly list: string;
  readonly refId: string;
  readonly listVersion: string;
  readonly score: number;
  readonly matchedName: string;
  readonly explanation: string;
}

export const SCREENING_DECISIONS = ['false-positive', 'true-match'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

export interface DecisionRecord {
  readonly customerId: string;
  readonly list: string;
  readonly refId: string;
  readonly listVersion: string;
  /** Fingerprint of the entry the analyst looked at: the decision holds while the entry is unchanged. */
  readonly fingerprint: string;
  readonly decision: ScreeningDecision;
  readonly analyst: string;
  readonly note?: string | undefined;
}

const BATCH = 200;

/** Stored customers for re-screening, their latest hits, and analysts' decisions per customer, entry and list version. */
export class SqlScreeningStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async upsertCustomers(customers: readonly ScreeningCustomer[], now: number): Promise<void> {
    for (let i = 0; i < customers.length; i += BATCH) {
      const rows = customers.slice(i, i + BATCH).map((c) => ({
        id: c.id,
        name: c.name,
        dob: c.dob ?? null,
        country: c.country ?? null,
        type: c.type ?? null,
        updated_at: now,
      }));
      await this.#db
        .insertInto('screening_customers')
        .values(rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            name: (eb) => eb.ref('excluded.name'),
            dob: (eb) => eb.ref('excluded.dob'),
            country: (eb) => eb.ref('excluded.country'),
            type: (eb) => eb.ref('excluded.type'),
            updated_at: (eb) => eb.ref('excluded.updated_at'),
          }),
        )
        .execute();
    }
  }

  async customers(): Promise<ScreeningCustomer[]> {
    const rows = await this.#db.selectFrom('screening_customers').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      dob: r.dob ?? undefined,
      country: r.country ?? undefined,
      type: r.type === 'person' || r.type === 'organisation' ? r.type : undefined,
    }));
  }

  /** Replaces the latest hits of the given customers. */
  async replaceHits(customerIds: readonly string[], hits: readonly StoredHit[], now: number): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      for (let i = 0; i < customerIds.length; i += BATCH) {
        await trx
          .deleteFrom('screening_hits')
          .where('customer_id', 'in', customerIds.slice(i, i + BATCH))
          .execute();
      }
      const rows = hits.map((h) => ({
        customer_id: h.customerId,
        list: h.list,
        ref_id: h.refId,
        list_version: h.listVersion,
        score: h.score,
        matched_name: h.matchedName,
        explanation: h.explanation,
        screened_at: now,
      }));
      for (let i = 0; i < rows.length; i += BATCH)
        await trx
          .insertInto('screening_hits')
          .values(rows.slice(i, i + BATCH))
          .execute();
    });
  }

  async hits(customerId?: string): Promise<StoredHit[]> {
    let q = this.#db.selectFrom('screening_hits').selectAll().orderBy('customer_id').orderBy('score', 'desc');
    if (customerId !== undefined) q = q.where('customer_id', '=', customerId);
    const rows = await q.execute();
    return rows.map((r) => ({
      customerId: r.customer_id,
      list: r.list,
      refId: r.ref_id,
      listVersion: r.list_version,
      score: Number(r.score),
      matchedName: r.matched_name,
      explanation: r.explanation,
    }));
  }

  async recordDecision(d: DecisionRecord, now: number): Promise<void> {
    await this.#db
      .insertInto('screening_decisions')
      .values({
        customer_id: d.customerId,
        list: d.list,
        ref_id: d.refId,
        list_version: d.listVersion,
        fingerprint: d.fingerprint,
        decision: d.decision,
        analyst: d.analyst,
        note: d.note ?? null,
        decided_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['customer_id', 'list', 'ref_id', 'list_version']).doUpdateSet({
          fingerprint: (eb) => eb.ref('excluded.fingerprint'),
          decision: (eb) => eb.ref('excluded.decision'),
          analyst: (eb) => eb.ref('excluded.analyst'),
          note: (eb) => eb.ref('excluded.note'),
          decided_at: (eb) => eb.ref('excluded.decided_at'),
        }),
      )
      .execute();
  }

  /** Every decision, keyed `customer\u0001list:refId`, newest first within a key. */
  async decisions(): Promise<Map<string, DecisionRecord[]>> {
    const rows = await this.#db
      .selectFrom('screening_decisions')
      .selectAll()
      .orderBy('decided_at', 'desc')
      .execute();
    const out = new Map<string, DecisionRecord[]>();
    for (const r of rows) {
      const key = `${r.customer_id}\u0001${r.list}:${r.ref_id}`;
      const rec: DecisionRecord = {
        customerId: r.customer_id,
        list: r.list,
        refId: r.ref_id,
        listVersion: r.list_version,
        fingerprint: r.fingerprint,
        decision: r.decision === 'true-match' ? 'true-match' : 'false-positive',
        analyst: r.analyst,
        note: r.note ?? undefined,
      };
      out.set(key, [...(out.get(key) ?? []), rec]);
    }
    return out;
  }
}

/**
 * Whether a hit is suppressed by an analyst's false-positive decision: one taken for this customer and
 * entry on the same list version, or on any version whose entry content (fingerprint) is unchanged.
 */
export function isSuppressed(
  decisions: ReadonlyMap<string, readonly DecisionRecord[]>,
  customerId: string,
  list: string,
  refId: string,
  listVersion: string,
  fingerprint: string | undefined,
): DecisionRecord | undefined {
  const ds = decisions.get(`${customerId}\u0001${list}:${refId}`) ?? [];
  const d = ds[0];
  if (d?.decision !== 'false-positive') return undefined;
  return d.listVersion === listVersion || (fingerprint !== undefined && d.fingerprint === fingerprint)
    ? d
    : undefined;
}
