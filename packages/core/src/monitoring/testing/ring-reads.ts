import { defaultMonitoringConfig, type MonitoringConfig } from '../config.ts';
import { createDetectionStage } from '../detection-stage.ts';
import { DETECTORS } from '../detectors/registry.ts';
import { TxRing } from '../tx-ring.ts';
import type { Scenario } from './scenario.ts';

/** The default configuration with only the detector `only` enabled (none when undefined). */
function onlyDetector(only: string | undefined): MonitoringConfig {
  const config = defaultMonitoringConfig();
  const detectors = { ...config.detectors };
  for (const d of DETECTORS) {
    const c = detectors[d.id];
    if (c !== undefined) detectors[d.id] = { ...c, enabled: d.id === only };
  }
  return { ...config, detectors };
}

/** Ring slots read (`TxRing.ts` calls) while a stage with `config` processes the last transaction of `sc`. */
function slotReadsOnLast(sc: Scenario, config: MonitoringConfig): number {
  const txs = sc.sorted();
  const stage = createDetectionStage({ config, onFiring: () => {} });
  for (const tx of txs.slice(0, -1)) stage.process(tx);
  const ts = TxRing.prototype.ts;
  let reads = 0;
  TxRing.prototype.ts = function (this: TxRing, i: number): number {
    reads++;
    return ts.call(this, i);
  };
  try {
    const last = txs.at(-1);
    if (last !== undefined) stage.process(last);
  } finally {
    TxRing.prototype.ts = ts;
  }
  return reads;
}

/**
 * How many ring slots detector `id` reads when judging the last transaction of a scenario: the work of its walks,
 * for tests that a detector does not walk what it cannot use (the stage's own reads are subtracted).
 */
export function detectorSlotReads(id: string, sc: Scenario): number {
  return slotReadsOnLast(sc, onlyDetector(id)) - slotReadsOnLast(sc, onlyDetector(undefined));
}
