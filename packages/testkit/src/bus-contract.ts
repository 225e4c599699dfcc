import type { Bus, BusConsumer, Delivery } from '@raqib/core';
import { afterAll, describe, expect, it } from 'vitest';

export interface BusContractOptions {
  /**
   * How long after a consumer is closed its unacknowledged messages become deliverable again: 0 for the
   * in-process bus, the ack wait for NATS (which redelivers when the ack wait runs out).
   */
  readonly redeliveryAfterMs: number;
  /** Ack wait to configure on consumers (NATS); keep it short so that the suite stays fast. */
  readonly ackWaitMs?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const text = (d: Delivery) => decoder.decode(d.data);

let run = 0;
/** A stream name and subject prefix no other case (or earlier run against the same server) uses. */
function uniqueNames(): { stream: string; prefix: string } {
  const tag = `${process.pid}_${Date.now().toString(36)}_${run++}`;
  return { stream: `contract_${tag}`, prefix: `contract${tag}` };
}

/** Fetches until `count` deliveries came or `timeoutMs` passed. */
async function collect(consumer: BusConsumer, count: number, timeoutMs: number): Promise<Delivery[]> {
  const out: Delivery[] = [];
  const until = Date.now() + timeoutMs;
  while (out.length < count && Date.now() < until) {
    out.push(...(await consumer.fetch(count - out.length, Math.min(500, Math.max(1, until - Date.now())))));
  }
  return out;
}

/** The behaviour every Bus adapter must show (in-process and NATS JetStream run this one suite). */
export function busContract(name: string, makeBus: () => Promise<Bus>, options: BusContractOptions): void {
  describe(`Bus contract: ${name}`, () => {
    const buses: Bus[] = [];
    const open = async () => {
      const bus = await makeBus();
      buses.push(bus);
      const names = uniqueNames();
      await bus.ensureStream({ name: names.stream, subjects: [`${names.prefix}.*`] });
      return { bus, ...names };
    };
    const consumerOptions = (filterSubject: string) => ({
      filterSubject,
      ...(options.ackWaitMs === undefined ? {} : { ackWaitMs: options.ackWaitMs }),
    });
    afterAll(async () => {
      for (const b of buses) await b.close();
    });

    it('delivers a subject in publish order and only the subjects its filter matches', async () => {
      const { bus, stream, prefix } = await open();
      for (let i = 0; i < 20; i++) await bus.publish(`${prefix}.${i % 2}`, encoder.encode(`m${i}`));
      const c = await bus.consumer(stream, 'odd', consumerOptions(`${prefix}.1`));
      const got = await collect(c, 10, 5000);
      expect(got.map(text)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19].map((i) => `m${i}`));
      expect(got.every((d) => d.subject === `${prefix}.1` && !d.redelivered)).toBe(true);
      const seqs = got.map((d) => d.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      for (const d of got) d.ack();
      await c.flushAcks();
      expect(await c.fetch(10, 50)).toEqual([]);
      expect(await c.pending()).toBe(0);
      await c.close();
    });

    it('stores a message once per message id', async () => {
      const { bus, stream, prefix } = await open();
      const first = await bus.publish(`${prefix}.0`, encoder.encode('a'), { msgId: 'tx-1:0' });
      const again = await bus.publish(`${prefix}.0`, encoder.encode('a'), { msgId: 'tx-1:0' });
      const other = await bus.publish(`${prefix}.0`, encoder.encode('b'), { msgId: 'tx-1:1' });
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ seq: first.seq, duplicate: true });
      expect(other.duplicate).toBe(false);
      expect(other.seq).toBeGreaterThan(first.seq);
      const c = await bus.consumer(stream, 'all', consumerOptions(`${prefix}.*`));
      expect(await c.pending()).toBe(2);
      const got = await collect(c, 2, 5000);
      for (const d of got) d.ack();
      await c.flushAcks();
      expect(got.map(text)).toEqual(['a', 'b']);
      expect(await c.fetch(5, 300)).toEqual([]);
      await c.close();
    });

    it('keeps a durable position: acked messages stay done, unacked ones come again after re-open', async () => {
      const { bus, stream, prefix } = await open();
      for (let i = 0; i < 6; i++) await bus.publish(`${prefix}.p`, encoder.encode(`m${i}`));
      const first = await bus.consumer(stream, 'worker', consumerOptions(`${prefix}.p`));
      const got = await collect(first, 4, 5000);
      expect(got.map(text)).toEqual(['m0', 'm1', 'm2', 'm3']);
      got[0]!.ack();
      got[1]!.ack();
      await first.flushAcks();
      await first.close(); // m2 and m3 were delivered but never acknowledged: a crashed holder
      const second = await bus.consumer(stream, 'worker', consumerOptions(`${prefix}.p`));
      const again = await collect(second, 4, options.redeliveryAfterMs + 5000);
      expect(again.map(text).sort()).toEqual(['m2', 'm3', 'm4', 'm5']);
      const byText = new Map(again.map((d) => [text(d), d]));
      expect(byText.get('m2')!.redelivered).toBe(true);
      expect(byText.get('m3')!.redelivered).toBe(true);
      // m4 and m5 may count as redelivered too: an adapter may have prefetched them for the closed holder
      for (const d of again) d.ack();
      await second.flushAcks();
      await second.close();
      const third = await bus.consumer(stream, 'worker', consumerOptions(`${prefix}.p`));
      expect(await third.fetch(10, options.redeliveryAfterMs + 300)).toEqual([]);
      await third.close();
    });

    it('delivers a nak-ed message again', async () => {
      const { bus, stream, prefix } = await open();
      await bus.publish(`${prefix}.p`, encoder.encode('only'));
      const c = await bus.consumer(stream, 'nak', consumerOptions(`${prefix}.p`));
      const [d] = await collect(c, 1, 5000);
      expect(d && text(d)).toBe('only');
      d!.nak();
      const [again] = await collect(c, 1, 5000);
      expect(again && text(again)).toBe('only');
      expect(again!.redelivered).toBe(true);
      again!.ack();
      await c.flushAcks();
      await c.close();
    });

    it('gives each durable consumer its own position and waits for a late publish', async () => {
      const { bus, stream, prefix } = await open();
      const a = await bus.consumer(stream, 'a', consumerOptions(`${prefix}.x`));
      const b = await bus.consumer(stream, 'b', consumerOptions(`${prefix}.x`));
      expect(await a.fetch(5, 50)).toEqual([]);
      const late = a.fetch(5, 5000);
      await bus.publish(`${prefix}.x`, encoder.encode('late'));
      expect((await late).map(text)).toEqual(['late']);
      expect((await collect(b, 1, 5000)).map(text)).toEqual(['late']);
      await a.close();
      await b.close();
    });

    it('keeps a stream description and refuses a stream spec that disagrees with it', async () => {
      const { bus } = await open();
      const names = uniqueNames();
      const spec = { name: names.stream, subjects: [`${names.prefix}.*`], description: 'partitions=4' };
      await bus.ensureStream(spec);
      await bus.ensureStream(spec);
      await expect(bus.ensureStream({ ...spec, description: 'partitions=8' })).rejects.toThrow(
        /partitions=4/,
      );
      await expect(bus.ensureStream({ ...spec, subjects: ['elsewhere.*'] })).rejects.toThrow(/elsewhere/);
    });

    it('knows the last position of each subject exactly, 0 for a subject with nothing on it', async () => {
      const { bus, stream, prefix } = await open();
      expect(await bus.lastSeq(stream, `${prefix}.1`)).toBe(0);
      for (let i = 0; i < 7; i++) await bus.publish(`${prefix}.${i % 3}`, encoder.encode(`m${i}`));
      // positions 1..7 on subjects 0 1 2 0 1 2 0
      expect(await bus.lastSeq(stream, `${prefix}.0`)).toBe(7);
      expect(await bus.lastSeq(stream, `${prefix}.1`)).toBe(5);
      expect(await bus.lastSeq(stream, `${prefix}.2`)).toBe(6);
      expect(await bus.lastSeq(stream, `${prefix}.3`)).toBe(0);
    });

    it('reads in stream order from a position, each time from scratch, whatever was acknowledged', async () => {
      const { bus, stream, prefix } = await open();
      expect(await bus.firstSeq(stream)).toBe(1); // nothing removed yet
      for (let i = 0; i < 12; i++) await bus.publish(`${prefix}.${i % 3}`, encoder.encode(`m${i}`));
      const all = await bus.reader(stream, { filterSubject: `${prefix}.1`, startSeq: 1 });
      const got = await collect(all, 4, 5000);
      expect(got.map(text)).toEqual(['m1', 'm4', 'm7', 'm10']);
      for (const d of got) d.ack();
      await all.close();
      const from = await bus.reader(stream, { filterSubject: `${prefix}.1`, startSeq: got[1]!.seq + 1 });
      const [first] = await collect(from, 1, 5000);
      expect(first && text(first)).toBe('m7');
      // not yet handed out: m10 (an adapter may still be receiving it, hence the short wait)
      const until = Date.now() + 2000;
      while ((await from.pending()) !== 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(await from.pending()).toBe(1);
      const rest = await collect(from, 2, 1500);
      expect(rest.map(text)).toEqual(['m10']);
      const late = from.fetch(5, 5000);
      await bus.publish(`${prefix}.1`, encoder.encode('m12'));
      expect((await late).map(text)).toEqual(['m12']);
      await from.close();
    });

    it('rejects a consumer that names a missing stream', async () => {
      const { bus } = await open();
      await expect(bus.consumer('no_such_stream_here', 'x', consumerOptions('nothing.>'))).rejects.toThrow();
    });
  });
}
