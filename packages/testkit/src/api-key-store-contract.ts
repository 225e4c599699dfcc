import type { ApiKeyRecord, ApiKeyStore } from '@raqib/core';
import { describe, expect, it } from 'vitest';

/** A stored API key; override any field. */
export function buildApiKey(overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return {
    id: 'k_1',
    name: 'ana',
    role: 'analyst',
    keyHash: 'ab'.repeat(32),
    createdAt: 5,
    createdBy: 'cli:root',
    revokedAt: null,
    ...overrides,
  };
}

/** The behaviour every ApiKeyStore adapter must show. Call inside a test file with a factory for a fresh store. */
export function apiKeyStoreContract(name: string, makeStore: () => Promise<ApiKeyStore>): void {
  describe(`ApiKeyStore contract: ${name}`, () => {
    it('finds a key by hash, lists and revokes once', async () => {
      const keys = await makeStore();
      expect(await keys.listKeys()).toEqual([]);
      const rec = buildApiKey();
      await keys.insertKey(rec);
      expect(await keys.findByHash(rec.keyHash)).toEqual(rec);
      expect(await keys.findByHash('cd'.repeat(32))).toBeUndefined();
      expect(await keys.listKeys()).toEqual([rec]);
      expect(await keys.revokeKey('k_1', 9)).toBe(true);
      expect(await keys.revokeKey('k_1', 10)).toBe(false);
      expect((await keys.listKeys())[0]?.revokedAt).toBe(9);
      // a revoked key is still found, so that its use can be refused as revoked rather than unknown
      expect(await keys.findByHash(rec.keyHash)).toEqual({ ...rec, revokedAt: 9 });
    });

    it('refuses a second key with the same hash or the same id, and keeps the first', async () => {
      const keys = await makeStore();
      const rec = buildApiKey();
      await keys.insertKey(rec);
      await expect(keys.insertKey({ ...rec, id: 'k_2', name: 'mallory' })).rejects.toThrow();
      await expect(keys.insertKey({ ...rec, keyHash: 'ef'.repeat(32), role: 'admin' })).rejects.toThrow();
      expect(await keys.listKeys()).toEqual([rec]);
      expect(await keys.findByHash(rec.keyHash)).toEqual(rec);
      expect(await keys.findByHash('ef'.repeat(32))).toBeUndefined();
    });

    it('lists keys oldest first, ties ordered by id', async () => {
      const keys = await makeStore();
      await keys.insertKey(buildApiKey({ id: 'k_c', keyHash: 'c', createdAt: 20 }));
      await keys.insertKey(buildApiKey({ id: 'k_b', keyHash: 'b', createdAt: 10 }));
      await keys.insertKey(buildApiKey({ id: 'k_a', keyHash: 'a', createdAt: 20 }));
      expect((await keys.listKeys()).map((k) => k.id)).toEqual(['k_b', 'k_a', 'k_c']);
    });

    it('revokes only the key named, and an unknown id not at all', async () => {
      const keys = await makeStore();
      await keys.insertKey(buildApiKey({ id: 'k_1', keyHash: 'x', role: 'admin' }));
      await keys.insertKey(buildApiKey({ id: 'k_2', keyHash: 'y', createdAt: 6 }));
      expect(await keys.revokeKey('k_9', 5)).toBe(false);
      expect(await keys.revokeKey('k_2', 7)).toBe(true);
      expect((await keys.listKeys()).map((k) => [k.id, k.role, k.revokedAt])).toEqual([
        ['k_1', 'admin', null],
        ['k_2', 'analyst', 7],
      ]);
      expect((await keys.findByHash('y'))?.revokedAt).toBe(7);
    });
  });
}
