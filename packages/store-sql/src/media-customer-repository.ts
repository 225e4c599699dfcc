import type { MediaCustomer } from '@raqib/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

interface MediaCustomersTable {
  id: string;
  name: string;
  entity_type: string;
  bank: string | null;
  account: string | null;
  country: string | null;
  updated_at: number;
}
declare module './schema.ts' {
  interface Database {
    media_customers: MediaCustomersTable;
  }
}

/** Customers whose names adverse-media ingestion watches. */
export class SqlMediaCustomerStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Inserts or replaces customers by id. */
  async upsert(customers: readonly MediaCustomer[], now: number): Promise<number> {
    for (let i = 0; i < customers.length; i += 200) {
      const rows = customers.slice(i, i + 200).map((c) => ({
        id: c.id,
        name: c.name,
        entity_type: c.type ?? 'person',
        bank: c.account?.bank ?? null,
        account: c.account?.account ?? null,
        country: c.country ?? null,
        updated_at: now,
      }));
      await this.#db
        .insertInto('media_customers')
        .values(rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            name: (eb) => eb.ref('excluded.name'),
            entity_type: (eb) => eb.ref('excluded.entity_type'),
            bank: (eb) => eb.ref('excluded.bank'),
            account: (eb) => eb.ref('excluded.account'),
            country: (eb) => eb.ref('excluded.country'),
            updated_at: (eb) => eb.ref('excluded.updated_at'),
          }),
        )
        .execute();
    }
    return customers.length;
  }

  async list(): Promise<MediaCustomer[]> {
    const rows = await this.#db.selectFrom('media_customers').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.entity_type === 'organisation' ? 'organisation' : 'person',
      ...(r.bank !== null && r.account !== null ? { account: { bank: r.bank, account: r.account } } : {}),
      ...(r.country === null ? {} : { country: r.country }),
    }));
  }
}
