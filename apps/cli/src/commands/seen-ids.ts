import type { SeenEntry } from '@raqib/store-sql';

/**
 * How far behind the stream's latest event time a payment may be and still be judged by a worker, and so how long
 * its id is remembered to pass over a republished copy (docs/decisions/0065-seen-ids-horizon.md). Every worker of a
 * stream must use the same value (tests pass a smaller one through `LaneDeps.seenHorizonMs`).
 */
export const SEEN_HORIZON_MS = 7 * 24 * 3600 * 1000;

/**
 * The transaction ids a worker has seen on the stream, each with the event time of its payment, in stream order.
 * An id counts as seen only while its payment is within the horizon (`ts ≥ cutoff`): the worker refuses any payment
 * older than the cutoff before asking (a republished copy carries its original's time), so an id behind the cutoff
 * can never decide anything and is forgotten. Which ids are still held therefore changes memory, never a result:
 * a worker restored from a snapshot, holding only the ids within the horizon, passes over exactly what a worker
 * that never stopped passes over.
 */
export class SeenIds {
  readonly #ts = new Map<string, number>();
  // oldest first; forgotten from the front while the front is behind the cutoff
  #ids: string[] = [];
  #tss: number[] = [];
  #indexes: number[] = [];
  #head = 0;
  /** Ids added since the stream's start (the index the next one gets). */
  #count = 0;

  /** Whether `id` came with a payment at or after `cutoff`. */
  has(id: string, cutoff: number): boolean {
    const ts = this.#ts.get(id);
    return ts !== undefined && ts >= cutoff;
  }

  add(id: string, ts: number): void {
    this.#ts.set(id, ts);
    this.#ids.push(id);
    this.#tss.push(ts);
    this.#indexes.push(this.#count++);
  }

  /**
   * Forgets ids from the oldest on while their payments are behind `cutoff` (an old one behind a newer one waits
   * for it: a stream's small disorder keeps a few ids a little longer).
   */
  expire(cutoff: number): void {
    let h = this.#head;
    while (h < this.#ids.length && this.#tss[h]! < cutoff) {
      const id = this.#ids[h]!;
      // the same id added again later (after it was behind the cutoff) carries a newer time: keep that one
      if (this.#ts.get(id) === this.#tss[h]) this.#ts.delete(id);
      h++;
    }
    this.#head = h;
    if (h > 4096 && h * 2 > this.#ids.length) {
      this.#ids = this.#ids.slice(h);
      this.#tss = this.#tss.slice(h);
      this.#indexes = this.#indexes.slice(h);
      this.#head = 0;
    }
  }

  /** Ids added since the stream's start, forgotten ones included. */
  get count(): number {
    return this.#count;
  }

  /** Ids held now. */
  get size(): number {
    return this.#ts.size;
  }

  /** Index of the oldest id held (`count` when none): a snapshot needs the stored ids from there on. */
  get firstIndex(): number {
    return this.#head < this.#ids.length ? this.#indexes[this.#head]! : this.#count;
  }

  /** The ids held with index `index` or later, oldest first. */
  entriesFrom(index: number): SeenEntry[] {
    const out: SeenEntry[] = [];
    for (let k = this.#head; k < this.#ids.length; k++) {
      const i = this.#indexes[k]!;
      if (i >= index) out.push({ id: this.#ids[k]!, ts: this.#tss[k]!, index: i });
    }
    return out;
  }

  /**
   * Adds stored entries (oldest first) at a restart, keeping those at or after `cutoff`; `count` is how many ids the
   * snapshot covers, so that the ids added after it get the indexes they got on every other worker.
   */
  restore(entries: Iterable<SeenEntry>, cutoff: number, count: number): void {
    if (this.#count !== 0) throw new Error('seen ids are restored only into an empty set');
    for (const e of entries) {
      if (e.index >= count)
        throw new Error(`seen id ${e.id} has index ${e.index}, beyond the ${count} covered`);
      if (e.ts < cutoff) continue;
      this.#ts.set(e.id, e.ts);
      this.#ids.push(e.id);
      this.#tss.push(e.ts);
      this.#indexes.push(e.index);
    }
    this.#count = count;
  }
}
