import { DAY, type Detector, HOUR } from '../detector.ts';
import { isBusiness } from '../state.ts';

export type FanParams = {
  readonly windowMs: number;
  readonly maxScan: number;
  readonly maxDegree: number;
  readonly minBase: number;
  readonly batchShare: number;
  readonly amountSpread: number;
  readonly maxLifetime: number;
  readonly individualsOnly: number;
};

export const FAN_SCHEMA = {
  windowMs: { default: 4 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'sliding window' },
  maxScan: { default: 64, min: 4, max: 1024, unit: 'transactions', description: 'most recent legs examined' },
  maxDegree: {
    default: 30,
    min: 2,
    max: 10_000,
    unit: 'counterparties',
    description:
      'above this the account behaves like a business (payroll, merchant) and the detector stays silent',
  },
  minBase: {
    default: 1_000,
    min: 0,
    max: 1e9,
    unit: 'USD',
    description: 'legs below this are ignored (materiality)',
  },
  amountSpread: {
    default: 1.5,
    min: 1,
    max: 1000,
    unit: 'factor',
    description: 'only legs of the same payment format within this factor of the current amount count',
  },
  maxLifetime: {
    default: 150,
    min: 1,
    max: 1e9,
    unit: 'transactions',
    description: 'accounts with more lifetime legs on this side behave like businesses: silent',
  },
  individualsOnly: {
    default: 1,
    min: 0,
    max: 1,
    unit: 'flag',
    description:
      '1: silent when the centre account is known (accounts.csv) to be a company, government, NPO or MSB',
  },
  batchShare: {
    default: 0.9,
    min: 0,
    max: 1,
    unit: 'share',
    description: 'legs sharing one timestamp above this share look like a payroll/settlement batch: silent',
  },
} as const;

/**
 * Detector 1, FAN-OUT: the number of distinct accounts the payer paid within the window, counting only similar
 * legs (same instrument, amount within a factor of the current one, above materiality) to non-business payees.
 * Silent on busy or high-degree payers and on batch files (payroll), the classic false-positive traps.
 */
export const fanOutDetector: Detector<FanParams> = {
  id: 'fan-out',
  number: 1,
  version: '1.0.0',
  title: 'Fan-out',
  unit: 'distinct payees',
  configSchema: FAN_SCHEMA,
  bands: [4, 7, 10],
  evaluate(ctx, p) {
    const { acc, ring } = ctx;
    const a = ctx.from;
    if (a === ctx.to || ctx.base < p.minBase) return 0;
    if (acc.outCount[a]! > p.maxLifetime || acc.rate(a, ctx.ts) > ctx.busyRate) return 0;
    const cutoff = ctx.ts - p.windowMs;
    const lo = ctx.base / p.amountSpread;
    const hi = ctx.base * p.amountSpread;
    const minSeq = ring.minSeq();
    const mask = ring.mask;
    // A business centre counts only foreign counterparties: domestic payroll, suppliers and customers are its trade.
    const home = isBusiness(acc.entity[a]!) ? acc.country[a]! : -1;
    const epoch = acc.nextEpoch();
    let distinct = 0;
    let scanned = 0;
    let sameTs = 0;
    for (let s = acc.lastOut[a] ?? -1; s >= minSeq && scanned < p.maxScan; s = ring.prevOut[s & mask] ?? -1) {
      const i = s & mask;
      const t = ring.ts[i] ?? 0;
      if (t < cutoff) break;
      scanned++;
      const to = ring.to[i] ?? 0;
      const b = ring.base[i]!;
      if (to === a || b < p.minBase || b < lo || b > hi || ring.format[i] !== ctx.format) continue;
      // Paying businesses (suppliers, bills) is trade; dispersal to people is the pattern.
      if (p.individualsOnly >= 1 && isBusiness(acc.entity[to]!)) continue;
      if (home >= 0 && (home === 0 || acc.country[to] === home)) continue;
      if (t === ctx.ts) sameTs++;
      ctx.add(s);
      if (acc.stamp[to] !== epoch) {
        acc.stamp[to] = epoch;
        distinct++;
      }
    }
    if (distinct > p.maxDegree || scanned >= p.maxScan) return 0;
    // One file of many legs booked at the same instant is a batch (payroll, settlement), whatever its size.
    if (distinct >= 2 && sameTs >= p.batchShare * scanned) return 0;
    ctx.anchor = a;
    return distinct;
  },
};
