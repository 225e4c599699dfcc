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
