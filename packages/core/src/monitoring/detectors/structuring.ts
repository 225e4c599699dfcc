import { PAYMENT_FORMATS } from '../../model/transaction.ts';
import { DAY, type Detector, HOUR } from '../detector.ts';

const CASH = PAYMENT_FORMATS.indexOf('Cash');

export type StructuringParams = {
  readonly threshold: number;
  readonly delta: number;
  readonly windowMs: number;
  readonly maxScan: number;
  readonly cashOnly: number;
};

/**
 * Detector 10, T01 structuring: payments just below a reporting threshold (θ·(1−δ) ≤ amount < θ, in USD
 * equivalent) by the same payer, or into the same payee, inside the window. The value is the larger of the two
 * counts; it is evaluated only when the current payment is itself near the threshold.
 */
export const structuringDetector: Detector<StructuringParams> = {
  id: 'structuring',
  number: 10,
  version: '1.0.0',
  title: 'Structuring below a reporting threshold',
  unit: 'near-threshold payments',
  configSchema: {
    threshold: { default: 10_000, min: 1, max: 1e9, unit: 'USD', description: 'reporting threshold θ' },
    delta: {
      default: 0.1,
      min: 0.01,
      max: 0.5,
      unit: 'share',
      description: 'band below θ that counts as near',
    },
    windowMs: { default: 7 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'sliding window' },
    maxScan: { default: 64, min: 1, max: 1024, unit: 'transactions', description: 'legs examined per side' },
    cashOnly: {
      default: 1,
      min: 0,
      max: 1,
      unit: 'flag',
      description: '1: only cash legs count (reporting thresholds such as CTRs apply to cash)',
    },
  },
  bands: [3, 4, 6],
  evaluate(ctx, p) {
    const lo = p.threshold * (1 - p.delta);
    if (ctx.base < lo || ctx.base >= p.threshold) return 0;
    const cash = p.cashOnly >= 1 ? CASH : -1;
    if (cash >= 0 && ctx.format !== cash) return 0;
    const { acc, ring } = ctx;
    const mask = ring.mask;
    const minSeq = ring.minSeq();
    const cutoff = ctx.ts - p.windowMs;
    let out = 0;
    let scanned = 0;
    for (let s = acc.lastOut(ctx.from); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
      const i = s & mask;
      if (ring.ts(i) < cutoff) break;
      scanned++;
      const b = ring.base(i);
      if (b >= lo && b < p.threshold && (cash < 0 || ring.format(i) === cash)) out++;
    }
    let inn = 0;
    scanned = 0;
    for (let s = acc.lastIn(ctx.to); s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
      const i = s & mask;
      if (ring.ts(i) < cutoff) break;
      scanned++;
      const b = ring.base(i);
      if (b >= lo && b < p.threshold && (cash < 0 || ring.format(i) === cash)) inn++;
    }
    const byPayer = out >= inn;
    scanned = 0;
    if (byPayer) {
      for (let s = acc.lastOut(ctx.from); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
        const i = s & mask;
        if (ring.ts(i) < cutoff) break;
        scanned++;
        const b = ring.base(i);
        if (b >= lo && b < p.threshold && (cash < 0 || ring.format(i) === cash)) ctx.add(s);
      }
    } else {
      for (let s = acc.lastIn(ctx.to); s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
        const i = s & mask;
        if (ring.ts(i) < cutoff) break;
        scanned++;
        const b = ring.base(i);
        if (b >= lo && b < p.threshold && (cash < 0 || ring.format(i) === cash)) ctx.add(s);
      }
    }
    ctx.anchor = byPayer ? ctx.from : ctx.to;
    return byPayer ? out : inn;
  },
};
