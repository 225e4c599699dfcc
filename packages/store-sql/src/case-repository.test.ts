import { applyCaseAction, type Case, openCase } from '@raqib/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlCaseDocumentStore } from './case-document-repository.ts';
import { SqlCaseStore } from './case-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

let database: RaqibDatabase;
let store: SqlCaseStore;
beforeEach(async () => {
  database = openDatabase(':memory:');
  await migrateToLatest(database);
  store = new SqlCaseStore(database.db);
});
afterEach(async () => {
  await database.close();
});

function made(id: string, alertIds: string[], at: number): Case {
  const r = openCase({ id, title: `case ${id}`, alertIds }, { id: 'ana', role: 'analyst' }, at);
  if (!r.ok) throw new Error(r.message);
  return r.after;
}

describe('SqlCaseStore (sqlite)', () => {
  it('round-trips a case with its timeline and updates it in place', async () => {
    const c = made('c1', ['a1', 'a2'], 1000);
    await store.saveCase(c);
    const moved = applyCaseAction(
      c,
      { type: 'status', to: 'investigating', reason: 'look' },
      { id: 'ana', role: 'analyst' },
      2000,
    );
    if (!moved.ok) throw new Error(moved.message);
    await store.saveCase(moved.after);
    expect(await store.getCase('c1')).toEqual(moved.after);
    expect(await store.countCases({})).toBe(1);
  });

  it('filters by status, assignee and alert, newest first', async () => {
    await store.saveCase(made('c1', ['a1'], 1000));
    await store.saveCase({ ...made('c2', ['a2', 'a1'], 2000), assignee: 'bob' });
    await store.saveCase({ ...made('c3', ['a3'], 3000), status: 'investigating' });
    expect((await store.listCases({})).map((c) => c.id)).toEqual(['c3', 'c2', 'c1']);
    expect((await store.listCases({ alertId: 'a1' })).map((c) => c.id)).toEqual(['c2', 'c1']);
    expect((await store.listCases({ assignee: 'bob' })).map((c) => c.id)).toEqual(['c2']);
    expect(await store.countCases({ status: 'investigating' })).toBe(1);
    expect((await store.listCases({ limit: 1, offset: 1 })).map((c) => c.id)).toEqual(['c2']);
    expect(await store.getCase('nope')).toBeUndefined();
  });
});

describe('SqlCaseDocumentStore (sqlite)', () => {
  it('returns the newest document of a case, or the one with a given hash', async () => {
    const docs = new SqlCaseDocumentStore(database.db);
    const base = { caseId: 'c1', kind: 'goaml-str' as const, createdBy: 'ana' };
    await docs.saveDocument({ ...base, hash: 'h1', content: '<report>1</report>', createdAt: 1 });
    await docs.saveDocument({ ...base, hash: 'h2', content: '<report>2</report>', createdAt: 2 });
    expect((await docs.getDocument('c1'))?.content).toBe('<report>2</report>');
    expect((await docs.getDocument('c1', 'h1'))?.content).toBe('<report>1</report>');
    expect(await docs.getDocument('c2')).toBeUndefined();
  });
});
