import type { CurrencyTable, FxReferenceRates } from './fx-reference.ts';
import type { AccountTable } from './state.ts';
import type { TxRing } from './tx-ring.ts';

/** One numeric parameter of a detector: default, allowed range, unit and meaning (the config schema is built from it). */
export interface ParamSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly description: string;
}

export type DetectorParams = Readonly<Record<string, number>>;
export type ParamSchema<P extends DetectorParams> = { readonly [K in keyof P]: ParamSpec };

/** Band cut-offs, ascending: value ≥ bands[0] → ".01" (low), ≥ bands[1] → ".02", ≥ bands[2] → ".03" (high). */
export type Bands = readonly [number, number, number];

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * What a detector sees while one transaction is processed. The transaction is already in the ring (sequence
 * `seq`); account history in AccountTable does not yet include it. Evidence is written as ring sequence numbers
 * into `evidence` with `add`, never as objects: the monitor turns them into alert evidence only when a typology
 * crosses its threshold.
 */
export interface EvalContext {
  readonly acc: AccountTable;
  readonly ring: TxRing;
  readonly fx: CurrencyTable;
  /** Supplied day rates, when the caller has them. */
  readonly fxRates: FxReferenceRates | undefined;
  /** Risk of each country id in [0, 1] and whether it is in the destination set. */
  readonly geoRisk: Float32Array;
  readonly destination: Uint8Array;
  /** Legs a day above which an account is business-like (MonitoringConfig.busyRatePerDay). */
  readonly busyRate: number;
  seq: number;
  ts: number;
  from: number;
  to: number;
  /** Paid amount in approximate USD. */
  base: number;
  paidMinor: number;
  paidCur: number;
  recvMinor: number;
  recvCur: number;
  format: number;
  fromCountry: number;
  toCountry: number;
  /**
   * The lowest value the detector's bands count (its band .01 cut-off): any value below it is band .00, the same as
   * 0. A detector may stop and return 0 as soon as its value provably cannot reach it (a walk that cannot change
   * the outcome is skipped); 0 when unknown (no such shortcut).
   */
  floor: number;
  /** The detector names the account the pattern is centred on (for merging alerts), -1 if none. */
  anchor: number;
  /** Optional human-readable detail of the current finding. */
  detail: string | undefined;
  add(seq: number): void;
}

/**
 * A detector plugin (house rule 4): measures one thing about the current transaction in its context and returns
 * the measured value (0 when there is nothing to measure). Bands turn the value into an outcome; typologies
 * weigh outcomes. `evaluate` must not allocate on the common path.
 */
export interface Detector<P extends DetectorParams = DetectorParams> {
  /** Stable id, kebab-case, e.g. "fan-out". */
  readonly id: string;
  /** Number in the list (1–15). */
  readonly number: number;
  readonly version: string;
  readonly title: string;
  /** Unit of the measured value. */
  readonly unit: string;
  readonly configSchema: ParamSchema<P>;
  readonly bands: Bands;
  evaluate(ctx: EvalContext, params: P): number;
}

/** Reads a value into a band index 0–3. */
export function bandOf(value: number, bands: Bands): number {
  if (!(value >= bands[0])) return 0;
  if (value < bands[1]) return 1;
  if (value < bands[2]) return 2;
  return 3;
}

export const BAND_REFS = ['.00', '.01', '.02', '.03'] as const;

/** Default parameter values of a schema. */
export function defaultParams<P extends DetectorParams>(schema: ParamSchema<P>): P {
  const out: Record<string, number> = {};
  for (const [k, spec] of Object.entries(schema) as [string, ParamSpec][]) out[k] = spec.default;
  return out as P;
}
