import { applyCaseAction, type Case, type CaseStore, openCase } from '@raqib/core';
import { describe, expect, it } from 'vitest';

const ana = { id: 'ana', role: 'analyst' } as const;

/** A freshly opened case holding `alertIds`, created at `at`. */
export function buildCase(id: string, alertIds: readonly string[], at: number): Case {
  const r = openCase({ id, title: `case ${id}`, alertIds: [...alertIds] }, ana, at);
  if (!r.ok) throw new Error(r.message);
  return r.after;
}

const ids = (cases: readonly Case[]) => cases.map((c) => c.id);

/** The behaviour every CaseStore adapter must show. Call inside a test file with a factory for a fresh store. */
export function caseStoreContract(name: string, makeStore: () => Promise<CaseStore>): void {
  describe(`CaseStore contract: ${name}`, () => {
    it('round-trips a case with its timeline and updates it in place', async () => {
      const store = await makeStore();
      const c = buildCase('c1', ['a1', 'a2'], 1000);
      await store.saveCase(c);
      expect(await store.getCase('c1')).toEqual(c);
      const moved = applyCaseAction(c, { type: 'status', to: 'investigating', reason: 'look' }, ana, 2000);
      if (!moved.ok) throw new Error(moved.message);
      await store.saveCase(moved.after);
      expect(await store.getCase('c1')).toEqual(moved.after);
      expect((await store.getCase('c1'))?.timeline).toHaveLength(2);
      expect(await store.countCases({})).toBe(1);
    });

    it('answers undefined, an empty page and zero for what it does not hold', async () => {
      const store = await makeStore();
      expect(await store.getCase('nope')).toBeUndefined();
      expect(await store.listCases({})).toEqual([]);
      expect(await store.countCases({})).toBe(0);
      await store.saveCase(buildCase('c1', ['a1'], 1000));
      expect(await store.getCase('nope')).toBeUndefined();
      expect(await store.listCases({ alertId: 'a9' })).toEqual([]);
      expect(await store.countCases({ assignee: 'nobody' })).toBe(0);
    });

    it('filters by status, assignee and alert, newest first', async () => {
      const store = await makeStore();
      await store.saveCase(buildCase('c1', ['a1'], 1000));
      await store.saveCase({ ...buildCase('c2', ['a2', 'a1'], 2000), assignee: 'bob' });
      await store.saveCase({ ...buildCase('c3', ['a3'], 3000), status: 'investigating' });
      expect(ids(await store.listCases({}))).toEqual(['c3', 'c2', 'c1']);
      expect(ids(await store.listCases({ alertId: 'a1' }))).toEqual(['c2', 'c1']);
      expect(await store.countCases({ alertId: 'a1' })).toBe(2);
      expect(ids(await store.listCases({ assignee: 'bob' }))).toEqual(['c2']);
      expect(ids(await store.listCases({ status: 'open', alertId: 'a1' }))).toEqual(['c2', 'c1']);
      expect(ids(await store.listCases({ status: 'investigating', alertId: 'a1' }))).toEqual([]);
      expect(await store.countCases({ status: 'investigating' })).toBe(1);
      expect(ids(await store.listCases({ limit: 1, offset: 1 }))).toEqual(['c2']);
      expect(await store.countCases({ limit: 1, offset: 1 })).toBe(3);
    });

    it('finds a re-saved case by what it holds now, not by what it held', async () => {
      const store = await makeStore();
      const c = buildCase('c1', ['a1', 'a2'], 1000);
      await store.saveCase(c);
      // saveCase writes the whole case: an alert it no longer holds, a status or assignee it left, must not find it
      await store.saveCase({ ...c, status: 'investigating', assignee: 'bob', alertIds: ['a2', 'a3'] });
      expect((await store.listCases({ alertId: 'a2' })).map((x) => x.status)).toEqual(['investigating']);
      expect(ids(await store.listCases({ alertId: 'a3' }))).toEqual(['c1']);
      expect(await store.listCases({ alertId: 'a1' })).toEqual([]);
      expect(await store.countCases({ alertId: 'a1' })).toBe(0);
      expect(await store.countCases({ status: 'open' })).toBe(0);
      expect(ids(await store.listCases({ assignee: 'bob' }))).toEqual(['c1']);
      await store.saveCase({ ...c, assignee: null, alertIds: ['a2', 'a3'] });
      expect(await store.countCases({ assignee: 'bob' })).toBe(0);
      expect(await store.countCases({})).toBe(1);
    });

    it('pages 100 cases by default, ties in creation time ordered by id', async () => {
      const store = await makeStore();
      const n = 101;
      const made = Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`);
      for (const id of [...made].reverse()) await store.saveCase(buildCase(id, ['a1'], 5000));
      await store.saveCase(buildCase('newest', ['a1'], 6000));
      const page = await store.listCases({});
      expect(page).toHaveLength(100);
      expect(ids(page)).toEqual(['newest', ...made.slice(0, 99)]);
      expect(ids(await store.listCases({ offset: 100 }))).toEqual(made.slice(99));
      expect(await store.countCases({ alertId: 'a1' })).toBe(n + 1);
    });
  });
}
