import type { AccountInfo, BankInfo } from '../model/reference.ts';
import { ENTITY_TYPES } from '../model/reference.ts';
import { accountKey, type Transaction } from '../model/transaction.ts';
import { AccountIndex, PREPARED } from './account-index.ts';

/** Entity-type codes stored per account (index into ENTITY_TYPES; 255 = not known). */
export const ENTITY_UNKNOWN = 255;
export const ENTITY_INDIVIDUAL = ENTITY_TYPES.indexOf('individual');
export const ENTITY_MSB = ENTITY_TYPES.indexOf('msb');
export const ENTITY_NPO = ENTITY_TYPES.indexOf('npo');
export const ENTITY_GOVERNMENT = ENTITY_TYPES.indexOf('government');

/** Company, government or MSB (per accounts.csv): accounts whose many counterparties are their trade. */
export function isBusiness(entity: number): boolean {
  return entity !== ENTITY_INDIVIDUAL && entity !== ENTITY_UNKNOWN && entity !== ENTITY_NPO;
}

function growInt32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
function growF64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
function growF32(a: Float32Array, n: number): Float32Array {
  const b = new Float32Array(n);
  b.set(a);
  return b;
}

/**
 * Byte layout of one account's record: 64 bytes, one cache line. The fields the stage updates for both accounts
 * of every transaction, and those the detectors read about a counterparty (counts, first time, entity, country),
 * share that line, so an account costs one memory miss instead of one per field (decision 0015).
 */
const RECORD_BYTES = 64;
const F64_PER_RECORD = RECORD_BYTES / 8;
const I32_PER_RECORD = RECORD_BYTES / 4;
const U16_PER_RECORD = RECORD_BYTES / 2;
// Float64 words
const FIRST_TS = 0;
const LAST_TS = 1;
const RISK_IN_TS = 2;
const TAINT_TS = 3;
// Int32 words (bytes 32…51), Float32 word (bytes 52…55)
const LAST_OUT = 8;
const LAST_IN = 9;
const OUT_COUNT = 10;
const IN_COUNT = 11;
const RISK_IN_SEQ = 12;
const OUT_LOG_MEAN = 13;
// bytes 56…59: the formats of the account's recent credits and payments (this epoch's and the previous one's, one
// bit a format), for the epoch of the account's last event time LAST_TS; byte 63: that epoch's number modulo 256,
// which a question reads beside the masks (decision 0019). Until 2026-12-07 bytes 56…59 held the variance of the
// amount history (`outLogM2`), which nothing read.
const FMT_IN = 56;
const FMT_OUT = 58;
const FMT_EPOCH = 63;
// Uint16 word (bytes 60…61) and byte 62
const COUNTRY = 30;
const ENTITY = 62;

/**
 * Length of a format epoch: the formats an account used are kept for this epoch and the previous one, so they cover
 * at least the last FORMAT_EPOCH_MS. A walk whose window is no longer may consult them (`mayHaveFormat`).
 */
export const FORMAT_EPOCH_MS = 8 * 86_400_000;
/** Side of `noteFormat` / `mayHaveFormat`: the account's credits or its payments. */
export const CREDITS = FMT_IN;
export const PAYMENTS = FMT_OUT;

/**
 * Transactions whose accounts internAll looks up together: 2 × 512 table slots (64 KiB of cache lines) stay in the
 * cache between the pass that loads them and the lookups.
 */
const INTERN_GROUP = 512;

type Column = Float64Array | Float32Array | Int32Array | Uint16Array | Uint8Array;
type ColumnKind = 'f64' | 'f32' | 'i32' | 'u16' | 'u8';

/** Every record field, by the name and element type it has in a stage snapshot (one array per field). */
const COLUMNS: readonly (readonly [name: string, kind: ColumnKind, word: number])[] = [
  ['lastOut', 'i32', LAST_OUT],
  ['lastIn', 'i32', LAST_IN],
  ['outCount', 'i32', OUT_COUNT],
  ['inCount', 'i32', IN_COUNT],
  ['firstTs', 'f64', FIRST_TS],
  ['lastTs', 'f64', LAST_TS],
  ['outLogMean', 'f32', OUT_LOG_MEAN],
  ['fmtInCur', 'u8', FMT_IN],
  ['fmtInPrev', 'u8', FMT_IN + 1],
  ['fmtOutCur', 'u8', FMT_OUT],
  ['fmtOutPrev', 'u8', FMT_OUT + 1],
  ['country', 'u16', COUNTRY],
  ['entity', 'u8', ENTITY],
  ['riskInTs', 'f64', RISK_IN_TS],
  ['riskInSeq', 'i32', RISK_IN_SEQ],
  ['taintTs', 'f64', TAINT_TS],
];

function newColumn(kind: ColumnKind, n: number): Column {
  if (kind === 'f64') return new Float64Array(n);
  if (kind === 'f32') return new Float32Array(n);
  if (kind === 'i32') return new Int32Array(n);
  if (kind === 'u16') return new Uint16Array(n);
  return new Uint8Array(n);
}

/**
 * Per-account state indexed by an interned integer id: one 64-byte record per account for the hot fields (read
 * with `acc.inCount(a)` and friends, small methods the optimiser inlines; written with the `set…` methods), and
 * plain typed arrays for the funds-tracing amounts and the detectors' scratch sets. Keeping it out of objects is
 * what lets the monitor hold 250k+ accounts with a few allocations and no per-transaction garbage. Account keys
 * are interned through AccountIndex (one flat typed array), so that no `bank|account` string is built and one
 * cache line is touched per lookup on the hot path.
 */
export class AccountTable {
  size = 0;
  capacity: number;
  readonly keys: string[] = [];
  readonly banks: string[] = [];
  readonly accounts: string[] = [];
  private readonly index = new AccountIndex();
  /** internAll's prepared keys. */
  readonly #prepared = new Int32Array(INTERN_GROUP * 2 * PREPARED);
  #f64: Float64Array;
  #f32: Float32Array;
  #i32: Int32Array;
  #u16: Uint16Array;
  #u8: Uint8Array;
  /**
   * Funds tracing: how much (USD) the account received flagged in its current run of flagged credits (each less
   * than windowMs after the last), the score and typologies.
   */
  taintBase: Float64Array;
  /**
   * Funds tracing: the smallest flagged credit (USD) since the account's current run of flagged credits began
   * (credits less than windowMs apart, as for taintBase); 0: not known (a snapshot from before it), no lower bound.
   */
  taintMin: Float64Array;
  taintScore: Float32Array;
  taintMask: Int32Array;
  /** Scratch for allocation-free set counting: stamp[a] === epoch means counter[a] is live. */
  stamp: Int32Array;
  counter: Int32Array;
  stamp2: Int32Array;
  counter2: Int32Array;
  epoch = 1;
  /**
   * Set once a transaction without a finite event time, or one before 1970, was noted, or the state was restored
   * from a snapshot that holds no formats: then `mayHaveFormat` answers true for every account (no shortcut, still
   * exact).
   */
  formatsUnknown = false;
  /**
   * The latest epoch of a time noted. Questions from 126 epochs or more before it get no shortcut: within that
   * span the epoch numbers modulo 256 kept beside the masks cannot be mistaken for one another (decision 0019).
   */
  #latestEpoch = Number.NEGATIVE_INFINITY;
  /** The last event time asked about, its epoch and the epoch's start: one transaction's questions share its time. */
  #epochTs = Number.NaN;
  #epoch = 0;
  #epochStartMs = 0;
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
    const buffer = new ArrayBuffer(initial * RECORD_BYTES);
    this.#f64 = new Float64Array(buffer);
    this.#f32 = new Float32Array(buffer);
    this.#i32 = new Int32Array(buffer);
    this.#u16 = new Uint16Array(buffer);
    this.#u8 = new Uint8Array(buffer);
    this.taintBase = new Float64Array(initial);
    this.taintMin = new Float64Array(initial);
    this.taintScore = new Float32Array(initial);
    this.taintMask = new Int32Array(initial);
    this.stamp = new Int32Array(initial);
    this.counter = new Int32Array(initial);
    this.stamp2 = new Int32Array(initial);
    this.counter2 = new Int32Array(initial);
  }

  /** Newest outgoing transaction (sequence number), -1 when none; the list continues through TxRing.prevOut. */
  lastOut(a: number): number {
    return this.#i32[a * I32_PER_RECORD + LAST_OUT]!;
  }
  /** Newest incoming transaction (sequence number), -1 when none; the list continues through TxRing.prevIn. */
  lastIn(a: number): number {
    return this.#i32[a * I32_PER_RECORD + LAST_IN]!;
  }
  /** Lifetime payments made. */
  outCount(a: number): number {
    return this.#i32[a * I32_PER_RECORD + OUT_COUNT]!;
  }
  /** Lifetime credits received. */
  inCount(a: number): number {
    return this.#i32[a * I32_PER_RECORD + IN_COUNT]!;
  }
  /** Event time of the account's first transaction (0 before it has one). */
  firstTs(a: number): number {
    return this.#f64[a * F64_PER_RECORD + FIRST_TS]!;
  }
  lastTs(a: number): number {
    return this.#f64[a * F64_PER_RECORD + LAST_TS]!;
  }
  /** Running mean of log(base amount) of outgoing payments: the account's own history. */
  outLogMean(a: number): number {
    return this.#f32[a * I32_PER_RECORD + OUT_LOG_MEAN]!;
  }
  /** Country id (0 = unknown). */
  country(a: number): number {
    return this.#u16[a * U16_PER_RECORD + COUNTRY]!;
  }
  /** Entity-type code (index into ENTITY_TYPES; ENTITY_UNKNOWN = not known). */
  entity(a: number): number {
    return this.#u8[a * RECORD_BYTES + ENTITY]!;
  }
  /** Last time the account received money from a high-risk jurisdiction, and that transaction (TF-EXODUS). */
  riskInTs(a: number): number {
    return this.#f64[a * F64_PER_RECORD + RISK_IN_TS]!;
  }
  riskInSeq(a: number): number {
    return this.#i32[a * I32_PER_RECORD + RISK_IN_SEQ]!;
  }
  /** Funds tracing: last time the account received flagged money. */
  taintTs(a: number): number {
    return this.#f64[a * F64_PER_RECORD + TAINT_TS]!;
  }

  setLastOut(a: number, seq: number): void {
    this.#i32[a * I32_PER_RECORD + LAST_OUT] = seq;
  }
  setLastIn(a: number, seq: number): void {
    this.#i32[a * I32_PER_RECORD + LAST_IN] = seq;
  }
  setOutCount(a: number, n: number): void {
    this.#i32[a * I32_PER_RECORD + OUT_COUNT] = n;
  }
  setInCount(a: number, n: number): void {
    this.#i32[a * I32_PER_RECORD + IN_COUNT] = n;
  }
  setFirstTs(a: number, ts: number): void {
    this.#f64[a * F64_PER_RECORD + FIRST_TS] = ts;
  }
  setOutLogMean(a: number, mean: number): void {
    this.#f32[a * I32_PER_RECORD + OUT_LOG_MEAN] = mean;
  }

  /**
   * Notes that account `a` made a payment (`side` PAYMENTS) or received a credit (CREDITS) of `format` at `ts`: its
   * last event time moves on to `ts` if later, and the format's bit is set in the mask of `ts`'s epoch, the masks
   * turned over when the last event time enters a new epoch. The masks always belong to the epoch of the account's
   * last event time, which a note compares exactly; its number modulo 256 is kept beside them only for questions
   * (`mayHaveFormat`), whose guard makes it unambiguous (a note that trusted it went wrong). A format id shares
   * its bit with the id 8 apart (11 formats in 8 bits): the masks may then say a format is there when only its
   * partner is, never the reverse.
   */
  noteLeg(a: number, side: number, ts: number, format: number): void {
    if (!(ts >= 0 && ts < Number.POSITIVE_INFINITY)) {
      // a time that is not a number, or before 1970: a new account's last event time 0 would be later than such a
      // leg, which the masks could then not hold (and the last event time never moved back for it either)
      this.formatsUnknown = true;
      return;
    }
    const u8 = this.#u8;
    const at = a * RECORD_BYTES;
    const lastAt = a * F64_PER_RECORD + LAST_TS;
    const last = this.#f64[lastAt]!;
    this.#setEpoch(ts);
    if (this.#epoch > this.#latestEpoch) this.#latestEpoch = this.#epoch;
    // epochs compared by their start times, exactly, against the last event time
    const start = this.#epochStartMs;
    const bit = 1 << (format & 7);
    if (last >= start + FORMAT_EPOCH_MS) {
      // the masks belong to a later epoch (events out of order): the previous epoch's mask if ts is in that one;
      // older legs lie outside every window a query in the masks' epoch or later covers, and a query from before
      // the masks' epoch gets no shortcut
      if (last < start + 2 * FORMAT_EPOCH_MS) u8[at + side + 1] = u8[at + side + 1]! | bit;
      return;
    }
    if (last >= start) {
      u8[at + side] = u8[at + side]! | bit;
      if (ts > last) this.#f64[lastAt] = ts;
      return;
    }
    // a later epoch: the masks turn over (one epoch on: the current becomes the previous), both sides
    const keep = last >= start - FORMAT_EPOCH_MS;
    u8[at + FMT_IN + 1] = keep ? u8[at + FMT_IN]! : 0;
    u8[at + FMT_OUT + 1] = keep ? u8[at + FMT_OUT]! : 0;
    u8[at + FMT_IN] = 0;
    u8[at + FMT_OUT] = 0;
    u8[at + side] = bit;
    u8[at + FMT_EPOCH] = this.#epoch & 255;
    this.#f64[lastAt] = ts;
  }

  /** The epoch of a finite time and its start (one division a transaction: the last answer is kept). */
  #setEpoch(ts: number): void {
    if (ts !== this.#epochTs) {
      this.#epochTs = ts;
      this.#epoch = Math.floor(ts / FORMAT_EPOCH_MS);
      this.#epochStartMs = this.#epoch * FORMAT_EPOCH_MS;
    }
  }

  /**
   * False only when account `a` certainly has no credit (`side` CREDITS) or payment (PAYMENTS) of `format` noted
   * with an event time in [ts - FORMAT_EPOCH_MS, ts]: a walk of that list, with a window no longer than
   * FORMAT_EPOCH_MS, that counts only legs of this format finds none besides the current one (not yet noted).
   * True whenever it cannot tell (a query before the masks' epoch, far behind the latest time noted, or formats
   * unknown). The masks' epoch is read modulo 256 beside them (one cache line): the account's last event time is
   * never after the latest epoch noted, and a query is at most 125 epochs before that, so a difference modulo 256
   * of 128 or more can only be a masks' epoch after the query's.
   */
  mayHaveFormat(a: number, side: number, format: number, ts: number): boolean {
    if (this.formatsUnknown || !Number.isFinite(ts)) return true;
    this.#setEpoch(ts);
    if (this.#latestEpoch - this.#epoch >= 126) return true;
    const at = a * RECORD_BYTES;
    const d = (this.#epoch - this.#u8[at + FMT_EPOCH]!) & 255;
    let mask: number;
    if (d === 0) mask = this.#u8[at + side]! | this.#u8[at + side + 1]!;
    else if (d === 1) mask = this.#u8[at + side]!;
    else if (d < 128)
      return false; // the account's last leg is two epochs or more before the query's
    else return true; // the masks' epoch is later than the query's
    return (mask & (1 << (format & 7))) !== 0;
  }

  /**
   * After a restore: each account's masks' epoch number from its last event time (stored snapshots hold the masks
   * and the times, not the numbers) and the latest epoch noted from the stream's watermark.
   */
  restoreFormatEpochs(watermark: number): void {
    const f64 = this.#f64;
    const u8 = this.#u8;
    for (let a = 0; a < this.size; a++) {
      u8[a * RECORD_BYTES + FMT_EPOCH] =
        Math.floor(f64[a * F64_PER_RECORD + LAST_TS]! / FORMAT_EPOCH_MS) & 255;
    }
    if (Number.isFinite(watermark)) this.#latestEpoch = Math.floor(watermark / FORMAT_EPOCH_MS);
  }
  setCountry(a: number, country: number): void {
    this.#u16[a * U16_PER_RECORD + COUNTRY] = country;
  }
  setRiskIn(a: number, ts: number, seq: number): void {
    this.#f64[a * F64_PER_RECORD + RISK_IN_TS] = ts;
    this.#i32[a * I32_PER_RECORD + RISK_IN_SEQ] = seq;
  }
  setTaintTs(a: number, ts: number): void {
    this.#f64[a * F64_PER_RECORD + TAINT_TS] = ts;
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

  /**
   * `intern` of the payer and then the payee of each of txs[from…to), in order: ids into payers[k - from] and
   * payees[k - from], the same ids as that many `intern` calls one after the other. Done a group at a time: every
   * key of the group is hashed, then the table slots of all of them are loaded together (AccountIndex.touch), then
   * each is looked up; one by one, each lookup waited for its own cache miss (decision 0022).
   */
  internAll(
    txs: readonly Transaction[],
    from: number,
    to: number,
    payers: Int32Array,
    payees: Int32Array,
  ): void {
    const index = this.index;
    const prepared = this.#prepared;
    for (let g = from; g < to; g += INTERN_GROUP) {
      const end = Math.min(to, g + INTERN_GROUP);
      for (let k = g, at = 0; k < end; k++, at += 2 * PREPARED) {
        const tx = txs[k]!;
        index.prepareInto(tx.fromBank, tx.fromAccount, prepared, at);
        index.prepareInto(tx.toBank, tx.toAccount, prepared, at + PREPARED);
      }
      // a sum of ids + 1, never negative: the test only keeps the loads from being optimised away
      if (index.touch(prepared, (end - g) * 2) < 0) throw new Error('account index: corrupt slot');
      for (let k = g, at = 0; k < end; k++, at += 2 * PREPARED) {
        const tx = txs[k]!;
        let id = index.internPrepared(prepared, at, tx.fromBank, tx.fromAccount, this.size);
        if (id === this.size) this.create(tx.fromBank, tx.fromAccount);
        payers[k - from] = id;
        id = index.internPrepared(prepared, at + PREPARED, tx.toBank, tx.toAccount, this.size);
        if (id === this.size) this.create(tx.toBank, tx.toAccount);
        payees[k - from] = id;
      }
    }
  }

  /** Looks an account up without creating it (-1 when unknown). */
  find(bank: string, account: string): number {
    return this.index.get(bank, account);
  }

  private create(bank: string, account: string): void {
    const id = this.size++;
    if (id >= this.capacity) this.grow(this.capacity * 2);
    this.setLastOut(id, -1);
    this.setLastIn(id, -1);
    this.setRiskIn(id, Number.NEGATIVE_INFINITY, -1);
    this.setTaintTs(id, Number.NEGATIVE_INFINITY);
    this.#u8[id * RECORD_BYTES + ENTITY] = ENTITY_UNKNOWN;
    const key = accountKey(bank, account);
    this.keys.push(key);
    this.banks.push(bank);
    this.accounts.push(account);
    const b = this.bankRef?.get(bank);
    if (b !== undefined) this.setCountry(id, this.countryId(b.country));
    const info = this.accountRef?.get(key);
    if (info !== undefined && info.entityType !== 'unknown')
      this.#u8[id * RECORD_BYTES + ENTITY] = ENTITY_TYPES.indexOf(info.entityType);
  }

  private grow(n: number): void {
    const buffer = new ArrayBuffer(n * RECORD_BYTES);
    new Uint8Array(buffer).set(this.#u8);
    this.#f64 = new Float64Array(buffer);
    this.#f32 = new Float32Array(buffer);
    this.#i32 = new Int32Array(buffer);
    this.#u16 = new Uint16Array(buffer);
    this.#u8 = new Uint8Array(buffer);
    this.taintBase = growF64(this.taintBase, n);
    this.taintMin = growF64(this.taintMin, n);
    this.taintScore = growF32(this.taintScore, n);
    this.taintMask = growInt32(this.taintMask, n);
    this.stamp = growInt32(this.stamp, n);
    this.counter = growInt32(this.counter, n);
    this.stamp2 = growInt32(this.stamp2, n);
    this.counter2 = growInt32(this.counter2, n);
    this.capacity = n;
  }

  /** The record fields of accounts 0…size-1, one array per field (the stage snapshot's form). */
  exportColumns(): Record<string, Column> {
    const out: Record<string, Column> = {};
    for (const [name, kind, word] of COLUMNS) {
      // masks that may miss a format are not exported: the restored table then knows the formats unknown too
      if (this.formatsUnknown && name.startsWith('fmt')) continue;
      const column = newColumn(kind, this.size);
      const [view, stride] = this.#view(kind);
      for (let a = 0; a < this.size; a++) column[a] = view[a * stride + word]!;
      out[name] = column;
    }
    return out;
  }

  /** Loads one record field exported by `exportColumns` into accounts 0…; false for a field it does not hold. */
  importColumn(name: string, data: ArrayLike<number>): boolean {
    const spec = COLUMNS.find((c) => c[0] === name);
    if (spec === undefined) return false;
    const [view, stride] = this.#view(spec[1]);
    for (let a = 0; a < data.length; a++) view[a * stride + spec[2]] = data[a]!;
    return true;
  }

  #view(kind: ColumnKind): [Column, number] {
    if (kind === 'f64') return [this.#f64, F64_PER_RECORD];
    if (kind === 'f32') return [this.#f32, I32_PER_RECORD];
    if (kind === 'i32') return [this.#i32, I32_PER_RECORD];
    if (kind === 'u16') return [this.#u16, U16_PER_RECORD];
    return [this.#u8, RECORD_BYTES];
  }

  /**
   * Legs per day since the account was first seen (both sides; the first day counts as a full day). Shops,
   * payroll and platform accounts run at tens to thousands a day; people at a few.
   */
  rate(a: number, ts: number): number {
    const first = this.firstTs(a);
    const days = first === 0 ? 1 : Math.max(1, (ts - first) / 86_400_000);
    return (this.inCount(a) + this.outCount(a)) / days;
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
