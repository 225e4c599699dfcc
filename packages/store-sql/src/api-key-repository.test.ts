import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlApiKeyStore } from './api-key-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { SqlTransactionStore } from './transaction-repository.ts';

let database: RaqibDatabase;
beforeEach(async () => {
  database = openDatabase(':memory:');
  await migrateToLatest(database);
});
afterEach(async () => {
  await database.close();
});

describe('SqlApiKeyStore (sqlite)', () => {
  it('finds a key by hash, lists and revokes once', async () => {
    const keys = new SqlApiKeyStore(database.db);
    const rec = {
      id: 'k_1',
      name: 'ana',
      role: 'analyst' as const,
      keyHash: 'ab'.repeat(32),
      createdAt: 5,
      createdBy: 'cli:root',
      revokedAt: null,
    };
    await keys.insertKey(rec);
    expect(await keys.findByHash(rec.keyHash)).toEqual(rec);
    expect(await keys.findByHash('cd'.repeat(32))).toBeUndefined();
    await expect(keys.insertKey({ ...rec, id: 'k_2' })).rejects.toThrow(/UNIQUE/);
    expect(await keys.revokeKey('k_1', 9)).toBe(true);
    expect(await keys.revokeKey('k_1', 10)).toBe(false);
    expect((await keys.listKeys())[0]?.revokedAt).toBe(9);
  });
});

describe('SqlTransactionStore (sqlite)', () => {
  it('keeps the first record of a resubmitted id and returns in the asked order', async () => {
    const store = new SqlTransactionStore(database.db);
    const tx = (id: string, amount: number) => ({
      id,
      row: -1,
      ts: 1_700_000_000_000,
      fromBank: 'B1',
      fromAccount: 'A1',
      toBank: 'B2',
      toAccount: 'A2',
      amountPaid: amount,
      currencyPaid: 'AED',
      amountReceived: amount,
      currencyReceived: 'AED',
      paymentFormat: 'Wire' as const,
    });
    await store.saveTransactions([
      { tx: tx('t1', 100), score: 0.2, typologies: [], alertIds: [], receivedAt: 1 },
      { tx: tx('t2', 200), score: 0.9, typologies: ['FAN-OUT'], alertIds: ['al-1'], receivedAt: 1 },
    ]);
    await store.saveTransactions([
      { tx: tx('t1', 999), score: 0, typologies: [], alertIds: [], receivedAt: 2 },
    ]);
    const got = await store.getTransactions(['t2', 't1', 'missing']);
    expect(got.map((g) => [g.tx.id, g.tx.amountPaid, g.typologies])).toEqual([
      ['t2', 200, ['FAN-OUT']],
      ['t1', 100, []],
    ]);
  });
});
