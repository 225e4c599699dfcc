import type { Alert } from '../model/alert.ts';
import type { Clock } from '../model/clock.ts';
import type { Transaction } from '../model/transaction.ts';
import { defaultMonitoringConfig, type MonitoringConfig } from './config.ts';
import {
  createDetectionStage,
  type ReferenceData,
  type ScoreSink,
  type TxAssessment,
} from './detection-stage.ts';
import { DEFAULT_JURISDICTIONS } from './jurisdictions.ts';
import { PatternInstances } from './pattern-instances.ts';
import { DEFAULT_TYPOLOGIES } from './typologies.ts';

export type { ReferenceData, ScoreSink, TxAssessment } from './detection-stage.ts';

export interface Monitor {
  /** Processes one transaction (event-time order, small disorder tolerated) and returns its current assessment. */
  process(tx: Transaction): TxAssessment;
  /**
   * Announces that txs[from…to) are the next transactions `process` will get, in that order, so that their accounts
   * are looked up together (DetectionStage.lookAhead). Optional; results are the same without it.
   */
  lookAhead(txs: readonly Transaction[], from?: number, to?: number): void;
  /** Alerts completed since the last drain (merged per pattern instance). */
  drainAlerts(): Alert[];
  /** End of stream: closes open instances and returns the remaining alerts. */
  finish(): Alert[];
  stats(): { accounts: number; transactions: number; evicted: number };
}

export interface MonitorOptions {
  readonly config?: MonitoringConfig;
  readonly reference?: ReferenceData;
  readonly clock: Clock;
  readonly onScore?: ScoreSink;
  /** Called for every detector outcome above band .00 (diagnostics and tests; leave unset in production runs). */
  readonly onFinding?: (row: number, detector: string, value: number, band: number) => void;
}

/** How often (in transactions) idle instances are closed, so that their alerts come out: timing only, not result. */
const CLOSE_EVERY = 1024;

/** The instance merger a monitor configuration implies (the same in one process and in a scale-out merger lane). */
export function createInstanceMerger(
  options: Pick<MonitorOptions, 'config' | 'reference' | 'clock'>,
): PatternInstances {
  const config = options.config ?? defaultMonitoringConfig();
  return new PatternInstances({
    typologies: DEFAULT_TYPOLOGIES,
    maxEvidence: config.maxEvidence,
    idleMs: config.alertMergeGapMs + config.maxDisorderMs,
    configVersion: config.version,
    jurisdictionsVersion: (options.reference?.jurisdictions ?? DEFAULT_JURISDICTIONS).version,
    now: () => options.clock.now(),
  });
}

/**
 * Creates the streaming transaction monitor: the detection stage (per-account state in event-time windows, the
 * configured detectors, typology scoring) feeding the instance merger (one alert per pattern instance) in the same
 * process. Pure: the same transactions, configuration and clock give the same scores and alerts. Scale-out runs
 * the two stages in different processes and gets the same alerts (docs/decisions/0062-detection-and-merger.md).
 */
export function createMonitor(options: MonitorOptions): Monitor {
  const instances = createInstanceMerger(options);
  const stage = createDetectionStage({
    ...(options.config ? { config: options.config } : {}),
    ...(options.reference ? { reference: options.reference } : {}),
    ...(options.onScore ? { onScore: options.onScore } : {}),
    ...(options.onFinding ? { onFinding: options.onFinding } : {}),
    onFiring: (f) => instances.record(f),
  });
  const config = options.config ?? defaultMonitoringConfig();
  const idleMs = config.alertMergeGapMs + config.maxDisorderMs;
  let processed = 0;
  return {
    process(tx) {
      const result = stage.process(tx);
      if (++processed % CLOSE_EVERY === 0) instances.closeIdle(stage.watermark() - idleMs);
      return result;
    },
    lookAhead: (txs, from, to) => stage.lookAhead(txs, from, to),
    drainAlerts: () => instances.drain(),
    finish() {
      instances.closeAll();
      return instances.drain();
    },
    stats: () => stage.stats(),
  };
}
