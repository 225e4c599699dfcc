import type { Detector } from '../detector.ts';
import { isBusiness } from '../state.ts';

export type ChainParams = {
  readonly maxEvidence: number;
  readonly maxBusinessHops: number;
  readonly minBase: number;
};

/**
 * Detector 6, RANDOM (layering chain): the number of consecutive pass-through hops that end in the current
 * payment. The monitor links each payment to the credit it forwards (similar amount, shortly before: see
 * pass-through matching in the monitor), so the depth is known in O(1); evidence follows the links back.
 */
export const layeringChainDetector: Detector<ChainParams> = {
  id: 'layering-chain',
  number: 6,
  version: '1.0.0',
  title: 'Layering chain (random walk)',
  unit: 'hops',
  configSchema: {
    minBase: {
      default: 1_000,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description: 'smaller legs are ignored (materiality)',
    },
    maxBusinessHops: {
      default: 2,
      min: 0,
      max: 64,
      unit: 'hops',
      description:
        'chains forwarded by more businesses (company, government, MSB per accounts.csv) than this, or by businesses in more than half of their hops, are trade',
    },
    maxEvidence: { default: 12, min: 2, max: 64, unit: 'transactions', description: 'links followed back' },
  },
  bands: [3, 4, 6],
  evaluate(ctx, p) {
    const { ring } = ctx;
    const mask = ring.mask;
    const depth = ring.chainDepth[ctx.seq & mask]!;
    if (depth < 2 || ctx.base < p.minBase) return 0;
    let s = ctx.seq;
    let business = 0;
    for (let k = 0; k <= p.maxEvidence && ring.live(s); k++) {
      ctx.add(s);
      const e = ctx.acc.entity[ring.from[s & mask]!]!;
      if (k < depth && isBusiness(e)) business++;
      s = ring.chainPrev[s & mask]!;
    }
    // Goods move through firms; a chain mostly of firms is a supply chain, a chain mostly of people is not.
    if (business > p.maxBusinessHops || 2 * business > depth + 1) return 0;
    ctx.anchor = ctx.from;
    return depth + 1;
  },
};
