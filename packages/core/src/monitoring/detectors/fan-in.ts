import type { Detector } from '../detector.ts';
import { ENTITY_GOVERNMENT, isBusiness } from '../state.ts';
import { abroad, FAN_IN_SIDE, FAN_SCHEMA, type FanParams, fanDegree } from './fan-out.ts';

/**
 * Detector 2, FAN-IN: the number of distinct accounts that paid the payee within the window, counting only
 * similar legs (same instrument, amount within a factor of the current one) from non-business payers, or from
 * any payer when far above the payee's own baseline (fanDegree). Silent on
 * busy or merchant-like payees (many payers is normal for a shop) and on batch credits. AMLworld builds a fan-in
 * as the mirror of a fan-out (one unit ±30 %, payers picked across banks and countries), so the fan-out's group
 * band (v1.3.0) and its smaller legs across borders (v1.4.0) apply on this side too; from v1.5.0 the current leg
 * may be one of them (USD 600 up to minBase, from a payer abroad), so a fan whose unit is small is seen at all.
 * From v1.6.0 a busy firm (not a state body) is judged too, on its credits from abroad and its payers abroad.
 */
export const fanInDetector: Detector<FanParams> = {
  id: 'fan-in',
  number: 2,
  version: '1.6.0',
  title: 'Fan-in',
  unit: 'distinct payers',
  configSchema: {
    ...FAN_SCHEMA,
    groupSpread: { ...FAN_SCHEMA.groupSpread, default: 1.86 },
    minBaseAbroad: { ...FAN_SCHEMA.minBaseAbroad, default: 600 },
    minCurrentAbroad: { ...FAN_SCHEMA.minCurrentAbroad, default: 600 },
  },
  bands: [4, 7, 10],
  evaluate(ctx, p) {
    const b = ctx.to;
    if (b === ctx.from) return 0;
    // AMLworld draws one unit per fan (median USD 4,000): a fan of legs all below minBase is as much a fan, and its
    // payers, picked across banks, are mostly abroad; a small credit from home stays everyday life.
    if (ctx.base < p.minBase && (ctx.base < p.minCurrentAbroad || !abroad(ctx.acc, b, ctx.from))) return 0;
    // A busy account is silent unless it is known to be a firm (accounts.csv), which counts only its payers abroad
    // (fanDegree): a burst of them paying it alike is no ordinary takings (v1.6.0). It is judged on its credits from
    // abroad only (one from home is its trade and cannot count in a cut walk; the fan is judged at its own legs), so
    // the walk runs for the few credits that can be part of a fan. A state body (fees paid from abroad) stays silent.
    if (ctx.acc.inCount(b) > p.maxLifetime || ctx.acc.rate(b, ctx.ts) > ctx.busyRate) {
      const e = ctx.acc.entity(b);
      if (!isBusiness(e) || e === ENTITY_GOVERNMENT || !abroad(ctx.acc, b, ctx.from)) return 0;
    }
    return fanDegree(ctx, p, b, FAN_IN_SIDE);
  },
};
