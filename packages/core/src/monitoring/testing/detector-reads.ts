import { defaultMonitoringConfig, type MonitoringConfig } from '../config.ts';
import { createDetectionStage } from '../detection-stage.ts';
import { DETECTORS } from '../detectors/registry.ts';
import { AccountTable } from '../state.ts';
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

type Reader = (this: unknown, i: number) => number;

/** Calls of `proto[method]` while a stage with `config` processes the last transaction of `sc`. */
function callsOnLast(sc: Scenario, config: MonitoringConfig, proto: object, method: string): number {
  const txs = sc.sorted();
  const stage = createDetectionStage({ config, onFiring: () => {} });
  for (const tx of txs.slice(0, -1)) stage.process(tx);
  const target = proto as Record<string, Reader>;
  const original = target[method];
  if (original === undefined) throw new Error(`no method ${method}`);
  let calls = 0;
  target[method] = function (this: unknown, i: number): number {
    calls++;
    return original.call(this, i);
  };
  try {
    const last = txs.at(-1);
    if (last !== undefined) stage.process(last);
  } finally {
    target[method] = original;
  }
  return calls;
}

/** Calls of `proto[method]` made by detector `id` alone (the stage's own are subtracted) on the last transaction. */
function detectorCalls(id: string, sc: Scenario, proto: object, method: string): number {
  return (
    callsOnLast(sc, onlyDetector(id), proto, method) - callsOnLast(sc, onlyDetector(undefined), proto, method)
  );
}

/**
 * How many ring slots detector `id` reads when judging the last transaction of a scenario: the work of its walks,
 * for tests that a detector does not walk what it cannot use.
 */
export function detectorSlotReads(id: string, sc: Scenario): number {
  return detectorCalls(id, sc, TxRing.prototype, 'ts');
}

/** How many times detector `id` reads an account's entity type when judging the last transaction of a scenario. */
export function detectorEntityReads(id: string, sc: Scenario): number {
  return detectorCalls(id, sc, AccountTable.prototype, 'entity');
}
