import type { ListEntry } from '@raqib/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { entryFingerprint, SqlListStore } from './list-repository.ts';
import { migrateToLatest } from './migrate.ts';
import { isSuppressed, SqlScreeningStore } from './screening-repository.ts';

const opened: RaqibDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

async function fresh(): Promise<RaqibDatabase> {
  const d = openDatabase(':memory:');
  opened.push(d);
  await migrateToLatest(d);
  return d;
}

const entry = (refId: string, name: string, version: string, extra: Partial<ListEntry> = {}): ListEntry => ({
  list: 'UN',
  listVersion: version,
  refId,
  kind: 'person',
  names: [{ text: name, type: 'primary' }],
  programmes: ['Al-Qaida'],
  birthDates: [],
  countries: [],
  identifiers: [],
  ...extra,
});

describe('SqlListStore (sqlite)', () => {
  it('stores a version, reports the delta of the next one, and serves the current entries', async () => {
    const d = await fresh();
    const store = new SqlListStore(d.db);
    const v1 = [
      entry('QDi.1', 'Usama bin Ladin', '2026-01-01'),
      entry('QDi.2', 'Ayman al-Zawahiri', '2026-01-01'),
    ];
    const first = await store.save(
      { list: 'UN', version: '2026-01-01', format: 'un-xml', sources: ['a.xml'], entries: v1 },
      1,
    );
    expect(first).toMatchObject({ previous: undefined, added: ['QDi.1', 'QDi.2'], removed: [], changed: [] });
    const v2 = [
      entry('QDi.2', 'Ayman al-Zawahiri', '2026-02-01', { birthDates: ['1951-06-19'] }),
      entry('QDi.3', 'Saif al-Adel', '2026-02-01'),
    ];
    const second = await store.save(
      { list: 'UN', version: '2026-02-01', format: 'un-xml', sources: ['b.xml'], entries: v2 },
      2,
    );
    expect(second).toEqual({
      list: 'UN',
      version: '2026-02-01',
      previous: '2026-01-01',
      added: ['QDi.3'],
      removed: ['QDi.1'],
      changed: ['QDi.2'],
      unchanged: 0,
    });
    expect((await store.currentEntries()).map((e) => e.refId)).toEqual(['QDi.2', 'QDi.3']);
    const versions = await store.versions();
    expect(versions.map((v) => [v.version, v.current, v.entryCount])).toEqual([
      ['2026-01-01', false, 2],
      ['2026-02-01', true, 2],
    ]);
  });

  it('says which changed entries an earlier raqib stored with retired country codes', async () => {
    const d = await fresh();
    const store = new SqlListStore(d.db);
    const save = (version: string, entries: ListEntry[]) =>
      store.save({ list: 'UN', version, format: 'un-xml', sources: ['a.xml'], entries }, 1);
    await save('2026-01-01', [
      entry('QDi.1', 'A', '2026-01-01', { countries: ['SU'] }),
      entry('QDi.2', 'B', '2026-01-01', {
        countries: ['IQ'],
        identifiers: [{ type: 'passport', value: '123', country: 'YU' }],
      }),
      entry('QDi.3', 'C', '2026-01-01', { countries: ['SU'] }),
      entry('QDi.4', 'D', '2026-01-01', { countries: ['IQ'] }),
      entry('QDi.5', 'E', '2026-01-01', {
        countries: ['IQ'],
        identifiers: [{ type: 'passport', value: '9', country: 'SU' }],
      }),
    ]);
    const delta = await save('2026-02-01', [
      entry('QDi.1', 'A', '2026-02-01', { countries: ['RU'] }),
      entry('QDi.2', 'B', '2026-02-01', {
        countries: ['IQ'],
        identifiers: [{ type: 'passport', value: '123', country: 'RS' }],
      }),
      entry('QDi.3', 'C', '2026-02-01', { countries: ['SU'] }), // unchanged: not counted
      entry('QDi.4', 'D', '2026-02-01', { countries: ['SY'] }), // changed, no retired code
      // changed, but the file itself still writes SU on the passport: the publisher's code, not raqib's reading
      entry('QDi.5', 'E', '2026-02-01', {
        countries: ['SY'],
        identifiers: [{ type: 'passport', value: '9', country: 'SU' }],
      }),
    ]);
    expect(delta.changed).toEqual(['QDi.1', 'QDi.2', 'QDi.4', 'QDi.5']);
    expect(delta.notes).toEqual([
      "2 of the 4 changed entries were stored by an earlier raqib with retired country codes (SU for RU in 1, YU for RS in 1): their change may be only raqib's corrected reading of the file, not the publisher's; false-positive decisions on them will be asked again",
    ]);
    // a reload of the same version compares with the rows it replaces
    const again = await save('2026-02-01', [entry('QDi.1', 'A', '2026-02-01', { countries: ['RU'] })]);
    expect(again.notes).toBeUndefined();
  });

  it('an unchanged entry keeps its fingerprint across versions', () => {
    expect(entryFingerprint(entry('QDi.1', 'A', 'v1'))).toBe(entryFingerprint(entry('QDi.1', 'A', 'v2')));
    expect(entryFingerprint(entry('QDi.1', 'A', 'v1'))).not.toBe(entryFingerprint(entry('QDi.1', 'B', 'v1')));
  });

  it('country names kept as text do not change the fingerprint (no decision is asked again for them)', () => {
    const before = entry('QDi.1', 'A', 'v1', { countries: ['IQ'] });
    const after = entry('QDi.1', 'A', 'v2', { countries: ['IQ'], countryTexts: ['Kurdistan'] });
    expect(entryFingerprint(after)).toBe(entryFingerprint(before));
    expect(entryFingerprint({ ...after, countryTexts: ['Other'] })).toBe(entryFingerprint(before));
    expect(entryFingerprint({ ...after, countries: ['IQ', 'SY'] })).not.toBe(entryFingerprint(before));
  });

  it("a document's issuing country kept as text does not change the fingerprint either", () => {
    const doc = { type: 'Passport', value: 'P1' };
    const before = entry('QDi.1', 'A', 'v1', { identifiers: [doc] });
    const after = entry('QDi.1', 'A', 'v2', { identifiers: [{ ...doc, countryText: 'Region: Gaza' }] });
    expect(entryFingerprint(after)).toBe(entryFingerprint(before));
    expect(
      entryFingerprint(entry('QDi.1', 'A', 'v2', { identifiers: [{ ...doc, country: 'PS' }] })),
    ).not.toBe(entryFingerprint(before));
  });
});

describe('SqlScreeningStore (sqlite)', () => {
  it('remembers a false-positive decision per customer, entry and list version', async () => {
    const d = await fresh();
    const store = new SqlScreeningStore(d.db);
    await store.upsertCustomers([{ id: 'C1', name: 'Usama Ladin', type: 'person' }], 1);
    expect(await store.customers()).toEqual([
      { id: 'C1', name: 'Usama Ladin', type: 'person', dob: undefined, country: undefined },
    ]);
    await store.recordDecision(
      {
        customerId: 'C1',
        list: 'UN',
        refId: 'QDi.1',
        listVersion: 'v1',
        fingerprint: 'f1',
        decision: 'false-positive',
        analyst: 'rana',
      },
      2,
    );
    const decisions = await store.decisions();
    expect(isSuppressed(decisions, 'C1', 'UN', 'QDi.1', 'v1', 'f1')?.analyst).toBe('rana');
    expect(isSuppressed(decisions, 'C1', 'UN', 'QDi.1', 'v2', 'f1')).toBeDefined();
    expect(isSuppressed(decisions, 'C1', 'UN', 'QDi.1', 'v2', 'f2')).toBeUndefined();
    expect(isSuppressed(decisions, 'C2', 'UN', 'QDi.1', 'v1', 'f1')).toBeUndefined();
  });
});
