import { DAY, type Detector, type EvalContext, HOUR } from '../detector.ts';
import { type AccountTable, CREDITS, FORMAT_EPOCH_MS, isBusiness, PAYMENTS } from '../state.ts';

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
  readonly groupSpread: number;
  readonly minBaseAbroad: number;
  readonly minCurrentAbroad: number;
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
  minBaseAbroad: {
    default: 1_000,
    min: 0,
    max: 1e9,
    unit: 'USD',
    description:
      'legs from this up to minBase count only to or from an account in another country; the current leg must reach minBase',
  },
  minCurrentAbroad: {
    default: 1_000,
    min: 0,
    max: 1e9,
    unit: 'USD',
    description:
      'the current leg may lie from this up to minBase when it crosses a border; at or above minBase: off',
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
      '1: counterparties known (accounts.csv) to be a company, government or MSB are not counted unless abroad (foreignBusinesses)',
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
  groupSpread: {
    default: 0,
    min: 0,
    max: 1000,
    unit: 'factor',
    description:
      'also count the largest group of similar legs whose amounts lie within this factor of each other and around the current one (judged against the group, not the current leg); 0: off',
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
// Scratch: candidate legs (near or within the wide band) for the group-band count, sorted by amount.
const GROUP = new Int32Array(1024);
const GROUP_AMT = new Float64Array(1024);

/** Both countries are known (banks.csv) and differ. */
export function abroad(acc: AccountTable, a: number, c: number): boolean {
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
  // Every leg the walk counts has the current leg's format: with no other leg of it in the window the degree is at
  // most 1, below any floor above 1 (decision 0019).
  if (
    ctx.floor > 1 &&
    p.windowMs <= FORMAT_EPOCH_MS &&
    !acc.mayHaveFormat(a, out ? PAYMENTS : CREDITS, ctx.format, ctx.ts)
  )
    return 0;
  const cutoff = ctx.ts - p.windowMs;
  const minSeq = ring.minSeq();
  const mask = ring.mask;
  const lo = ctx.base / p.amountSpread;
  const hi = ctx.base * p.amountSpread;
  // Legs far above the centre's baseline are judged with a wider spread: the baseline test is the strong one.
  const small = Math.min(p.minBase, p.minBaseAbroad);
  const group = p.groupSpread > 0;
  const lo2 = group
    ? Math.min(ctx.base / p.groupSpread, ctx.base / (p.amountSpread * WIDE))
    : ctx.base / (p.amountSpread * WIDE);
  const hi2 = group
    ? Math.max(ctx.base * p.groupSpread, ctx.base * p.amountSpread * WIDE)
    : ctx.base * p.amountSpread * WIDE;
  // A business centre counts only foreign counterparties: domestic payroll, suppliers and customers are its trade.
  const home = isBusiness(acc.entity(a)) ? acc.country(a) : -1;
  const epoch = acc.nextEpoch();
  let distinct = 0;
  let scanned = 0;
  let sameTs = 0;
  let nRoutine = 0;
  let nGroup = 0;
  let nFar = 0;
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
    if (b < small || b < lo2 || b > hi2 || ring.format(i) !== ctx.format) continue;
    // Smaller legs count only across a border (minBaseAbroad): laundering fans pick accounts across countries.
    if (b < p.minBase && !abroad(acc, a, c)) continue;
    const near = b >= lo && b <= hi;
    // Outside the near band only a firm's routine legs, or a group (judged later), can count: for any other centre
    // skip the payee's state. A group candidate's payee is checked only if its group would raise the degree.
    if (!near && home < 0) {
      if (group) {
        GROUP[nGroup] = ~s;
        GROUP_AMT[nGroup++] = b;
        nFar++;
      }
      continue;
    }
    // Paying businesses (suppliers, bills) or being paid by them (salary, invoices) is trade; people are the pattern.
    // A firm abroad is not everyday trade for a person: laundering fans mix people and firms across borders.
    const business = isBusiness(acc.entity(c));
    if (p.individualsOnly >= 1 && business && !(p.foreignBusinesses >= 1 && abroad(acc, a, c))) continue;
    // (a counterparty whose country is not known is not counted as abroad, as in `abroad`)
    if (home >= 0 && (home === 0 || acc.country(c) === home || acc.country(c) === 0)) {
      // A firm's domestic people (staff, customers) are reconsidered against its baseline below.
      if (!business && !out) ROUTINE[nRoutine++] = s;
      continue;
    }
    if (group) {
      GROUP[nGroup] = s;
      GROUP_AMT[nGroup++] = b;
    }
    if (!near) {
      nFar++;
      continue;
    }
    if (t === ctx.ts) sameTs++;
    ctx.add(s);
    if (acc.stamp[c] !== epoch) {
      acc.stamp[c] = epoch;
      distinct++;
    }
  }
  // The baseline is measured only when legs were set aside (rare: a firm's domestic people paying it like amounts)
  // and the walk did not hit maxScan (a cut walk has no baseline: a person's centre is then silent, a firm's counts
  // its counterparties abroad only): a second pass over the same legs, so the common walk computes no logarithms.
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
  if (nFar > 0 && scanned < p.maxScan)
    distinct = groupDegree(ctx, p, a, nGroup, distinct, out, first, scanned);
  // A walk cut by maxScan marks a business-like account: silent. A firm is known to be one, and counted only its
  // counterparties abroad, so what the cut walk found is a lower bound on its foreign fan, not noise (paying out
  // since fan-out v1.3.0; being paid since fan-in v1.6.0).
  if (distinct > p.maxDegree || (scanned >= p.maxScan && home < 0)) return 0;
  // One file of many legs booked at the same instant is a batch (payroll, settlement), whatever its size.
  if (distinct >= 2 && sameTs >= p.batchShare * scanned) return 0;
  ctx.anchor = a;
  return distinct;
}

/**
 * The group band: AMLworld spreads a fan's legs ±30 % around one unit, so judged against its smallest or largest
 * leg (within `amountSpread`) a four-leg fan can count only three. Here the legs are judged against each other: the
 * most distinct counterparties whose legs all lie within `groupSpread` of the group's smallest and whose range
 * holds the current amount. Run only when a candidate fell outside the near band; its legs become evidence.
 */
function groupDegree(
  ctx: EvalContext,
  p: FanParams,
  a: number,
  n: number,
  distinct: number,
  out: boolean,
  first: number,
  scanned: number,
): number {
  const { acc, ring } = ctx;
  const mask = ring.mask;
  // Legs per counterparty over the whole walk (any amount or instrument): a laundering fan pays each account once,
  // while people's own payees (family, landlord, savings) recur. Only counterparties paid once join a group.
  const epoch = acc.nextEpoch();
  let k = 0;
  for (let s = first; k < scanned; s = out ? ring.prevOut(s & mask) : ring.prevIn(s & mask)) {
    k++;
    const c = out ? ring.to(s & mask) : ring.from(s & mask);
    if (acc.stamp[c] !== epoch) {
      acc.stamp[c] = epoch;
      acc.counter[c] = 0;
    }
    acc.counter[c]!++;
  }
  let m = 0;
  for (let j = 0; j < n; j++) {
    const g = GROUP[j]!;
    const s = g < 0 ? ~g : g;
    if (acc.counter[out ? ring.to(s & mask) : ring.from(s & mask)] !== 1) continue;
    GROUP[m] = g;
    GROUP_AMT[m++] = GROUP_AMT[j]!;
  }
  if (m <= distinct) return distinct;
  // insertion sort by amount: m ≤ maxScan and small in practice
  for (let i = 1; i < m; i++) {
    const g = GROUP[i]!;
    const b = GROUP_AMT[i]!;
    let j = i - 1;
    while (j >= 0 && GROUP_AMT[j]! > b) {
      GROUP[j + 1] = GROUP[j]!;
      GROUP_AMT[j + 1] = GROUP_AMT[j]!;
      j--;
    }
    GROUP[j + 1] = g;
    GROUP_AMT[j + 1] = b;
  }
  if (widestRun(ctx.base, p.groupSpread, m) <= distinct) return distinct;
  // Worth it: now drop the unchecked legs (outside the near band) to a person's domestic firms, as the walk does.
  let kept = 0;
  for (let j = 0; j < m; j++) {
    const g = GROUP[j]!;
    if (g < 0) {
      const c = out ? ring.to(~g & mask) : ring.from(~g & mask);
      const business = isBusiness(acc.entity(c));
      if (p.individualsOnly >= 1 && business && !(p.foreignBusinesses >= 1 && abroad(acc, a, c))) continue;
    }
    GROUP[kept] = g < 0 ? ~g : g;
    GROUP_AMT[kept++] = GROUP_AMT[j]!;
  }
  const best = widestRun(ctx.base, p.groupSpread, kept);
  if (best <= distinct) return distinct;
  for (let i = RUN.lo; i < RUN.lo + best; i++) ctx.add(GROUP[i]!);
  return best;
}

const RUN = { lo: 0 };

/**
 * The longest run of the first `m` sorted amounts within `spread` of its smallest that holds `cur`; its start in
 * RUN.lo. Each leg is a distinct counterparty (paid once in the walk), so the run's length is its degree.
 */
function widestRun(cur: number, spread: number, m: number): number {
  let best = 0;
  let hiEnd = 0;
  for (let l = 0; l < m; l++) {
    const floor = GROUP_AMT[l]!;
    if (floor > cur) break;
    if (floor * spread < cur) continue;
    while (hiEnd < m && GROUP_AMT[hiEnd]! <= floor * spread) hiEnd++;
    if (hiEnd - l > best) {
      best = hiEnd - l;
      RUN.lo = l;
    }
  }
  return best;
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
  version: '1.5.0',
  title: 'Fan-out',
  unit: 'distinct payees',
  configSchema: {
    ...FAN_SCHEMA,
    groupSpread: { ...FAN_SCHEMA.groupSpread, default: 1.86 },
    minBaseAbroad: { ...FAN_SCHEMA.minBaseAbroad, default: 800 },
  },
  bands: [4, 7, 10],
  evaluate(ctx, p) {
    const a = ctx.from;
    if (a === ctx.to || ctx.base < p.minBase) return 0;
    if (ctx.acc.outCount(a) > p.maxLifetime || ctx.acc.rate(a, ctx.ts) > ctx.busyRate) return 0;
    return fanDegree(ctx, p, a, FAN_OUT_SIDE);
  },
};
