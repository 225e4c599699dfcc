import type { Detector } from '../detector.ts';
import { isBusiness } from '../state.ts';
import { FAN_SCHEMA, type FanParams } from './fan-out.ts';

/**
 * Detector 2, FAN-IN: the number of distinct accounts that paid the payee within the window, counting only
 * similar legs (same instrument, amount within a factor of the current one) from non-business payers. Silent on
 * busy or merchant-like payees (many payers is normal for a shop) and on batch credits.
 */
export const fanInDetector: Detector<FanParams> = {
  id: 'fan-in',
  number: 2,
  version: '1.0.0',
  title: 'Fan-in',
  unit: 'distinct payers',
  configSchema: FAN_SCHEMA,
  bands: [4, 7, 10],
  evaluate(ctx, p) {
    const { acc, ring } = ctx;
    const b = ctx.to;
    if (b === ctx.from || ctx.base < p.minBase) return 0;
    if (acc.inCount[b]! > p.maxLifetime || acc.rate(b, ctx.ts) > ctx.busyRate) return 0;
    const cutoff = ctx.ts - p.windowMs;
    const lo = ctx.base / p.amountSpread;
    const hi = ctx.base * p.amountSpread;
    const minSeq = ring.minSeq();
    const mask = ring.mask;
    // A business centre counts only foreign counterparties: domestic payroll, suppliers and customers are its trade.
    const home = isBusiness(acc.entity[b]!) ? acc.country[b]! : -1;
    const epoch = acc.nextEpoch();
    let distinct = 0;
    let scanned = 0;
    let sameTs = 0;
    for (let s = acc.lastIn[b] ?? -1; s >= minSeq && scanned < p.maxScan; s = ring.prevIn[s & mask] ?? -1) {
      const i = s & mask;
      const t = ring.ts[i] ?? 0;
      if (t < cutoff) break;
      scanned++;
      const from = ring.from[i] ?? 0;
      const bs = ring.base[i]!;
      // Businesses paying a person (salary, refunds, invoices) are not the smurfs of a collection pattern.
      if (from === b || bs < p.minBase || bs < lo || bs > hi || ring.format[i] !== ctx.format) continue;
      if (p.individualsOnly >= 1 && isBusiness(acc.entity[from]!)) continue;
      if (home >= 0 && (home === 0 || acc.country[from] === home)) continue;
      if (t === ctx.ts) sameTs++;
      ctx.add(s);
      if (acc.stamp[from] !== epoch) {
        acc.stamp[from] = epoch;
        distinct++;
      }
    }
    if (distinct > p.maxDegree || scanned >= p.maxScan) return 0;
    // One file of many legs booked at the same instant is a batch (payroll, settlement), whatever its size.
    if (distinct >= 2 && sameTs >= p.batchShare * scanned) return 0;
    ctx.anchor = b;
    return distinct;
  },
};
