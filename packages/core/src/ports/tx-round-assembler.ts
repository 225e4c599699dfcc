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

interface OpenRound {
  readonly parts: number;
  readonly count: number;
  readonly got: Map<number, { readonly part: RoundPart; readonly held: HeldPart }>;
}

/** What adding a part gave. */
export type AssembleResult =
  | { readonly kind: 'waiting' }
  /** The round already holds a part of this partition (a republish of it): passed over. */
  | { readonly kind: 'duplicate' }
  /** The round's last part: its payments in ordinal order, i.e. the order its publisher read them. */
  | { readonly kind: 'complete'; readonly txs: readonly Transaction[] }
  /** The parts disagree (counts, or ordinals missing or given twice): the round is dropped. */
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Reassembles rounds from their parts, as a worker reads them in stream order. A round is processed at the
 * position of its last part, so the order of the payments is fixed by the stream alone — the same on every worker
 * — whatever else (other publishers' parts, version 2 messages) lies between the parts. Parts of rounds still open
 * are part of the worker's state: a snapshot stores them (`held`) and a restart adds them back before reading on.
 */
export class RoundAssembler {
  readonly #open = new Map<string, OpenRound>();

  add(partition: number, seq: number, part: RoundPart, text: string): AssembleResult {
    let round = this.#open.get(part.round);
    if (!round) {
      round = { parts: part.parts, count: part.count, got: new Map() };
      this.#open.set(part.round, round);
    }
    if (round.parts !== part.parts || round.count !== part.count) {
      this.#open.delete(part.round);
      return {
        kind: 'invalid',
        reason: `round ${part.round}: a part says ${part.parts} parts and ${part.count} payments, an earlier one ${round.parts} and ${round.count}`,
      };
    }
    if (round.got.has(partition)) return { kind: 'duplicate' };
    round.got.set(partition, { part, held: { seq, partition, text } });
    if (round.got.size < round.parts) return { kind: 'waiting' };
    this.#open.delete(part.round);
    const txs = new Array<Transaction | undefined>(round.count);
    let filled = 0;
    for (const { part: p } of round.got.values()) {
      for (const e of p.entries) {
        if (txs[e.ordinal] !== undefined) {
          return { kind: 'invalid', reason: `round ${part.round}: payment ${e.ordinal} is in two parts` };
        }
        txs[e.ordinal] = e.tx;
        filled++;
      }
    }
    if (filled !== round.count) {
      return {
        kind: 'invalid',
        reason: `round ${part.round}: its parts hold ${filled} of ${round.count} payments`,
      };
    }
    return { kind: 'complete', txs: txs as Transaction[] };
  }

  /** Rounds waiting for parts. */
  get open(): number {
    return this.#open.size;
  }

  /** The parts of the open rounds, in the order they were added (a snapshot stores them). */
  held(): HeldPart[] {
    const out: HeldPart[] = [];
    for (const r of this.#open.values()) for (const { held } of r.got.values()) out.push(held);
    return out.sort((a, b) => a.seq - b.seq);
  }
}
