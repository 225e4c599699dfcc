import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  StorageType,
} from '@nats-io/jetstream';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
import type {
  Bus,
  BusConsumer,
  ConsumerOptions,
  Delivery,
  PublishAck,
  PublishOptions,
  ReaderOptions,
  StreamSpec,
} from '@raqib/core';

export interface NatsBusOptions {
  /** Connection name shown by the server's monitoring. */
  readonly name?: string;
  /** How long publish keeps retrying while the server is unreachable (default 60 s). */
  readonly publishRetryMs?: number;
  /** Most messages a consumer buffers ahead of the caller before it stops reading (default 4096). */
  readonly prefetch?: number;
  /**
   * Bytes of messages a consumer asks the server for ahead of the caller, and the most it buffers locally before it
   * stops reading (default 32 MiB; at least 2 MiB, so that a message of NATS's 1 MiB max_payload always fits). A
   * count alone does not bound memory: since rounds (0064) a message may be up to 1 MiB, and 2,048 of them 2 GiB.
   */
  readonly prefetchBytes?: number;
}

/** Default of NatsBusOptions.prefetchBytes. */
export const PREFETCH_BYTES = 32 * 1024 * 1024;
/** Smallest prefetchBytes: a pull request must fit a whole message (1 MiB payload, plus subject and headers). */
const MIN_PREFETCH_BYTES = 2 * 1024 * 1024;

/** Removes user and password from a NATS URL so that it can be printed. */
export function redactNatsUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The bus port on NATS JetStream. Streams are file-backed so that they survive a server restart; consumers are
 * durable pull consumers with explicit acks; the client reconnects forever, and publish retries (safe because
 * every raqib publish carries a message id the stream de-duplicates on).
 */
export class NatsBus implements Bus {
  readonly #nc: NatsConnection;
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;
  readonly #options: NatsBusOptions;
  readonly #open = new Set<BusConsumer>();
  #retryQueue: Promise<void> = Promise.resolve();

  private constructor(
    nc: NatsConnection,
    js: JetStreamClient,
    jsm: JetStreamManager,
    options: NatsBusOptions,
  ) {
    this.#nc = nc;
    this.#js = js;
    this.#jsm = jsm;
    this.#options = options;
  }

  /** Connects to `url` (`nats://host:port`, comma-separated for a cluster). Throws naming the (redacted) URL. */
  static async connect(url: string, options: NatsBusOptions = {}): Promise<NatsBus> {
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: url.split(','),
        name: options.name ?? 'raqib',
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
        timeout: 5000,
        // the client otherwise builds an Error (stack captured) before every request, in case it times out: a
        // third of ingest's CPU in a profile; a timeout still fails with its message, without the caller's stack
        noAsyncTraces: true,
      });
    } catch (error) {
      throw new Error(
        `cannot connect to NATS at ${redactNatsUrl(url)}: ${error instanceof Error ? error.message : error}`,
      );
    }
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    return new NatsBus(nc, jetstream(nc, { timeout: 10_000 }), jsm, options);
  }

  async ensureStream(spec: StreamSpec): Promise<void> {
    const info = await this.#jsm.streams.info(spec.name).catch(() => undefined);
    if (info) {
      const missing = spec.subjects.filter((s) => !info.config.subjects?.includes(s));
      if (missing.length > 0)
        throw new Error(`stream ${spec.name} exists without subjects ${missing.join(', ')}`);
      if (spec.description !== undefined && info.config.description !== spec.description) {
        throw new Error(
          `stream ${spec.name} exists as "${info.config.description ?? ''}", not "${spec.description}"`,
        );
      }
      return;
    }
    await this.#jsm.streams.add({
      name: spec.name,
      subjects: [...spec.subjects],
      storage: StorageType.File,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      duplicate_window: nanos(spec.duplicateWindowMs ?? 120_000),
    });
  }

  async publish(subject: string, data: Uint8Array, options: PublishOptions = {}): Promise<PublishAck> {
    const send = async () => {
      const ack = await this.#js.publish(
        subject,
        data,
        options.msgId === undefined ? {} : { msgID: options.msgId },
      );
      return { seq: ack.seq, duplicate: ack.duplicate };
    };
    try {
      return await send();
    } catch (error) {
      if (this.#nc.isClosed()) throw error;
    }
    // A server restart shows up as timeouts or "no responders" until the client has reconnected. Failed
    // publishes retry one after another in the order they failed (≈ the order they were sent), so that a
    // pipelined publisher does not reorder its messages; the message id makes a retry of a stored one a no-op.
    const turn = this.#retryQueue.then(async () => {
      const deadline = Date.now() + (this.#options.publishRetryMs ?? 60_000);
      for (let attempt = 0; ; attempt++) {
        try {
          return await send();
        } catch (error) {
          if (this.#nc.isClosed() || Date.now() > deadline) throw error;
          await sleep(Math.min(1000, 50 * 2 ** attempt));
        }
      }
    });
    this.#retryQueue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  async consumer(stream: string, durable: string, options: ConsumerOptions): Promise<BusConsumer> {
    const existing = await this.#jsm.consumers.info(stream, durable).catch(() => undefined);
    if (existing && existing.config.filter_subject !== options.filterSubject) {
      throw new Error(
        `consumer ${durable} exists with filter ${existing.config.filter_subject}, not ${options.filterSubject}`,
      );
    }
    if (!existing) {
      await this.#jsm.consumers.add(stream, {
        durable_name: durable,
        filter_subject: options.filterSubject,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(options.ackWaitMs ?? 30_000),
        max_ack_pending: options.maxAckPending ?? 20_000,
      });
    }
    const consumer = await this.#js.consumers.get(stream, durable);
    const handle = new NatsConsumer(
      await consumer.consume(this.#consumeOptions()),
      () => consumer.info().then((i) => i.num_pending + i.num_ack_pending),
      () => this.#nc.flush(),
      true,
      this.#queueLimits(),
    );
    this.#open.add(handle);
    return handle;
  }

  async reader(stream: string, options: ReaderOptions): Promise<BusConsumer> {
    // An ordered consumer: the client checks the delivery sequence and, on any gap (a server restart, a lost
    // message), recreates it from the last stream sequence it saw, so the order survives every failure.
    const consumer = await this.#js.consumers.get(stream, {
      filter_subjects: options.filterSubject,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: Math.max(1, options.startSeq),
    });
    const handle = new NatsConsumer(
      await consumer.consume(this.#consumeOptions()),
      () => consumer.info().then((i) => i.num_pending),
      () => Promise.resolve(),
      false,
      this.#queueLimits(),
    );
    this.#open.add(handle);
    return handle;
  }

  #queueLimits(): { readonly messages: number; readonly bytes: number } {
    return { messages: this.#options.prefetch ?? 4096, bytes: this.#prefetchBytes() };
  }

  #prefetchBytes(): number {
    return Math.max(MIN_PREFETCH_BYTES, this.#options.prefetchBytes ?? PREFETCH_BYTES);
  }

  /**
   * Pull requests bounded by bytes (the client refuses a bound by both count and bytes; the local queue bounds the
   * count, see NatsConsumer).
   */
  #consumeOptions() {
    return { max_bytes: this.#prefetchBytes(), expires: 4000 };
  }

  async firstSeq(stream: string): Promise<number> {
    const info = await this.#jsm.streams.info(stream);
    // a stream that never held a message reports 0
    return Math.max(1, info.state.first_seq);
  }

  async lastSeq(stream: string, subject: string): Promise<number> {
    // the stream's own record of the subject's last message: no consumer, nothing in flight to miss
    const last = await this.#jsm.streams.getMessage(stream, { last_by_subj: subject });
    return last?.seq ?? 0;
  }

  async close(): Promise<void> {
    for (const c of this.#open) await c.close();
    this.#open.clear();
    if (!this.#nc.isClosed()) await this.#nc.drain().catch(() => this.#nc.close());
  }
}

/** A message of a reader: no acknowledgements (ack and nak do nothing). */
class ReadDelivery implements Delivery {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly seq: number;
  readonly redelivered: boolean;
  constructor(m: JsMsg) {
    this.subject = m.subject;
    this.data = m.data;
    this.seq = m.seq;
    this.redelivered = m.redelivered;
  }
  ack(): void {}
  nak(): void {}
}

/** A message of a durable consumer, acknowledged through the client. */
class AckedDelivery extends ReadDelivery {
  readonly #m: JsMsg;
  constructor(m: JsMsg) {
    super(m);
    this.#m = m;
  }
  override ack(): void {
    this.#m.ack();
  }
  override nak(): void {
    this.#m.nak();
  }
}

/** Turns the push-style `consume()` iterator into bounded pull batches. */
class NatsConsumer implements BusConsumer {
  readonly #messages: ConsumerMessages;
  readonly #pending: () => Promise<number>;
  readonly #flush: () => Promise<void>;
  readonly #queue: JsMsg[] = [];
  /** Bytes of the messages in the queue. */
  #queueBytes = 0;
  readonly #limits: { readonly messages: number; readonly bytes: number };
  #wake: (() => void) | undefined;
  #room: (() => void) | undefined;
  #closed = false;
  #failure: unknown;
  readonly #acks: boolean;

  constructor(
    messages: ConsumerMessages,
    pending: () => Promise<number>,
    flush: () => Promise<void>,
    acks = true,
    limits = { messages: 4096, bytes: PREFETCH_BYTES },
  ) {
    this.#messages = messages;
    this.#limits = limits;
    this.#pending = pending;
    this.#flush = flush;
    this.#acks = acks;
    void this.#pump();
  }

  async #pump(): Promise<void> {
    try {
      for await (const m of this.#messages) {
        this.#queue.push(m);
        this.#queueBytes += m.data.byteLength;
        this.#wake?.();
        // backpressure: stop reading while the caller is behind, so the server keeps the rest
        while (
          (this.#queue.length >= this.#limits.messages || this.#queueBytes >= this.#limits.bytes) &&
          !this.#closed
        ) {
          await new Promise<void>((resolve) => {
            this.#room = resolve;
          });
        }
      }
    } catch (error) {
      this.#failure = error;
    } finally {
      this.#closed = true;
      this.#wake?.();
    }
  }

  async fetch(max: number, waitMs: number): Promise<Delivery[]> {
    if (this.#failure) throw this.#failure;
    if (this.#queue.length === 0 && waitMs > 0 && !this.#closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, waitMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.#wake = done;
      });
      this.#wake = undefined;
    }
    const batch = this.#queue.splice(0, max);
    for (const m of batch) this.#queueBytes -= m.data.byteLength;
    this.#room?.();
    this.#room = undefined;
    // one object per message and no closures: a worker receives every message of the stream
    return batch.map((m) => (this.#acks ? new AckedDelivery(m) : new ReadDelivery(m)));
  }

  flushAcks(): Promise<void> {
    return this.#flush();
  }

  async pending(): Promise<number> {
    // a reader's server-side count leaves out what it already received and holds here
    return (await this.#pending()) + (this.#acks ? 0 : this.#queue.length);
  }

  async close(): Promise<void> {
    if (this.#closed && this.#queue.length === 0) return;
    this.#closed = true;
    this.#queueBytes = 0;
    this.#queue.length = 0; // buffered, never handed out: the server redelivers them after the ack wait
    this.#room?.();
    await this.#messages.close().catch(() => undefined);
  }
}
