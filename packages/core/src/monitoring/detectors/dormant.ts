import { DAY, type Detector } from '../detector.ts';

export type DormantParams = {
  readonly minBase: number;
};

/**
 * Detector 14, T18 dormant account reactivated: the gap, in days, since the account's previous activity, measured
 * when it pays or receives again at least `minBase`. Accounts first seen in the stream have no gap.
 */
export const dormantDetector: Detector<DormantParams> = {
  id: 'dormant',
  number: 14,
  version: '1.0.0',
  title: 'Dormant account reactivated',
  unit: 'days idle',
  configSchema: {
    minBase: {
      default: 5_000,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description: 'smaller reactivations are ignored',
    },
  },
  bands: [90, 180, 365],
  evaluate(ctx, p) {
    if (ctx.base < p.minBase) return 0;
    const { acc } = ctx;
    let gap = 0;
    let who = -1;
    const a = ctx.from;
    const b = ctx.to;
    if (acc.outCount(a) + acc.inCount(a) > 0) {
      gap = ctx.ts - acc.lastTs(a);
      who = a;
    }
    if (acc.outCount(b) + acc.inCount(b) > 0 && ctx.ts - acc.lastTs(b) > gap) {
      gap = ctx.ts - acc.lastTs(b);
      who = b;
    }
    if (who < 0) return 0;
    ctx.add(ctx.seq);
    ctx.anchor = who;
    return gap / DAY;
  },
};
