import { DAY, type Detector, HOUR } from '../detector.ts';

export type GatherScatterParams = {
  readonly windowMs: number;
  readonly maxScan: number;
  readonly maxDegree: number;
  readonly minOutInRatio: number;
  readonly maxOutInRatio: number;
};

/**
 * Detector 3, GATHER-SCATTER: an account that collected from several payers and then paid several payees,
 * passing most of what it gathered on. The value is min(distinct payers, distinct payees); payees count only
 * when paid after the first gathered credit. Merchant-like degrees are ignored.
 */
export const gatherScatterDetector: Detector<GatherScatterParams> = {
  id: 'gather-scatter',
  number: 3,
  version: '1.0.0',
  title: 'Gather-scatter',
  unit: 'min(payers, payees)',
  configSchema: {
    windowMs: { default: 6 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'sliding window' },
    maxScan: { default: 48, min: 4, max: 1024, unit: 'transactions', description: 'legs examined per side' },
    maxDegree: {
      default: 25,
      min: 2,
      max: 10_000,
      unit: 'counterparties',
      description: 'business-like above',
    },
    minOutInRatio: {
      default: 0.5,
      min: 0,
      max: 10,
      unit: 'ratio',
      description: 'paid out / gathered, lower bound',
    },
    maxOutInRatio: {
      default: 1.3,
      min: 0,
      max: 10,
      unit: 'ratio',
      description: 'paid out / gathered, upper bound',
    },
  },
  bands: [3, 5, 8],
  evaluate(ctx, p) {
    const { acc, ring } = ctx;
    const v = ctx.from;
    if (v === ctx.to) return 0;
    const lastIn = acc.lastIn[v]!;
    const minSeq = ring.minSeq();
    if (lastIn < minSeq) return 0;
    const mask = ring.mask;
    const cutoff = ctx.ts - p.windowMs;
    if (ring.ts[lastIn & mask]! < cutoff) return 0;
    const epoch = acc.nextEpoch();
    let payers = 0;
    let gathered = 0;
    let firstIn = ctx.ts;
    let scanned = 0;
    for (let s = lastIn; s >= minSeq && scanned < p.maxScan; s = ring.prevIn[s & mask]!) {
      const i = s & mask;
      const t = ring.ts[i]!;
      if (t < cutoff) break;
      scanned++;
      const f = ring.from[i]!;
      if (f === v) continue;
      ctx.add(s);
      gathered += ring.base[i]!;
      firstIn = t;
      if (acc.stamp[f] !== epoch) {
        acc.stamp[f] = epoch;
        payers++;
      }
    }
    if (payers < 2 || payers > p.maxDegree) return 0;
    let payees = 0;
    let paid = 0;
    scanned = 0;
    for (let s = acc.lastOut[v]!; s >= minSeq && scanned < p.maxScan; s = ring.prevOut[s & mask]!) {
      const i = s & mask;
      const t = ring.ts[i]!;
      if (t < firstIn) break;
      scanned++;
      const to = ring.to[i]!;
      if (to === v) continue;
      ctx.add(s);
      paid += ring.base[i]!;
      if (acc.stamp2[to] !== epoch) {
        acc.stamp2[to] = epoch;
        payees++;
      }
    }
    if (payees < 2 || payees > p.maxDegree) return 0;
    const ratio = paid / (gathered || 1);
    if (ratio < p.minOutInRatio || ratio > p.maxOutInRatio) return 0;
    ctx.anchor = v;
    return Math.min(payers, payees);
  },
};
