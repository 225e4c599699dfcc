import { FMT } from './amlworld-text.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, type PatternContext } from './laundering-plan.ts';
import { intBetween, logNormal, pick } from './sampling.ts';
import { ROLE } from './world.ts';

/**
 * IBM AMLworld's eight laundering patterns (Altman et al., NeurIPS 2023, §3.2), planted on existing accounts:
 * fan-out, fan-in, cycle, scatter-gather, gather-scatter, bipartite, stack and random (a layering walk).
 * Degrees, hop counts and time spans follow the paper's descriptions (degree ≤ 16, ≤ 10 hops, within days).
 */

const LAUNDERING_FORMATS = [
  FMT.ACH,
  FMT.ACH,
  FMT.Wire,
  FMT.Cheque,
  FMT.Cash,
  FMT['Credit Card'],
  FMT.Bitcoin,
] as const;

function format(ctx: PatternContext): number {
  return pick(ctx.rng, LAUNDERING_FORMATS);
}

/** Launderers use people's and firms' accounts (incl. fronts: shops, employers, exchange houses, NPOs), not
 * utilities' or government bodies'. */
function launderer(ctx: PatternContext, a: number): boolean {
  const r = ctx.world.role[a];
  return r !== ROLE.government && r !== ROLE.biller;
}

function accounts(ctx: PatternContext, n: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = ctx.account((x) => launderer(ctx, x));
    if (a >= 0) list.push(a);
  }
  return list;
}

/** One account pays k others over a few days. */
export function fanOut(ctx: PatternContext): void {
  const p = ctx.begin('FAN-OUT');
  const [src, ...dst] = accounts(ctx, 1 + intBetween(ctx.rng, 4, 16));
  if (src === undefined) return;
  const planned = intBetween(ctx.rng, 1, 5) * DAY_MS;
  const span = planned * ctx.fit(planned);
  const t0 = ctx.startTime(span);
  const unit = logNormal(ctx.rng, 4000, 0.8);
  const fmt = format(ctx);
  for (const d of dst) ctx.leg(p, ctx.daytime(t0 + ctx.rng.next() * span), src, d, ctx.near(unit, 0.3), fmt);
}

/** k accounts pay one account over a few days. */
export function fanIn(ctx: PatternContext): void {
  const p = ctx.begin('FAN-IN');
  const [dst, ...src] = accounts(ctx, 1 + intBetween(ctx.rng, 4, 16));
  if (dst === undefined) return;
  const planned = intBetween(ctx.rng, 1, 5) * DAY_MS;
  const span = planned * ctx.fit(planned);
  const t0 = ctx.startTime(span);
  const unit = logNormal(ctx.rng, 4000, 0.8);
  const fmt = format(ctx);
  for (const s of src) ctx.leg(p, ctx.daytime(t0 + ctx.rng.next() * span), s, dst, ctx.near(unit, 0.3), fmt);
}

/** Funds go round a simple cycle of 3–10 accounts and come back to the origin, a little less each hop. */
export function cycle(ctx: PatternContext): void {
  const p = ctx.begin('CYCLE');
  const ring = accounts(ctx, intBetween(ctx.rng, 3, 10));
  if (ring.length < 2) return;
  const f = ctx.fit(ring.length * 30 * HOUR_MS);
  let t = ctx.startTime(ring.length * 30 * HOUR_MS * f);
  let usd = logNormal(ctx.rng, 15000, 0.8);
  const fmt = format(ctx);
  for (let i = 0; i < ring.length; i++) {
    ctx.leg(p, t, ring[i] ?? -1, ring[(i + 1) % ring.length] ?? -1, usd, fmt);
    t += intBetween(ctx.rng, 60, 30 * 60) * MINUTE_MS * f;
    usd *= 1 - ctx.rng.next() * 0.05;
  }
}

/** Source scatters to 3–8 intermediaries, which all gather into one destination later. */
export function scatterGather(ctx: PatternContext): void {
  const p = ctx.begin('SCATTER-GATHER');
  const [src, dst] = accounts(ctx, 2);
  if (src === undefined || dst === undefined) return;
  // intermediaries: half of them money mules whose accounts were opened for the purpose (no history)
  const mid: number[] = [];
  for (let i = intBetween(ctx.rng, 3, 8); i > 0; i--) {
    const m = ctx.rng.next() < 0.5 ? ctx.freshAccount() : -1;
    const a = m >= 0 ? m : ctx.account((x) => launderer(ctx, x));
    if (a >= 0) mid.push(a);
  }
  const f = ctx.fit(3 * DAY_MS);
  const t0 = ctx.startTime(3 * DAY_MS * f);
  const unit = logNormal(ctx.rng, 5000, 0.8);
  const fmt = format(ctx);
  for (const m of mid) {
    const usd = ctx.near(unit, 0.15);
    const t1 = t0 + ctx.rng.next() * DAY_MS * f;
    ctx.leg(p, t1, src, m, usd, fmt);
    ctx.leg(p, t1 + (2 + ctx.rng.next() * 46) * HOUR_MS * f, m, dst, usd * (1 - ctx.rng.next() * 0.04), fmt);
  }
}

/** Many sources gather into a hub, which then scatters to many destinations. */
export function gatherScatter(ctx: PatternContext): void {
  const p = ctx.begin('GATHER-SCATTER');
  const nIn = intBetween(ctx.rng, 3, 10);
  const nOut = intBetween(ctx.rng, 3, 10);
  const [hub, ...rest] = accounts(ctx, 1 + nIn + nOut);
  if (hub === undefined) return;
  const src = rest.slice(0, nIn);
  const dst = rest.slice(nIn);
  const f = ctx.fit(4 * DAY_MS);
  const t0 = ctx.startTime(4 * DAY_MS * f);
  const unit = logNormal(ctx.rng, 4000, 0.8);
  const fmt = format(ctx);
  let total = 0;
  for (const s of src) {
    const usd = ctx.near(unit, 0.3);
    total += usd;
    ctx.leg(p, t0 + ctx.rng.next() * 2 * DAY_MS * f, s, hub, usd, fmt);
  }
  const outUnit = (total * 0.95) / Math.max(1, dst.length);
  for (const d of dst)
    ctx.leg(p, t0 + (2 + ctx.rng.next() * 2) * DAY_MS * f, hub, d, ctx.near(outUnit, 0.2), fmt);
}

/** Edges from a set of payers to a set of payees, at least half of all pairs, every account used. */
function bipartiteLayer(
  ctx: PatternContext,
  p: number,
  a: readonly number[],
  b: readonly number[],
  t0: number,
  f: number,
  unit: number,
  fmt: number,
): void {
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const forced = j === i % b.length || i === j % a.length;
      if (forced || ctx.rng.next() < 0.6) {
        ctx.leg(
          p,
          ctx.daytime(t0 + ctx.rng.next() * 2 * DAY_MS * f),
          a[i] ?? -1,
          b[j] ?? -1,
          ctx.near(unit, 0.3),
          fmt,
        );
      }
    }
  }
}

/** A set of 2–5 payers pays a set of 2–5 payees. */
export function bipartite(ctx: PatternContext): void {
  const p = ctx.begin('BIPARTITE');
  const na = intBetween(ctx.rng, 2, 5);
  const all = accounts(ctx, na + intBetween(ctx.rng, 2, 5));
  const f = ctx.fit(2 * DAY_MS);
  const t0 = ctx.startTime(2 * DAY_MS * f);
  bipartiteLayer(ctx, p, all.slice(0, na), all.slice(na), t0, f, logNormal(ctx.rng, 4000, 0.8), format(ctx));
}

/** Two bipartite layers in sequence: A pays B, then B pays C. */
export function stack(ctx: PatternContext): void {
  const p = ctx.begin('STACK');
  const na = intBetween(ctx.rng, 2, 4);
  const nb = intBetween(ctx.rng, 2, 4);
  const all = accounts(ctx, na + nb + intBetween(ctx.rng, 2, 4));
  const f = ctx.fit(5 * DAY_MS);
  const t0 = ctx.startTime(5 * DAY_MS * f);
  const unit = logNormal(ctx.rng, 4000, 0.8);
  const fmt = format(ctx);
  bipartiteLayer(ctx, p, all.slice(0, na), all.slice(na, na + nb), t0, f, unit, fmt);
  bipartiteLayer(
    ctx,
    p,
    all.slice(na, na + nb),
    all.slice(na + nb),
    t0 + 3 * DAY_MS * f,
    f,
    unit * 0.95,
    fmt,
  );
}

/** A random layering walk: funds hop through 3–10 accounts without returning. */
export function randomWalk(ctx: PatternContext): void {
  const p = ctx.begin('RANDOM');
  const chain = accounts(ctx, 1 + intBetween(ctx.rng, 3, 10));
  const f = ctx.fit(chain.length * 30 * HOUR_MS);
  let t = ctx.startTime(chain.length * 30 * HOUR_MS * f);
  let usd = logNormal(ctx.rng, 10000, 0.8);
  const fmt = format(ctx);
  for (let i = 0; i + 1 < chain.length; i++) {
    ctx.leg(p, t, chain[i] ?? -1, chain[i + 1] ?? -1, usd, fmt);
    t += intBetween(ctx.rng, 60, 30 * 60) * MINUTE_MS * f;
    usd *= 1 - ctx.rng.next() * 0.06;
  }
}
