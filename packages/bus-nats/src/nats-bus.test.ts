import {
  busContract,
  natsServerBinary,
  natsTestUrl,
  type OwnNatsServer,
  skipNotice,
  startOwnNatsServer,
} from '@raqib/testkit';
import { afterAll, beforeAll, describe, it } from 'vitest';
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
} else {
  describe('Bus contract: nats-jetstream', () => {
    it.skip(skipNotice('NATS JetStream bus', 'RAQIB_TEST_NATS'), () => {});
  });
}
