import { DAY, type Detector, HOUR } from '../detector.ts';
import { CREDITS, FORMAT_EPOCH_MS, isBusiness, PAYMENTS } from '../state.ts';

export type GatherScatterParams = {
  readonly windowMs: number;
  readonly maxScan: number;
  readonly maxDegree: number;
  readonly minOutInRatio: number;
  readonly maxOutInRatio: number;
  readonly amountSpread: number;
  readonly maxInCv: number;
  readonly minBase: number;
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
    minBase: {
      default: 500,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description: 'smaller legs are ignored (materiality)',
    },
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
      default: 0.7,
      min: 0,
      max: 10,
      unit: 'ratio',
      description:
        'paid out / gathered, lower bound: a collector passes most of it on (the scattered legs flagged while the pattern is still short of this are raised when a later leg completes it)',
    },
    maxOutInRatio: {
      default: 1.15,
      min: 0,
      max: 10,
      unit: 'ratio',
      description: 'paid out / gathered, upper bound',
    },
    maxInCv: {
      default: 0.5,
      min: 0,
      max: 10,
      unit: 'ratio',
      description: 'gathered legs must be of similar size (coefficient of variation at most this)',
    },
    amountSpread: {
      default: 3,
      min: 1,
      max: 1000,
      unit: 'factor',
      description: 'only legs of the same payment format within this factor of the current amount count',
    },
  },
  bands: [3, 5, 8],
  evaluate(ctx, p) {
    const { acc, ring } = ctx;
    const v = ctx.from;
    if (v === ctx.to || ctx.base < p.minBase || acc.rate(v, ctx.ts) > ctx.busyRate) return 0;
    // Both phases count only legs of the current format: no such credit, no payer; no other such payment, one
    // payee at most (the current leg): either way nothing to walk (decision 0019).
    if (
      p.windowMs <= FORMAT_EPOCH_MS &&
      (!acc.mayHaveFormat(v, CREDITS, ctx.format, ctx.ts) ||
        !acc.mayHaveFormat(v, PAYMENTS, ctx.format, ctx.ts))
    )
      return 0;
    const lastIn = acc.lastIn(v);
    const minSeq = ring.minSeq();
    if (lastIn < minSeq) return 0;
    const mask = ring.mask;
    const cutoff = ctx.ts - p.windowMs;
    if (ring.ts(lastIn & mask) < cutoff) return 0;
    const lo = Math.max(p.minBase, ctx.base / p.amountSpread);
    const hi = ctx.base * p.amountSpread;
    const fmt = ctx.format;
    // A business centre counts only foreign counterparties: its domestic customers and suppliers are its trade.
    const home = isBusiness(acc.entity(v)) ? acc.country(v) : -1;
    const epoch = acc.nextEpoch();
    // Gather phase: similar-instrument credits in the window; the scatter phase starts after the newest of them.
    let payers = 0;
    let gathered = 0;
    let gathered2 = 0;
    let nIn = 0;
    let newestIn = Number.NEGATIVE_INFINITY;
    let scanned = 0;
    for (let s = lastIn; s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
      const i = s & mask;
      const t = ring.ts(i);
      if (t < cutoff) break;
      scanned++;
      const f = ring.from(i);
      const b = ring.base(i);
      // Gathered legs may differ in size from the scattered ones; same instrument and materiality suffice.
      if (f === v || b < p.minBase || ring.format(i) !== fmt) continue;
      if (home >= 0 && (home === 0 || acc.country(f) === home)) continue;
      ctx.add(s);
      gathered += b;
      gathered2 += b * b;
      nIn++;
      if (t > newestIn) newestIn = t;
      if (acc.stamp[f] !== epoch) {
        acc.stamp[f] = epoch;
        payers++;
      }
    }
    // the value is min(payers, payees): with fewer payers than the bands' floor it is band .00 whatever is paid out
    if (payers < Math.max(2, ctx.floor) || payers > p.maxDegree) return 0;
    const meanIn = gathered / nIn;
    if (Math.sqrt(Math.max(0, gathered2 / nIn - meanIn * meanIn)) > p.maxInCv * meanIn) return 0;
    // Scatter phase: similar payments made after the last gathered credit (interleaving is ordinary business).
    let payees = 0;
    let paid = 0;
    scanned = 0;
    for (let s = acc.lastOut(v); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
      const i = s & mask;
      const t = ring.ts(i);
      if (t < newestIn) break;
      scanned++;
      const to = ring.to(i);
      const b = ring.base(i);
      if (to === v || b < lo || b > hi || ring.format(i) !== fmt) continue;
      if (home >= 0 && (home === 0 || acc.country(to) === home)) continue;
      ctx.add(s);
      paid += b;
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
