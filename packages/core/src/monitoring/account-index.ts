/** Keys up to this many characters, all below U+0100, are stored inside their slot (AMLworld: ≤ 15). */
const INLINE_CHARS = 16;
/** int32 per slot: [hash, id + 1 (0 = empty), meta, offset in `chars`, 4 words of inline characters]. */
const SLOT = 8;
const WIDE = 1 << 31;
const MAX_PART = 0x7fff;

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

  #prepare(bank: string, account: string): void {
    const bl = bank.length;
    const al = account.length;
    if (bl > MAX_PART || al > MAX_PART) {
      throw new RangeError(
        `account key part longer than ${MAX_PART} characters (bank ${bank.slice(0, 40)}…)`,
      );
    }
    const probe = this.#probe;
    probe.fill(0);
    let wide = bl + al > INLINE_CHARS;
    // FNV-1a over bank, a separator and account; the same loop packs the characters for the inline compare.
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < bl; k++) {
      const c = bank.charCodeAt(k);
      h = Math.imul(h ^ c, 0x01000193);
      if (c > 0xff) wide = true;
      else if (!wide) probe[k >> 2] = probe[k >> 2]! | (c << ((k & 3) << 3));
    }
    h = Math.imul(h ^ 0x7c, 0x01000193);
    for (let k = 0; k < al; k++) {
      const c = account.charCodeAt(k);
      h = Math.imul(h ^ c, 0x01000193);
      const p = bl + k;
      if (c > 0xff) wide = true;
      else if (!wide) probe[p >> 2] = probe[p >> 2]! | (c << ((p & 3) << 3));
    }
    this.#hash = h ^ (h >>> 15);
    this.#meta = (bl << 16) | al | (wide ? WIDE : 0);
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
      slots.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}
