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
  // The entries, oldest first from #head: id, event time and index on the stream. Forgotten from the front while
  // the front is behind the cutoff. Times and indexes in typed arrays: every worker adds every payment of the stream.
  #ids: string[] = [];
  #tss = new Float64Array(1024);
  #indexes = new Float64Array(1024);
  #head = 0;
  /** Ids added since the stream's start (the index the next one gets). */
  #count = 0;
  // An open-addressing table (linear probing) over the held ids: a slot holds the position of its entry + 1 (0:
  // empty) and the id's hash, so that a miss — nearly every lookup — reads one slot and no entry. A Map<string,
  // number> here was about 15 % of a worker's CPU on the bench stream (set, get and delete of every payment).
  #slots = new Int32Array(2048);
  #hashes = new Int32Array(2048);
  #held = 0;

  /** Whether `id` came with a payment at or after `cutoff`. */
  has(id: string, cutoff: number): boolean {
    const slot = this.#find(id, idHash(id));
    return slot >= 0 && this.#tss[this.#slots[slot]! - 1]! >= cutoff;
  }

  add(id: string, ts: number): void {
    this.#put(id, idHash(id), ts);
  }

  /**
   * `has` then `add` with one hash and one probe: false (and nothing added) when `id` came with a payment at or after
   * `cutoff`, else the id is added with `ts` and true returned.
   */
  admit(id: string, ts: number, cutoff: number): boolean {
    const h = idHash(id);
    const slot = this.#find(id, h);
    if (slot >= 0 && this.#tss[this.#slots[slot]! - 1]! >= cutoff) return false;
    this.#put(id, h, ts);
    return true;
  }

  /**
   * Forgets ids from the oldest on while their payments are behind `cutoff` (an old one behind a newer one waits
   * for it: a stream's small disorder keeps a few ids a little longer).
   */
  expire(cutoff: number): void {
    let h = this.#head;
    const end = this.#ids.length;
    while (h < end && this.#tss[h]! < cutoff) {
      const id = this.#ids[h]!;
      const slot = this.#find(id, idHash(id));
      // the same id added again later (after it was behind the cutoff) has its slot on the newer entry: keep that one
      if (slot >= 0 && this.#slots[slot] === h + 1) this.#remove(slot);
      h++;
    }
    this.#head = h;
    if (h > 4096 && h * 2 > end) this.#compact();
  }

  /** The slot holding `id` (hash `h`), or -1. */
  #find(id: string, h: number): number {
    const slots = this.#slots;
    const hashes = this.#hashes;
    const mask = slots.length - 1;
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const at = slots[k]!;
      if (at === 0) return -1;
      if (hashes[k] === h && this.#ids[at - 1] === id) return k;
    }
  }

  /** Appends an entry and points the id's slot at it (a held id's slot moves to the newer entry). */
  #put(id: string, h: number, ts: number): void {
    const at = this.#ids.length;
    if (at === this.#tss.length) this.#growEntries();
    this.#ids.push(id);
    this.#tss[at] = ts;
    this.#indexes[at] = this.#count++;
    const slot = this.#find(id, h);
    if (slot >= 0) {
      this.#slots[slot] = at + 1;
      return;
    }
    if ((this.#held + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    this.#insert(h, at + 1);
    this.#held++;
  }

  #insert(h: number, value: number): void {
    const mask = this.#slots.length - 1;
    let k = h & mask;
    while (this.#slots[k] !== 0) k = (k + 1) & mask;
    this.#slots[k] = value;
    this.#hashes[k] = h;
  }

  /** Empties slot `i`, shifting back the slots after it that probed past it (no tombstones). */
  #remove(i: number): void {
    const slots = this.#slots;
    const hashes = this.#hashes;
    const mask = slots.length - 1;
    let hole = i;
    for (let j = (i + 1) & mask; slots[j] !== 0; j = (j + 1) & mask) {
      const home = hashes[j]! & mask;
      // the entry at j may fill the hole unless its home lies cyclically in (hole, j]
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      slots[hole] = slots[j]!;
      hashes[hole] = hashes[j]!;
      hole = j;
    }
    slots[hole] = 0;
    this.#held--;
  }

  #rehash(capacity: number): void {
    const slots = this.#slots;
    const hashes = this.#hashes;
    this.#slots = new Int32Array(capacity);
    this.#hashes = new Int32Array(capacity);
    for (let k = 0; k < slots.length; k++) if (slots[k] !== 0) this.#insert(hashes[k]!, slots[k]!);
  }

  #growEntries(): void {
    const tss = new Float64Array(this.#tss.length * 2);
    tss.set(this.#tss);
    this.#tss = tss;
    const indexes = new Float64Array(this.#indexes.length * 2);
    indexes.set(this.#indexes);
    this.#indexes = indexes;
  }

  /** Drops the forgotten entries in front, moving every slot back by as many positions. */
  #compact(): void {
    const h = this.#head;
    const n = this.#ids.length - h;
    this.#ids = this.#ids.slice(h);
    this.#tss.copyWithin(0, h, h + n);
    this.#indexes.copyWithin(0, h, h + n);
    const slots = this.#slots;
    for (let k = 0; k < slots.length; k++) if (slots[k] !== 0) slots[k] = slots[k]! - h;
    this.#head = 0;
  }

  /** Ids added since the stream's start, forgotten ones included. */
  get count(): number {
    return this.#count;
  }

  /** Ids held now. */
  get size(): number {
    return this.#held;
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
      this.#count = e.index;
      this.#put(e.id, idHash(e.id), e.ts);
    }
    this.#count = count;
  }
}

/** FNV-1a over the id's UTF-16 units, mixed so that ids differing only in their last characters spread over slots. */
function idHash(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
