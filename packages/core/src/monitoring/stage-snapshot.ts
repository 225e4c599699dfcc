import type { CurrencySnapshot, CurrencyTable } from './fx-reference.ts';
import type { AccountTable } from './state.ts';
import type { TxRing } from './tx-ring.ts';

type NumArray =
  | Int32Array
  | Float64Array
  | Float32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Int16Array
  | Int8Array;

/**
 * The window state of a detection stage at one stream position, as plain values and typed-array copies: what a
 * scale-out worker stores so that a restart loads it instead of replaying the whole ledger (0062). Only live data
 * is kept: the accounts seen and the ring's slots still in the window.
 */
export interface StageSnapshot {
  readonly version: 1;
  readonly banks: readonly string[];
  readonly accounts: readonly string[];
  /** Per-account arrays by field name, `size` entries each. */
  readonly accountArrays: Readonly<Record<string, NumArray>>;
  readonly countries: readonly (readonly [string, number])[];
  readonly ringHead: number;
  /** Ring arrays by field name, the live slots in sequence order from `ringHead - length`. */
  readonly ringArrays: Readonly<Record<string, NumArray>>;
  /** Transaction ids that are not their row number, by sequence. */
  readonly ringIds: readonly (readonly [number, string])[];
  readonly currencies: CurrencySnapshot;
  readonly watermark: number;
  readonly processed: number;
}

// scratch of the detectors (set counting): never state, so neither captured nor restored
// fields older builds exported and this one has not: the variance of the amount history, which nothing read (its
// bytes hold the recent formats since 2026-12-07), and for a few hours that day the formats' epoch modulo 256
const DROPPED_ACCOUNT_FIELDS: ReadonlySet<string> = new Set(['outLogM2', 'fmtEpoch']);
const SCRATCH = new Set(['stamp', 'counter', 'stamp2', 'counter2']);

/**
 * The typed arrays of an object that hold one entry per slot (`length === capacity`), found by reflection so that a
 * plain array added to AccountTable is captured without touching this file. (Record fields of the accounts and
 * the ring are exported by their owners.)
 */
function slotArrays(o: object, capacity: number): [string, NumArray][] {
  const out: [string, NumArray][] = [];
  for (const [name, v] of Object.entries(o)) {
    if (SCRATCH.has(name) || !ArrayBuffer.isView(v) || v instanceof DataView) continue;
    const a = v as NumArray;
    if (a.length === capacity) out.push([name, a]);
  }
  return out;
}

/** Copies the state of a stage (see createDetectionStage's `snapshot`). */
export function captureStage(
  acc: AccountTable,
  ring: TxRing,
  fx: CurrencyTable,
  countryIds: ReadonlyMap<string, number>,
  watermark: number,
  processed: number,
): StageSnapshot {
  const accountArrays: Record<string, NumArray> = acc.exportColumns();
  for (const [name, a] of slotArrays(acc, acc.capacity))
    accountArrays[name] = a.slice(0, acc.size) as NumArray;
  const lo = ring.minSeq();
  const n = ring.head - lo;
  const ringArrays: Record<string, NumArray> = ring.exportColumns(lo, n);
  const ringIds: [number, string][] = [];
  for (let seq = lo; seq < ring.head; seq++) {
    const i = seq & ring.mask;
    const id = ring.idOf(i);
    if (id !== String(ring.row(i))) ringIds.push([seq, id]);
  }
  return {
    version: 1,
    banks: acc.banks.slice(0, acc.size),
    accounts: acc.accounts.slice(0, acc.size),
    accountArrays,
    countries: [...countryIds],
    ringHead: ring.head,
    ringArrays,
    ringIds,
    currencies: fx.snapshot(),
    watermark,
    processed,
  };
}

/**
 * Loads a snapshot into a fresh stage's state (same configuration and reference data). Throws when the snapshot
 * does not fit (another version, a ring too small for its window, a field this build does not have).
 */
export function restoreStage(
  s: StageSnapshot,
  acc: AccountTable,
  ring: TxRing,
  fx: CurrencyTable,
  countryIds: Map<string, number>,
): void {
  if (s.version !== 1) throw new Error(`stage snapshot version ${String(s.version)} is not supported`);
  // the snapshot's numbering whole: a build that numbers more countries before the first payment (bank countries,
  // since lookAhead) must not keep a number the snapshot gave another country
  countryIds.clear();
  for (const [iso, id] of s.countries) countryIds.set(iso, id);
  for (let a = 0; a < s.banks.length; a++) {
    const id = acc.intern(s.banks[a]!, s.accounts[a]!);
    if (id !== a)
      throw new Error(`stage snapshot: account ${a} (${s.banks[a]}|${s.accounts[a]}) appears twice`);
  }
  const accFields = new Map(slotArrays(acc, acc.capacity));
  for (const [name, data] of Object.entries(s.accountArrays)) {
    if (acc.importColumn(name, data) || DROPPED_ACCOUNT_FIELDS.has(name)) continue;
    const target = accFields.get(name);
    if (target === undefined)
      throw new Error(`stage snapshot: accounts have no field "${name}" in this build`);
    target.set(data);
  }
  // a snapshot without the recent formats (an older build's, or taken after a time that is not a number): the
  // restored stage takes no shortcut from them
  // or one of the first version's (with `fmtEpoch`), whose masks may have missed legs (decision 0019)
  if (!('fmtInCur' in s.accountArrays) || 'fmtEpoch' in s.accountArrays) acc.formatsUnknown = true;
  acc.restoreFormatEpochs(s.watermark);
  const n = Object.values(s.ringArrays)[0]?.length ?? 0;
  if (n > ring.capacity)
    throw new Error(`stage snapshot: ${n} live slots do not fit a ring of ${ring.capacity}`);
  const lo = s.ringHead - n;
  for (const [name, data] of Object.entries(s.ringArrays)) {
    if (!ring.importColumn(name, lo, data))
      throw new Error(`stage snapshot: the ring has no field "${name}" in this build`);
  }
  ring.head = s.ringHead;
  for (const [seq, id] of s.ringIds) ring.setId(seq & ring.mask, id);
  fx.restore(s.currencies);
}
