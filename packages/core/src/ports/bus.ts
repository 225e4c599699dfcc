/**
 * The bus port: an append-only, subject-addressed stream with durable pull consumers and explicit acks.
 * It is the shape NATS JetStream offers (packages/bus-nats) and the in-process bus imitates (bus-memory.ts), so
 * that ingest and workers are written once and the two adapters pass one contract suite (packages/testkit).
 *
 * Delivery is at least once: a message that is not acknowledged is delivered again (after a nak, or when a
 * consumer is re-opened after its holder went away). Effectively-once processing is the consumer's job: make the
 * effect durable and idempotent first, acknowledge second.
 */
export interface StreamSpec {
  /** Stream name: letters, digits, `-` and `_`. */
  readonly name: string;
  /** Subjects the stream captures; `*` matches one token, a trailing `>` one or more. */
  readonly subjects: readonly string[];
  /** How long a publish message id is remembered for de-duplication (default 2 minutes). */
  readonly duplicateWindowMs?: number;
  /**
   * Free text stored with the stream. When given, an existing stream must carry the same text: raqib records the
   * partition count here so that an ingest and a worker that disagree about it fail instead of misrouting.
   */
  readonly description?: string;
}

export interface PublishOptions {
  /** De-duplication key: a second publish with the same id inside the window is stored once. */
  readonly msgId?: string;
}

export interface PublishAck {
  /** Stream sequence of the stored message (of the first one, for a duplicate). */
  readonly seq: number;
  /** True when the message id had been seen and nothing new was stored. */
  readonly duplicate: boolean;
}

export interface ConsumerOptions {
  /** Only messages whose subject matches this filter are delivered (one filter: NATS 2.9 has no multi-filter). */
  readonly filterSubject: string;
  /** How long a delivered message may stay unacknowledged before it is delivered again (NATS adapter). */
  readonly ackWaitMs?: number;
  /** Upper bound of delivered-but-unacknowledged messages. */
  readonly maxAckPending?: number;
}

export interface ReaderOptions {
  readonly filterSubject: string;
  /** First stream sequence to read (1 = from the beginning). */
  readonly startSeq: number;
}

export interface Delivery {
  readonly subject: string;
  readonly data: Uint8Array;
  /** Stream sequence: increases with publish order; per subject, deliveries come in this order. */
  readonly seq: number;
  /** True when this message was delivered before and not acknowledged. */
  readonly redelivered: boolean;
  /** Marks the message done; it is not delivered to this consumer again. */
  ack(): void;
  /** Asks for the message to be delivered again. */
  nak(): void;
}

/** A durable consumer: its position survives close() and re-open under the same name. */
export interface BusConsumer {
  /**
   * Up to `max` deliveries. Returns at once when any are ready; otherwise waits at most `waitMs` for the
   * first and returns an empty array if none came.
   */
  fetch(max: number, waitMs: number): Promise<Delivery[]>;
  /** Waits until every ack given so far has reached the bus (the NATS adapter sends acks asynchronously). */
  flushAcks(): Promise<void>;
  /**
   * Messages matching the filter that are not yet acknowledged (for a reader: not yet handed out). A lag figure
   * for progress and idleness; a message the adapter is receiving at this instant may be missing from it.
   */
  pending(): Promise<number>;
  /** Stops delivery; unacknowledged messages will be delivered again to the next holder of the durable name. */
  close(): Promise<void>;
}

export interface Bus {
  /** Creates the stream, or checks that an existing one captures the given subjects (and has the description). */
  ensureStream(spec: StreamSpec): Promise<void>;
  publish(subject: string, data: Uint8Array, options?: PublishOptions): Promise<PublishAck>;
  /** Opens (creating when missing) the durable consumer `durable` on `stream`. */
  consumer(stream: string, durable: string, options: ConsumerOptions): Promise<BusConsumer>;
  /**
   * An ordered reader from a stream position: every matching message from `startSeq` on, strictly in stream
   * order, each once, with no acknowledgements (ack and nak do nothing). For a consumer that keeps its position
   * itself, atomically with its state: after any failure it reopens a reader at its own checkpoint, and nothing
   * the bus remembers about earlier deliveries can reorder or hold back what it reads.
   */
  reader(stream: string, options: ReaderOptions): Promise<BusConsumer>;
  /**
   * The lowest sequence the stream still holds: 1 while it has lost nothing; higher once its limits (age, size,
   * count) or a purge removed older messages. A reader that must start below it cannot get what it needs.
   */
  firstSeq(stream: string): Promise<number>;
  /**
   * The sequence of the last message the stream holds on `subject` (a literal subject, no wildcard), 0 when it holds
   * none. Exact, unlike `BusConsumer.pending`: a reader whose position has reached it has read that subject whole,
   * which is what a batch run's "everything is done" must rest on.
   */
  lastSeq(stream: string, subject: string): Promise<number>;
  close(): Promise<void>;
}

/** NATS subject matching: `*` matches exactly one token, `>` (last) one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    const token = f[i];
    if (token === '>') return i === f.length - 1 && s.length > i;
    if (i >= s.length) return false;
    if (token !== '*' && token !== s[i]) return false;
  }
  return f.length === s.length;
}
