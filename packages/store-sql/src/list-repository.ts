import { fnv1a64, type ListEntry, RETIRED_COUNTRY_CODES } from '@raqib/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

interface ListVersionsTable {
  list: string;
  version: string;
  format: string;
  sources: string;
  entry_count: number;
  loaded_at: number;
}
interface ListEntriesTable {
  list: string;
  version: string;
  ref_id: string;
  kind: string;
  primary_name: string;
  fingerprint: string;
  data: string;
}
interface ListCurrentTable {
  list: string;
  version: string;
}
declare module './schema.ts' {
  interface Database {
    list_versions: ListVersionsTable;
    list_entries: ListEntriesTable;
    list_current: ListCurrentTable;
  }
}

/** A list version to store: what a parser produced. */
export interface ListToStore {
  readonly list: string;
  readonly version: string;
  readonly format: string;
  readonly sources: readonly string[];
  readonly entries: readonly ListEntry[];
}

/** What changed between the previous current version of a list and the one just stored. */
export interface ListDelta {
  readonly list: string;
  readonly version: string;
  readonly previous?: string | undefined;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
  readonly unchanged: number;
  /** What the counts alone would mislead about (changed entries an earlier raqib stored with retired codes). */
  readonly notes?: readonly string[] | undefined;
}

export interface StoredListVersion {
  readonly list: string;
  readonly version: string;
  readonly format: string;
  readonly sources: readonly string[];
  readonly entryCount: number;
  readonly loadedAt: number;
  readonly current: boolean;
}

/**
 * Fingerprint of an entry's content, independent of the list version it came with. `countryTexts` and its
 * documents' `countryText` (country names no code was found for, display-only and not stored before raqib kept
 * them) are left out: an entry that gains them is not "changed", and an analyst's false-positive decision on it
 * (isSuppressed) is not asked again.
 */
export function entryFingerprint(entry: ListEntry): string {
  const { listVersion: _v, countryTexts: _t, ...content } = entry;
  // the key keeps its place in the object, so an entry without issuing-country texts hashes as before
  const identifiers = content.identifiers.map(({ countryText: _c, ...d }) => d);
  return fnv1a64(JSON.stringify({ ...content, identifiers }));
}

const BATCH = 200;

const RETIRED_QUOTED = new RegExp(`"(${Object.keys(RETIRED_COUNTRY_CODES).join('|')})"`);

/**
 * The retired country codes (SU for Russia… as an earlier raqib read the names: RETIRED_COUNTRY_CODES) among a
 * stored entry's countries and its identifiers' countries; none for most entries, which are not parsed for it.
 */
function retiredCodesIn(data: string): Set<string> | undefined {
  if (!RETIRED_QUOTED.test(data)) return undefined;
  const e = JSON.parse(data) as ListEntry;
  const codes = [...e.countries, ...e.identifiers.map((d) => d.country ?? '')].filter((c) =>
    Object.hasOwn(RETIRED_COUNTRY_CODES, c),
  );
  return codes.length > 0 ? new Set(codes) : undefined;
}

function retiredCodesNote(retired: ReadonlyMap<string, ReadonlySet<string>>, changed: number): string {
  const byCode = new Map<string, number>();
  for (const codes of retired.values()) for (const c of codes) byCode.set(c, (byCode.get(c) ?? 0) + 1);
  const codes = [...byCode]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c, n]) => `${c} for ${RETIRED_COUNTRY_CODES[c]} in ${n}`)
    .join(', ');
  return (
    `${retired.size} of the ${changed} changed entries were stored by an earlier raqib with retired country codes ` +
    `(${codes}): their change may be only raqib's corrected reading of the file, not the publisher's; ` +
    'false-positive decisions on them will be asked again'
  );
}

/** Sanctions and in-house lists: versions, entries, and which version is current. */
export class SqlListStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * Stores a complete list version in one transaction (a failure leaves nothing half-stored), makes it the
   * current version of its list, and returns the delta against the previous current version.
   */
  async save(list: ListToStore, now: number): Promise<ListDelta> {
    return this.#db.transaction().execute(async (trx) => {
      const prev = await trx
        .selectFrom('list_current')
        .select('version')
        .where('list', '=', list.list)
        .executeTakeFirst();
      const before = new Map<string, string>();
      // entries stored with retired country codes: when changed, the delta says why (see retiredCodesNote)
      const retiredBefore = new Map<string, Set<string>>();
      if (prev) {
        const rows = await trx
          .selectFrom('list_entries')
          .select(['ref_id', 'fingerprint', 'data'])
          .where('list', '=', list.list)
          .where('version', '=', prev.version)
          .execute();
        for (const r of rows) {
          before.set(r.ref_id, r.fingerprint);
          const codes = retiredCodesIn(r.data);
          if (codes) retiredBefore.set(r.ref_id, codes);
        }
      }
      await trx
        .deleteFrom('list_entries')
        .where('list', '=', list.list)
        .where('version', '=', list.version)
        .execute();
      await trx
        .deleteFrom('list_versions')
        .where('list', '=', list.list)
        .where('version', '=', list.version)
        .execute();
      const added: string[] = [];
      const changed: string[] = [];
      let unchanged = 0;
      const seen = new Set<string>();
      // changed entries whose retired codes the new version no longer holds (a code the file itself still writes
      // is the publisher's, not raqib's old reading)
      const retired = new Map<string, Set<string>>();
      const rows = list.entries.map((e) => {
        const fingerprint = entryFingerprint(e);
        seen.add(e.refId);
        const old = before.get(e.refId);
        if (old === undefined) added.push(e.refId);
        else if (old !== fingerprint) {
          changed.push(e.refId);
          const codes = retiredBefore.get(e.refId);
          if (codes) {
            const still = new Set([...e.countries, ...e.identifiers.map((d) => d.country ?? '')]);
            const gone = new Set([...codes].filter((c) => !still.has(c)));
            if (gone.size > 0) retired.set(e.refId, gone);
          }
        } else unchanged++;
        return {
          list: list.list,
          version: list.version,
          ref_id: e.refId,
          kind: e.kind,
          primary_name: e.names[0]?.text ?? '',
          fingerprint,
          data: JSON.stringify(e),
        };
      });
      for (let i = 0; i < rows.length; i += BATCH) {
        await trx
          .insertInto('list_entries')
          .values(rows.slice(i, i + BATCH))
          .execute();
      }
      await trx
        .insertInto('list_versions')
        .values({
          list: list.list,
          version: list.version,
          format: list.format,
          sources: JSON.stringify(list.sources),
          entry_count: rows.length,
          loaded_at: now,
        })
        .execute();
      await trx
        .insertInto('list_current')
        .values({ list: list.list, version: list.version })
        .onConflict((oc) => oc.column('list').doUpdateSet({ version: list.version }))
        .execute();
      const removed = [...before.keys()].filter((r) => !seen.has(r)).sort();
      const notes = retired.size > 0 ? [retiredCodesNote(retired, changed.length)] : [];
      return {
        list: list.list,
        version: list.version,
        previous: prev?.version,
        added: added.sort(),
        removed,
        changed: changed.sort(),
        unchanged,
        ...(notes.length > 0 ? { notes } : {}),
      };
    });
  }

  /** Entries of the current version of every list (or of the named lists). */
  async currentEntries(lists?: readonly string[]): Promise<ListEntry[]> {
    let q = this.#db
      .selectFrom('list_entries')
      .innerJoin('list_current', (j) =>
        j
          .onRef('list_current.list', '=', 'list_entries.list')
          .onRef('list_current.version', '=', 'list_entries.version'),
      )
      .select(['list_entries.data'])
      .orderBy('list_entries.list')
      .orderBy('list_entries.ref_id');
    if (lists && lists.length > 0) q = q.where('list_entries.list', 'in', [...lists]);
    const rows = await q.execute();
    return rows.map((r) => JSON.parse(r.data) as ListEntry);
  }

  /** Fingerprints of the current entries, keyed `list:refId`. */
  async currentFingerprints(): Promise<Map<string, { version: string; fingerprint: string }>> {
    const rows = await this.#db
      .selectFrom('list_entries')
      .innerJoin('list_current', (j) =>
        j
          .onRef('list_current.list', '=', 'list_entries.list')
          .onRef('list_current.version', '=', 'list_entries.version'),
      )
      .select([
        'list_entries.list',
        'list_entries.ref_id',
        'list_entries.version',
        'list_entries.fingerprint',
      ])
      .execute();
    return new Map(
      rows.map((r) => [`${r.list}:${r.ref_id}`, { version: r.version, fingerprint: r.fingerprint }]),
    );
  }

  async versions(): Promise<StoredListVersion[]> {
    const cur = await this.#db.selectFrom('list_current').selectAll().execute();
    const current = new Set(cur.map((c) => `${c.list}\u0001${c.version}`));
    const rows = await this.#db
      .selectFrom('list_versions')
      .selectAll()
      .orderBy('list')
      .orderBy('version')
      .execute();
    return rows.map((r) => ({
      list: r.list,
      version: r.version,
      format: r.format,
      sources: JSON.parse(r.sources) as string[],
      entryCount: Number(r.entry_count),
      loadedAt: Number(r.loaded_at),
      current: current.has(`${r.list}\u0001${r.version}`),
    }));
  }
}
