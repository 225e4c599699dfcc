import type { AccountInfo, BankInfo } from '../model/reference.ts';
import { ENTITY_TYPES } from '../model/reference.ts';
import { accountKey } from '../model/transaction.ts';
import { AccountIndex } from './account-index.ts';

/** Entity-type codes stored per account (index into ENTITY_TYPES; 255 = not known). */
export const ENTITY_UNKNOWN = 255;
export const ENTITY_INDIVIDUAL = ENTITY_TYPES.indexOf('individual');
export const ENTITY_MSB = ENTITY_TYPES.indexOf('msb');
export const ENTITY_NPO = ENTITY_TYPES.indexOf('npo');

/** Company, government or MSB (per accounts.csv): accounts whose many counterparties are their trade. */
export function isBusiness(entity: number): boolean {
  return entity !== ENTITY_INDIVIDUAL && entity !== ENTITY_UNKNOWN && entity !== ENTITY_NPO;
}

function growInt32(a: Int32Array, n: number, fill = 0): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
function growF64(a: Float64Array, n: number, fill = 0): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
function growF32(a: Float32Array, n: number): Float32Array {
  const b = new Float32Array(n);
  b.set(a);
  return b;
}
function growU8(a: Uint8Array, n: number, fill = 0): Uint8Array {
  const b = new Uint8Array(n);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
function growU16(a: Uint16Array, n: number): Uint16Array {
  const b = new Uint16Array(n);
  b.set(a);
  return b;
}

/**
 * Per-account state as a structure of typed arrays indexed by an interned integer id. Keeping it out of objects
 * is what lets the monitor hold 250k+ accounts with one allocation per array and no per-transaction garbage.
 * Account keys are interned through AccountIndex (one flat typed array), so that no `bank|account` string is
 * built and one cache line is touched per lookup on the hot path.
 */
export class AccountTable {
  size = 0;
  capacity: number;
  readonly keys: string[] = [];
  readonly banks: string[] = [];
  readonly accounts: string[] = [];
  private readonly index = new AccountIndex();
  /** Newest outgoing / incoming transaction sequence number, -1 when none. Lists continue through TxRing.prevOut/In. */
  lastOut: Int32Array;
  lastIn: Int32Array;
  outCount: Int32Array;
  inCount: Int32Array;
  firstTs: Float64Array;
  lastTs: Float64Array;
  /** Running mean and M2 (Welford) of log(base amount) of outgoing payments: the account's own history. */
  outLogMean: Float32Array;
  outLogM2: Float32Array;
  country: Uint16Array;
  entity: Uint8Array;
  /** Last time the account received money from a high-risk jurisdiction, and that amount (TF-EXODUS provenance). */
  riskInTs: Float64Array;
  riskInSeq: Int32Array;
  /** Funds tracing: last time the account received flagged money, how much (USD), the score and typologies. */
  taintTs: Float64Array;
  taintBase: Float64Array;
  taintScore: Float32Array;
  taintMask: Int32Array;
  /** Scratch for allocation-free set counting: stamp[a] === epoch means counter[a] is live. */
  stamp: Int32Array;
  counter: Int32Array;
  stamp2: Int32Array;
  counter2: Int32Array;
  epoch = 1;
  private readonly bankRef: ReadonlyMap<string, BankInfo> | undefined;
  private readonly accountRef: ReadonlyMap<string, AccountInfo> | undefined;
  private readonly countryIds: Map<string, number>;

  constructor(
    initial: number,
    countryIds: Map<string, number>,
    banks?: ReadonlyMap<string, BankInfo>,
    accounts?: ReadonlyMap<string, AccountInfo>,
  ) {
    this.capacity = initial;
    this.countryIds = countryIds;
    this.bankRef = banks;
    this.accountRef = accounts;
    this.lastOut = new Int32Array(initial).fill(-1);
    this.lastIn = new Int32Array(initial).fill(-1);
    this.outCount = new Int32Array(initial);
    this.inCount = new Int32Array(initial);
    this.firstTs = new Float64Array(initial);
    this.lastTs = new Float64Array(initial);
    this.outLogMean = new Float32Array(initial);
    this.outLogM2 = new Float32Array(initial);
    this.country = new Uint16Array(initial);
    this.entity = new Uint8Array(initial).fill(ENTITY_UNKNOWN);
    this.riskInTs = new Float64Array(initial).fill(Number.NEGATIVE_INFINITY);
    this.riskInSeq = new Int32Array(initial).fill(-1);
    this.taintTs = new Float64Array(initial).fill(Number.NEGATIVE_INFINITY);
    this.taintBase = new Float64Array(initial);
    this.taintScore = new Float32Array(initial);
    this.taintMask = new Int32Array(initial);
    this.stamp = new Int32Array(initial);
    this.counter = new Int32Array(initial);
    this.stamp2 = new Int32Array(initial);
    this.counter2 = new Int32Array(initial);
  }

  /** Country id for an ISO alpha-2 code (0 = unknown). */
  countryId(iso2: string | undefined): number {
    if (iso2 === undefined || iso2 === '') return 0;
    let id = this.countryIds.get(iso2);
    if (id === undefined) {
      id = this.countryIds.size + 1;
      this.countryIds.set(iso2, id);
    }
    return id;
  }

  /** Interns an account, creating its state on first sight. */
  intern(bank: string, account: string): number {
    const id = this.index.intern(bank, account, this.size);
    if (id === this.size) this.create(bank, account);
    return id;
  }

  /** Looks an account up without creating it (-1 when unknown). */
  find(bank: string, account: string): number {
    return this.index.get(bank, account);
  }

  private create(bank: string, account: string): void {
    const id = this.size++;
    if (id >= this.capacity) this.grow(this.capacity * 2);
    const key = accountKey(bank, account);
    this.keys.push(key);
    this.banks.push(bank);
    this.accounts.push(account);
    const b = this.bankRef?.get(bank);
    if (b !== undefined) this.country[id] = this.countryId(b.country);
    const info = this.accountRef?.get(key);
    if (info !== undefined && info.entityType !== 'unknown')
      this.entity[id] = ENTITY_TYPES.indexOf(info.entityType);
  }

  private grow(n: number): void {
    this.lastOut = growInt32(this.lastOut, n, -1);
    this.lastIn = growInt32(this.lastIn, n, -1);
    this.outCount = growInt32(this.outCount, n);
    this.inCount = growInt32(this.inCount, n);
    this.firstTs = growF64(this.firstTs, n);
    this.lastTs = growF64(this.lastTs, n);
    this.outLogMean = growF32(this.outLogMean, n);
    this.outLogM2 = growF32(this.outLogM2, n);
    this.country = growU16(this.country, n);
    this.entity = growU8(this.entity, n, ENTITY_UNKNOWN);
    this.riskInTs = growF64(this.riskInTs, n, Number.NEGATIVE_INFINITY);
    this.riskInSeq = growInt32(this.riskInSeq, n, -1);
    this.taintTs = growF64(this.taintTs, n, Number.NEGATIVE_INFINITY);
    this.taintBase = growF64(this.taintBase, n);
    this.taintScore = growF32(this.taintScore, n);
    this.taintMask = growInt32(this.taintMask, n);
    this.stamp = growInt32(this.stamp, n);
    this.counter = growInt32(this.counter, n);
    this.stamp2 = growInt32(this.stamp2, n);
    this.counter2 = growInt32(this.counter2, n);
    this.capacity = n;
  }

  /**
   * Legs per day since the account was first seen (both sides; the first day counts as a full day). Shops,
   * payroll and platform accounts run at tens to thousands a day; people at a few.
   */
  rate(a: number, ts: number): number {
    const first = this.firstTs[a]!;
    const days = first === 0 ? 1 : Math.max(1, (ts - first) / 86_400_000);
    return (this.inCount[a]! + this.outCount[a]!) / days;
  }

  /** Starts a fresh scratch set (O(1): bumps the epoch instead of clearing). */
  nextEpoch(): number {
    this.epoch++;
    if (this.epoch >= 0x7fffffff) {
      this.stamp.fill(0);
      this.stamp2.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }
}

/**
 * The recent transactions as a ring of typed arrays addressed by a monotonically increasing sequence number.
 * Each account's outgoing and incoming transactions form linked lists through `prevOut` / `prevIn`, newest first,
 * so walking an account's window costs only its own entries. A sequence is live while `seq >= head - capacity`;
 * older ones are overwritten: this is the memory bound (eviction).
 */
export class TxRing {
  readonly capacity: number;
  readonly mask: number;
  head = 0;
  readonly ts: Float64Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Paid amount in base currency (USD, major units, approximate): for thresholds and similarity only. */
  readonly base: Float64Array;
  /** Paid amount in minor units and its currency id, kept for evidence. */
  readonly paid: Float64Array;
  readonly paidCur: Uint8Array;
  readonly row: Int32Array;
  readonly prevOut: Int32Array;
  readonly prevIn: Int32Array;
  readonly score: Float32Array;
  readonly typoMask: Int32Array;
  readonly format: Uint8Array;
  /** Pass-through chain: the incoming transaction this one forwards (-1 none) and the chain's depth in hops. */
  readonly chainPrev: Int32Array;
  readonly chainDepth: Uint8Array;
  /**
   * Ids that are not the row index (JSONL, pacs.008), by slot; created on the first such id. AMLworld ids are the
   * row index, so an AMLworld scan never allocates it (a 4M-slot array the garbage collector would trace).
   */
  private ids: (string | undefined)[] | undefined;

  constructor(capacityPow2: number) {
    const cap = 1 << Math.max(10, Math.min(26, Math.ceil(Math.log2(capacityPow2))));
    this.capacity = cap;
    this.mask = cap - 1;
    this.ts = new Float64Array(cap);
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.base = new Float64Array(cap);
    this.paid = new Float64Array(cap);
    this.paidCur = new Uint8Array(cap);
    this.row = new Int32Array(cap);
    this.prevOut = new Int32Array(cap);
    this.prevIn = new Int32Array(cap);
    this.score = new Float32Array(cap);
    this.typoMask = new Int32Array(cap);
    this.format = new Uint8Array(cap);
    this.chainPrev = new Int32Array(cap);
    this.chainDepth = new Uint8Array(cap);
  }

  /** Records the transaction id of slot `i` (undefined when it is `String(row)`). */
  setId(i: number, id: string | undefined): void {
    if (id !== undefined) {
      this.ids ??= new Array<string | undefined>(this.capacity);
      this.ids[i] = id;
    } else if (this.ids !== undefined) {
      this.ids[i] = undefined;
    }
  }

  /** The transaction id of slot `i`. */
  idOf(i: number): string {
    return this.ids?.[i] ?? String(this.row[i]);
  }

  /** Lowest live sequence number. */
  minSeq(): number {
    const m = this.head - this.capacity;
    return Math.max(m, 0);
  }

  live(seq: number): boolean {
    return seq >= 0 && seq >= this.head - this.capacity && seq < this.head;
  }
}
