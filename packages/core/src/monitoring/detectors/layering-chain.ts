import type { Detector } from '../detector.ts';

export type ChainParams = {
  readonly maxEvidence: number;
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
      default: 500,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description: 'smaller legs are ignored (materiality)',
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
    for (let k = 0; k <= p.maxEvidence && ring.live(s); k++) {
      ctx.add(s);
      s = ring.chainPrev[s & mask]!;
    }
    ctx.anchor = ctx.from;
    return depth + 1;
  },
};
