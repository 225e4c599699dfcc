import type { Detector } from '../detector.ts';

export type FxPremiumParams = {
  readonly minBase: number;
  readonly minSamples: number;
};

/**
 * Detector 13, TF-FX-PREMIUM (T10): the effective rate of a cross-currency payment (received ÷ paid, in major
 * units) far from the day's reference rate. The reference is, in order: supplied day rates; the median of the
 * pair's recent effective rates in the data itself once `minSamples` were seen (robust while anomalies stay a
 * minority); the built-in approximate table (or the values learned from the data). A metal-valued unit (the gold
 * dinar, 4.25 g) is judged against its gold value whenever the gold price is known (supplied or learned from XAU
 * trades), else like any other pair. The value is |rate ÷ reference − 1|.
 */
export const fxPremiumDetector: Detector<FxPremiumParams> = {
  id: 'fx-premium',
  number: 13,
  version: '1.0.0',
  title: 'FX at an abnormal rate',
  unit: 'relative deviation',
  configSchema: {
    minBase: { default: 100, min: 0, max: 1e9, unit: 'USD', description: 'smaller exchanges are ignored' },
    minSamples: {
      default: 20,
      min: 1,
      max: 10_000,
      unit: 'payments',
      description: 'before the data median is used',
    },
  },
  bands: [0.15, 0.3, 0.5],
  evaluate(ctx, p) {
    const pc = ctx.paidCur;
    const rc = ctx.recvCur;
    if (pc === rc || ctx.base < p.minBase || ctx.paidMinor <= 0) return 0;
    const fx = ctx.fx;
    const rate = fx.major(ctx.recvMinor, rc) / fx.major(ctx.paidMinor, pc);
    let ref: number | undefined;
    const supplied = ctx.fxRates;
    if (supplied !== undefined) {
      const up = supplied.usdPerUnit(fx.codes[pc]!, ctx.ts);
      const ur = supplied.usdPerUnit(fx.codes[rc]!, ctx.ts);
      if (up !== undefined && ur !== undefined && ur > 0) ref = up / ur;
    }
    // A metal-valued unit is judged against its metal value, not against what it trades at.
    if (ref === undefined && (fx.intrinsic(pc) || fx.intrinsic(rc)) && fx.goldKnown()) {
      if (!fx.trusted(fx.intrinsic(pc) ? rc : pc)) return 0;
      ref = fx.tableRate(pc, rc);
    }
    if (ref === undefined && fx.samples(pc, rc) >= p.minSamples) ref = fx.observedRate(pc, rc);
    if (ref === undefined && fx.samples(rc, pc) >= p.minSamples) {
      const inv = fx.observedRate(rc, pc);
      if (inv !== undefined && inv > 0) ref = 1 / inv;
    }
    if (ref === undefined) {
      // The built-in table is a rough guess: no judgement until both values were learned from the feed.
      if (!fx.trusted(pc) || !fx.trusted(rc)) return 0;
      ref = fx.tableRate(pc, rc);
    }
    const dev = Math.abs(rate / ref - 1);
    ctx.add(ctx.seq);
    ctx.anchor = ctx.to; // the common counterparty (exchange office) of an FX scheme
    return dev;
  },
};
