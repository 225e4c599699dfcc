import type { Detector } from '../detector.ts';
import { amountSpikeDetector } from './amount-spike.ts';
import { bipartiteDetector } from './bipartite.ts';
import { cellFundingDetector } from './cell-funding.ts';
import { cycleDetector } from './cycle.ts';
import { dormantDetector } from './dormant.ts';
import { exodusDetector } from './exodus.ts';
import { fanInDetector } from './fan-in.ts';
import { fanOutDetector } from './fan-out.ts';
import { fxPremiumDetector } from './fx-premium.ts';
import { gatherScatterDetector } from './gather-scatter.ts';
import { layeringChainDetector } from './layering-chain.ts';
import { passThroughDetector } from './pass-through.ts';
import { scatterGatherDetector } from './scatter-gather.ts';
import { stackDetector } from './stack.ts';
import { structuringDetector } from './structuring.ts';

/**
 * Every detector, in evaluation order. Order matters once: `stack` reuses the payer set `bipartite` just found.
 */
export const DETECTORS: readonly Detector[] = [
  fanOutDetector,
  fanInDetector,
  gatherScatterDetector,
  scatterGatherDetector,
  cycleDetector,
  layeringChainDetector,
  bipartiteDetector,
  stackDetector,
  passThroughDetector,
  structuringDetector,
  exodusDetector,
  cellFundingDetector,
  fxPremiumDetector,
  dormantDetector,
  amountSpikeDetector,
] as unknown as readonly Detector[];

export function findDetector(id: string): Detector | undefined {
  return DETECTORS.find((d) => d.id === id);
}
