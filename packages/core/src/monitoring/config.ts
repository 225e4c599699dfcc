import { type Bands, DAY, defaultParams, HOUR } from './detector.ts';
import { DETECTORS } from './detectors/registry.ts';
import { type BandWeights, DEFAULT_TYPOLOGIES } from './typologies.ts';

export interface DetectorConfig {
  readonly enabled: boolean;
  readonly params: Readonly<Record<string, number>>;
  readonly bands: Bands;
}

export interface TypologyConfig {
  readonly weights: Readonly<Record<string, BandWeights>>;
  readonly alertThreshold: number;
}

/**
 * The versioned monitoring configuration. Every alert records `version`, so a change of weights or bands is
 * auditable; parse user files with MONITORING_CONFIG_SCHEMA (@raqib/contracts), which fills in these defaults.
 */
export interface MonitoringConfig {
  readonly version: string;
  /** A transaction whose score reaches this is flagged. */
  readonly flagThreshold: number;
  /** An open pattern instance with no new evidence for this long (event time) is closed into an alert. */
  readonly alertMergeGapMs: number;
  /** Out-of-order arrival tolerated (event time). */
  readonly maxDisorderMs: number;
  /** Transactions kept in the window ring (rounded up to a power of two): the memory bound. */
  readonly retainTransactions: number;
  /** Evidence transactions kept per alert. */
  readonly maxEvidence: number;
  /** Accounts above this many legs a day behave like businesses and are not pattern centres (see AccountTable.rate). */
  readonly busyRatePerDay: number;
  /** Pass-through matching: a payment forwards a credit of the last `windowMs` with amount ratio in range. */
  readonly passThrough: {
    readonly windowMs: number;
    readonly minRatio: number;
    readonly maxRatio: number;
    readonly maxScan: number;
    readonly minBase: number;
  };
  /**
   * Funds tracing: payments a flagged payment's payee makes within `windowMs` afterwards, by a moving instrument
   * (not card, not reinvestment), of at least `minBase` and `minShare` of its smallest flagged credit and at most
   * `maxShare` of all it received flagged (both over its current run of flagged credits, each less than `windowMs`
   * after the last), inherit `factor` × the flagged score (one hop; decision 0012).
   */
  readonly fundsTracing: {
    readonly enabled: boolean;
    readonly windowMs: number;
    readonly maxShare: number;
    /** Payments below this share of the smallest flagged credit of the run are the account's own spending. */
    readonly minShare: number;
    readonly minBase: number;
    readonly factor: number;
    /** Legs a day (AccountTable.rate) above which the payer, or the payee, is too busy to be followed. */
    readonly maxPayerRate: number;
    readonly maxPayeeRate: number;
  };
  readonly detectors: Readonly<Record<string, DetectorConfig>>;
  readonly typologies: Readonly<Record<string, TypologyConfig>>;
}

export const MONITORING_CONFIG_VERSION = 'monitoring-2026.12-11';

/** The defaults every run starts from. */
export function defaultMonitoringConfig(): MonitoringConfig {
  const detectors: Record<string, DetectorConfig> = {};
  for (const d of DETECTORS) {
    detectors[d.id] = { enabled: true, params: defaultParams(d.configSchema), bands: d.bands };
  }
  const typologies: Record<string, TypologyConfig> = {};
  for (const t of DEFAULT_TYPOLOGIES)
    typologies[t.name] = { weights: t.weights, alertThreshold: t.alertThreshold };
  return {
    version: MONITORING_CONFIG_VERSION,
    flagThreshold: 0.5,
    alertMergeGapMs: 2 * DAY,
    maxDisorderMs: HOUR,
    retainTransactions: 1 << 22,
    busyRatePerDay: 25,
    maxEvidence: 500,
    passThrough: { windowMs: 3 * DAY, minRatio: 0.85, maxRatio: 1.01, maxScan: 16, minBase: 1_000 },
    fundsTracing: {
      enabled: true,
      windowMs: 36 * HOUR,
      maxShare: 0.96,
      minShare: 0.4,
      minBase: 0,
      factor: 0.95,
      maxPayerRate: 6,
      maxPayeeRate: 1_000,
    },
    detectors,
    typologies,
  };
}
