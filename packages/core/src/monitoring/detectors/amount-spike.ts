import type { Detector } from '../detector.ts';

export type AmountSpikeParams = {
  readonly minHistory: number;
  readonly minBase: number;
};

/**
 * Detector 15, T07 amount far above the account's own history: the payment divided by the geometric mean of the
 * payer's earlier payments (kept as a running mean of log amounts, so O(1) memory per account). A booster: the
 * default typology weights never let it alert alone.
 */
export const amountSpikeDetector: Detector<AmountSpikeParams> = {
  id: 'amount-spike',
  number: 15,
  version: '1.0.0',
  title: "Amount far above the account's history",
  unit: '× typical amount',
  configSchema: {
    minHistory: {
      default: 5,
      min: 1,
      max: 1000,
      unit: 'payments',
      description: 'history needed before judging',
    },
    minBase: { default: 1_000, min: 0, max: 1e9, unit: 'USD', description: 'smaller payments are ignored' },
  },
  bands: [5, 10, 25],
  evaluate(ctx, p) {
    if (ctx.base < p.minBase) return 0;
    const a = ctx.from;
    if (ctx.acc.outCount(a) < p.minHistory) return 0;
    const ratio = ctx.base / Math.exp(ctx.acc.outLogMean(a));
    ctx.add(ctx.seq);
    ctx.anchor = a;
    return ratio;
  },
};
