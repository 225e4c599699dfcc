import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import {
  busContract,
  natsServerBinary,
  natsTestUrl,
  type OwnNatsServer,
  skipNotice,
  startOwnNatsServer,
} from '@raqib/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsBus } from './nats-bus.ts';

const enabled = natsTestUrl() !== undefined && natsServerBinary() !== undefined;

if (enabled) {
  // the suite starts its own server on a spare port: streams it creates never touch the shared one
  let server: OwnNatsServer | undefined;
  beforeAll(async () => {
    server = await startOwnNatsServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });
  busContract('nats-jetstream', () => NatsBus.connect(server!.url), {
    redeliveryAfterMs: 1000,
    ackWaitMs: 1000,
  });
  it('reports the first sequence a stream still holds once older messages were purged', async () => {
    const bus = await NatsBus.connect(server!.url);
    try {
      await bus.ensureStream({ name: 'FIRSTSEQ', subjects: ['firstseq.*'] });
      expect(await bus.firstSeq('FIRSTSEQ')).toBe(1); // empty
      for (let i = 0; i < 5; i++) await bus.publish('firstseq.a', new Uint8Array([i]));
      const nc = await connect({ servers: server!.url });
      await (await jetstreamManager(nc)).streams.purge('FIRSTSEQ', { seq: 4 }); // keeps #4 and #5
      await nc.close();
      expect(await bus.firstSeq('FIRSTSEQ')).toBe(4);
    } finally {
      await bus.close();
    }
  });
  it('buffers ahead of the caller by bytes, not only by message count', async () => {
    const mib = 1024 * 1024;
    const bus = await NatsBus.connect(server!.url, { prefetchBytes: 4 * mib });
    try {
      await bus.ensureStream({ name: 'PREFETCH', subjects: ['prefetch.*'] });
      const big = new Uint8Array(900 * 1024).fill(0x61);
      for (let i = 0; i < 40; i++) await bus.publish('prefetch.a', big);
      const consumer = await bus.consumer('PREFETCH', 'prefetch', { filterSubject: 'prefetch.*' });
      expect(await consumer.fetch(1, 5000)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // let it read ahead as far as it will
      const nc = await connect({ servers: server!.url });
      const info = await (await jetstreamManager(nc)).consumers.info('PREFETCH', 'prefetch');
      await nc.close();
      // delivered, unacknowledged: what the client holds (its queue and the pull in flight), 36 MB unbounded
      expect(info.num_ack_pending).toBeGreaterThan(1);
      expect(info.num_ack_pending * big.byteLength).toBeLessThanOrEqual(3 * 4 * mib);
      let got = 1;
      for (let n = -1; n !== 0; got += n) n = (await consumer.fetch(100, 1000)).length;
      expect(got).toBe(40);
    } finally {
      await bus.close();
    }
  });
} else {
  describe('Bus contract: nats-jetstream', () => {
    it.skip(skipNotice('NATS JetStream bus', 'RAQIB_TEST_NATS'), () => {});
  });
}
