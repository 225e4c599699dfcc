import type { Clock } from '../model/clock.ts';
import {
  type Bus,
  type BusConsumer,
  type ConsumerOptions,
  type Delivery,
  type PublishAck,
  type PublishOptions,
  type ReaderOptions,
  type StreamSpec,
  subjectMatches,
} from './bus.ts';

interface StoredMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly seq: number;
}

interface StreamState {
  readonly spec: StreamSpec;
  readonly messages: StoredMessage[];
  readonly seen: Map<string, { seq: number; at: number }>;
}

interface ConsumerState {
  readonly stream: StreamState;
  readonly filter: string;
  /** Next stream sequence not yet looked at. */
  cursor: number;
  /** Delivered, not yet acknowledged, with the handle that holds each. */
  readonly outstanding: Map<number, number>;
  /** Sequences to deliver again, ascending. */
  redeliver: number[];
  readonly delivered: Set<number>;
}

const DEFAULT_DUPLICATE_WINDOW_MS = 120_000;

/**
 * The bus in process memory: the default of a single-process run and the reference the NATS adapter is tested
 * against. Without a clock, message ids are remembered for the life of the bus (no window expiry).
 */
export class InProcessBus implements Bus {
  readonly #streams = new Map<string, StreamState>();
  readonly #consumers = new Map<string, ConsumerState>();
  readonly #waiters = new Set<() => void>();
  readonly #clock: Clock | undefined;
  #handles = 0;
  #closed = false;

  constructor(options: { clock?: Clock } = {}) {
    this.#clock = options.clock;
  }

  ensureStream(spec: StreamSpec): Promise<void> {
    this.#open();
    const existing = this.#streams.get(spec.name);
    if (existing) {
      const missing = spec.subjects.filter((s) => !existing.spec.subjects.includes(s));
      if (missing.length > 0) {
        return Promise.reject(new Error(`stream ${spec.name} exists without subjects ${missing.join(', ')}`));
      }
      if (spec.description !== undefined && existing.spec.description !== spec.description) {
        return Promise.reject(
          new Error(
            `stream ${spec.name} exists as "${existing.spec.description ?? ''}", not "${spec.description}"`,
          ),
        );
      }
      return Promise.resolve();
    }
    this.#streams.set(spec.name, { spec, messages: [], seen: new Map() });
    return Promise.resolve();
  }

  publish(subject: string, data: Uint8Array, options: PublishOptions = {}): Promise<PublishAck> {
    this.#open();
    const stream = [...this.#streams.values()].find((s) =>
      s.spec.subjects.some((f) => subjectMatches(f, subject)),
    );
    if (!stream) return Promise.reject(new Error(`no stream captures subject ${subject}`));
    const now = this.#clock?.now() ?? 0;
    const window = stream.spec.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
    if (options.msgId !== undefined) {
      const prior = stream.seen.get(options.msgId);
      if (prior && (this.#clock === undefined || now - prior.at < window)) {
        return Promise.resolve({ seq: prior.seq, duplicate: true });
      }
    }
    const seq = stream.messages.length + 1;
    stream.messages.push({ subject, data, seq });
    if (options.msgId !== undefined) stream.seen.set(options.msgId, { seq, at: now });
    for (const wake of [...this.#waiters]) wake();
    return Promise.resolve({ seq, duplicate: false });
  }

  consumer(streamName: string, durable: string, options: ConsumerOptions): Promise<BusConsumer> {
    this.#open();
    const stream = this.#streams.get(streamName);
    if (!stream) return Promise.reject(new Error(`no stream named ${streamName}`));
    const key = `${streamName}/${durable}`;
    let state = this.#consumers.get(key);
    if (state && state.filter !== options.filterSubject) {
      return Promise.reject(
        new Error(`consumer ${durable} exists with filter ${state.filter}, not ${options.filterSubject}`),
      );
    }
    if (!state) {
      state = {
        stream,
        filter: options.filterSubject,
        cursor: 1,
        outstanding: new Map(),
        redeliver: [],
        delivered: new Set(),
      };
      this.#consumers.set(key, state);
    }
    return Promise.resolve(this.#handle(state, ++this.#handles));
  }

  /** The in-process bus never removes a message: every stream starts at 1. */
  firstSeq(streamName: string): Promise<number> {
    this.#open();
    if (!this.#streams.has(streamName)) return Promise.reject(new Error(`no stream named ${streamName}`));
    return Promise.resolve(1);
  }

  lastSeq(streamName: string, subject: string): Promise<number> {
    this.#open();
    const stream = this.#streams.get(streamName);
    if (!stream) return Promise.reject(new Error(`no stream named ${streamName}`));
    for (let i = stream.messages.length - 1; i >= 0; i--) {
      const m = stream.messages[i]!;
      if (m.subject === subject) return Promise.resolve(m.seq);
    }
    return Promise.resolve(0);
  }

  reader(streamName: string, options: ReaderOptions): Promise<BusConsumer> {
    this.#open();
    const stream = this.#streams.get(streamName);
    if (!stream) return Promise.reject(new Error(`no stream named ${streamName}`));
    // a private, throw-away consumer state: acks are ignored and nothing is ever delivered again
    const state: ConsumerState = {
      stream,
      filter: options.filterSubject,
      cursor: Math.max(1, options.startSeq),
      outstanding: new Map(),
      redeliver: [],
      delivered: new Set(),
    };
    const handle = this.#handle(state, ++this.#handles);
    return Promise.resolve({
      ...handle,
      fetch: async (max: number, waitMs: number) => {
        const got = await handle.fetch(max, waitMs);
        state.outstanding.clear();
        return got.map((d) => ({ ...d, ack: () => {}, nak: () => {} }));
      },
    });
  }

  close(): Promise<void> {
    this.#closed = true;
    for (const wake of [...this.#waiters]) wake();
    return Promise.resolve();
  }

  #open(): void {
    if (this.#closed) throw new Error('the in-process bus is closed');
  }

  #take(state: ConsumerState, handle: number, max: number): Delivery[] {
    const out: Delivery[] = [];
    const give = (message: StoredMessage) => {
      const redelivered = state.delivered.has(message.seq);
      state.delivered.add(message.seq);
      state.outstanding.set(message.seq, handle);
      const settle = (again: boolean) => {
        // only the holder may settle: a handle that was closed (a dead worker) cannot ack any more
        if (state.outstanding.get(message.seq) !== handle) return;
        state.outstanding.delete(message.seq);
        if (again) insertSorted(state.redeliver, message.seq);
      };
      out.push({
        subject: message.subject,
        data: message.data,
        seq: message.seq,
        redelivered,
        ack: () => settle(false),
        nak: () => settle(true),
      });
    };
    while (out.length < max && state.redeliver.length > 0) {
      const seq = state.redeliver.shift()!;
      const message = state.stream.messages[seq - 1];
      if (message) give(message);
    }
    const messages = state.stream.messages;
    while (out.length < max && state.cursor <= messages.length) {
      const message = messages[state.cursor - 1]!;
      state.cursor++;
      if (subjectMatches(state.filter, message.subject)) give(message);
    }
    return out;
  }

  #handle(state: ConsumerState, handle: number): BusConsumer {
    let closed = false;
    return {
      fetch: async (max, waitMs) => {
        if (closed) throw new Error('consumer is closed');
        const now = this.#take(state, handle, max);
        if (now.length > 0 || waitMs <= 0) return now;
        await new Promise<void>((resolve) => {
          const wake = () => {
            this.#waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, waitMs);
          this.#waiters.add(wake);
        });
        return closed || this.#closed ? [] : this.#take(state, handle, max);
      },
      flushAcks: () => Promise.resolve(),
      pending: () => {
        let n = state.redeliver.length + state.outstanding.size;
        const messages = state.stream.messages;
        for (let seq = state.cursor; seq <= messages.length; seq++) {
          if (subjectMatches(state.filter, messages[seq - 1]!.subject)) n++;
        }
        return Promise.resolve(n);
      },
      close: () => {
        closed = true;
        for (const [seq, holder] of [...state.outstanding]) {
          if (holder !== handle) continue;
          state.outstanding.delete(seq);
          insertSorted(state.redeliver, seq);
        }
        return Promise.resolve();
      },
    };
  }
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > value) i--;
  list.splice(i, 0, value);
}
