/**
 * Byte layout of a ring slot, split in two 32-byte records. The hot record holds what a window walk reads on every
 * step (time, base amount, both accounts, the list links), so two slots share a cache line and the walked part of
 * the ring takes half the memory it took as one 64-byte record (decision 0015, then 0017); the format, read on
 * most steps after the amount test, has a byte array of its own. The cold record holds what only scoring and
 * evidence read (paid amount and currency, row, score, typologies, pass-through chain).
 */
const RECORD_BYTES = 32;
const F64_PER_RECORD = RECORD_BYTES / 8;
const I32_PER_RECORD = RECORD_BYTES / 4;
// hot record: Float64 words, then Int32 words (bytes 16…31)
const TS = 0;
const BASE = 1;
const FROM = 4;
const TO = 5;
const PREV_OUT = 6;
const PREV_IN = 7;
// cold record: Float64 word, Int32 words (bytes 8…19), the Float32 word at byte 20, bytes 24…
const PAID = 0;
const ROW = 2;
const TYPO_MASK = 3;
const CHAIN_PREV = 4;
const SCORE = 5;
const PAID_CUR = 24;
const CHAIN_DEPTH = 25;

type Column = Float64Array | Float32Array | Int32Array | Uint8Array;
type ColumnKind = 'f64' | 'f32' | 'i32' | 'u8';
type Store = 'hot' | 'cold' | 'format';

/**
 * Every field of a slot, by the name and element type it has in a stage snapshot (one array per field), and where
 * it lives: the snapshot format does not depend on the ring's in-memory layout.
 */
const COLUMNS: readonly (readonly [name: string, kind: ColumnKind, store: Store, word: number])[] = [
  ['ts', 'f64', 'hot', TS],
  ['from', 'i32', 'hot', FROM],
  ['to', 'i32', 'hot', TO],
  ['base', 'f64', 'hot', BASE],
  ['paid', 'f64', 'cold', PAID],
  ['paidCur', 'u8', 'cold', PAID_CUR],
  ['row', 'i32', 'cold', ROW],
  ['prevOut', 'i32', 'hot', PREV_OUT],
  ['prevIn', 'i32', 'hot', PREV_IN],
  ['score', 'f32', 'cold', SCORE],
  ['typoMask', 'i32', 'cold', TYPO_MASK],
  ['format', 'u8', 'format', 0],
  ['chainPrev', 'i32', 'cold', CHAIN_PREV],
  ['chainDepth', 'u8', 'cold', CHAIN_DEPTH],
];

function newColumn(kind: ColumnKind, n: number): Column {
  if (kind === 'f64') return new Float64Array(n);
  if (kind === 'f32') return new Float32Array(n);
  if (kind === 'i32') return new Int32Array(n);
  return new Uint8Array(n);
}

/**
 * The recent transactions as a ring addressed by a monotonically increasing sequence number (slot = seq & mask).
 * Each account's outgoing and incoming transactions form linked lists through `prevOut` / `prevIn`, newest first,
 * so walking an account's window costs only its own entries. A sequence is live while `seq >= head - capacity`;
 * older ones are overwritten: this is the memory bound (eviction).
 * Fields are read with `ring.ts(slot)` and friends: small methods the optimiser inlines.
 */
export class TxRing {
  readonly capacity: number;
  readonly mask: number;
  head = 0;
  readonly #f64: Float64Array;
  readonly #i32: Int32Array;
  readonly #format: Uint8Array;
  readonly #coldF64: Float64Array;
  readonly #coldF32: Float32Array;
  readonly #coldI32: Int32Array;
  readonly #coldU8: Uint8Array;
  /**
   * Ids that are not the row index (JSONL, pacs.008), by slot; created on the first such id. AMLworld ids are the
   * row index, so an AMLworld scan never allocates it (a 4M-slot array the garbage collector would trace).
   */
  #ids: (string | undefined)[] | undefined;

  constructor(capacityPow2: number) {
    const cap = 1 << Math.max(10, Math.min(26, Math.ceil(Math.log2(capacityPow2))));
    this.capacity = cap;
    this.mask = cap - 1;
    const hot = new ArrayBuffer(cap * RECORD_BYTES);
    this.#f64 = new Float64Array(hot);
    this.#i32 = new Int32Array(hot);
    this.#format = new Uint8Array(cap);
    const cold = new ArrayBuffer(cap * RECORD_BYTES);
    this.#coldF64 = new Float64Array(cold);
    this.#coldF32 = new Float32Array(cold);
    this.#coldI32 = new Int32Array(cold);
    this.#coldU8 = new Uint8Array(cold);
  }

  /** Event time (ms) of slot `i`. */
  ts(i: number): number {
    return this.#f64[i * F64_PER_RECORD + TS]!;
  }
  /** Paid amount in base currency (USD, major units, approximate): for thresholds and similarity only. */
  base(i: number): number {
    return this.#f64[i * F64_PER_RECORD + BASE]!;
  }
  /** Paid amount in minor units (of `paidCur`), kept for evidence. */
  paid(i: number): number {
    return this.#coldF64[i * F64_PER_RECORD + PAID]!;
  }
  from(i: number): number {
    return this.#i32[i * I32_PER_RECORD + FROM]!;
  }
  to(i: number): number {
    return this.#i32[i * I32_PER_RECORD + TO]!;
  }
  /** The payer's previous payment (a sequence number; -1 none). */
  prevOut(i: number): number {
    return this.#i32[i * I32_PER_RECORD + PREV_OUT]!;
  }
  /** The payee's previous credit (a sequence number; -1 none). */
  prevIn(i: number): number {
    return this.#i32[i * I32_PER_RECORD + PREV_IN]!;
  }
  row(i: number): number {
    return this.#coldI32[i * I32_PER_RECORD + ROW]!;
  }
  /** Highest typology score the transaction received so far (float32, as stored). */
  score(i: number): number {
    return this.#coldF32[i * I32_PER_RECORD + SCORE]!;
  }
  /** Bit t set: typology t scored the transaction. */
  typoMask(i: number): number {
    return this.#coldI32[i * I32_PER_RECORD + TYPO_MASK]!;
  }
  /** Pass-through chain: the incoming transaction this one forwards (-1 none). */
  chainPrev(i: number): number {
    return this.#coldI32[i * I32_PER_RECORD + CHAIN_PREV]!;
  }
  format(i: number): number {
    return this.#format[i]!;
  }
  paidCur(i: number): number {
    return this.#coldU8[i * RECORD_BYTES + PAID_CUR]!;
  }
  /** Pass-through chain: its depth in hops (at most 255). */
  chainDepth(i: number): number {
    return this.#coldU8[i * RECORD_BYTES + CHAIN_DEPTH]!;
  }

  setScore(i: number, score: number): void {
    this.#coldF32[i * I32_PER_RECORD + SCORE] = score;
  }
  setTypoMask(i: number, mask: number): void {
    this.#coldI32[i * I32_PER_RECORD + TYPO_MASK] = mask;
  }
  setChain(i: number, prev: number, depth: number): void {
    this.#coldI32[i * I32_PER_RECORD + CHAIN_PREV] = prev;
    this.#coldU8[i * RECORD_BYTES + CHAIN_DEPTH] = depth;
  }

  /** Fills slot `i` with a new transaction: not yet scored, in no pass-through chain. */
  put(
    i: number,
    ts: number,
    from: number,
    to: number,
    base: number,
    paid: number,
    paidCur: number,
    row: number,
    format: number,
    prevOut: number,
    prevIn: number,
  ): void {
    const d = i * F64_PER_RECORD;
    this.#f64[d + TS] = ts;
    this.#f64[d + BASE] = base;
    const w = i * I32_PER_RECORD;
    this.#i32[w + FROM] = from;
    this.#i32[w + TO] = to;
    this.#i32[w + PREV_OUT] = prevOut;
    this.#i32[w + PREV_IN] = prevIn;
    this.#format[i] = format;
    this.#coldF64[d + PAID] = paid;
    this.#coldI32[w + ROW] = row;
    this.#coldI32[w + TYPO_MASK] = 0;
    this.#coldI32[w + CHAIN_PREV] = -1;
    this.#coldF32[w + SCORE] = 0;
    const b = i * RECORD_BYTES;
    this.#coldU8[b + PAID_CUR] = paidCur;
    this.#coldU8[b + CHAIN_DEPTH] = 0;
  }

  /** Records the transaction id of slot `i` (undefined when it is `String(row)`). */
  setId(i: number, id: string | undefined): void {
    if (id !== undefined) {
      this.#ids ??= new Array<string | undefined>(this.capacity);
      this.#ids[i] = id;
    } else if (this.#ids !== undefined) {
      this.#ids[i] = undefined;
    }
  }

  /** The transaction id of slot `i`. */
  idOf(i: number): string {
    return this.#ids?.[i] ?? String(this.row(i));
  }

  /** Lowest live sequence number. */
  minSeq(): number {
    const m = this.head - this.capacity;
    return Math.max(m, 0);
  }

  live(seq: number): boolean {
    return seq >= 0 && seq >= this.head - this.capacity && seq < this.head;
  }

  /** The fields of `n` consecutive sequences from `lo`, one array per field (the stage snapshot's form). */
  exportColumns(lo: number, n: number): Record<string, Column> {
    const out: Record<string, Column> = {};
    for (const [name, kind, store, word] of COLUMNS) {
      const column = newColumn(kind, n);
      const [view, stride] = this.#view(kind, store);
      for (let k = 0; k < n; k++) column[k] = view[((lo + k) & this.mask) * stride + word]!;
      out[name] = column;
    }
    return out;
  }

  /** Loads one field exported by `exportColumns` into the slots of sequences lo…; false for an unknown field. */
  importColumn(name: string, lo: number, data: ArrayLike<number>): boolean {
    const spec = COLUMNS.find((c) => c[0] === name);
    if (spec === undefined) return false;
    const [view, stride] = this.#view(spec[1], spec[2]);
    for (let k = 0; k < data.length; k++) view[((lo + k) & this.mask) * stride + spec[3]] = data[k]!;
    return true;
  }

  #view(kind: ColumnKind, store: Store): [Column, number] {
    if (store === 'format') return [this.#format, 1];
    if (store === 'hot') return kind === 'f64' ? [this.#f64, F64_PER_RECORD] : [this.#i32, I32_PER_RECORD];
    if (kind === 'f64') return [this.#coldF64, F64_PER_RECORD];
    if (kind === 'f32') return [this.#coldF32, I32_PER_RECORD];
    if (kind === 'i32') return [this.#coldI32, I32_PER_RECORD];
    return [this.#coldU8, RECORD_BYTES];
  }
}
