/** Keys up to this many characters, all below U+0100, are stored inside their slot (AMLworld: ≤ 15). */
const INLINE_CHARS = 16;
/** int32 per slot: [hash, id + 1 (0 = empty), meta, offset in `chars`, 4 words of inline characters]. */
const SLOT = 8;
const WIDE = 1 << 31;
const MAX_PART = 0x7fff;
/** Int32 words of a prepared key (`prepareInto`): hash, lengths word, 4 words of packed characters. */
export const PREPARED = 6;

/** murmur3 (32-bit) of four words, seeded with the lengths word: a key's characters packed four to a word. */
function hashWords(seed: number, w0: number, w1: number, w2: number, w3: number): number {
  let h = seed ^ mixWord(w0);
  h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  h ^= mixWord(w1);
  h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  h ^= mixWord(w2);
  h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  h ^= mixWord(w3);
  h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function mixWord(w: number): number {
  const k = Math.imul(w, 0xcc9e2d51);
  return Math.imul((k << 15) | (k >>> 17), 0x1b873593);
}

/**
 * bank + account → dense integer id, as a flat open-addressing table in one Int32Array. A key of up to 16
 * Latin-1 characters (every AMLworld key) is packed into its own 32-byte slot, so a lookup reads one cache line
 * and builds no string; longer keys keep their characters in a side Uint16Array. Load factor ≤ ½, linear
 * probing. This replaced a Map of strings, whose lookups touched four or five scattered heap objects and cost
 * ~20 % of a scan (decision 0014).
 */
export class AccountIndex {
  #slots = new Int32Array(SLOT << 15);
  #mask = (1 << 15) - 1;
  #size = 0;
  #chars = new Uint16Array(1 << 12);
  #charsUsed = 0;
  /** The key being looked up: its hash, meta word and packed characters (valid after #prepare). */
  readonly #probe = new Int32Array(4);
  #hash = 0;
  #meta = 0;

  get size(): number {
    return this.#size;
  }

  /** The id of bank + account, or -1 when absent. */
  get(bank: string, account: string): number {
    this.#prepare(bank, account);
    const at = this.#find(bank, account);
    return at < 0 ? -1 : this.#slots[at + 1]! - 1;
  }

  /** The id of bank + account; when absent, `nextId` is recorded for it and returned. */
  intern(bank: string, account: string, nextId: number): number {
    this.#prepare(bank, account);
    const at = this.#find(bank, account);
    if (at >= 0) return this.#slots[at + 1]! - 1;
    this.#insert(-at - 1, bank, account, nextId);
    return nextId;
  }

  /**
   * Hashes bank + account into `out[at…at + PREPARED)`, for `touch` and `internPrepared`: a batch of keys is
   * prepared, then their slots are loaded together, then each is looked up (the cache misses overlap).
   */
  prepareInto(bank: string, account: string, out: Int32Array, at: number): void {
    this.#prepare(bank, account);
    out[at] = this.#hash;
    out[at + 1] = this.#meta;
    out.set(this.#probe, at + 2);
  }

  /**
   * Reads the home slot of each of `count` prepared keys and nothing else. The loads do not depend on one another,
   * so the processor has many of their cache misses in flight at once, where lookups one after the other wait for
   * each in turn; `internPrepared` then finds the slots in the cache. The sum returned means nothing (it keeps the
   * loads from being optimised away).
   */
  touch(prepared: Int32Array, count: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let sum = 0;
    for (let k = 0; k < count; k++) sum += slots[(prepared[k * PREPARED]! & mask) * SLOT + 1]!;
    return sum;
  }

  /** `intern` of bank + account, prepared at `prepared[at]` by `prepareInto` from these same strings. */
  internPrepared(prepared: Int32Array, at: number, bank: string, account: string, nextId: number): number {
    this.#hash = prepared[at]!;
    this.#meta = prepared[at + 1]!;
    const probe = this.#probe;
    probe[0] = prepared[at + 2]!;
    probe[1] = prepared[at + 3]!;
    probe[2] = prepared[at + 4]!;
    probe[3] = prepared[at + 5]!;
    const found = this.#find(bank, account);
    if (found >= 0) return this.#slots[found + 1]! - 1;
    this.#insert(-found - 1, bank, account, nextId);
    return nextId;
  }

  #prepare(bank: string, account: string): void {
    const bl = bank.length;
    const al = account.length;
    if (bl > MAX_PART || al > MAX_PART) {
      throw new RangeError(
        `account key part longer than ${MAX_PART} characters (bank ${bank.slice(0, 40)}…)`,
      );
    }
    const probe = this.#probe;
    if (bl + al <= INLINE_CHARS) {
      // The characters packed into four words in locals (no store and reload of the probe per character), then the
      // words hashed: four independent multiplications instead of a chain of one per character.
      let w0 = 0;
      let w1 = 0;
      let w2 = 0;
      let w3 = 0;
      let all = 0;
      for (let p = 0; p < bl + al; p++) {
        const c = p < bl ? bank.charCodeAt(p) : account.charCodeAt(p - bl);
        all |= c;
        const v = c << ((p & 3) << 3);
        if (p < 4) w0 |= v;
        else if (p < 8) w1 |= v;
        else if (p < 12) w2 |= v;
        else w3 |= v;
      }
      if (all <= 0xff) {
        probe[0] = w0;
        probe[1] = w1;
        probe[2] = w2;
        probe[3] = w3;
        const meta = (bl << 16) | al;
        this.#meta = meta;
        this.#hash = hashWords(meta, w0, w1, w2, w3);
        return;
      }
    }
    // Longer or not Latin-1: FNV-1a over bank, a separator and account; the characters go to the side array.
    probe.fill(0);
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < bl; k++) h = Math.imul(h ^ bank.charCodeAt(k), 0x01000193);
    h = Math.imul(h ^ 0x7c, 0x01000193);
    for (let k = 0; k < al; k++) h = Math.imul(h ^ account.charCodeAt(k), 0x01000193);
    this.#hash = h ^ (h >>> 15);
    this.#meta = (bl << 16) | al | WIDE;
  }

  /** Slot offset of the prepared key, or -(free slot offset) - 1 when absent. */
  #find(bank: string, account: string): number {
    const slots = this.#slots;
    const mask = this.#mask;
    const h = this.#hash;
    const meta = this.#meta;
    const probe = this.#probe;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      if (slots[at + 1] === 0) return -at - 1;
      if (slots[at] !== h || slots[at + 2] !== meta) continue;
      if (meta & WIDE) {
        if (this.#sameChars(slots[at + 3]!, bank, account)) return at;
      } else if (
        slots[at + 4] === probe[0] &&
        slots[at + 5] === probe[1] &&
        slots[at + 6] === probe[2] &&
        slots[at + 7] === probe[3]
      ) {
        return at;
      }
    }
  }

  #sameChars(offset: number, bank: string, account: string): boolean {
    const chars = this.#chars;
    for (let k = 0; k < bank.length; k++) if (chars[offset + k] !== bank.charCodeAt(k)) return false;
    const o = offset + bank.length;
    for (let k = 0; k < account.length; k++) if (chars[o + k] !== account.charCodeAt(k)) return false;
    return true;
  }

  #insert(at: number, bank: string, account: string, id: number): void {
    const slots = this.#slots;
    slots[at] = this.#hash;
    slots[at + 1] = id + 1;
    slots[at + 2] = this.#meta;
    if (this.#meta & WIDE) {
      const n = bank.length + account.length;
      if (this.#charsUsed + n > this.#chars.length) {
        const bigger = new Uint16Array(Math.max(this.#chars.length * 2, this.#charsUsed + n));
        bigger.set(this.#chars);
        this.#chars = bigger;
      }
      const offset = this.#charsUsed;
      for (let k = 0; k < bank.length; k++) this.#chars[offset + k] = bank.charCodeAt(k);
      for (let k = 0; k < account.length; k++) this.#chars[offset + bank.length + k] = account.charCodeAt(k);
      this.#charsUsed += n;
      slots[at + 3] = offset;
    } else {
      slots.set(this.#probe, at + 4);
    }
    if (++this.#size * 2 > this.#mask + 1) this.#grow();
  }

  #grow(): void {
    const old = this.#slots;
    const count = (this.#mask + 1) * 2;
    const mask = count - 1;
    const slots = new Int32Array(count * SLOT);
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 1] === 0) continue;
      let slot = old[at]! & mask;
      while (slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
      // word by word: a subarray per slot made ~65k short-lived views per doubling
      const to = slot * SLOT;
      for (let w = 0; w < SLOT; w++) slots[to + w] = old[at + w]!;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}
