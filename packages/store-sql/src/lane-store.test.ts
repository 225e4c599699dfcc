import type { Transaction } from '@raqib/core';
import { postgresTestUrl, skipNotice } from '@raqib/testkit';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type LaneCheckpoint, SqlCheckpointStore } from './checkpoint-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { SqlLaneStore } from './lane-store.ts';
import { migrateToLatest } from './migrate.ts';

const tx = (i: number): Transaction => ({
  id: `t${i}`,
  row: i,
  ts: 1_700_000_000_000 + i * 60_000,
  fromBank: '001',
  fromAccount: `A${i % 3}`,
  toBank: '002',
  toAccount: `B${i % 5}`,
  amountPaid: 1000 + i,
  currencyPaid: 'USD',
  amountReceived: 1000 + i,
  currencyReceived: 'USD',
  paymentFormat: 'ACH',
});

const checkpoint = (lane: string, seq: number, processed: number): LaneCheckpoint => ({
  stream: 'RAQIB_TX',
  lane,
  partitions: 4,
  seq,
  maxTs: tx(seq).ts,
  processed,
  alerts: 0,
  worker: 'test:1',
  updatedAt: 1,
});

const opened: RaqibDatabase[] = [];
const schemas: string[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
  const url = postgresTestUrl();
  if (url && schemas.length > 0) {
    const admin = openDatabase(url);
    for (const s of schemas) await sql.raw(`drop schema if exists ${s} cascade`).execute(admin.db);
    await admin.close();
  }
});

function laneStoreSuite(name: string, open: () => Promise<RaqibDatabase>): void {
  describe(`lane store: ${name}`, () => {
    it('commits several lanes at once and pages firings by position', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      const firing = (seq: number, ord: number) => ({ seq, ord, payload: `f${seq}.${ord}` });
      const batches = [
        { firings: [firing(5, 0)], checkpoint: checkpoint('p0', 6, 2) },
        { firings: [firing(3, 0), firing(3, 1), firing(6, 0)], checkpoint: checkpoint('p1', 6, 4) },
      ];
      await store.commitLanes(batches);
      await store.commitLanes(batches); // a batch committed again after a crash is stored once
      const read = async (from: number, to: number, pageSize: number) => {
        const out: string[] = [];
        for await (const page of store.firings('RAQIB_TX', from, to, pageSize))
          out.push(...page.map((f) => f.payload));
        return out;
      };
      expect(await read(0, 6, 1)).toEqual(['f3.0', 'f3.1', 'f5.0', 'f6.0']); // pages split inside a transaction
      expect(await read(3, 5, 10)).toEqual(['f5.0']); // after position 3 (all of its firings), up to 5
      expect(await store.countFirings('RAQIB_TX')).toBe(4);
      const cps = await new SqlCheckpointStore(database.db).list('RAQIB_TX');
      expect(cps.map((c) => [c.lane, c.seq, c.processed])).toEqual([
        ['p0', 6, 2],
        ['p1', 6, 4],
      ]);
    });

    it('keeps an unreadable message once, with the lane that recorded it', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      const reject = { seq: 7, subject: 'raqib.tx.1.o', reason: 'message is not JSON', payload: 'garbage' };
      const batch = { firings: [], rejects: [reject], checkpoint: checkpoint('p1', 8, 1) };
      await store.commitLanes([batch]);
      await store.commitLanes([batch]); // committed again after a crash
      expect(await store.rejects('RAQIB_TX')).toEqual([{ ...reject, lane: 'p1' }]);
      expect(await store.rejects('OTHER')).toEqual([]);
    });

    it('commits nothing of any lane when one part of the batch fails', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      await expect(
        store.commitLanes([
          { firings: [{ seq: 2, ord: 0, payload: 'x' }], checkpoint: checkpoint('p1', 2, 1) },
          // a checkpoint with a null lane breaks the statement after p1's rows were written
          { firings: [], checkpoint: { ...checkpoint('p2', 2, 0), lane: null as unknown as string } },
        ]),
      ).rejects.toThrow();
      expect(await store.countFirings('RAQIB_TX')).toBe(0);
      expect(await new SqlCheckpointStore(database.db).get('RAQIB_TX', 'p1')).toBeUndefined();
    });

    it('keeps the newest snapshots, finds the latest at or below a position, and the ids each covers', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      const ids = Array.from({ length: 30 }, (_, i) => `t${i}`);
      const from = (idCount: number) => (index: number) => ids.slice(index, idCount);
      for (const [seq, idCount] of [
        [100, 10],
        [200, 20],
        [300, 30],
      ] as const) {
        await store.saveSnapshot('RAQIB_TX', { seq, idCount, payload: `state@${seq}` }, from(idCount), 2);
      }
      expect(await store.latestSnapshot('RAQIB_TX', 250)).toEqual({
        seq: 200,
        idCount: 20,
        payload: 'state@200',
      });
      expect(await store.latestSnapshot('RAQIB_TX', 1000)).toEqual({
        seq: 300,
        idCount: 30,
        payload: 'state@300',
      });
      expect(await store.latestSnapshot('RAQIB_TX', 150)).toBeUndefined(); // 100 was pruned (keep 2)
      expect(await store.latestSnapshot('OTHER', 1000)).toBeUndefined();
      const seen = async (count: number) => {
        const out: string[] = [];
        for await (const page of store.seenIds('RAQIB_TX', count)) out.push(...page);
        return out;
      };
      expect(await seen(20)).toEqual(ids.slice(0, 20)); // a snapshot's ids, not those stored after it
      expect(await seen(30)).toEqual(ids);
      expect(await seen(0)).toEqual([]);
      // a second worker saving at an older position stores nothing twice; one asking for more than exists fails
      await store.saveSnapshot('RAQIB_TX', { seq: 250, idCount: 25, payload: 'state@250' }, from(25));
      expect(await seen(30)).toEqual(ids);
      await expect(seen(31)).rejects.toThrow(/31 needed, the stored chunks end at 30/);
    });

    it('names the chunk when stored ids cannot be read', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      await store.saveSnapshot('RAQIB_TX', { seq: 5, idCount: 2, payload: 's' }, () => ['a', 'b']);
      await database.db.updateTable('scale_seen_ids').set({ payload: '["a"' }).execute();
      const read = async () => {
        for await (const _ of store.seenIds('RAQIB_TX', 2)) {
          // reading is the point
        }
      };
      await expect(read()).rejects.toThrow(
        /seen ids of RAQIB_TX from index 0: the stored chunk is unreadable/,
      );
    });

    it('refuses a snapshot whose ids do not cover its count', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      await expect(
        store.saveSnapshot('RAQIB_TX', { seq: 5, idCount: 3, payload: 's' }, () => ['a']),
      ).rejects.toThrow(/1 ids given for positions 0…2/);
      expect(await store.latestSnapshot('RAQIB_TX', 5)).toBeUndefined();
    });
  });
}

laneStoreSuite('sqlite', async () => {
  const database = openDatabase(':memory:');
  opened.push(database);
  await migrateToLatest(database);
  return database;
});

const pgUrl = postgresTestUrl();
if (pgUrl) {
  let n = 0;
  laneStoreSuite('postgres', async () => {
    const schema = `raqib_lanes_${process.pid}_${n++}`;
    const admin = openDatabase(pgUrl);
    await sql.raw(`drop schema if exists ${schema} cascade; create schema ${schema}`).execute(admin.db);
    await admin.close();
    schemas.push(schema);
    const database = openDatabase(`${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`);
    opened.push(database);
    await migrateToLatest(database);
    return database;
  });
} else {
  describe('lane store: postgres', () => {
    it.skip(skipNotice('postgres lane store', 'RAQIB_TEST_PG'), () => {});
  });
}
