import { postgresTestUrl, skipNotice } from '@raqib/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLaneLease, LanesHeldError, waitForLaneLease } from './checkpoint-lease.ts';
import { openDatabase, type RaqibDatabase } from './database.ts';

const pgUrl = postgresTestUrl();
const opened: RaqibDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});
const open = () => {
  const d = openDatabase(pgUrl!);
  opened.push(d);
  return d;
};
// keys of this test run only: advisory locks are server-wide
const key = (lane: string) => `LEASE_TEST_${process.pid}/${lane}`;

if (pgUrl) {
  describe('lane lease (PostgreSQL advisory locks)', () => {
    it('gives each lane to one process; a second asking for a held lane is told which, and gets nothing', async () => {
      const a = await acquireLaneLease(open(), [key('p0'), key('p1')]);
      const other = open();
      const refused = await acquireLaneLease(other, [key('p1'), key('p2')]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(LanesHeldError);
      expect((refused as LanesHeldError).held).toEqual([key('p1')]);
      // p2 was not kept by the refused attempt
      const c = await acquireLaneLease(other, [key('p2')]);
      await c.release();
      await a.release();
    });

    it('a standby waits while the lanes are held and takes them when the holder lets go', async () => {
      const holder = await acquireLaneLease(open(), [key('p3')]);
      const heard: string[][] = [];
      let got = false;
      const standby = waitForLaneLease(open(), [key('p3')], {
        retryMs: 20,
        onHeld: (held) => heard.push([...held]),
      }).then((lease) => {
        got = true;
        return lease;
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(got).toBe(false);
      expect(heard.length).toBeGreaterThan(1);
      expect(heard[0]).toEqual([key('p3')]);
      await holder.release();
      const lease = await standby;
      expect(got).toBe(true);
      await lease.release();
    });

    it('stops waiting when asked to', async () => {
      const holder = await acquireLaneLease(open(), [key('p4')]);
      const stop = new AbortController();
      const standby = waitForLaneLease(open(), [key('p4')], { retryMs: 10_000, signal: stop.signal });
      setTimeout(() => stop.abort(new Error('worker stopping')), 50);
      await expect(standby).rejects.toThrow(/worker stopping/);
      await holder.release();
    });
  });
} else {
  describe('lane lease (PostgreSQL advisory locks)', () => {
    it.skip(skipNotice('lane lease', 'RAQIB_TEST_PG'), () => {});
  });
}
