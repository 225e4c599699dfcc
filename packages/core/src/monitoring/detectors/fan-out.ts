import { DAY, type Detector, type EvalContext, HOUR } from '../detector.ts';
import { type AccountTable, isBusiness } from '../state.ts';

export type FanParams = {
  readonly windowMs: number;
  readonly maxScan: number;
  readonly maxDegree: number;
  readonly minBase: number;
  readonly batchShare: number;
  readonly amountSpread: number;
  readonly maxLifetime: number;
  readonly individualsOnly: number;
  readonly baselineFactor: number;
  readonly foreignBusinesses: number;
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
  baselineFactor: {
    default: 20,
    min: 0,
    max: 1e6,
    unit: 'factor',
    description:
      "legs this many times above the centre's own typical leg count even where its trade is excluded (businesses, domestic counterparties of a firm); 0: never",
  },
  foreignBusinesses: {
    default: 1,
    min: 0,
    max: 1,
    unit: 'flag',
    description:
      '1: a business counterparty in another country than the centre counts (domestic firms are trade: bills, shops, salary)',
  },
  batchShare: {
    default: 0.9,
    min: 0,
    max: 1,
    unit: 'share',
    description: 'legs sharing one timestamp above this share look like a payroll/settlement batch: silent',
  },
} as const;

/** Legs of the centre outside the burst needed before their typical amount is trusted as its baseline. */
const MIN_BASELINE_LEGS = 3;
/** Extra amount spread for legs judged against the baseline (AMLworld fans vary ±30 %: a factor of 1.86). */
const WIDE = 1.3;
// Scratch: legs set aside as the centre's ordinary trade, reconsidered against its baseline (maxScan ≤ 1024).
const ROUTINE = new Int32Array(1024);

/** Both countries are known (banks.csv) and differ. */
function abroad(acc: AccountTable, a: number, c: number): boolean {
  const home = acc.country(a);
  const there = acc.country(c);
  return home !== 0 && there !== 0 && home !== there;
}

/** Which side of the centre a fan walks: its payments (fan-out) or its credits (fan-in). */
export const FAN_OUT_SIDE = 0;
export const FAN_IN_SIDE = 1;

/**
 * The walk shared by FAN-OUT and FAN-IN: distinct counterparties of centre `a` on one side within the window,
 * counting only legs like the current one (same instrument, amount within a factor, above materiality). Legs that
 * look like the centre's trade (businesses for a person; domestic counterparties for a firm) are set aside and
 * still count when they are far above the centre's own typical leg: the per-account baseline, measured on its
 * other legs in the window (or, for payments, its whole history). A shop paid USD 45 a time by its customers
 * does not normally take USD 4,000 card payments from six of them in two days.
 */
export function fanDegree(ctx: EvalContext, p: FanParams, a: number, side: number): number {
  const { acc, ring } = ctx;
  const out = side === FAN_OUT_SIDE;
  const cutoff = ctx.ts - p.windowMs;
  const minSeq = ring.minSeq();
  const mask = ring.mask;
  const lo = ctx.base / p.amountSpread;
  const hi = ctx.base * p.amountSpread;
  // Legs far above the centre's baseline are judged with a wider spread: the baseline test is the strong one.
  const lo2 = ctx.base / (p.amountSpread * WIDE);
  const hi2 = ctx.base * p.amountSpread * WIDE;
  // A business centre counts only foreign counterparties: domestic payroll, suppliers and customers are its trade.
  const home = isBusiness(acc.entity(a)) ? acc.country(a) : -1;
  const epoch = acc.nextEpoch();
  let distinct = 0;
  let scanned = 0;
  let sameTs = 0;
  let nRoutine = 0;
  const first = out ? acc.lastOut(a) : acc.lastIn(a);
  for (
    let s = first;
    s >= minSeq && scanned < p.maxScan;
    s = out ? ring.prevOut(s & mask) : ring.prevIn(s & mask)
  ) {
    const i = s & mask;
    const t = ring.ts(i);
    if (t < cutoff) break;
    scanned++;
    const c = out ? ring.to(i) : ring.from(i);
    if (c === a) continue;
    const b = ring.base(i);
    if (b < p.minBase || b < lo2 || b > hi2 || ring.format(i) !== ctx.format) continue;
    const near = b >= lo && b <= hi;
    // Outside the near band only a firm's routine legs can count: for any other centre skip the payee's state.
    if (!near && home < 0) continue;
    // Paying businesses (suppliers, bills) or being paid by them (salary, invoices) is trade; people are the pattern.
    // A firm abroad is not everyday trade for a person: laundering fans mix people and firms across borders.
    const business = isBusiness(acc.entity(c));
    if (p.individualsOnly >= 1 && business && !(p.foreignBusinesses >= 1 && abroad(acc, a, c))) continue;
    if (home >= 0 && (home === 0 || acc.country(c) === home)) {
      // A firm's domestic people (staff, customers) are reconsidered against its baseline below.
      if (!business && !out) ROUTINE[nRoutine++] = s;
      continue;
    }
    if (!near) continue;
    if (t === ctx.ts) sameTs++;
    ctx.add(s);
    if (acc.stamp[c] !== epoch) {
      acc.stamp[c] = epoch;
      distinct++;
    }
  }
  // The baseline is measured only when legs were set aside (rare: a firm's domestic people paying it like amounts)
  // and the walk did not hit maxScan (then the detector is silent anyway): a second pass over the same legs, so
  // the common walk computes no logarithms.
  if (nRoutine > 0 && p.baselineFactor > 0 && scanned < p.maxScan) {
    let otherLog = 0;
    let nOther = 0;
    let n = 0;
    for (
      let s = first;
      s >= minSeq && n < scanned;
      s = out ? ring.prevOut(s & mask) : ring.prevIn(s & mask)
    ) {
      const i = s & mask;
      n++;
      if ((out ? ring.to(i) : ring.from(i)) === a) continue;
      const b = ring.base(i);
      if (b < p.minBase || b < lo2 || b > hi2 || ring.format(i) !== ctx.format) {
        otherLog += Math.log(b + 1);
        nOther++;
      }
    }
    let typical = Number.POSITIVE_INFINITY;
    if (nOther >= MIN_BASELINE_LEGS) typical = Math.exp(otherLog / nOther) - 1;
    const floor = p.baselineFactor * typical;
    for (let k = 0; k < nRoutine; k++) {
      const s = ROUTINE[k]!;
      const i = s & mask;
      if (ring.base(i) < floor) continue;
      const c = out ? ring.to(i) : ring.from(i);
      if (ring.ts(i) === ctx.ts) sameTs++;
      ctx.add(s);
      if (acc.stamp[c] !== epoch) {
        acc.stamp[c] = epoch;
        distinct++;
      }
    }
  }
  // A walk cut by maxScan marks a business-like account: silent. A firm paying out is known to be one, and counted
  // only its payees abroad, so what the cut walk found is a lower bound on its foreign fan, not noise.
  if (distinct > p.maxDegree || (scanned >= p.maxScan && !(out && home >= 0))) return 0;
  // One file of many legs booked at the same instant is a batch (payroll, settlement), whatever its size.
  if (distinct >= 2 && sameTs >= p.batchShare * scanned) return 0;
  ctx.anchor = a;
  return distinct;
}

/**
 * Detector 1, FAN-OUT: the number of distinct accounts the payer paid within the window, counting only similar
 * legs (same instrument, amount within a factor of the current one, above materiality) to non-business payees,
 * or to any payee when far above the payer's own baseline. Silent on busy or high-degree payers and on batch
 * files (payroll), the classic false-positive traps.
 */
export const fanOutDetector: Detector<FanParams> = {
  id: 'fan-out',
  number: 1,
  version: '1.3.0',
  title: 'Fan-out',
  unit: 'distinct payees',
  configSchema: FAN_SCHEMA,
  bands: [4, 7, 10],
  evaluate(ctx, p) {
    const a = ctx.from;
    if (a === ctx.to || ctx.base < p.minBase) return 0;
    if (ctx.acc.outCount(a) > p.maxLifetime || ctx.acc.rate(a, ctx.ts) > ctx.busyRate) return 0;
    return fanDegree(ctx, p, a, FAN_OUT_SIDE);
  },
};
