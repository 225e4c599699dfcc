import { DAY, type Detector, HOUR } from '../detector.ts';

export type PassThroughParams = {
  readonly windowMs: number;
  readonly maxScan: number;
  readonly minBase: number;
};

/**
 * Detector 9, T02 rapid pass-through / mirroring: payments of the payer inside the window that forward a credit
 * it received shortly before with a similar amount (Tazama 024–027). The matching itself is done once per payment
 * by the monitor (it also feeds the layering chain); this detector counts the matched payments in the window.
 */
export const passThroughDetector: Detector<PassThroughParams> = {
  id: 'pass-through',
  number: 9,
  version: '1.0.0',
  title: 'Rapid pass-through / mirroring',
  unit: 'mirrored pairs',
  configSchema: {
    windowMs: { default: 2 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'window counted' },
    maxScan: { default: 32, min: 1, max: 1024, unit: 'transactions', description: 'payments examined' },
    minBase: { default: 1_000, min: 0, max: 1e9, unit: 'USD', description: 'smaller pairs are ignored' },
  },
  bands: [1, 2, 4],
  evaluate(ctx, p) {
    const { acc, ring } = ctx;
    const mask = ring.mask;
    if (ring.chainPrev(ctx.seq & mask) < 0 || ctx.base < p.minBase) return 0;
    const minSeq = ring.minSeq();
    const cutoff = ctx.ts - p.windowMs;
    let pairs = 0;
    let scanned = 0;
    for (let s = acc.lastOut(ctx.from); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
      const i = s & mask;
      if (ring.ts(i) < cutoff) break;
      scanned++;
      const prev = ring.chainPrev(i);
      if (prev < 0 || ring.base(i) < p.minBase) continue;
      pairs++;
      ctx.add(s);
      if (ring.live(prev)) ctx.add(prev);
    }
    ctx.anchor = ctx.from;
    return pairs;
  },
};
