import type { AlertStore } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { buildAlert } from './alert-builder.ts';

/** The behaviour every AlertStore adapter must show. Call inside a test file with a factory for a fresh store. */
export function alertStoreContract(name: string, makeStore: () => Promise<AlertStore>): void {
  describe(`AlertStore contract: ${name}`, () => {
    it('round-trips an alert and is idempotent by id', async () => {
      const store = await makeStore();
      const alert = buildAlert();
      expect(await store.upsertAlerts([alert])).toEqual({ inserted: 1, updated: 0 });
      expect(await store.upsertAlerts([alert])).toEqual({ inserted: 0, updated: 1 });
      expect(await store.countAlerts({})).toBe(1);
      expect(await store.getAlert(alert.id)).toEqual(alert);
    });

    it('filters by typology exactly, score, source and time', async () => {
      const store = await makeStore();
      const a = buildAlert({ typologies: ['FAN-OUT'], transactions: ['a'], score: 0.9 });
      const b = buildAlert({ typologies: ['FAN-IN', 'T03'], transactions: ['b'], score: 0.5 });
      const c = buildAlert({ typologies: ['T20'], transactions: ['c'], source: 'screening', score: 0.7 });
      await store.upsertAlerts([a, b, c]);
      expect((await store.listAlerts({ typology: 'FAN-IN' })).map((x) => x.id)).toEqual([b.id]);
      expect((await store.listAlerts({ typology: 'FAN' })).length).toBe(0);
      expect((await store.listAlerts({ minScore: 0.6 })).map((x) => x.id)).toEqual([a.id, c.id]);
      expect((await store.listAlerts({ source: 'screening' })).map((x) => x.id)).toEqual([c.id]);
      expect(await store.countAlerts({ to: a.start - 1 })).toBe(0);
      expect((await store.listAlerts({ limit: 1, offset: 1 })).map((x) => x.id)).toEqual([c.id]);
      expect((await store.listAlerts({ sort: { key: 'score', dir: 'asc' } })).map((x) => x.id)).toEqual([
        b.id,
        c.id,
        a.id,
      ]);
    });

    it('orders by start or creation time in either direction', async () => {
      const store = await makeStore();
      const early = buildAlert({ transactions: ['e'], start: 1_000, createdAt: 9_000, score: 0.5 });
      const late = buildAlert({ transactions: ['l'], start: 5_000, createdAt: 2_000, score: 0.6 });
      await store.upsertAlerts([early, late]);
      expect((await store.listAlerts({ sort: { key: 'start', dir: 'asc' } })).map((x) => x.id)).toEqual([
        early.id,
        late.id,
      ]);
      expect((await store.listAlerts({ sort: { key: 'createdAt', dir: 'desc' } })).map((x) => x.id)).toEqual([
        early.id,
        late.id,
      ]);
    });

    it('keeps the analyst status across a re-upsert', async () => {
      const store = await makeStore();
      const alert = buildAlert();
      await store.upsertAlerts([alert]);
      await store.setAlertStatus(alert.id, 'triaged', 'analyst-1');
      await store.upsertAlerts([{ ...alert, score: 0.95 }]);
      const got = await store.getAlert(alert.id);
      expect(got?.status).toBe('triaged');
      expect(got?.score).toBe(0.95);
      expect(got?.assignee).toBe('analyst-1');
      expect((await store.listAlerts({ assignee: 'analyst-1' })).length).toBe(1);
    });
  });
}
