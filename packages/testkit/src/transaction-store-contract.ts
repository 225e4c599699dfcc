import type { ScoredTransaction, Transaction, TransactionStore } from '@raqib/core';
import { describe, expect, it } from 'vitest';

/** A transaction received through the API; override any field. */
export function buildTransaction(overrides: Partial<Transaction> = {}): Transaction {
  return {
    id: 't1',
    row: -1,
    ts: 1_700_000_000_000,
    fromBank: 'B1',
    fromAccount: 'A1',
    toBank: 'B2',
    toAccount: 'A2',
    amountPaid: 100,
    currencyPaid: 'AED',
    amountReceived: 100,
    currencyReceived: 'AED',
    paymentFormat: 'Wire',
    ...overrides,
  };
}

function scored(tx: Transaction, overrides: Partial<ScoredTransaction> = {}): ScoredTransaction {
  return { tx, score: 0.2, flag: false, typologies: [], alertIds: [], receivedAt: 1, ...overrides };
}

/** The behaviour every TransactionStore adapter must show. Call inside a test file with a factory for a fresh store. */
export function transactionStoreContract(name: string, makeStore: () => Promise<TransactionStore>): void {
  describe(`TransactionStore contract: ${name}`, () => {
    it('keeps the first record of a resubmitted id and returns in the asked order', async () => {
      const store = await makeStore();
      const t1 = buildTransaction({ id: 't1', amountPaid: 100, amountReceived: 100 });
      const t2 = buildTransaction({ id: 't2', amountPaid: 200, amountReceived: 200, purpose: 'rent' });
      const first1 = scored(t1);
      const first2 = scored(t2, { score: 0.9, flag: true, typologies: ['FAN-OUT'], alertIds: ['al-1'] });
      await store.saveTransactions([first1, first2]);
      await store.saveTransactions([scored({ ...t1, amountPaid: 999 }, { score: 0, receivedAt: 2 })]);
      const got = await store.getTransactions(['t2', 't1', 'missing']);
      expect(got.map((g) => [g.tx.id, g.tx.amountPaid, g.typologies])).toEqual([
        ['t2', 200, ['FAN-OUT']],
        ['t1', 100, []],
      ]);
      expect(got).toEqual([first2, first1]);
      expect(await store.getTransactions(['missing'])).toEqual([]);
      expect(await store.getTransactions([])).toEqual([]);
    });

    it('keeps the first of two records with one id in the same batch', async () => {
      const store = await makeStore();
      const tx = buildTransaction({ id: 'dup' });
      const first = scored(tx, { score: 0.5, typologies: ['T01'], receivedAt: 3 });
      await store.saveTransactions([first, scored({ ...tx, amountPaid: 9 }, { score: 0, receivedAt: 4 })]);
      expect(await store.getTransactions(['dup'])).toEqual([first]);
      await store.saveTransactions([]);
      expect(await store.getTransactions(['dup'])).toEqual([first]);
    });

    it('reads a flag as it was given, and an omitted one as not flagged', async () => {
      const store = await makeStore();
      const { flag: _omitted, ...unflagged } = scored(buildTransaction({ id: 'none' }));
      await store.saveTransactions([
        scored(buildTransaction({ id: 'yes' }), { flag: true, score: 0.95 }),
        scored(buildTransaction({ id: 'no' }), { flag: false }),
        unflagged,
      ]);
      const got = await store.getTransactions(['yes', 'no', 'none']);
      expect(got.map((g) => [g.tx.id, g.flag ?? false, g.score])).toEqual([
        ['yes', true, 0.95],
        ['no', false, 0.2],
        ['none', false, 0.2],
      ]);
    });

    it('replays the newest transactions since a time, oldest first, and knows the latest event time', async () => {
      const store = await makeStore();
      expect(await store.latestEventTime()).toBeUndefined();
      expect(await store.recentTransactions(0, 10)).toEqual([]);
      const base = 1_700_000_000_000;
      // saved out of event-time order: replay follows event time, not arrival
      const txs = [3, 1, 5, 2, 4].map((k) => buildTransaction({ id: `t${k}`, ts: base + k * 1000 }));
      await store.saveTransactions(txs.slice(0, 3).map((t) => scored(t)));
      await store.saveTransactions(txs.slice(3).map((t) => scored(t)));
      const idsOf = (ts: readonly Transaction[]) => ts.map((t) => t.id);
      expect(await store.latestEventTime()).toBe(base + 5000);
      expect(idsOf(await store.recentTransactions(0, 10))).toEqual(['t1', 't2', 't3', 't4', 't5']);
      expect(idsOf(await store.recentTransactions(0, 2))).toEqual(['t4', 't5']);
      expect(idsOf(await store.recentTransactions(base + 2000, 10))).toEqual(['t2', 't3', 't4', 't5']);
      expect(idsOf(await store.recentTransactions(base + 2000, 3))).toEqual(['t3', 't4', 't5']);
      expect(await store.recentTransactions(base + 6000, 10)).toEqual([]);
      expect(await store.recentTransactions(0, 0)).toEqual([]);
      expect((await store.recentTransactions(base + 5000, 1))[0]).toEqual(txs[2]);
    });

    it('saves and reads back batches of any size', async () => {
      const store = await makeStore();
      const n = 1234;
      const items = Array.from({ length: n }, (_, i) =>
        scored(buildTransaction({ id: `t${i}`, ts: 1_700_000_000_000 + i }), { score: i / n }),
      );
      await store.saveTransactions(items);
      const asked = items.map((s) => s.tx.id).reverse();
      const got = await store.getTransactions(asked);
      expect(got.map((g) => g.tx.id)).toEqual(asked);
      expect(got[0]).toEqual(items[n - 1]);
      expect(await store.latestEventTime()).toBe(1_700_000_000_000 + n - 1);
      expect(await store.recentTransactions(0, n + 1)).toHaveLength(n);
    });
  });
}
