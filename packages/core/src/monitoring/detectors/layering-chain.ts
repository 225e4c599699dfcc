import { DAY, type Detector, HOUR } from '../detector.ts';
import { isBusiness } from '../state.ts';

export type ChainParams = {
  readonly maxEvidence: number;
  readonly shortHops: number;
  readonly tightRatio: number;
  readonly tightGapMs: number;
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
    shortHops: {
      default: 3,
      min: 0,
      max: 64,
      unit: 'hops',
      description:
        'chains of at most this many hops count only when tight (tightRatio, tightGapMs): short loose chains are everyday money moving on',
    },
    tightRatio: {
      default: 0.93,
      min: 0,
      max: 1,
      unit: 'ratio',
      description:
        'a tight hop forwards at least this share of the credit it passes on, and not more than it',
    },
    tightGapMs: {
      default: 31 * HOUR,
      min: HOUR,
      max: 30 * DAY,
      unit: 'ms',
      description: 'a tight hop follows the credit it passes on within this time',
    },
    maxEvidence: { default: 12, min: 2, max: 64, unit: 'transactions', description: 'links followed back' },
  },
  bands: [3, 4, 6],
  evaluate(ctx, p) {
    const { ring } = ctx;
    const mask = ring.mask;
    const depth = ring.chainDepth(ctx.seq & mask);
    if (depth < 2 || ctx.base < p.minBase) return 0;
    let s = ctx.seq;
    let business = 0;
    let tight = true;
    for (let k = 0; k <= p.maxEvidence && ring.live(s); k++) {
      ctx.add(s);
      const i = s & mask;
      const e = ctx.acc.entity(ring.from(i));
      if (k < depth && isBusiness(e)) business++;
      const prev = ring.chainPrev(i);
      if (k < depth && ring.live(prev)) {
        const j = prev & mask;
        const r = ring.base(i) / (ring.base(j) || 1);
        if (r < p.tightRatio || r > 1.0001 || ring.ts(i) - ring.ts(j) > p.tightGapMs) tight = false;
      }
      s = prev;
    }
    // A short chain is everyday money moving on unless every hop passes on nearly all of it, soon.
    if (depth + 1 <= p.shortHops && !tight) return 0;
    // Goods move through firms; a chain mostly of firms is a supply chain, a chain mostly of people is not.
    if (business > p.maxBusinessHops || 2 * business > depth + 1) return 0;
    ctx.anchor = ctx.from;
    return depth + 1;
  },
};
