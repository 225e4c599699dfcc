import type { Transaction } from '@raqib/core';
import { postgresTestUrl, skipNotice } from '@raqib/testkit';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type LaneCheckpoint, SqlCheckpointStore } from './checkpoint-repository.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { SEEN_CHUNK_IDS, SqlLaneStore } from './lane-store.ts';
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
      const entries = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, ts: 1000 + i, index: i }));
      const from = (index: number) => entries.slice(index); // a worker gives every id it holds from there on
      for (const [seq, idCount] of [
        [100, 10],
        [200, 20],
        [300, 30],
      ] as const) {
        await store.saveSnapshot('RAQIB_TX', { seq, idCount, seenFrom: 0, payload: `state@${seq}` }, from, 2);
      }
      expect(await store.latestSnapshot('RAQIB_TX', 250)).toEqual({
        seq: 200,
        idCount: 20,
        seenFrom: 0,
        payload: 'state@200',
      });
      expect(await store.latestSnapshot('RAQIB_TX', 1000)).toEqual({
        seq: 300,
        idCount: 30,
        seenFrom: 0,
        payload: 'state@300',
      });
      expect(await store.latestSnapshot('RAQIB_TX', 150)).toBeUndefined(); // 100 was pruned (keep 2)
      expect(await store.latestSnapshot('OTHER', 1000)).toBeUndefined();
      const seen = async (first: number, count: number) => {
        const out: string[] = [];
        for await (const page of store.seenEntries('RAQIB_TX', first, count))
          out.push(...page.map((e) => e.id));
        return out;
      };
      expect(await seen(0, 20)).toEqual(entries.slice(0, 20).map((e) => e.id)); // not those stored after it
      expect(await seen(0, 30)).toEqual(entries.map((e) => e.id));
      expect(await seen(15, 30)).toEqual(entries.slice(15).map((e) => e.id));
      expect(await seen(0, 0)).toEqual([]);
      // a second worker saving at an older position stores nothing (0065: its ids may be missing from the newer
      // snapshot's chunk); one asking for more ids than exist fails
      expect(
        await store.saveSnapshot(
          'RAQIB_TX',
          { seq: 250, idCount: 25, seenFrom: 0, payload: 'state@250' },
          from,
        ),
      ).toBe(false);
      expect(await store.latestSnapshot('RAQIB_TX', 260)).toMatchObject({ seq: 200 });
      expect(await seen(0, 30)).toEqual(entries.map((e) => e.id));
      await expect(seen(0, 31)).rejects.toThrow(/0…30 needed, the stored chunks end at 30/);
    });

    it('stores only the ids a worker still holds, and deletes the chunks no kept snapshot needs', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      const all = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, ts: 1000 + i, index: i }));
      // the worker forgot ids 0–4 before its first snapshot, and 0–24 before its third (behind the horizon)
      const holding = (oldest: number) => (index: number) => all.slice(Math.max(oldest, index));
      await store.saveSnapshot('RAQIB_TX', { seq: 100, idCount: 10, seenFrom: 5, payload: 'a' }, holding(5));
      await store.saveSnapshot(
        'RAQIB_TX',
        { seq: 200, idCount: 20, seenFrom: 12, payload: 'b' },
        holding(12),
      );
      const chunks = async () =>
        (
          await database.db
            .selectFrom('scale_seen_ids')
            .select(['first_index', 'id_count'])
            .orderBy('first_index')
            .execute()
        ).map((r) => [Number(r.first_index), Number(r.id_count)]);
      expect(await chunks()).toEqual([
        [0, 10],
        [10, 10],
      ]);
      const ids = async (first: number, count: number) => {
        const out: string[] = [];
        for await (const page of store.seenEntries('RAQIB_TX', first, count))
          out.push(...page.map((e) => e.id));
        return out;
      };
      expect(await ids(5, 10)).toEqual(['t5', 't6', 't7', 't8', 't9']); // 0–4 were never stored
      await store.saveSnapshot(
        'RAQIB_TX',
        { seq: 300, idCount: 40, seenFrom: 25, payload: 'c' },
        holding(25),
      );
      // kept: the snapshots at 200 (needs ids from 12) and 300 (from 25); the chunk [0, 10) ends before both
      expect(await chunks()).toEqual([
        [10, 10],
        [20, 20],
      ]);
      expect(await ids(12, 20)).toEqual(all.slice(12, 20).map((e) => e.id));
      expect(await ids(25, 40)).toEqual(all.slice(25).map((e) => e.id));
      await expect(ids(5, 20)).rejects.toThrow(/5…19 needed, the stored chunks end at 5/);
      const entry = (await (async () => {
        for await (const page of store.seenEntries('RAQIB_TX', 30, 31)) return page[0];
      })())!;
      expect(entry).toEqual({ id: 't30', ts: 1030, index: 30 });
    });

    it('stores the ids of a long interval in chunks of SEEN_CHUNK_IDS, empty ones too, and reads them back', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      const n = SEEN_CHUNK_IDS * 2 + 7;
      // the worker forgot the first chunk's ids (behind the horizon) and holds the rest
      const held = Array.from({ length: n - SEEN_CHUNK_IDS }, (_, i) => ({
        id: `t${SEEN_CHUNK_IDS + i}`,
        ts: i,
        index: SEEN_CHUNK_IDS + i,
      }));
      const saved = await store.saveSnapshot(
        'RAQIB_TX',
        // seenFrom 0: the empty chunk is kept (with seenFrom past it, it would be deleted as no snapshot's need)
        { seq: 9, idCount: n, seenFrom: 0, payload: 's' },
        () => held,
      );
      expect(saved).toBe(true);
      const chunks = await database.db
        .selectFrom('scale_seen_ids')
        .select(['first_index', 'id_count', 'payload'])
        .orderBy('first_index')
        .execute();
      expect(chunks.map((c) => [Number(c.first_index), Number(c.id_count), c.payload.length > 2])).toEqual([
        [0, SEEN_CHUNK_IDS, false],
        [SEEN_CHUNK_IDS, SEEN_CHUNK_IDS, true],
        [SEEN_CHUNK_IDS * 2, 7, true],
      ]);
      let count = 0;
      let last = '';
      for await (const page of store.seenEntries('RAQIB_TX', 0, n)) {
        count += page.length;
        last = page.at(-1)?.id ?? last;
      }
      expect([count, last]).toEqual([held.length, `t${n - 1}`]);
    });

    it('names the chunk when stored ids cannot be read', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      const two = [
        { id: 'a', ts: 1, index: 0 },
        { id: 'b', ts: 2, index: 1 },
      ];
      await store.saveSnapshot('RAQIB_TX', { seq: 5, idCount: 2, seenFrom: 0, payload: 's' }, () => two);
      const read = async () => {
        for await (const _ of store.seenEntries('RAQIB_TX', 0, 2)) {
          // reading is the point
        }
      };
      await expect(read()).resolves.toBeUndefined();
      await database.db.updateTable('scale_seen_ids').set({ payload: '[[0,"a",1]' }).execute();
      await expect(read()).rejects.toThrow(
        /seen ids of RAQIB_TX from index 0: the stored chunk is unreadable/,
      );
      // an entry beyond the chunk's range is as unreadable as broken JSON
      await database.db.updateTable('scale_seen_ids').set({ payload: '[[0,"a",1],[2,"b",2]]' }).execute();
      await expect(read()).rejects.toThrow(/the stored chunk is unreadable \(entry \[2,"b",2\]\)/);
    });

    it('refuses a seen id given below the index the stored chunks end at', async () => {
      const database = await open();
      const store = new SqlLaneStore(database.db);
      const a = { id: 'a', ts: 1, index: 0 };
      await store.saveSnapshot('RAQIB_TX', { seq: 5, idCount: 1, seenFrom: 0, payload: 's' }, () => [a]);
      await expect(
        store.saveSnapshot('RAQIB_TX', { seq: 9, idCount: 3, seenFrom: 0, payload: 't' }, () => [a]),
      ).rejects.toThrow(/seen id a has index 0, below 1/);
      expect(await store.latestSnapshot('RAQIB_TX', 9)).toMatchObject({ seq: 5 });
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
