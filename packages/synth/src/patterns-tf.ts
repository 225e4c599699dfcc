import { FMT, minorScale } from './amlworld-text.ts';
import { COUNTRIES, EXODUS_ORIGINS, EXODUS_TRANSIT, PREMIUM_OFFICE_COUNTRIES } from './geography.ts';
import { DAY_MS, HOUR_MS, type PatternContext } from './laundering-plan.ts';
import { between, intBetween, logNormal, pick } from './sampling.ts';
import { ROLE } from './world.ts';

/**
 * The seed article's terrorist-financing schemes as labelled pattern types:
 * - TF-EXODUS: an organisation losing its territory moves its money out of conflict zones and FATF-listed
 *   jurisdictions "to foreign countries, especially Europe", directly or through a transit hub;
 * - TF-CELL-FUNDING: one source pays many small, similar amounts to many new individual beneficiaries across
 *   borders (funding of sleeper cells);
 * - TF-FX-PREMIUM: residents are made to buy the organisation's gold dinars at an exchange office, at a price far
 *   above the gold they contain (the seed: more than $180 a dinar, ≈ $18M raised).
 */

const countryIndex = new Map(COUNTRIES.map((c, i) => [c.iso2, i]));
const EUROPE = COUNTRIES.flatMap((c, i) => (c.group === 'europe' ? [i] : []));

function inCountries(ctx: PatternContext, isos: readonly string[], accept?: (a: number) => boolean): number {
  const lists = isos
    .map((iso) => ctx.world.byCountry[countryIndex.get(iso) ?? -1])
    .filter((l) => l && l.length > 0);
  for (let tries = 0; tries < 20 && lists.length > 0; tries++) {
    const list = pick(ctx.rng, lists);
    if (!list) continue;
    const a = ctx.accountFrom(list, accept);
    if (a >= 0) return a;
  }
  return -1;
}

/** Not utilities' or government bodies' accounts. */
function launderer(ctx: PatternContext, a: number): boolean {
  const r = ctx.world.role[a];
  return r !== ROLE.government && r !== ROLE.biller;
}

function inEurope(ctx: PatternContext): number {
  for (let tries = 0; tries < 20; tries++) {
    const list = ctx.world.byCountry[pick(ctx.rng, EUROPE)];
    if (!list || list.length === 0) continue;
    const a = ctx.accountFrom(
      list,
      (x) => ctx.world.role[x] === ROLE.person || ctx.world.role[x] === ROLE.firm,
    );
    if (a >= 0) return a;
  }
  return -1;
}

export function exodus(ctx: PatternContext): void {
  const p = ctx.begin('TF-EXODUS');
  const sources = intBetween(ctx.rng, 1, 2);
  const origins: number[] = [];
  for (let i = 0; i < sources; i++) {
    const o = inCountries(ctx, EXODUS_ORIGINS, (a) => launderer(ctx, a));
    if (o >= 0) origins.push(o);
  }
  const targets: number[] = [];
  for (let i = intBetween(ctx.rng, 1, 3); i > 0; i--) {
    const t = inEurope(ctx);
    if (t >= 0) targets.push(t);
  }
  if (origins.length === 0 || targets.length === 0) return;
  const transit = ctx.rng.next() < 0.4 ? inCountries(ctx, EXODUS_TRANSIT) : -1;
  const f = ctx.fit(7 * DAY_MS);
  const t0 = ctx.startTime(7 * DAY_MS * f);
  const usdIdx = ctx.fx.currencyIndex('USD');
  const legs = intBetween(ctx.rng, 3, 8);
  for (let i = 0; i < legs; i++) {
    const from = pick(ctx.rng, origins);
    const to = pick(ctx.rng, targets);
    const usd = logNormal(ctx.rng, 18000, 0.6);
    const t = t0 + ctx.rng.next() * 5 * DAY_MS * f;
    // conflict-zone money often moves as dollars; Europe receives it in its own currency
    const paidIn = ctx.rng.next() < 0.5 ? usdIdx : undefined;
    if (transit >= 0) {
      ctx.leg(p, t, from, transit, usd, FMT.Wire, paidIn);
      ctx.leg(p, t + between(ctx.rng, 3, 40) * HOUR_MS * f, transit, to, usd * 0.97, FMT.Wire, usdIdx);
    } else {
      ctx.leg(p, t, from, to, usd, FMT.Wire, paidIn);
    }
  }
}

export function cellFunding(ctx: PatternContext): void {
  const p = ctx.begin('TF-CELL-FUNDING');
  const src = ctx.account((a) => {
    const r = ctx.world.role[a];
    return r === ROLE.npo || r === ROLE.msb || r === ROLE.person || r === ROLE.firm;
  });
  if (src < 0) return;
  const home = ctx.world.country[src];
  const n = intBetween(ctx.rng, 6, 15);
  const planned = between(ctx.rng, 0.5, 3) * DAY_MS;
  const span = planned * ctx.fit(planned);
  const t0 = ctx.startTime(span);
  const unit = between(ctx.rng, 300, 1500);
  for (let i = 0; i < n; i++) {
    const b = ctx.freshAccount((a) => ctx.world.country[a] !== home);
    if (b < 0) break;
    ctx.leg(
      p,
      ctx.daytime(t0 + ctx.rng.next() * span),
      src,
      b,
      ctx.near(unit, 0.06),
      ctx.rng.next() < 0.7 ? FMT.Wire : FMT.ACH,
    );
  }
}

export function fxPremium(ctx: PatternContext): void {
  const p = ctx.begin('TF-FX-PREMIUM');
  const office = inCountries(ctx, PREMIUM_OFFICE_COUNTRIES, (a) => {
    const r = ctx.world.role[a];
    return r === ROLE.msb || r === ROLE.firm || r === ROLE.merchant;
  });
  if (office < 0) return;
  const country = COUNTRIES[ctx.world.country[office] ?? 0]?.iso2 ?? 'SY';
  const xgd = ctx.fx.currencyIndex('XGD');
  const usdIdx = ctx.fx.currencyIndex('USD');
  const premium = between(ctx.rng, 1.3, 1.8);
  const n = intBetween(ctx.rng, 4, 10);
  const f = ctx.fit(3 * DAY_MS);
  const t0 = ctx.startTime(3 * DAY_MS * f);
  for (let i = 0; i < n; i++) {
    const buyer = inCountries(ctx, [country], (a) => ctx.world.role[a] === ROLE.person);
    if (buyer < 0) break;
    const ts = ctx.daytime(t0 + ctx.rng.next() * 3 * DAY_MS * f);
    const day = Math.floor((ts - ctx.start) / DAY_MS);
    const coins = intBetween(ctx.rng, 5, 120);
    const usd = coins * ctx.fx.usdPerUnit(xgd, day) * premium * between(ctx.rng, 0.98, 1.02);
    // residents pay in dollars or local pounds/dinars; the office credits them with gold dinars
    const cp = ctx.rng.next() < 0.5 ? usdIdx : (ctx.world.currency[buyer] ?? usdIdx);
    const paid = ctx.money.toMinor(usd, cp, day);
    ctx.push({
      ts,
      from: buyer,
      to: office,
      paid,
      currencyPaid: cp,
      received: coins * minorScale(xgd),
      currencyReceived: xgd,
      format: FMT.Cash,
      usd,
      pattern: p,
    });
  }
}
