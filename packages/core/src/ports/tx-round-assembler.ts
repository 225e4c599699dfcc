import type { Transaction } from '../model/transaction.ts';
import type { RoundPart } from './bus-tx-round.ts';

/** A part held until its round is complete, as a window-state snapshot stores it (docs/decisions/0064-rounds.md). */
export interface HeldPart {
  /** Stream position of the part. */
  readonly seq: number;
  /** The partition its subject names. */
  readonly partition: number;
  /** The message text, to decode again after a restart. */
  readonly text: string;
}

/** A round recently completed or dropped, remembered so that a late part of it opens no new round. */
export interface RecentRound {
  readonly round: string;
  readonly outcome: 'complete' | 'dropped';
  /** Stream position where it completed or was dropped. */
  readonly seq: number;
}

/** A held part whose round was dropped: the runner records it in `scale_rejects`. */
export interface DroppedPart {
  readonly held: HeldPart;
  readonly round: string;
  /** Ids of the payments the part held: never judged. */
  readonly ids: readonly string[];
  readonly reason: string;
}

/**
 * How long a round may stay open, in stream positions from its first part. Every worker must drop a round at the
 * same position, so this is a constant of the code, not a setting. A publisher sends a round's parts (at most one
 * per partition, MAX_PARTITIONS) one after another on one connection, so between its first and last part lie its
 * own other parts plus whatever concurrent publishers sent meanwhile (each with up to `window` 512 messages in
 * flight): with P partitions and C publishers about P + 512·C positions. 65,536 leaves room for over a hundred
 * concurrent publishers, and for a publisher that died mid-round to be run again while its round is that close.
 */
export const ROUND_MAX_AGE = 65_536;
/** Most rounds open at once (the oldest is dropped first): each open round is a publisher mid-round. */
export const MAX_OPEN_ROUNDS = 1024;
/** Most bytes of held parts (the oldest round is dropped first): they live in memory and in every snapshot. */
export const MAX_HELD_BYTES = 64 * 1024 * 1024;
/** Names of completed or dropped rounds remembered, to pass over (or reject) a late part of one. */
export const RECENT_ROUNDS = 4096;

export interface RoundLimits {
  readonly maxAge?: number;
  readonly maxOpen?: number;
  readonly maxHeldBytes?: number;
  readonly recent?: number;
}

interface OpenRound {
  readonly parts: number;
  readonly count: number;
  /** Position of its first part: the round is dropped once it is more than `maxAge` positions old. */
  readonly first: number;
  bytes: number;
  readonly got: Map<number, { readonly part: RoundPart; readonly held: HeldPart }>;
}

/** What adding a part gave. */
export type AssembleResult =
  | { readonly kind: 'waiting' }
  /** The round already holds a part of this partition, or has completed: passed over. */
  | { readonly kind: 'duplicate' }
  /**
   * The round's last part: its payments in ordinal order, i.e. the order its publisher read them, the partition
   * of the part each came in (its payer's, which the caller checked: not hashed again) and that part's position.
   */
  | {
      readonly kind: 'complete';
      readonly txs: readonly Transaction[];
      readonly partitions: readonly number[];
      readonly partSeqs: readonly number[];
    }
  /** This part is rejected (`reason`); held parts of its round dropped with it are in `takeDropped()`. */
  | { readonly kind: 'invalid'; readonly reason: string }
  /** The round was dropped at this part (ordinals missing or given twice): every part of it is in `takeDropped()`. */
  | { readonly kind: 'dropped' };

const encoder = new TextEncoder();

/**
 * Reassembles rounds from their parts, as a worker reads them in stream order. A round is processed at the
 * position of its last part, so the order of the payments is fixed by the stream alone — the same on every worker
 * — whatever else (other publishers' parts, version 2 messages) lies between the parts. Parts of rounds still open
 * are part of the worker's state: a snapshot stores them (`held`) and a restart adds them back before reading on.
 *
 * Nothing is held for ever and nothing dropped without a trace: a round is dropped when its first part is more than
 * `maxAge` positions old (`expire`), or as the oldest open round when the open rounds pass `maxOpen` or their parts
 * `maxHeldBytes`; each of its held parts is then given out by `takeDropped()` with the payment ids it held. Every
 * decision depends on stream positions and content only, so every worker makes it at the same position.
 */
export class RoundAssembler {
  readonly #open = new Map<string, OpenRound>();
  /** Completed and dropped rounds, oldest first. */
  readonly #recent = new Map<string, RecentRound>();
  #dropped: DroppedPart[] = [];
  #heldBytes = 0;
  readonly #maxAge: number;
  readonly #maxOpen: number;
  readonly #maxHeldBytes: number;
  readonly #maxRecent: number;

  constructor(limits: RoundLimits = {}) {
    this.#maxAge = limits.maxAge ?? ROUND_MAX_AGE;
    this.#maxOpen = limits.maxOpen ?? MAX_OPEN_ROUNDS;
    this.#maxHeldBytes = limits.maxHeldBytes ?? MAX_HELD_BYTES;
    this.#maxRecent = limits.recent ?? RECENT_ROUNDS;
  }

  add(partition: number, seq: number, part: RoundPart, text: string): AssembleResult {
    const past = this.#recent.get(part.round);
    if (past?.outcome === 'complete') return { kind: 'duplicate' };
    if (past) return { kind: 'invalid', reason: `round ${part.round} was dropped at #${past.seq}` };
    let round = this.#open.get(part.round);
    if (!round) {
      round = { parts: part.parts, count: part.count, first: seq, bytes: 0, got: new Map() };
      this.#open.set(part.round, round);
    }
    if (round.parts !== part.parts || round.count !== part.count) {
      const reason = `round ${part.round}: a part says ${part.parts} parts and ${part.count} payments, an earlier one ${round.parts} and ${round.count}`;
      this.#drop(part.round, seq, reason);
      return { kind: 'invalid', reason };
    }
    if (round.got.has(partition)) return { kind: 'duplicate' };
    round.got.set(partition, { part, held: { seq, partition, text } });
    if (round.got.size < round.parts) {
      // counted only when held: most parts complete their round at once (a round of one part), never held
      const bytes = encoder.encode(text).byteLength;
      round.bytes += bytes;
      this.#heldBytes += bytes;
      this.#enforceCaps(part.round, seq);
      return { kind: 'waiting' };
    }
    const txs = new Array<Transaction | undefined>(round.count);
    const partitions = new Array<number>(round.count);
    const partSeqs = new Array<number>(round.count);
    let filled = 0;
    for (const [where, { part: p, held }] of round.got) {
      for (const e of p.entries) {
        if (txs[e.ordinal] !== undefined) {
          this.#drop(part.round, seq, `round ${part.round}: payment ${e.ordinal} is in two parts`);
          return { kind: 'dropped' };
        }
        txs[e.ordinal] = e.tx;
        partitions[e.ordinal] = where;
        partSeqs[e.ordinal] = held.seq;
        filled++;
      }
    }
    if (filled !== round.count) {
      this.#drop(part.round, seq, `round ${part.round}: its parts hold ${filled} of ${round.count} payments`);
      return { kind: 'dropped' };
    }
    this.#close(part.round, { round: part.round, outcome: 'complete', seq });
    return { kind: 'complete', txs: txs as Transaction[], partitions, partSeqs };
  }

  /**
   * A part of `round` was rejected before it reached the assembler (its subject or its payments are wrong): the
   * round can never complete, so it is dropped now rather than when it expires.
   */
  fail(round: string, seq: number, reason: string): void {
    if (this.#recent.has(round)) return;
    if (this.#open.has(round)) this.#drop(round, seq, reason);
    else this.#remember({ round, outcome: 'dropped', seq });
  }

  /** Drops the rounds whose first part is more than `maxAge` positions before `seq` (the position being read). */
  expire(seq: number): void {
    // rounds open in the order of their first part: the oldest come first
    for (const [name, round] of this.#open) {
      if (seq - round.first <= this.#maxAge) break;
      this.#drop(name, seq, `round ${name} still lacks parts ${this.#maxAge} positions after its first`);
    }
  }

  /** The held parts of rounds dropped since the last call, in the order they were dropped. */
  takeDropped(): DroppedPart[] {
    const out = this.#dropped;
    this.#dropped = [];
    return out;
  }

  /** Rounds waiting for parts. */
  get open(): number {
    return this.#open.size;
  }

  /** Bytes of the parts held. */
  get heldBytes(): number {
    return this.#heldBytes;
  }

  /** The parts of the open rounds, in the order they were added (a snapshot stores them). */
  held(): HeldPart[] {
    const out: HeldPart[] = [];
    for (const r of this.#open.values()) for (const { held } of r.got.values()) out.push(held);
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** Rounds recently completed or dropped, oldest first (a snapshot stores them). */
  recent(): RecentRound[] {
    return [...this.#recent.values()];
  }

  /** Restores the recent rounds of a snapshot (before its held parts are added back). */
  restoreRecent(recent: readonly RecentRound[]): void {
    for (const r of recent) this.#remember(r);
  }

  #enforceCaps(current: string, seq: number): void {
    for (const [name] of this.#open) {
      if (this.#open.size <= this.#maxOpen && this.#heldBytes <= this.#maxHeldBytes) return;
      if (name === current && this.#open.size === 1) return; // one part is below MAX_ROUND_PART_BYTES
      this.#drop(
        name,
        seq,
        `round ${name} dropped as the oldest open round: more than ${this.#maxOpen} rounds or ${this.#maxHeldBytes} bytes held`,
      );
    }
  }

  #drop(name: string, seq: number, reason: string): void {
    const round = this.#open.get(name);
    if (round) {
      for (const { part, held } of [...round.got.values()].sort((a, b) => a.held.seq - b.held.seq)) {
        this.#dropped.push({ held, round: name, ids: part.entries.map((e) => e.tx.id), reason });
      }
    }
    this.#close(name, { round: name, outcome: 'dropped', seq });
  }

  #close(name: string, outcome: RecentRound): void {
    const round = this.#open.get(name);
    if (round) {
      this.#heldBytes -= round.bytes;
      this.#open.delete(name);
    }
    this.#remember(outcome);
  }

  #remember(r: RecentRound): void {
    this.#recent.delete(r.round);
    this.#recent.set(r.round, r);
    for (const [name] of this.#recent) {
      if (this.#recent.size <= this.#maxRecent) break;
      this.#recent.delete(name);
    }
  }
}
