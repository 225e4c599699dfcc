import { DAY, type Detector, HOUR } from '../detector.ts';
import { ENTITY_INDIVIDUAL, ENTITY_UNKNOWN } from '../state.ts';

export type CellFundingParams = {
  readonly windowMs: number;
  readonly maxAmount: number;
  readonly maxCv: number;
  readonly requireCrossBorder: number;
  readonly maxScan: number;
  readonly amountSpread: number;
};

/**
 * Detector 12, TF-CELL-FUNDING (T09): one payer sending small, similar amounts to many individuals, across
 * borders. The value is the number of distinct beneficiaries among the payer's small cross-border payments to
 * individuals in the window, provided their amounts are similar (coefficient of variation ≤ maxCv). Domestic
 * payroll does not qualify (not cross-border), nor do companies as beneficiaries (when accounts.csv says so).
 */
export const cellFundingDetector: Detector<CellFundingParams> = {
  id: 'cell-funding',
  number: 12,
  version: '1.0.0',
  title: 'Cell funding: many small similar transfers to individuals abroad',
  unit: 'beneficiaries',
  configSchema: {
    windowMs: { default: 30 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'sliding window' },
    maxAmount: { default: 2_000, min: 1, max: 1e9, unit: 'USD', description: 'a "small" transfer' },
    maxCv: { default: 0.25, min: 0, max: 5, unit: 'ratio', description: 'amount similarity (CV) required' },
    requireCrossBorder: {
      default: 1,
      min: 0,
      max: 1,
      unit: 'flag',
      description: '1: only cross-border legs count',
    },
    amountSpread: {
      default: 1.25,
      min: 1,
      max: 1000,
      unit: 'factor',
      description:
        "only payments within this factor of the current one count: the payer's other small payments abroad (family, shopping) do not blur the series",
    },
    maxScan: { default: 64, min: 4, max: 1024, unit: 'transactions', description: 'payments examined' },
  },
  bands: [5, 7, 10],
  evaluate(ctx, p) {
    if (ctx.base > p.maxAmount || ctx.from === ctx.to) return 0;
    const { acc, ring } = ctx;
    const a = ctx.from;
    const home = acc.country(a);
    const cross = p.requireCrossBorder >= 1;
    if (cross && (home === 0 || ctx.toCountry === 0 || ctx.toCountry === home)) return 0;
    const e = acc.entity(ctx.to);
    if (e !== ENTITY_INDIVIDUAL && e !== ENTITY_UNKNOWN) return 0;
    const mask = ring.mask;
    const minSeq = ring.minSeq();
    const cutoff = ctx.ts - p.windowMs;
    const epoch = acc.nextEpoch();
    const lo = ctx.base / p.amountSpread;
    const hi = ctx.base * p.amountSpread;
    let n = 0;
    let sum = 0;
    let sum2 = 0;
    let scanned = 0;
    for (let s = acc.lastOut(a); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
      const i = s & mask;
      if (ring.ts(i) < cutoff) break;
      scanned++;
      const b = ring.base(i);
      if (b > p.maxAmount || b < lo || b > hi) continue;
      const t = ring.to(i);
      const tc = acc.country(t);
      if (cross && (tc === 0 || tc === home)) continue;
      const te = acc.entity(t);
      if (te !== ENTITY_INDIVIDUAL && te !== ENTITY_UNKNOWN) continue;
      ctx.add(s);
      if (acc.stamp[t] === epoch) continue;
      acc.stamp[t] = epoch;
      n++;
      sum += b;
      sum2 += b * b;
    }
    if (n < 2) return 0;
    const mean = sum / n;
    const cv = Math.sqrt(Math.max(0, sum2 / n - mean * mean)) / (mean || 1);
    if (cv > p.maxCv) return 0;
    ctx.anchor = a;
    return n;
  },
};
