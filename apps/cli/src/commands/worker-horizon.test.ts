import { InProcessBus, type Transaction, TxPublisher } from '@raqib/core';
import { SqlLaneStore } from '@raqib/store-sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain, laneDeps, laneFixture } from './worker-lane.test-support.ts';
import { LaneRunner } from './worker-lane.ts';
import { ensureTxStream, type TxStreamSpec } from './worker-stream.ts';

const fixture = laneFixture('horizon');
const { txs } = fixture;
beforeAll(() => fixture.load());
afterAll(() => fixture.close());

const DAY = 86_400_000;
const stream: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 4 };

/**
 * The seen-ids horizon (docs/decisions/0065-seen-ids-horizon.md), with one day instead of seven: the fixture's six
 * days of payments, then payments republished once the bus has forgotten their message ids — some from the last
 * day (duplicates, passed over) and some from the first (behind the horizon, refused as late).
 */
describe('worker: seen ids within a horizon', () => {
  const setup = async (snapshotEvery?: number) => {
    const database = await fixture.database();
    const bus = new InProcessBus();
    await ensureTxStream(bus, stream);
    await new TxPublisher(bus, stream, { roundPayments: 7 }).publish(txs);
    const deps = {
      ...laneDeps(bus, database, stream, 'test:1'),
      seenHorizonMs: DAY,
      ...(snapshotEvery ? { snapshotEvery } : {}),
    };
    const last = Math.max(...txs.map((t) => t.ts));
    const cutoff = last - DAY;
    const recent = txs.filter((t) => t.ts >= cutoff + 3_600_000).slice(0, 30);
    const old = txs.filter((t) => t.ts < cutoff - 3_600_000).slice(0, 30);
    // a different round name (other payments beside them) so the stream stores the copies again
    const republish = () =>
      new TxPublisher(bus, stream, { roundPayments: 7 }).publish([...recent, ...old].reverse());
    return { database, bus, deps, recent, old, cutoff, republish };
  };

  it('refuses a payment further behind than the horizon, records it once by its payer lane, forgets old ids', async () => {
    const { database, deps, recent, old, cutoff, republish } = await setup();
    // the fixture is in time order: nothing is late until the republished copies come
    const runner = new LaneRunner([0, 1, 2, 3], deps);
    await runner.start();
    const first = await drain(runner);
    expect(first).toMatchObject({ processed: txs.length, late: 0, skipped: 0 });
    // only the ids of about the last day are held, not every id of the six days
    const lastDay = txs.filter((t) => t.ts >= cutoff).length;
    expect(first.seenIds).toBeLessThanOrEqual(lastDay + 50);
    expect(first.seenIds).toBeLessThan(txs.length / 3);
    await republish();
    const after = await drain(runner);
    expect(after.skipped).toBe(recent.length);
    expect(after.late).toBe(old.length);
    expect(after.processed).toBe(txs.length);
    await runner.close();
    const rejects = await new SqlLaneStore(database.db).rejects(stream.name);
    const named = rejects.flatMap((r) => [...r.reason.matchAll(/\b(\d+)\b(?=[,\s])/g)].map((m) => m[1]));
    for (const tx of old) expect(named).toContain(tx.id);
    expect(rejects.every((r) => /more than 1 day behind the stream's latest event time/.test(r.reason))).toBe(
      true,
    );
    // each late payment recorded once, by its payer's lane, on its part's subject
    const ids = rejects.flatMap((r) => (JSON.parse(r.payload) as Transaction[]).map((t) => t.id));
    expect(ids.sort()).toEqual(old.map((t) => t.id).sort());
    for (const r of rejects) expect(r.subject).toBe(`raqib.tx.${r.lane.slice(1)}.o`);
  });

  it('a worker restored from a snapshot holds only the ids within the horizon and passes over what one that never stopped does', async () => {
    const { database, deps, recent, old, republish } = await setup(400);
    const first = new LaneRunner([0, 1, 2, 3], deps);
    await first.start();
    expect((await drain(first)).snapshots).toBeGreaterThan(0);
    await first.close();
    await republish();

    // the worker comes back: from the newest snapshot, before the copies, and reads them (the first test's worker,
    // which never stopped, passed over 30 and refused 30)
    // the stored ids are read only from where the snapshot needs them (its seenFrom), not from the stream's start
    const asked: number[] = [];
    class AskingStore extends SqlLaneStore {
      override seenEntries(name: string, from: number, count: number) {
        asked.push(from);
        return super.seenEntries(name, from, count);
      }
    }
    const store = new AskingStore(database.db);
    const restarted = new LaneRunner([0, 1, 2, 3], { ...deps, store, worker: 'test:2' });
    await restarted.start();
    const snapshot = (await deps.store.latestSnapshot(stream.name, Number.MAX_SAFE_INTEGER))!;
    expect(snapshot.seenFrom).toBeGreaterThan(txs.length / 2);
    expect(asked).toEqual([snapshot.seenFrom]);
    const atStart = restarted.stats();
    expect(atStart.restoredFrom).toBeGreaterThan(0);
    expect(atStart.seenIds).toBeLessThan(txs.length / 3); // the stored ids behind the horizon were not loaded
    const again = await drain(restarted);
    await restarted.close();
    expect([again.skipped, again.late]).toEqual([recent.length, old.length]);
    // the chunks of ids no kept snapshot needs are gone from the database
    const stored = await database.db
      .selectFrom('scale_seen_ids')
      .select((eb) => eb.fn.min<number>('first_index').as('first'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.first)).toBeGreaterThan(0);
  });
});
